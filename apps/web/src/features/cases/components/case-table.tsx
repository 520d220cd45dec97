import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseList } from '@kasseika/contracts';
import { stageLabel } from '@kasseika/domain';
import { formatDateJst } from '../../../lib/format';
import { langOf } from '../../../lib/form-errors';

/**
 * The visible cases: cards on phones, a dense table from 640 px. Staff see track, stage and overdue tasks; outsiders
 * see the council and their role in each case instead.
 */
export function CaseTable({ list, staff }: { list: CaseList; staff: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  const track = (c: CaseList['items'][number]) => (c.track ? t(`tracks.${c.track}`) : '—');
  const overdue = (c: CaseList['items'][number]) =>
    c.overdueTaskCount ? (
      <span className="font-bold text-error">
        <span aria-hidden="true">⚠ </span>
        {t('list.overdueTasks', { count: c.overdueTaskCount })}
      </span>
    ) : (
      <span className="text-ink-sub">{t('list.noOverdue')}</span>
    );
  const cell = 'px-3 py-2';
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
            {c.companyNameKana ? (
              <p className="text-sm text-ink-sub" lang="ja">
                {c.companyNameKana}
              </p>
            ) : null}
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              {staff ? (
                <>
                  <dt className="text-ink-sub">{t('fields.track')}</dt>
                  <dd>{track(c)}</dd>
                  <dt className="text-ink-sub">{t('fields.stage')}</dt>
                  <dd>{stageLabel(c.stage)[lang]}</dd>
                  <dt className="text-ink-sub">{t('fields.tasks')}</dt>
                  <dd>{overdue(c)}</dd>
                </>
              ) : (
                <>
                  <dt className="text-ink-sub">{t('fields.council')}</dt>
                  <dd lang="ja">{c.councilName}</dd>
                  <dt className="text-ink-sub">{t('fields.myRole')}</dt>
                  <dd>{c.myRoleInCase ? tc(`roleInCase.${c.myRoleInCase}`) : t('list.councilStaff')}</dd>
                </>
              )}
              <dt className="text-ink-sub">{t('fields.createdAt')}</dt>
              <dd>{formatDateJst(c.createdAt, lang)}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-12 border border-line-light bg-surface sm:block">
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm" data-testid="case-table">
          <caption className="sr-only">{staff ? t('list.captionStaff') : t('list.caption')}</caption>
          <thead className="bg-surface-sub">
            <tr>
              <th scope="col" className={cell}>
                {t('fields.referenceNo')}
              </th>
              <th scope="col" className={cell}>
                {t('fields.companyName')}
              </th>
              {staff ? (
                <>
                  <th scope="col" className={cell}>
                    {t('fields.track')}
                  </th>
                  <th scope="col" className={cell}>
                    {t('fields.stage')}
                  </th>
                  <th scope="col" className={cell}>
                    {t('fields.tasks')}
                  </th>
                </>
              ) : (
                <>
                  <th scope="col" className={cell}>
                    {t('fields.council')}
                  </th>
                  <th scope="col" className={cell}>
                    {t('fields.myRole')}
                  </th>
                </>
              )}
              <th scope="col" className={cell}>
                {t('fields.createdAt')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <tr key={c.id} className="border-t border-line-light">
                <td className={`${cell} font-mono whitespace-nowrap`}>{c.referenceNo}</td>
                <td className={cell}>
                  <Link to="/cases/$caseId" params={{ caseId: c.id }} className="font-bold" lang="ja">
                    {c.companyName}
                  </Link>
                  {c.companyNameKana ? (
                    <span className="block text-xs text-ink-sub" lang="ja">
                      {c.companyNameKana}
                    </span>
                  ) : null}
                </td>
                {staff ? (
                  <>
                    <td className={cell}>{track(c)}</td>
                    <td className={cell}>{stageLabel(c.stage)[lang]}</td>
                    <td className={cell}>{overdue(c)}</td>
                  </>
                ) : (
                  <>
                    <td className={cell} lang="ja">
                      {c.councilName}
                    </td>
                    <td className={cell}>{c.myRoleInCase ? tc(`roleInCase.${c.myRoleInCase}`) : t('list.councilStaff')}</td>
                  </>
                )}
                <td className={`${cell} whitespace-nowrap`}>{formatDateJst(c.createdAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Newer / older page (keyset cursors from the server), and back to the first page. */
export function Pager({
  list,
  onCursor,
}: {
  list: Pick<CaseList, 'nextCursor' | 'prevCursor'>;
  onCursor: (cursor: string | undefined) => void;
}) {
  const { t } = useTranslation('cases');
  if (!list.nextCursor && !list.prevCursor) return null;
  const button =
    'min-h-11 rounded-8 border-2 border-key bg-surface px-4 font-bold text-key hover:bg-key-light disabled:border-line disabled:text-ink-muted';
  return (
    <nav aria-label={t('list.pagination')} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <div className="flex gap-2">
        <button type="button" className={button} disabled={!list.prevCursor} onClick={() => onCursor(undefined)}>
          {t('list.first')}
        </button>
        <button type="button" className={button} disabled={!list.prevCursor} onClick={() => onCursor(list.prevCursor ?? undefined)}>
          ← {t('list.previous')}
        </button>
      </div>
      <button type="button" className={button} disabled={!list.nextCursor} onClick={() => onCursor(list.nextCursor ?? undefined)}>
        {t('list.next')} →
      </button>
    </nav>
  );
}
