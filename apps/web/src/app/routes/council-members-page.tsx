import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { councilSlugOf, useSession } from '../../features/auth/api/session';
import { memberKeys, useCouncilMembers } from '../../features/members/api/members';
import { InviteMemberForm } from '../../features/members/components/invite-member-form';
import { MemberTable } from '../../features/members/components/member-table';
import { langOf, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeading, SECTION_CARD } from './page-heading';

function Members({ slug }: { slug: string }) {
  const { i18n } = useTranslation('members');
  const queryClient = useQueryClient();
  const list = useCouncilMembers(slug);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice message={problemMessage(list.error, langOf(i18n.language))} onRetry={() => void list.refetch()} />;
  return (
    <div className="grid grid-cols-1 gap-8">
      <MemberTable councilSlug={slug} list={list.data} />
      {list.data.abilities.invite ? (
        <section className={SECTION_CARD}>
          <InviteMemberForm
            councilSlug={slug}
            onInvited={() => void queryClient.invalidateQueries({ queryKey: memberKeys.list(slug) }, { cancelRefetch: false })}
          />
        </section>
      ) : null}
    </div>
  );
}

export function CouncilMembersPage() {
  const { t } = useTranslation('members');
  const session = useSession().data;
  const slug = councilSlugOf(session);
  const council = session?.memberships.find((m) => m.organizationKind === 'council');
  useDocumentTitle(t('title'));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeading eyebrow={<span lang="ja">{council?.organizationName}</span>} title={t('title')} lead={<p>{t('lead')}</p>} />
      {session?.abilities['members.read'] && slug ? <Members slug={slug} /> : <Notice tone="warning" title={t('notAllowed')} />}
    </div>
  );
}
