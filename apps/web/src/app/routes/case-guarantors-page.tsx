import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseGuarantors, GuarantorInput } from '@kasseika/contracts';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Notice } from '../../components/ui/notice';
import { isCaseId, useCase } from '../../features/cases/api/cases';
import { StepsList } from '../../features/finance/components/steps-list';
import { saveCaseGuarantors, useCaseGuarantors } from '../../features/guarantors/api/guarantors';
import { caseGuaranteesKey } from '../../features/guarantors/api/keys';
import { GuarantorCard } from '../../features/guarantors/components/guarantor-card';
import { GuarantorForm, problemsForIndex } from '../../features/guarantors/components/guarantor-form';
import { ApiError } from '../../lib/api';
import { langOf, problemCode, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CaseNotFound } from './case-detail-page';
import { SECTION_CARD } from './page-heading';
import { CaseSubpageHeading, caseSubpageGate } from './case-subpage';

function withoutEstimate(g: CaseGuarantors['guarantors'][number]): GuarantorInput {
  const { name, relationship, birthDate, workoutType, assumedBenefitDays, keepsHome, guarantees, assets, note } = g;
  return { name, relationship, birthDate, workoutType, assumedBenefitDays, keepsHome, guarantees, assets, note };
}

/**
 * 経営者保証: the guarantors of the company's debts, their guarantees and personal assets, and the 残存資産 estimate
 * under the 経営者保証ガイドライン (REFERENCE §4.1). Council staff, the company and the lawyer on the case.
 */
export function CaseGuarantorsPage() {
  const { t, i18n } = useTranslation('guarantors');
  const lang = langOf(i18n.language);
  const { caseId } = useParams({ from: '/cases/$caseId/guarantors' });
  const queryClient = useQueryClient();
  const detail = useCase(caseId);
  const data = useCaseGuarantors(caseId, isCaseId(caseId));
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  useDocumentTitle(t('title'));
  if (!isCaseId(caseId)) return <CaseNotFound />;
  const gate = caseSubpageGate([detail, data], i18n.language, () => void data.refetch());
  if (gate || !detail.data || !data.data) return gate;
  const c = detail.data;
  const g = data.data;
  const current = g.guarantors.map(withoutEstimate);

  async function save(list: GuarantorInput[], index: number) {
    try {
      const saved = await saveCaseGuarantors(caseId, list, g.revision);
      queryClient.setQueryData(caseGuaranteesKey(caseId), saved);
      setEditing(null);
      setStatus(t('saved', { revision: saved.revision }));
      return { problems: [], formError: null };
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors?.length) {
        const problems = problemsForIndex(error.problem.errors, index, lang);
        const rest = error.problem.errors.filter((e) => !e.pointer.startsWith(`/body/guarantors/${index}/`));
        return {
          problems,
          formError: rest.length > 0 ? rest.map((e) => e.message[lang]).join(' / ') : t('form.fixErrors', { count: problems.length }),
        };
      }
      if (problemCode(error) === 'CONFLICT') void data.refetch();
      return { problems: [], formError: problemMessage(error, lang) };
    }
  }

  async function remove(index: number) {
    setBusy(true);
    const r = await save(
      current.filter((_, i) => i !== index),
      -1,
    );
    setBusy(false);
    setDeleting(null);
    if (r.formError) setStatus(r.formError);
  }

  const write = g.abilities.write;
  return (
    <div className="grid grid-cols-1 gap-6">
      <CaseSubpageHeading
        detail={c}
        title={t('title')}
        lead={<p>{t('lead')}</p>}
        actions={write && editing === null ? <Button onClick={() => setEditing('new')}>{t('add')}</Button> : null}
      />
      <Notice tone="info" title={t('confidentialTitle')}>
        <p>{t('confidentialBody')}</p>
      </Notice>
      {!g.ruleSet.verified ? (
        <Notice tone="warning" title={t('unverifiedTitle')}>
          <p>{t('unverifiedBody', { date: g.referenceDate })}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {g.ruleSet.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} rel="noreferrer noopener" target="_blank" className="inline-flex min-h-11 items-center break-all">
                  {s.url}
                </a>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div role="status" aria-live="polite" className={status ? 'rounded-8 border border-success bg-surface p-3 font-bold' : 'sr-only'}>
        {status}
      </div>

      {editing === 'new' ? (
        <section aria-labelledby="new-guarantor" className={SECTION_CARD}>
          <h2 id="new-guarantor" className="mb-4 text-xl">
            {t('add')}
          </h2>
          <GuarantorForm initial={null} onCancel={() => setEditing(null)} onSave={(input) => save([...current, input], current.length)} />
        </section>
      ) : null}

      {g.guarantors.length === 0 && editing !== 'new' ? <p className="rounded-12 bg-surface p-6 text-ink-sub">{t('empty')}</p> : null}
      {g.guarantors.map((guarantor, i) =>
        editing === i ? (
          <section key={i} aria-labelledby={`edit-${i}`} className={SECTION_CARD}>
            <h2 id={`edit-${i}`} className="mb-4 text-xl">
              {t('editTitle', { name: guarantor.name })}
            </h2>
            <GuarantorForm
              initial={withoutEstimate(guarantor)}
              onCancel={() => setEditing(null)}
              onSave={(input) =>
                save(
                  current.map((x, j) => (j === i ? input : x)),
                  i,
                )
              }
            />
          </section>
        ) : (
          <GuarantorCard
            key={i}
            index={i}
            guarantor={guarantor}
            onEdit={write && editing === null ? () => setEditing(i) : null}
            onDelete={write && editing === null ? () => setDeleting(i) : null}
            explanation={<StepsList steps={guarantor.estimate.steps} summary={t('card.steps')} />}
          />
        ),
      )}
      {g.enteredAt ? (
        <p className="text-sm text-ink-sub">{t('lastSaved', { revision: g.revision, name: g.enteredByName ?? '—' })}</p>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('deleteTitle')}
        confirmLabel={t('deleteConfirm')}
        cancelLabel={t('form.cancel')}
        danger
        busy={busy}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void (deleting !== null ? remove(deleting) : undefined)}
      >
        <p>{t('deleteBody', { name: deleting !== null ? (g.guarantors[deleting]?.name ?? '') : '' })}</p>
      </ConfirmDialog>
    </div>
  );
}
