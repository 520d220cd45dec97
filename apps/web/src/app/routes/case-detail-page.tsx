import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { stageLabel } from '@kasseika/domain';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/button-link';
import { Notice } from '../../components/ui/notice';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { isCaseId, useCase } from '../../features/cases/api/cases';
import { CaseSummary } from '../../features/cases/components/case-summary';
import { CaseTeam } from '../../features/cases/components/case-team';
import { CaseTimelinePanel, NextTransitions } from '../../features/cases/components/case-timeline';
import { CompanyCaseStatus } from '../../features/intake/components/company-case-status';
import { DeskConsultationSection } from '../../features/casework/components/desk-consultation-section';
import { EarningsSection } from '../../features/casework/components/earnings-section';
import { TasksSection } from '../../features/casework/components/tasks-section';
import { langOf, problemCode, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeading, SECTION_CARD } from './page-heading';

/** The "not found" of a case: also what anyone sees for a case they may not see (its existence is confidential). */
export function CaseNotFound() {
  const { t } = useTranslation('cases');
  useDocumentTitle(t('detail.notFoundTitle'));
  return (
    <div className="grid grid-cols-1 gap-4">
      <h1 className="text-2xl md:text-3xl">{t('detail.notFoundTitle')}</h1>
      <p>{t('detail.notFoundBody')}</p>
      <p>
        <ButtonLink to="/cases">{t('detail.backToList')}</ButtonLink>
      </p>
    </div>
  );
}

