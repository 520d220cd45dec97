import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { stageLabel } from '@kasseika/domain';
import { Notice } from '../../components/ui/notice';
import { isCaseId, useCase } from '../../features/cases/api/cases';
import { useRcConsent, useRcDocuments, useRcGuarantors, useRcPackage, useRechallenge } from '../../features/rechallenge/api/rechallenge';
import { CompanyConsent } from '../../features/rechallenge/components/company-consent';
import { CouncilRechallenge } from '../../features/rechallenge/components/council-rechallenge';
import { PackageView } from '../../features/rechallenge/components/package-view';
import { langOf, problemCode } from '../../lib/form-errors';
import { formatDateTimeJst } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CaseNotFound } from './case-detail-page';
import { CaseSubpageHeading, caseSubpageGate } from './case-subpage';
import { SECTION_CARD } from './page-heading';

/**
 * 再チャレンジ支援 of a case (REFERENCE §4), one page for three readers: the council's record (advice, lawyer referral,
 * routes and guarantor workouts, consultations); the company's consent to the lawyer handover package; and the
 * referred lawyer's view of the consented package.
 */
export function CaseRechallengePage() {
  const { t, i18n } = useTranslation('rechallenge');
  const lang = langOf(i18n.language);
  const { caseId } = useParams({ from: '/cases/$caseId/rechallenge' });
  const valid = isCaseId(caseId);
  const detail = useCase(caseId);
  const role = detail.data?.myRoleInCase ?? null;
  const council = Boolean(detail.data?.abilities.transition);
  const record = useRechallenge(caseId, valid && council);
  const documents = useRcDocuments(caseId, valid && council);
  const guarantors = useRcGuarantors(caseId, valid && council);
  const consent = useRcConsent(caseId, valid && role === 'company');
  const pkg = useRcPackage(caseId, valid && role === 'lawyer');
  useDocumentTitle(t('title'));
  if (!valid) return <CaseNotFound />;
  const main = council ? record : role === 'company' ? consent : null;
  const gate = caseSubpageGate(main ? [detail, main] : [detail], i18n.language, () => void main?.refetch());
  if (gate || !detail.data) return gate;
  const c = detail.data;
  const lead = council ? t('leadCouncil') : role === 'company' ? t('leadCompany') : t('leadLawyer');
  return (
    <div className="grid grid-cols-1 gap-6">
      <CaseSubpageHeading detail={c} title={t('title')} lead={<p>{lead}</p>} />
      {council && record.data ? (
        <>
          <p className="rounded-8 border-l-8 border-key bg-key-light px-4 py-2" data-testid="rc-stage">
            <span className="font-bold">{t('stage')}: </span>
            {stageLabel(c.stage)[lang]}
          </p>
          {!c.stage.startsWith('rc_') ? (
            <Notice tone="info" title={t('notOnTrackTitle')}>
              <p>{t('notOnTrackBody')}</p>
            </Notice>
          ) : null}
          <CouncilRechallenge caseId={caseId} data={record.data} documents={documents.data} guarantors={guarantors.data} lang={lang} />
        </>
      ) : null}
      {role === 'company' && consent.data ? <CompanyConsent caseId={caseId} view={consent.data} /> : null}
      {role === 'lawyer' ? (
        pkg.isPending ? null : pkg.data ? (
          <section aria-labelledby="lawyer-package" className={SECTION_CARD}>
            <h2 id="lawyer-package" className="text-xl">
              {t('lawyer.heading')}
            </h2>
            <p className="mt-1 mb-3 text-sm">{t('lawyer.consentedAt', { at: formatDateTimeJst(pkg.data.consentedAt, lang) })}</p>
            <PackageView pkg={pkg.data.package} hash={pkg.data.packageHash} downloadCaseId={caseId} />
          </section>
        ) : (
          <Notice
            tone="info"
            title={problemCode(pkg.error) === 'NOT_FOUND' || problemCode(pkg.error) === 'FORBIDDEN' ? t('lawyer.none') : t('lawyer.error')}
          />
        )
      ) : null}
      {!council && role !== 'company' && role !== 'lawyer' ? <p className="text-ink-sub">{t('nothing')}</p> : null}
    </div>
  );
}
