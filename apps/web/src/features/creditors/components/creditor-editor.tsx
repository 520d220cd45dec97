import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CreditorTable, FinancialInstitution } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { langOf, problemMessage } from '../../../lib/form-errors';
import {
  addCreditor,
  addLoan,
  creditorKeys,
  removeCreditor,
  removeLoan,
  searchInstitutions,
  updateCreditor,
  updateLoan,
} from '../api/creditors';
import { LoanForm } from './loan-form';

const yen = (n: number, lang: 'ja' | 'en') => `${n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US')}${lang === 'ja' ? '円' : ' yen'}`;

/**
 * The council edits the creditor table (借入金一覧): adds a bank found by name or 金融機関コード, marks the メイン行 and
 * the day it agreed to start support (the case fact mainBankAgreedToStart, ADR 0019), and keeps each bank's loans.
 * Every change answers with the whole table, which replaces the cached one.
 */
export function CreditorEditor({ caseId, table }: { caseId: string; table: CreditorTable }) {
  const { t, i18n } = useTranslation('creditors');
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ items: FinancialInstitution[]; total: number } | null>(null);
  const [searching, setSearching] = useState(false);
  const [editingLoan, setEditingLoan] = useState<string | null>(null);
  const [dates, setDates] = useState<Record<string, string>>({});

  async function apply(action: () => Promise<CreditorTable>, ok: string) {
    setMessage(null);
    try {
      qc.setQueryData(creditorKeys.table(caseId), await action());
      setMessage({ tone: 'success', text: ok });
    } catch (error) {
      setMessage({ tone: 'error', text: problemMessage(error, lang) });
      throw error;
    }
  }
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

  return (
    <div className="grid grid-cols-1 gap-4" data-testid="creditor-editor">
      {message ? (
        <div aria-live="polite">
          <Notice tone={message.tone} title={message.text} />
        </div>
      ) : null}
      <form
        role="search"
        aria-labelledby="bank-search-heading"
        className="grid grid-cols-1 gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setSearching(true);
          searchInstitutions(query.trim())
            .then(setHits)
            .catch((error: unknown) => setMessage({ tone: 'error', text: problemMessage(error, lang) }))
            .finally(() => setSearching(false));
        }}
      >
        <h3 id="bank-search-heading" className="text-lg">
          {t('editor.addHeading')}
        </h3>
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <TextField label={t('editor.search')} hint={t('editor.searchHint')} value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <Button type="submit" variant="secondary" busy={searching}>
            {t('editor.searchSubmit')}
          </Button>
        </div>
      </form>
      {hits ? (
        <div aria-live="polite">
          <p className="text-sm">{t('editor.hits', { count: hits.total, shown: hits.items.length })}</p>
          <ul className="grid gap-1" data-testid="bank-hits">
            {hits.items.map((b) => (
              <li key={b.code} className="flex flex-wrap items-center gap-2">
                <span>
                  {b.name}（{b.code}）{b.codeSource === 'kasseika-local' ? ` · ${t('editor.localCode')}` : ''}
                </span>
                <Button
                  type="button"
                  variant="text"
                  aria-label={t('editor.addBank', { bank: b.name })}
                  onClick={() =>
                    quiet(
                      apply(
                        () => addCreditor(caseId, { bankCode: b.code, isMainBank: false, isTarget: true }),
                        t('editor.added', { bank: b.name }),
                      ).then(() => setHits(null)),
                    )
                  }
                >
                  {t('editor.add')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="grid grid-cols-1 gap-4">
        {table.items.map((c) => (
          <li key={c.id} className="rounded-8 border border-line p-3" data-testid={`creditor-${c.bankCode}`}>
            <section aria-labelledby={`creditor-${c.id}-heading`} className="grid grid-cols-1 gap-3">
              <h3 id={`creditor-${c.id}-heading`} className="text-lg">
                {c.bankName}（{c.bankCode}）{c.isMainBank ? ` · ${t('table.main')}` : ''}
              </h3>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                <label className="flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    className="size-5 accent-key"
                    checked={c.isMainBank}
                    onChange={(e) =>
                      quiet(
                        apply(
                          () => updateCreditor(caseId, c.id, { isMainBank: e.target.checked }),
                          t('editor.saved', { bank: c.bankName }),
                        ),
                      )
                    }
                  />
                  {t('editor.mainBank')}
                </label>
                <label className="flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    className="size-5 accent-key"
                    checked={c.isTarget}
                    onChange={(e) =>
                      quiet(
                        apply(() => updateCreditor(caseId, c.id, { isTarget: e.target.checked }), t('editor.saved', { bank: c.bankName })),
                      )
                    }
                  />
                  {t('editor.target')}
                </label>
              </div>
              {c.isMainBank ? (
                <form
                  noValidate
                  className="flex flex-wrap items-end gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const value = dates[c.id] ?? c.startAgreedOn ?? '';
                    quiet(
                      apply(
                        () => updateCreditor(caseId, c.id, { startAgreedOn: value === '' ? null : value }),
                        value === '' ? t('editor.agreementCleared') : t('editor.agreementSaved', { bank: c.bankName }),
                      ),
                    );
                  }}
                >
                  <div>
                    <TextField
                      type="date"
                      label={t('editor.startAgreedOn')}
                      hint={t('editor.startAgreedOnHint')}
                      value={dates[c.id] ?? c.startAgreedOn ?? ''}
                      onChange={(e) => setDates((d) => ({ ...d, [c.id]: e.target.value }))}
                    />
                  </div>
                  <Button type="submit" variant="secondary">
                    {t('editor.saveAgreement')}
                  </Button>
                </form>
              ) : null}
              {c.loans.length === 0 ? <p>{t('loan.none')}</p> : null}
              <ul className="grid grid-cols-1 gap-2">
                {c.loans.map((l) => (
                  <li key={l.id} className="border-t border-line pt-2">
                    {editingLoan === l.id ? (
                      <LoanForm
                        loan={l}
                        bankName={c.bankName}
                        onCancel={() => setEditingLoan(null)}
                        onSubmit={(body) =>
                          apply(() => updateLoan(caseId, l.id, body), t('loan.saved', { loan: body.label })).then(() =>
                            setEditingLoan(null),
                          )
                        }
                      />
                    ) : (
                      <div className="flex flex-wrap items-center justify-between gap-2">
                        <p>
                          <span className="font-bold">{l.label}</span>: {t('table.balance')} {yen(l.balance, lang)} · {l.annualRatePercent}%
                          · {t('table.monthly')} {yen(l.monthlyRepayment, lang)}
                          {l.collateral
                            ? ` · ${t('loan.collateral')} ${l.collateral}（${yen(l.collateralAppraisal, lang)}・${l.collateralHaircutPercent}%）`
                            : ''}
                          {l.guaranteeCoverPercent > 0 ? ` · ${t('loan.coverShort', { p: l.guaranteeCoverPercent })}` : ''}
                        </p>
                        <div className="flex gap-2">
                          <Button
                            type="button"
                            variant="text"
                            aria-label={t('loan.editLabel', { bank: c.bankName, loan: l.label })}
                            onClick={() => setEditingLoan(l.id)}
                          >
                            {t('loan.edit')}
                          </Button>
                          <Button
                            type="button"
                            variant="text"
                            aria-label={t('loan.removeLabel', { bank: c.bankName, loan: l.label })}
                            onClick={() => {
                              if (window.confirm(t('loan.removeConfirm', { loan: l.label })))
                                quiet(apply(() => removeLoan(caseId, l.id), t('loan.removed', { loan: l.label })));
                            }}
                          >
                            {t('loan.remove')}
                          </Button>
                        </div>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              <details>
                <summary className="min-h-11 cursor-pointer py-2 font-bold text-key">{t('loan.addLabel', { bank: c.bankName })}</summary>
                <LoanForm
                  bankName={c.bankName}
                  onSubmit={(body) => apply(() => addLoan(caseId, c.id, body), t('loan.added', { loan: body.label }))}
                />
              </details>
              <div>
                <Button
                  type="button"
                  variant="danger"
                  aria-label={t('editor.removeLabel', { bank: c.bankName })}
                  onClick={() => {
                    if (window.confirm(t('editor.removeConfirm', { bank: c.bankName })))
                      quiet(apply(() => removeCreditor(caseId, c.id), t('editor.removed', { bank: c.bankName })));
                  }}
                >
                  {t('editor.remove')}
                </Button>
              </div>
            </section>
          </li>
        ))}
      </ul>
    </div>
  );
}
