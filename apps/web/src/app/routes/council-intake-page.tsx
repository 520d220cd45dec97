import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/ui/notice';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { councilSlugOf, useSession } from '../../features/auth/api/session';
import { intakeKeys, useConsultationForm, useIntakeInbox } from '../../features/intake/api/intake';
import { IntakeInboxList } from '../../features/intake/components/intake-inbox';
import { langOf, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeading } from './page-heading';

function Inbox({ slug }: { slug: string }) {
  const { i18n } = useTranslation('intake');
  const queryClient = useQueryClient();
  const inbox = useIntakeInbox(slug);
  const choices = useConsultationForm();
  if (inbox.isPending) return <Loading />;
  if (inbox.isError)
    return <ErrorNotice message={problemMessage(inbox.error, langOf(i18n.language))} onRetry={() => void inbox.refetch()} />;
  const needs = Object.fromEntries((choices.data?.checklists ?? []).flatMap((l) => l.items.map((i) => [i.id, { ja: i.ja, en: i.en }])));
  const industries = Object.fromEntries(
    (choices.data?.industries ?? []).flatMap((m) => m.divisions.map((d) => [d.code, { ja: d.nameJa, en: d.nameEn }])),
  );
  return (
    <IntakeInboxList
      inbox={inbox.data}
      labels={{ needs, industries }}
      onDecided={() => void queryClient.invalidateQueries({ queryKey: intakeKeys.inbox(slug) })}
    />
  );
}

export function CouncilIntakePage() {
  const { t } = useTranslation('intake');
  const session = useSession().data;
  const slug = councilSlugOf(session);
  const council = session?.memberships.find((m) => m.organizationKind === 'council');
  useDocumentTitle(t('inbox.title'));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeading eyebrow={<span lang="ja">{council?.organizationName}</span>} title={t('inbox.title')} lead={<p>{t('inbox.lead')}</p>} />
      {slug ? <Inbox slug={slug} /> : <Notice tone="warning" title={t('inbox.notAllowed')} />}
    </div>
  );
}
