import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  BALANCE_SHEET_KEYS,
  realBalanceSheetCategorySchema,
  type BalanceSheetKey,
  type Revitalization,
  type SaveRealBalanceSheetBody,
} from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { INPUT_CLASS, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateJst, formatDateTimeJst } from '../../../lib/format';
import type { Lang } from '../../../lib/form-errors';
import { revitalizationKeys, saveRealBalanceSheet } from '../api/revitalization';
import { problemLines } from './use-rv-form';
import { VersionedRecordSection } from './versioned-record-section';

const NET_ASSETS: readonly BalanceSheetKey[] = ['capitalStock', 'retainedEarnings', 'otherNetAssets'];
const CATEGORIES = realBalanceSheetCategorySchema.options;
const yen = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });

/** Integer yen for display; negatives keep the minus sign and are red (never colour alone). */
function Yen({ value, strong = false }: { value: number; strong?: boolean }) {
  return <span className={`tabular-nums ${value < 0 ? 'text-error' : ''} ${strong ? 'font-bold' : ''}`}>{yen.format(value)}</span>;
}

interface Row {
  book: string;
  adjustment: string;
  category: string;
  reason: string;
}

/** "1,234,000" or "-5000000" → integer yen; blank → 0; anything else → NaN (the server refuses it with a reason). */
function parseYen(text: string): number {
  const s = text.replace(/[,\s円]/g, '').replace(/[－−ー]/g, '-');
  if (s === '') return 0;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

function initialRows(data: Revitalization): Record<BalanceSheetKey, Row> {
  const input = data.realBalanceSheet?.input;
  return Object.fromEntries(
    BALANCE_SHEET_KEYS.map((k) => {
      const adj = input?.adjustments.find((a) => a.targetLine === k);
      return [
        k,
        {
          book: input?.balanceSheet[k] !== undefined ? String(input.balanceSheet[k]) : '',
          adjustment: adj ? String(adj.amount) : '',
          category: adj?.category ?? 'other',
          reason: adj?.reason ?? '',
        },
      ];
    }),
  ) as Record<BalanceSheetKey, Row>;
}

function RealBalanceSheetForm({
  caseId,
  data,
  lang,
  onSaved,
}: {
  caseId: string;
  data: Revitalization;
  lang: Lang;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation('revitalization');
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(() => initialRows(data));
  const [asOf, setAsOf] = useState(data.realBalanceSheet?.asOf ?? '');
  const [officerEquity, setOfficerEquity] = useState(data.realBalanceSheet?.input.treatOfficerLoansAsEquity ?? false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'error'; lines: string[] } | null>(null);
  const set = (k: BalanceSheetKey, patch: Partial<Row>) => setRows((r) => ({ ...r, [k]: { ...r[k], ...patch } }));

  async function save(ev: React.SyntheticEvent) {
    ev.preventDefault();
    setBusy(true);
    setResult(null);
    const balanceSheet = Object.fromEntries(
      BALANCE_SHEET_KEYS.filter((k) => k !== 'currentPortionOfLongTermBorrowings' || rows[k].book.trim() !== '').map((k) => [
        k,
        parseYen(rows[k].book),
      ]),
    ) as SaveRealBalanceSheetBody['balanceSheet'];
    const adjustments = BALANCE_SHEET_KEYS.filter((k) => !NET_ASSETS.includes(k) && rows[k].adjustment.trim() !== '').map((k) => ({
      id: k,
      targetLine: k,
      amount: parseYen(rows[k].adjustment),
      reason: rows[k].reason,
      category: rows[k].category as SaveRealBalanceSheetBody['adjustments'][number]['category'],
    }));
    try {
      const { version } = await saveRealBalanceSheet(caseId, { asOf, balanceSheet, adjustments, treatOfficerLoansAsEquity: officerEquity });
      await queryClient.invalidateQueries({ queryKey: revitalizationKeys.record(caseId) }, { cancelRefetch: false });
      await queryClient.invalidateQueries({ queryKey: revitalizationKeys.case(caseId), exact: true }, { cancelRefetch: false });
      onSaved(t('bs.saved', { version }));
    } catch (error) {
      // Name the line of each refused figure: "/body/adjustments/0/reason" → 棚卸資産.
      const lineOf = (pointer: string): string | null => {
        const adj = /^\/body\/adjustments\/(\d+)/.exec(pointer);
        if (adj) {
          const key = adjustments[Number(adj[1])]?.targetLine;
          return key ? t(`line.${key}`) : null;
        }
        const line = /^\/body\/balanceSheet\/(\w+)/.exec(pointer)?.[1];
        const key = BALANCE_SHEET_KEYS.find((k) => k === line);
        return key ? t(`line.${key}`) : null;
      };
      setResult({ tone: 'error', lines: problemLines(error, lang, lineOf) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(ev) => void save(ev)} noValidate className="grid gap-3" aria-label={t('bs.form')}>
      <p className="text-sm text-ink-sub">{t('bs.formLead')}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <TextField label={t('bs.asOf')} type="date" required value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        <label className="flex min-h-12 items-center gap-2 self-end font-bold">
          <input type="checkbox" className="size-6" checked={officerEquity} onChange={(e) => setOfficerEquity(e.target.checked)} />
          {t('bs.officerLoansAsEquity')}
        </label>
      </div>
      <div className="relative max-w-full overflow-x-auto" role="region" aria-label={t('bs.inputTable')} tabIndex={-1}>
        <table className="w-full min-w-[52rem] text-left">
          <caption className="sr-only">{t('bs.inputTable')}</caption>
          <thead>
            <tr className="border-b border-line text-sm">
              <th scope="col" className="py-2 pr-2">
                {t('bs.line')}
              </th>
              <th scope="col" className="py-2 pr-2">
                {t('bs.book')}
              </th>
              <th scope="col" className="py-2 pr-2">
                {t('bs.adjustment')}
              </th>
              <th scope="col" className="py-2 pr-2">
                {t('bs.category')}
              </th>
              <th scope="col" className="py-2">
                {t('bs.reason')}
              </th>
            </tr>
          </thead>
          <tbody>
            {BALANCE_SHEET_KEYS.map((k) => {
              const label = t(`line.${k}`);
              const netAssets = NET_ASSETS.includes(k);
              return (
                <tr key={k} className="border-b border-line-light">
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {label}
                  </th>
                  <td className="py-1 pr-2">
                    <input
                      className={`${INPUT_CLASS} text-right tabular-nums`}
                      inputMode="numeric"
                      aria-label={t('bs.bookOf', { line: label })}
                      value={rows[k].book}
                      onChange={(e) => set(k, { book: e.target.value })}
                    />
                  </td>
                  <td className="py-1 pr-2">
                    {netAssets ? null : (
                      <input
                        className={`${INPUT_CLASS} text-right tabular-nums`}
                        inputMode="numeric"
                        aria-label={t('bs.adjustmentOf', { line: label })}
                        value={rows[k].adjustment}
                        onChange={(e) => set(k, { adjustment: e.target.value })}
                      />
                    )}
                  </td>
                  <td className="py-1 pr-2">
                    {netAssets ? null : (
                      <select
                        className={INPUT_CLASS}
                        aria-label={t('bs.categoryOf', { line: label })}
                        value={rows[k].category}
                        onChange={(e) => set(k, { category: e.target.value })}
                      >
                        {CATEGORIES.map((c) => (
                          <option key={c} value={c}>
                            {t(`category.${c}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td className="py-1">
                    {netAssets ? null : (
                      <input
                        className={INPUT_CLASS}
                        aria-label={t('bs.reasonOf', { line: label })}
                        value={rows[k].reason}
                        onChange={(e) => set(k, { reason: e.target.value })}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {result ? (
        <Notice tone={result.tone} title={result.lines[0]}>
          {result.lines.length > 1 ? (
            <ul className="list-disc pl-5">
              {result.lines.slice(1).map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <div>
        <Button type="submit" busy={busy}>
          {t('bs.save')}
        </Button>
      </div>
    </form>
  );
}

function RealBalanceSheetResult({ data, lang }: { data: NonNullable<Revitalization['realBalanceSheet']>; lang: Lang }) {
  const { t } = useTranslation('revitalization');
  const r = data.result;
  return (
    <div className="grid gap-3">
      <p className="text-sm text-ink-sub">
        {t('bs.versionInfo', {
          version: data.version,
          date: formatDateJst(data.asOf, lang),
          name: data.createdByName ?? '—',
          at: formatDateTimeJst(data.createdAt, lang),
        })}
      </p>
      <dl className="grid gap-2 sm:grid-cols-3" data-testid="rv-real-bs-summary">
        <div className="rounded-8 border border-line-light p-3">
          <dt className="text-sm text-ink-sub">{t('bs.bookNetAssets')}</dt>
          <dd className="text-lg">
            <Yen value={r.bookNetAssets} />
          </dd>
        </div>
        <div className="rounded-8 border border-line-light p-3">
          <dt className="text-sm text-ink-sub">{t('bs.realNetAssets')}</dt>
          <dd className="text-lg">
            <Yen value={r.realNetAssets} strong />
          </dd>
        </div>
        <div className="rounded-8 border border-line-light p-3">
          <dt className="text-sm text-ink-sub">{t('bs.negativeEquity')}</dt>
          <dd className="text-lg font-bold">
            {r.isRealNegativeEquity
              ? t('bs.negativeEquityAmount', { amount: yen.format(r.realNegativeEquityAmount) })
              : t('bs.noNegativeEquity')}
          </dd>
        </div>
      </dl>
      {r.warnings.length > 0 ? (
        <Notice tone="warning" title={t('bs.warnings')}>
          <ul className="list-disc pl-5">
            {r.warnings.map((w, i) => (
              <li key={i}>{w.message[lang]}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div className="relative max-w-full overflow-x-auto" role="region" aria-label={t('bs.resultTable')} tabIndex={-1}>
        <table className="w-full min-w-[36rem] text-left" data-testid="rv-real-bs">
          <caption className="sr-only">{t('bs.resultTable')}</caption>
          <thead>
            <tr className="border-b border-line text-sm">
              <th scope="col" className="py-2 pr-3">
                {t('bs.line')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('bs.book')}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t('bs.adjustment')}
              </th>
              <th scope="col" className="py-2 text-right">
                {t('bs.real')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => (
              <tr key={l.key} className="border-b border-line-light">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {l.label[lang]}
                </th>
                <td className="py-1 pr-3 text-right">
                  <Yen value={l.book} />
                </td>
                <td className="py-1 pr-3 text-right">{l.adjustment === 0 ? '' : <Yen value={l.adjustment} />}</td>
                <td className="py-1 text-right">
                  <Yen value={l.real} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** 実態貸借対照表 (REFERENCE §6.4): book value → adjustment with reason → real value per line; versions kept. */
export function RealBalanceSheetSection({ caseId, data, lang }: { caseId: string; data: Revitalization; lang: Lang }) {
  const { t } = useTranslation('revitalization');
  const sheet = data.realBalanceSheet;
  return (
    <VersionedRecordSection
      latest={sheet ? <RealBalanceSheetResult data={sheet} lang={lang} /> : null}
      empty={t('bs.empty')}
      canWrite={data.abilities.write}
      version={sheet?.version ?? 0}
      newVersionLabel={t('bs.newVersion')}
      form={(onSaved) => <RealBalanceSheetForm caseId={caseId} data={data} lang={lang} onSaved={onSaved} />}
      history={{
        summary: t('bs.history', { count: data.realBalanceSheetVersions.length }),
        items: data.realBalanceSheetVersions.map((v) => ({
          key: v.version,
          text: t('bs.historyItem', {
            version: v.version,
            date: formatDateJst(v.asOf, lang),
            name: v.createdByName ?? '—',
            at: formatDateTimeJst(v.createdAt, lang),
          }),
        })),
      }}
    />
  );
}
