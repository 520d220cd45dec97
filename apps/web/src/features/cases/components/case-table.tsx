import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseList } from '@kasseika/contracts';
import { formatDateJst } from '../../../lib/format';
import { langOf } from '../../../lib/form-errors';

/** The visible cases: cards on phones, a table from 640 px. */
export function CaseTable({ list }: { list: CaseList }) {
  const { t, i18n } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <>
      {/* Phones: one card per case (the table below takes over from 640 px). */}
      <ul className="grid grid-cols-1 gap-3 sm:hidden" data-testid="case-cards">
        {list.items.map((c) => (
          <li key={c.id} className="rounded-12 border border-line-light bg-surface p-4">
            <p className="font-mono text-sm text-ink-sub">{c.referenceNo}</p>
            <Link
              to="/cases/$caseId"
              params={{ caseId: c.id }}
              className="mt-1 inline-flex min-h-11 items-center text-lg font-bold"
              lang="ja"
            >
              {c.companyName}
            </Link>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              <dt className="text-ink-sub">{t('fields.council')}</dt>
              <dd lang="ja">{c.councilName}</dd>
              <dt className="text-ink-sub">{t('fields.myRole')}</dt>
              <dd>{c.myRoleInCase ? tc(`roleInCase.${c.myRoleInCase}`) : t('list.councilStaff')}</dd>
              <dt className="text-ink-sub">{t('fields.createdAt')}</dt>
              <dd>{formatDateJst(c.createdAt, lang)}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-12 border border-line-light bg-surface sm:block">
        <table className="w-full min-w-[40rem] border-collapse text-left" data-testid="case-table">
          <caption className="sr-only">{t('list.caption')}</caption>
          <thead className="bg-surface-sub text-sm">
            <tr>
              <th scope="col" className="px-4 py-3">
                {t('fields.referenceNo')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('fields.companyName')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('fields.council')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('fields.myRole')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('fields.createdAt')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <tr key={c.id} className="border-t border-line-light">
                <td className="px-4 py-3 font-mono whitespace-nowrap">{c.referenceNo}</td>
                <td className="px-4 py-3">
                  <Link to="/cases/$caseId" params={{ caseId: c.id }} className="font-bold" lang="ja">
                    {c.companyName}
                  </Link>
                </td>
                <td className="px-4 py-3" lang="ja">
                  {c.councilName}
                </td>
                <td className="px-4 py-3">{c.myRoleInCase ? tc(`roleInCase.${c.myRoleInCase}`) : t('list.councilStaff')}</td>
                <td className="px-4 py-3 whitespace-nowrap">{formatDateJst(c.createdAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Previous / next page, with where the user is. */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation('cases');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const button =
    'min-h-11 rounded-8 border-2 border-key bg-surface px-4 font-bold text-key hover:bg-key-light disabled:border-line disabled:text-ink-muted';
  return (
    <nav aria-label={t('list.pagination')} className="mt-4 flex items-center justify-between gap-3">
      <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {t('list.previous')}
      </button>
      <p>{t('list.pageOf', { page, pages })}</p>
      <button type="button" className={button} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('list.next')} →
      </button>
    </nav>
  );
}
