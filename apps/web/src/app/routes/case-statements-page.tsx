import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseStatements } from '@kasseika/contracts';
import { isCaseId, useCase } from '../../features/cases/api/cases';
import { caseStatementsKey, useCaseStatements } from '../../features/finance/api/case-statements';
import { CaseStatementsEditor } from '../../features/finance/components/case-statements-editor';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CaseNotFound } from './case-detail-page';
import { SECTION_CARD } from './page-heading';
import { CaseSubpageHeading, caseSubpageGate } from './case-subpage';

/**
 * The company's financial statements on a case (決算書 3期分): the company enters them itself (grid or Excel/CSV
 * template), the council and appointed experts read and correct them; each save is a new revision.
 */
export function CaseStatementsPage() {
  const { t, i18n } = useTranslation('statements');
  const { caseId } = useParams({ from: '/cases/$caseId/statements' });
  const queryClient = useQueryClient();
  const detail = useCase(caseId);
  const statements = useCaseStatements(caseId, isCaseId(caseId));
  const [saved, setSaved] = useState<CaseStatements | null>(null);
  useDocumentTitle(t('title'));
  if (!isCaseId(caseId)) return <CaseNotFound />;
  const gate = caseSubpageGate([detail, statements], i18n.language, () => void statements.refetch());
  if (gate || !detail.data || !statements.data) return gate;
  const c = detail.data;
  const current = saved ?? statements.data;
  const companyView = c.myRoleInCase === 'company';
  const dateTime = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <div className="grid grid-cols-1 gap-6">
      <CaseSubpageHeading detail={c} title={t('title')} lead={<p>{companyView ? t('leadCompany') : t('leadStaff')}</p>} />
      <div role="status" aria-live="polite" className={saved ? 'rounded-8 border border-success bg-surface p-3 font-bold' : 'sr-only'}>
        {saved?.revision ? t('saved', { revision: saved.revision, count: saved.statements.length }) : null}
      </div>
      <p data-testid="statements-revision">
        {current.revision && current.enteredAt
          ? t('revision', {
              revision: current.revision,
              at: dateTime(current.enteredAt),
              by: current.enteredByName ?? t(`source.${current.source ?? 'council'}`),
            })
          : t('none')}
      </p>
      {current.warnings.length > 0 ? (
        <section aria-labelledby="warnings-heading" className="rounded-8 border-l-8 border-warning bg-surface p-4">
          <h2 id="warnings-heading" className="text-lg">
            {t('warnings')}
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {current.warnings.map((w) => (
              <li key={`${w.pointer}-${w.code}`}>{w.message[i18n.language === 'en' ? 'en' : 'ja']}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className={SECTION_CARD} aria-label={t('title')}>
        <CaseStatementsEditor
          caseId={caseId}
          initial={statements.data}
          onSaved={(s) => {
            setSaved(s);
            queryClient.setQueryData(caseStatementsKey(caseId), s);
            window.scrollTo({ top: 0 });
          }}
        />
      </section>
    </div>
  );
}
