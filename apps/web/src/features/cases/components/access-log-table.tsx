import { useTranslation } from 'react-i18next';
import type { AccessLog } from '@kasseika/contracts';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf } from '../../../lib/form-errors';

const OUTCOME_STYLE = {
  success: 'bg-key-light text-key',
  denied: 'bg-notice-bg text-ink',
  failure: 'bg-notice-bg text-error',
} as const;

/** "Who accessed this case": time (JST), who, in which role, what, and the outcome — newest first. */
export function AccessLogTable({ log }: { log: AccessLog }) {
  const { t, i18n } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  if (log.items.length === 0) return <p className="text-ink-sub">{t('log.empty')}</p>;
  return (
    <>
      {/* Phones: one card per entry (the table below takes over from 640 px). */}
      <ol className="grid grid-cols-1 gap-3 sm:hidden">
        {log.items.map((e, i) => (
          <li key={`${e.at}-${i}`} className="rounded-12 border border-line-light bg-surface p-4">
            <p className="text-sm text-ink-sub">{formatDateTimeJst(e.at, lang)}</p>
            <p className="mt-1 font-bold" lang="ja">
              {e.actorLabel ?? t('log.system')}
            </p>
            <p className="text-sm">{e.actorRoles.map((r) => tc(`roles.${r}`, { defaultValue: r })).join('、') || '—'}</p>
            <p className="mt-2 flex flex-wrap items-center gap-2">
              <span>{t(`log.events.${e.eventType}`, { defaultValue: e.eventType })}</span>
              <span className={`rounded-full px-2 py-0.5 text-sm font-bold ${OUTCOME_STYLE[e.outcome]}`}>
                {t(`log.outcomes.${e.outcome}`)}
              </span>
            </p>
          </li>
        ))}
      </ol>
      <div className="hidden overflow-x-auto rounded-12 border border-line-light bg-surface sm:block">
        <table className="w-full min-w-[40rem] border-collapse text-left" data-testid="access-log">
          <caption className="sr-only">{t('log.caption')}</caption>
          <thead className="bg-surface-sub text-sm">
            <tr>
              <th scope="col" className="px-4 py-3">
                {t('log.at')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('log.who')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('log.role')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('log.what')}
              </th>
              <th scope="col" className="px-4 py-3">
                {t('log.outcome')}
              </th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((e, i) => (
              <tr key={`${e.at}-${i}`} className="border-t border-line-light">
                <td className="px-4 py-3 whitespace-nowrap">{formatDateTimeJst(e.at, lang)}</td>
                <td className="px-4 py-3" lang="ja">
                  {e.actorLabel ?? t('log.system')}
                </td>
                <td className="px-4 py-3">{e.actorRoles.map((r) => tc(`roles.${r}`, { defaultValue: r })).join('、') || '—'}</td>
                <td className="px-4 py-3">{t(`log.events.${e.eventType}`, { defaultValue: e.eventType })}</td>
                <td className="px-4 py-3">
                  <span className={`rounded-full px-2 py-0.5 text-sm font-bold ${OUTCOME_STYLE[e.outcome]}`}>
                    {t(`log.outcomes.${e.outcome}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
