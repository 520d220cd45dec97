import { useTranslation } from 'react-i18next';
import type { CreditorTable as Table } from '@kasseika/contracts';
import { langOf } from '../../../lib/form-errors';

const yen = (n: number, lang: 'ja' | 'en') => `${n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US')}${lang === 'ja' ? '円' : ' yen'}`;

/** The creditor table (借入金一覧): every creditor's balance, security and unsecured amount (fairness, REFERENCE §9). */
export function CreditorTable({ table }: { table: Table }) {
  const { t, i18n } = useTranslation('creditors');
  const lang = langOf(i18n.language);
  if (table.items.length === 0) return <p>{t('table.none')}</p>;
  return (
    // Scrolls sideways on a narrow screen (a named region, as the finance tables).
    <div
      className="overflow-x-auto"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a table wider than a 360 px screen scrolls; keyboard users must be able to reach it (axe scrollable-region-focusable)
      tabIndex={0}
      role="region"
      aria-label={t('table.heading')}
    >
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="creditor-table">
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2">
              {t('table.bank')}
            </th>
            <th scope="col" className="py-2 text-right">
              {t('table.balance')}
            </th>
            <th scope="col" className="py-2 text-right">
              {t('table.secured')}
            </th>
            <th scope="col" className="py-2 text-right">
              {t('table.unsecured')}
            </th>
            <th scope="col" className="py-2 text-right">
              {t('table.monthly')}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.items.map((c) => (
            <tr key={c.id} className="border-b border-line">
              <th scope="row" className="py-2 font-normal">
                {c.bankName}（{c.bankCode}）{c.isMainBank ? ` · ${t('table.main')}` : ''}
                {c.isTarget ? '' : ` · ${t('table.notTarget')}`}
              </th>
              <td className="py-2 text-right tabular-nums">{yen(c.balance, lang)}</td>
              <td className="py-2 text-right tabular-nums">{yen(c.securedByCollateral + c.guaranteeCover, lang)}</td>
              <td className="py-2 text-right tabular-nums">{yen(c.unsecured, lang)}</td>
              <td className="py-2 text-right tabular-nums">{yen(c.monthlyRepayment, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-2">
              {t('table.total')}
            </th>
            <td className="py-2 text-right tabular-nums">{yen(table.totals.balance, lang)}</td>
            <td />
            <td className="py-2 text-right tabular-nums">{yen(table.totals.unsecured, lang)}</td>
            <td className="py-2 text-right tabular-nums">{yen(table.totals.monthlyRepayment, lang)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
