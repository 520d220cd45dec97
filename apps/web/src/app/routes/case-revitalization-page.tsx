import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { stageLabel } from '@kasseika/domain';
import { isCaseId, useCase } from '../../features/cases/api/cases';
import { surveyReportUrl, useCaseDocuments, useRevitalization } from '../../features/revitalization/api/revitalization';
import { BusinessPlanSection } from '../../features/revitalization/components/business-plan-section';
import { DueDiligenceSection } from '../../features/revitalization/components/due-diligence-section';
import { RealBalanceSheetSection } from '../../features/revitalization/components/real-balance-sheet-section';
import { SupportDesignSection } from '../../features/revitalization/components/support-design-section';
import { TeamSection } from '../../features/revitalization/components/team-section';
import { Notice } from '../../components/ui/notice';
import { langOf } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CaseNotFound } from './case-detail-page';
import { CaseSubpageHeading, caseSubpageGate } from './case-subpage';
import { SECTION_CARD } from './page-heading';

function Section({ id, title, lead, done, children }: { id: string; title: string; lead: string; done?: boolean; children: ReactNode }) {
  const { t } = useTranslation('revitalization');
  return (
    <section aria-labelledby={`${id}-heading`} className={SECTION_CARD}>
      <h2 id={`${id}-heading`} className="flex flex-wrap items-center gap-2 text-xl">
        {title}
        {done === undefined ? null : (
          <span className={`rounded-4 px-2 py-0.5 text-sm ${done ? 'bg-success text-white' : 'bg-notice-bg text-ink'}`}>
            {done ? t('done') : t('notYet')}
          </span>
        )}
      </h2>
      <p className="mt-1 text-sm text-ink-sub">{lead}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}

/**
 * 再生支援 / プレ再生支援 of a case (REFERENCE §3): the individual support team with expert appointments and
 * conflict-of-interest declarations, the DD reports, the 実態貸借対照表 and the business-plan draft. Council case
 * workers only (others get "not found", as for any case they may not see in full).
 */
export function CaseRevitalizationPage() {
  const { t, i18n } = useTranslation('revitalization');
  const lang = langOf(i18n.language);
  const { caseId } = useParams({ from: '/cases/$caseId/revitalization' });
  const valid = isCaseId(caseId);
  const detail = useCase(caseId);
  const data = useRevitalization(caseId, valid);
  const documents = useCaseDocuments(caseId, valid);
  useDocumentTitle(t('title'));
  if (!valid) return <CaseNotFound />;
  const gate = caseSubpageGate([detail, data, documents], i18n.language, () => void data.refetch());
  if (gate || !detail.data || !data.data || !documents.data) return gate;
  const c = detail.data;
  const r = data.data;
  return (
    <div className="grid grid-cols-1 gap-6">
      <CaseSubpageHeading
        detail={c}
        title={t('title')}
        lead={<p>{t('lead')}</p>}
        actions={
          r.realBalanceSheet && r.businessPlan ? (
            <a
              href={surveyReportUrl(c.id)}
              download
              className="inline-flex min-h-12 items-center rounded-8 border-2 border-key px-4 font-bold text-key underline-offset-4 hover:underline"
            >
              {t('surveyReport')}
            </a>
          ) : null
        }
      />
      <p className="rounded-8 border-l-8 border-key bg-key-light px-4 py-2" data-testid="case-stage">
        <span className="font-bold">{t('stage')}: </span>
        {stageLabel(c.stage)[lang]}
      </p>
      {!r.abilities.write ? (
        <Notice tone="info" title={t('readOnlyTitle')}>
          <p>{t('readOnlyBody')}</p>
        </Notice>
      ) : null}
      <Section id="rv-team" title={t('team.heading')} lead={t('team.lead')} done={r.facts.teamHasExpert}>
        <TeamSection caseId={c.id} data={r} lang={lang} />
      </Section>
      <Section id="rv-dd" title={t('dd.heading')} lead={t('dd.lead')}>
        <DueDiligenceSection caseId={c.id} documents={documents.data} lang={lang} />
      </Section>
      <Section id="rv-bs" title={t('bs.heading')} lead={t('bs.lead')} done={r.facts.realBalanceSheetExists}>
        <RealBalanceSheetSection caseId={c.id} data={r} lang={lang} />
      </Section>
      <Section id="rv-plan" title={t('plan.heading')} lead={t('plan.lead')} done={r.facts.businessPlanExists}>
        <BusinessPlanSection caseId={c.id} data={r} lang={lang} />
      </Section>
      <Section id="rv-design" title={t('design.heading')} lead={t('design.lead')} done={r.supportDesign !== null}>
        <SupportDesignSection caseId={c.id} data={r} lang={lang} />
      </Section>
    </div>
  );
}
