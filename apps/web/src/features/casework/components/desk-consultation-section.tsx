import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createInternalNoteBodySchema, createInterviewBodySchema, createIssueBodySchema, type CaseDetail } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { ErrorNotice, Loading } from '../../../components/ui/status';
import { formatDateJst, formatDateTimeJst } from '../../../lib/format';
import { fieldMessage, langOf, problemMessage } from '../../../lib/form-errors';
import {
  addInternalNote,
  caseworkKeys,
  recordInterview,
  recordIssue,
  interviewSummaryUrl,
  referralLetterUrl,
  saveIssueAdvice,
  useDeskConsultation,
} from '../api/casework';
import { Diagnosis } from './diagnosis-table';
import { TriageForm } from './triage-form';
import { useContractForm } from '../../../lib/use-contract-form';

const SUB_CARD = 'rounded-8 border border-line-light p-4';

function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: caseworkKeys.desk(caseId) }, { cancelRefetch: false });
  };
}

function Result({ result }: { result: { tone: 'success' | 'error'; text: string } | null }) {
  return result ? <Notice tone={result.tone} title={result.text} /> : null;
}

function InterviewForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('casework');
  const refresh = useRefresh(caseId);
  const { form, submit, result, lang } = useContractForm({
    schema: createInterviewBodySchema,
    defaults: { heldOn: '', attendees: '', notes: '' },
    fields: ['heldOn', 'attendees', 'notes'] as const,
    send: async (body) => {
      await recordInterview(caseId, body);
      refresh();
      return t('interviews.saved');
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="grid grid-cols-1 gap-3" aria-label={t('interviews.submit')}>
      <Result result={result} />
      <div className="grid grid-cols-1 gap-3 md:grid-cols-[12rem_1fr]">
        <TextField
          label={t('interviews.heldOn')}
          type="date"
          required
          registration={form.register('heldOn')}
          error={fieldMessage(e.heldOn?.message, lang)}
        />
        <TextField
          label={t('interviews.attendees')}
          hint={t('interviews.attendeesHint')}
          required
          registration={form.register('attendees')}
          error={fieldMessage(e.attendees?.message, lang)}
        />
      </div>
      <TextAreaField
        label={t('interviews.notes')}
        required
        rows={4}
        registration={form.register('notes')}
        error={fieldMessage(e.notes?.message, lang)}
      />
      <div>
        <Button type="submit" busy={form.formState.isSubmitting}>
          {t('interviews.submit')}
        </Button>
      </div>
    </form>
  );
}

function IssueForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('casework');
  const refresh = useRefresh(caseId);
  const { form, submit, result, lang } = useContractForm({
    schema: createIssueBodySchema,
    defaults: { issue: '', advice: '' },
    fields: ['issue', 'advice'] as const,
    toBody: (v: { issue: string; advice: string }) => ({ issue: v.issue, ...(v.advice.trim() ? { advice: v.advice } : {}) }),
    send: async (body) => {
      await recordIssue(caseId, body);
      refresh();
      return t('issues.saved');
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="grid grid-cols-1 gap-3" aria-label={t('issues.submit')}>
      <Result result={result} />
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <TextAreaField
          label={t('issues.issue')}
          required
          registration={form.register('issue')}
          error={fieldMessage(e.issue?.message, lang)}
        />
        <TextAreaField
          label={t('issues.advice')}
          hint={t('issues.adviceHint')}
          registration={form.register('advice')}
          error={fieldMessage(e.advice?.message, lang)}
        />
      </div>
      <div>
        <Button type="submit" busy={form.formState.isSubmitting}>
          {t('issues.submit')}
        </Button>
      </div>
    </form>
  );
}

function AdviceEditor({ caseId, issueId, issue }: { caseId: string; issueId: string; issue: string }) {
  const { t, i18n } = useTranslation('casework');
  const refresh = useRefresh(caseId);
  const [open, setOpen] = useState(false);
  const [advice, setAdvice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <Button variant="text" onClick={() => setOpen(true)}>
        {t('issues.addAdvice')}
      </Button>
    );
  return (
    <form
      className="mt-2 grid gap-2"
      onSubmit={(ev) => {
        ev.preventDefault();
        setBusy(true);
        setError(null);
        saveIssueAdvice(caseId, issueId, advice)
          .then(() => {
            setOpen(false);
            refresh();
          })
          .catch((err: unknown) => setError(problemMessage(err, langOf(i18n.language))))
          .finally(() => setBusy(false));
      }}
    >
      <TextAreaField
        label={t('issues.adviceFor', { issue: issue.slice(0, 30) })}
        required
        value={advice}
        onChange={(ev) => setAdvice(ev.target.value)}
        error={error ?? undefined}
      />
      <div className="flex gap-2">
        <Button type="submit" busy={busy}>
          {t('issues.saveAdvice')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('issues.cancel')}
        </Button>
      </div>
    </form>
  );
}

function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('casework');
  const refresh = useRefresh(caseId);
  const { form, submit, result, lang } = useContractForm({
    schema: createInternalNoteBodySchema,
    defaults: { body: '' },
    fields: ['body'] as const,
    send: async (body) => {
      await addInternalNote(caseId, body);
      refresh();
      return t('notes.saved');
    },
  });
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate className="grid grid-cols-1 gap-3" aria-label={t('notes.submit')}>
      <Result result={result} />
      <TextAreaField
        label={t('notes.body')}
        required
        registration={form.register('body')}
        error={fieldMessage(form.formState.errors.body?.message, lang)}
      />
      <div>
        <Button type="submit" variant="secondary" busy={form.formState.isSubmitting}>
          {t('notes.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Stage 1 on the case page (council case workers only): interviews, issues and advice, notes, diagnosis, triage. */
export function DeskConsultationSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('casework');
  const lang = langOf(i18n.language);
  const desk = useDeskConsultation(detail.id, true);
  if (desk.isPending) return <Loading />;
  if (desk.isError) return <ErrorNotice message={problemMessage(desk.error, lang)} onRetry={() => void desk.refetch()} />;
  const d = desk.data;
  return (
    <div className="grid grid-cols-1 gap-6">
      {!d.abilities.write ? <Notice tone="info" title={t('desk.closed')} /> : null}
      <section aria-labelledby="interviews-heading" className={SUB_CARD}>
        <h4 id="interviews-heading" className="text-lg">
          {t('interviews.heading')}
        </h4>
        {d.interviews.length === 0 ? <p className="mt-2 text-ink-sub">{t('interviews.empty')}</p> : null}
        <ol className="mt-2 grid gap-3">
          {d.interviews.map((i) => (
            <li key={i.id} className="border-l-4 border-key-100 pl-3">
              <p className="font-bold">
                {formatDateJst(i.heldOn, lang)} <span className="font-normal text-ink-sub">— {i.attendees}</span>
              </p>
              <p className="whitespace-pre-wrap">{i.notes}</p>
              <p className="text-xs text-ink-sub">
                {t('interviews.recordedBy', { name: i.recordedByName ?? '—' })}
                {' · '}
                <a href={interviewSummaryUrl(detail.id, i.id)} download>
                  {t('interviews.summaryPdf', { date: formatDateJst(i.heldOn, lang) })}
                </a>
              </p>
            </li>
          ))}
        </ol>
        {d.abilities.write ? (
          <div className="mt-4">
            <InterviewForm caseId={detail.id} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="issues-heading" className={SUB_CARD}>
        <h4 id="issues-heading" className="text-lg">
          {t('issues.heading')}
        </h4>
        {d.issues.length === 0 ? <p className="mt-2 text-ink-sub">{t('issues.empty')}</p> : null}
        <ol className="mt-2 grid list-decimal gap-3 pl-6">
          {d.issues.map((i) => (
            <li key={i.id}>
              <p className="whitespace-pre-wrap font-bold">{i.issue}</p>
              {i.advice ? (
                <p className="whitespace-pre-wrap">
                  <span className="mr-1 rounded-4 bg-key-light px-1 text-sm">{t('issues.advice')}</span>
                  {i.advice}
                </p>
              ) : (
                <p className="text-sm text-ink-sub">{t('issues.noAdvice')}</p>
              )}
              {d.abilities.write ? <AdviceEditor caseId={detail.id} issueId={i.id} issue={i.issue} /> : null}
            </li>
          ))}
        </ol>
        {d.abilities.write ? (
          <div className="mt-4">
            <IssueForm caseId={detail.id} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="notes-heading" className={`${SUB_CARD} border-warning bg-notice-bg`}>
        <h4 id="notes-heading" className="text-lg">
          <span aria-hidden="true">🔒 </span>
          {t('notes.heading')}
        </h4>
        <p className="text-sm">{t('notes.lead')}</p>
        {d.internalNotes.length === 0 ? <p className="mt-2 text-ink-sub">{t('notes.empty')}</p> : null}
        <ul className="mt-2 grid gap-2">
          {d.internalNotes.map((n) => (
            <li key={n.id} className="rounded-4 bg-surface p-2">
              <p className="whitespace-pre-wrap">{n.body}</p>
              <p className="text-xs text-ink-sub">
                {n.authorName ?? '—'} · {formatDateTimeJst(n.createdAt, lang)}
              </p>
            </li>
          ))}
        </ul>
        {d.abilities.write ? (
          <div className="mt-3">
            <NoteForm caseId={detail.id} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="diagnosis-heading" className={SUB_CARD}>
        <h4 id="diagnosis-heading" className="text-lg">
          {t('diagnosis.heading')}
        </h4>
        <Diagnosis diagnosis={d.diagnosis} />
      </section>

      <section aria-labelledby="triage-heading" className={SUB_CARD}>
        <h4 id="triage-heading" className="text-lg">
          {t('triage.heading')}
        </h4>
        {d.triage ? (
          <div className="mt-2 grid gap-2">
            <p className="font-bold">
              {t('triage.recorded', {
                decision: t(`triage.decisions.${d.triage.decision}`),
                name: d.triage.decidedByName ?? '—',
                at: formatDateTimeJst(d.triage.decidedAt, lang),
              })}
            </p>
            <p className="whitespace-pre-wrap">{d.triage.reasons}</p>
            {d.triage.decision === 'refer' ? (
              <p>
                <a href={referralLetterUrl(detail.id)} download className="font-bold">
                  {t('triage.letter')}
                </a>
              </p>
            ) : null}
          </div>
        ) : d.abilities.triage ? (
          <>
            <p className="mb-3 text-sm text-ink-sub">{t('triage.lead')}</p>
            <TriageForm caseId={detail.id} stage={detail.stage} />
          </>
        ) : (
          <p className="mt-2 text-ink-sub">{detail.stage === 'desk_consultation' ? t('triage.notAllowed') : t('triage.notAtStage')}</p>
        )}
      </section>
    </div>
  );
}