export function CaseDetailPage() {
  const { t, i18n } = useTranslation('cases');
  const { t: tCreditors } = useTranslation('creditors');
  const { caseId } = useParams({ from: '/cases/$caseId' });
  const detail = useCase(caseId);
  useDocumentTitle(detail.data ? `${detail.data.companyName}（${detail.data.referenceNo}）` : t('detail.title'));
  if (!isCaseId(caseId)) return <CaseNotFound />;
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    return ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED'].includes(problemCode(detail.error) ?? '') ? (
      <CaseNotFound />
    ) : (
      <ErrorNotice message={problemMessage(detail.error, langOf(i18n.language))} onRetry={() => void detail.refetch()} />
    );
  }
  const c = detail.data;
  return (
    <div className="grid grid-cols-1 gap-6">
      <nav aria-label={t('detail.breadcrumb')} className="text-sm">
        <Link to="/cases">{t('list.title')}</Link> <span aria-hidden="true">›</span> <span>{c.referenceNo}</span>
      </nav>
      <PageHeading
        eyebrow={c.referenceNo}
        title={c.companyName}
        actions={
          <div className="flex flex-wrap gap-2">
            {c.abilities.readDocuments ? (
              <ButtonLink to="/cases/$caseId/documents" params={{ caseId: c.id }} variant="secondary">
                {t('detail.documents')}
              </ButtonLink>
            ) : null}
            {c.abilities.readStatements ? (
              <ButtonLink to="/cases/$caseId/statements" params={{ caseId: c.id }} variant="secondary">
                {t('detail.statements')}
              </ButtonLink>
            ) : null}
            {c.abilities.readGuarantors ? (
              <ButtonLink to="/cases/$caseId/guarantors" params={{ caseId: c.id }} variant="secondary">
                {t('detail.guarantors')}
              </ButtonLink>
            ) : null}
            {c.track === 'rechallenge' && (c.abilities.transition || c.myRoleInCase === 'company' || c.myRoleInCase === 'lawyer') ? (
              <ButtonLink to="/cases/$caseId/rechallenge" params={{ caseId: c.id }} variant="secondary">
                {t('detail.rechallenge')}
              </ButtonLink>
            ) : null}
            {c.abilities.transition && c.track === 'revitalization' ? (
              <ButtonLink to="/cases/$caseId/revitalization" params={{ caseId: c.id }} variant="secondary">
                {t('detail.revitalization')}
              </ButtonLink>
            ) : null}
            {c.abilities.readAccessLog ? (
              <ButtonLink to="/cases/$caseId/access-log" params={{ caseId: c.id }} variant="secondary">
                {t('detail.accessLog')}
              </ButtonLink>
            ) : null}
            {c.abilities.readCreditors ? (
              <ButtonLink to="/cases/$caseId/creditors" params={{ caseId: c.id }} variant="secondary">
                {tCreditors('link')}
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <CompanyCaseStatus detail={c} />
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="mb-3 text-xl">
          {t('detail.summary')}
        </h2>
        <CaseSummary detail={c} />
      </section>
      {c.abilities.transition ? (
        <section aria-labelledby="next-heading" className={SECTION_CARD}>
          <h2 id="next-heading" className="text-xl">
            {t('next.heading')}
          </h2>
          <p className="mt-1 text-sm text-ink-sub">{t('next.lead')}</p>
          <div className="mt-4">
            <NextTransitions detail={c} />
          </div>
        </section>
      ) : null}
      {c.abilities.readTimeline ? (
        <section aria-labelledby="timeline-heading" className={SECTION_CARD}>
          <h2 id="timeline-heading" className="text-xl">
            {t('timeline.heading')}
          </h2>
          <p className="mt-1 text-sm text-ink-sub">{t('timeline.lead')}</p>
          <div className="mt-4">
            <CaseTimelinePanel caseId={c.id} />
          </div>
        </section>
      ) : null}
      {c.abilities.readGrants ? (
        <section aria-labelledby="team-heading" className={SECTION_CARD}>
          <h2 id="team-heading" className="text-xl">
            {t('team.heading')}
          </h2>
          <p className="mt-1 text-sm text-ink-sub">{t('team.lead')}</p>
          <div className="mt-4">
            <CaseTeam detail={c} />
          </div>
        </section>
      ) : (
        <Notice tone="info" title={t('detail.confidentialTitle')}>
          <p>{t('detail.confidentialBody')}</p>
        </Notice>
      )}
      {c.abilities.transition ? <CaseworkSections detail={c} /> : null}
    </div>
  );
}

/**
 * Council case work on the case page (the council's case workers only: `transition` is exactly their ability). One
 * panel at a time, opened on demand, so the case page itself stays a single fast request.
 */
function CaseworkSections({ detail }: { detail: Parameters<typeof DeskConsultationSection>[0]['detail'] }) {
  const { t, i18n } = useTranslation('casework');
  const [open, setOpen] = useState<'tasks' | 'desk' | 'earnings' | null>(null);
  const panels = [...(detail.track === 'earnings_improvement' ? (['earnings'] as const) : []), 'tasks' as const, 'desk' as const];
  const titles = { earnings: t('earnings.heading'), tasks: t('tasks.heading'), desk: t('desk.heading') };
  return (
    <section aria-labelledby="casework-heading" className={SECTION_CARD}>
      <h2 id="casework-heading" className="text-xl">
        {t('panels.heading')}
      </h2>
      <p className="mt-2 rounded-8 border-l-8 border-key bg-key-light px-4 py-2" data-testid="case-stage">
        <span className="font-bold">{t('stage')}: </span>
        {stageLabel(detail.stage)[langOf(i18n.language)]}
      </p>
      <ul className="mt-4 flex flex-wrap gap-2">
        {panels.map((p) => (
          <li key={p}>
            <Button
              variant={open === p ? 'primary' : 'secondary'}
              aria-expanded={open === p}
              aria-controls={`panel-${p}`}
              onClick={() => setOpen(open === p ? null : p)}
            >
              {titles[p]}
            </Button>
          </li>
        ))}
      </ul>
      {open ? (
        <div id={`panel-${open}`} role="region" aria-labelledby={`panel-${open}-heading`} className="mt-6">
          <h3 id={`panel-${open}-heading`} className="text-xl">
            {titles[open]}
          </h3>
          <p className="mt-1 text-sm text-ink-sub">{open === 'earnings' ? t('earnings.lead') : open === 'desk' ? t('desk.lead') : null}</p>
          <div className="mt-4">
            {open === 'earnings' ? <EarningsSection detail={detail} /> : null}
            {open === 'tasks' ? <TasksSection caseId={detail.id} /> : null}
            {open === 'desk' ? <DeskConsultationSection detail={detail} /> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
