import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConfidentialityLiftList } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { creditorKeys, liftConfidentiality, revokeLift } from '../api/creditors';

/** The company's consents to share the case with banks (守秘義務の解除): dated, per bank and set, revocable. */
export function ConfidentialitySection({ caseId, lifts }: { caseId: string; lifts: ConfidentialityLiftList }) {
  const { t, i18n } = useTranslation('creditors');
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const [bankCode, setBankCode] = useState('');
  const [sets, setSets] = useState<{ plan: boolean; creditor_documents: boolean }>({ plan: true, creditor_documents: false });
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<ConfidentialityLiftList>, ok: string) {
    setBusy(true);
    setMessage(null);
    try {
      qc.setQueryData(creditorKeys.lifts(caseId), await action());
      setMessage({ tone: 'success', text: ok });
      void qc.invalidateQueries({ queryKey: creditorKeys.table(caseId) });
    } catch (error) {
      setMessage({ tone: 'error', text: problemMessage(error, lang) });
    } finally {
      setBusy(false);
    }
  }

  const chosen = (Object.keys(sets) as (keyof typeof sets)[]).filter((k) => sets[k]);
  return (
    <div className="grid grid-cols-1 gap-4">
      <p className="text-sm text-ink-sub">{lifts.abilities.manage ? t('lift.leadCompany') : t('lift.leadStaff')}</p>
      {message ? <Notice tone={message.tone} title={message.text} /> : null}
      {lifts.items.length === 0 ? (
        <p>{t('lift.none')}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-2" data-testid="lift-list">
          {lifts.items.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 rounded-8 border border-line p-3">
              <span>
                <span className="font-bold">{l.bankName}</span> <span className="font-mono">（{l.bankCode}）</span> ·{' '}
                {l.documentSets.map((s) => t(`lift.set.${s}`)).join('・')} ·{' '}
                {t('lift.consentedAt', { at: formatDateTimeJst(l.consentedAt, lang) })}
                {' · '}
                <span className={l.inForce ? 'text-success' : 'text-ink-sub'}>
                  {l.inForce ? t('lift.inForce') : t('lift.revokedAt', { at: formatDateTimeJst(l.revokedAt ?? l.consentedAt, lang) })}
                </span>
              </span>
              {lifts.abilities.manage && l.inForce ? (
                <Button
                  variant="danger"
                  busy={busy}
                  aria-label={t('lift.revokeLabel', { bank: l.bankName })}
                  onClick={() => void run(() => revokeLift(caseId, l.id), t('lift.revoked', { bank: l.bankName }))}
                >
                  {t('lift.revoke')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {lifts.abilities.manage ? (
        <form
          noValidate
          className="grid grid-cols-1 gap-3 rounded-8 border border-line p-4"
          aria-labelledby="lift-form-heading"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => liftConfidentiality(caseId, { bankCode: bankCode.normalize('NFKC').trim(), documentSets: chosen }),
              t('lift.done'),
            ).then(() => setBankCode(''));
          }}
        >
          <h3 id="lift-form-heading" className="text-lg">
            {t('lift.formHeading')}
          </h3>
          <TextField
            label={t('lift.bankCode')}
            hint={t('lift.bankCodeHint')}
            inputMode="numeric"
            maxLength={4}
            value={bankCode}
            onChange={(e) => setBankCode(e.target.value)}
            className="max-w-40 font-mono"
          />
          <fieldset className="grid gap-2">
            <legend className="font-bold">{t('lift.sets')}</legend>
            {(['plan', 'creditor_documents'] as const).map((s) => (
              <label key={s} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={sets[s]}
                  onChange={(e) => setSets((prev) => ({ ...prev, [s]: e.target.checked }))}
                />
                {t(`lift.set.${s}`)}
              </label>
            ))}
          </fieldset>
          <div>
            <Button type="submit" busy={busy}>
              {t('lift.submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
