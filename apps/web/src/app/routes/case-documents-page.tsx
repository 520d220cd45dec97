import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isCaseId, useCase } from '../../features/cases/api/cases';
import { useCaseDocuments } from '../../features/documents/api/documents';
import { DocumentList } from '../../features/documents/components/document-list';
import { UploadDocumentForm } from '../../features/documents/components/upload-document-form';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CaseNotFound } from './case-detail-page';
import { SECTION_CARD } from './page-heading';
import { CaseSubpageHeading, caseSubpageGate } from './case-subpage';

/**
 * The documents of a case: the company uploads what the council asks for (決算書 3期分, 試算表, 資金繰り表,
 * 借入金一覧 …), everyone sees only the classes their role may see, and every version stays downloadable.
 */
export function CaseDocumentsPage() {
  const { t, i18n } = useTranslation('documents');
  const { caseId } = useParams({ from: '/cases/$caseId/documents' });
  const detail = useCase(caseId);
  const docs = useCaseDocuments(caseId, isCaseId(caseId));
  const [status, setStatus] = useState<string | null>(null);
  useDocumentTitle(t('title'));
  if (!isCaseId(caseId)) return <CaseNotFound />;
  const gate = caseSubpageGate([detail, docs], i18n.language, () => void docs.refetch());
  if (gate || !detail.data || !docs.data) return gate;
  const c = detail.data;
  const changed = (message: string) => {
    setStatus(message);
    void docs.refetch();
  };
  const companyView = c.myRoleInCase === 'company';
  return (
    <div className="grid grid-cols-1 gap-6">
      <CaseSubpageHeading detail={c} title={t('title')} lead={<p>{companyView ? t('leadCompany') : t('leadStaff')}</p>} />
      <div role="status" aria-live="polite" className={status ? 'rounded-8 border border-success bg-surface p-3 font-bold' : 'sr-only'}>
        {status}
      </div>
      {docs.data.abilities.upload ? (
        <section aria-labelledby="upload-heading" className={SECTION_CARD}>
          <h2 id="upload-heading" className="mb-4 text-xl">
            {t('upload.title')}
          </h2>
          <UploadDocumentForm
            caseId={caseId}
            allowedVisibilities={docs.data.abilities.allowedVisibilities}
            companyView={companyView}
            onUploaded={(title) => changed(t('upload.done', { title }))}
          />
        </section>
      ) : null}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-3 text-xl">
          {t('list.title', { count: docs.data.items.length })}
        </h2>
        <DocumentList caseId={caseId} list={docs.data} onChanged={changed} />
      </section>
    </div>
  );
}
