import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { councilSlugOf, useSession } from '../../features/auth/api/session';
import { useOverdueTasks } from '../../features/casework/api/casework';
import { DueState } from '../../features/casework/components/tasks-section';
import { formatDateJst } from '../../lib/format';
import { langOf, problemCode, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeading, SECTION_CARD } from './page-heading';

function OverdueList({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation('casework');
  const lang = langOf(i18n.language);
  const list = useOverdueTasks(slug);
  if (list.isPending) return <Loading />;
  if (list.isError)
    return ['FORBIDDEN', 'NOT_FOUND'].includes(problemCode(list.error) ?? '') ? (
      <Notice tone="warning" title={t('overdue.notAllowed')} />
    ) : (
      <ErrorNotice message={problemMessage(list.error, lang)} onRetry={() => void list.refetch()} />
    );
  if (list.data.items.length === 0) return <Notice tone="success" title={t('overdue.empty')} />;
  return (
    <section className={SECTION_CARD} aria-labelledby="overdue-heading">
      <h2 id="overdue-heading" className="sr-only">
        {t('overdue.title')}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse text-sm">
          <thead>
            <tr className="border-b-2 border-line text-left">
              <th scope="col" className="py-1 pr-2">
                {t('tasks.due')}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t('overdue.case')}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t('tasks.title')}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t('tasks.assignee')}
              </th>
              <th scope="col" className="py-1">
                {t('tasks.status')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((task) => (
              <tr key={task.id} className="border-b border-line-light">
                <td className="py-1 pr-2 whitespace-nowrap tabular-nums">{formatDateJst(task.dueOn, lang)}</td>
                <td className="py-1 pr-2">
                  <Link to="/cases/$caseId" params={{ caseId: task.caseId }}>
                    {task.companyName}
                  </Link>
                  <span className="block text-xs text-ink-sub">{task.caseReferenceNo}</span>
                </td>
                <td className="py-1 pr-2">{task.title}</td>
                <td className="py-1 pr-2">{task.assigneeName ?? t('tasks.noAssignee')}</td>
                <td className="py-1">
                  <DueState task={task} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The council's overdue list (case workers): open tasks past their deadline across every case. */
export function CaseworkOverduePage() {
  const { t } = useTranslation('casework');
  const session = useSession().data;
  const slug = councilSlugOf(session);
  const council = session?.memberships.find((m) => m.organizationKind === 'council');
  useDocumentTitle(t('overdue.title'));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeading
        eyebrow={<span lang="ja">{council?.organizationName}</span>}
        title={t('overdue.title')}
        lead={<p>{t('overdue.lead')}</p>}
      />
      {slug ? <OverdueList slug={slug} /> : <Notice tone="warning" title={t('overdue.notAllowed')} />}
    </div>
  );
}
