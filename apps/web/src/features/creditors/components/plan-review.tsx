import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CasePlan } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api';
import { formatDateTimeJst } from '../../../lib/format';
import { fieldMessage, langOf, problemMessage } from '../../../lib/form-errors';
import { commentOnVersion, creditorKeys, respondToPlan } from '../api/creditors';

/** The server's field issue for `field` (its message key), if the failure names one. */
function issueFor(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem?.errors?.find((x) => x.pointer === `/body/${field}`)?.code;
}

/**
 * PM/SM review comments (意見・助言) on the current plan version: they attach to that version (its SHA-256) and
 * stay with it; a new version starts with none. Only the council sees them.
 */
export function PlanComments({ caseId, plan }: { caseId: string; plan: CasePlan }) {
  const { t, i18n } = useTranslation('creditors');
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = plan.current;
  if (!current) return null;
  return (
    <div className="grid grid-cols-1 gap-3">
      {current.comments.length === 0 ? (
        <p>{t('comments.none', { n: current.versionNo })}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-2" data-testid="plan-comments">
          {current.comments.map((c) => (
            <li key={c.id} className="rounded-8 border border-line p-3">
              <p className="text-sm text-ink-sub">
                {c.authorName ?? t('comments.unknownAuthor')} · {formatDateTimeJst(c.at, lang)}
              </p>
              <p className="whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {plan.abilities.comment ? (
        <form
          noValidate
          className="grid grid-cols-1 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setMessage(null);
            if (body.trim() === '') {
              setError('planComment.length');
              return;
            }
            setError(undefined);
            setBusy(true);
            commentOnVersion(caseId, current.versionNo, { body })
              .then(async () => {
                await qc.invalidateQueries({ queryKey: creditorKeys.plan(caseId) });
                setBody('');
                setMessage({ tone: 'success', text: t('comments.done', { n: current.versionNo }) });
              })
              .catch((err: unknown) => {
                setError(issueFor(err, 'body'));
                setMessage({ tone: 'error', text: problemMessage(err, lang) });
              })
              .finally(() => setBusy(false));
          }}
        >
          {message ? <Notice tone={message.tone} title={message.text} /> : null}
          <TextAreaField
            label={t('comments.body', { n: current.versionNo })}
            hint={t('comments.hint')}
            required
            rows={4}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={fieldMessage(error, lang)}
          />
          <div>
            <Button type="submit" busy={busy}>
              {t('comments.submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

const STANCES = ['support', 'conditional', 'oppose'] as const;

/**
 * A bank's stance on the current version (賛成・条件付き賛成・反対), before its final consent. It names the version's
 * SHA-256, so an answer to a version that has since changed is refused by the server.
 */
export function StanceForm({ caseId, plan }: { caseId: string; plan: CasePlan }) {
  const { t, i18n } = useTranslation('creditors');
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const id = useId();
  const mine = plan.consent.targets.find((x) => x.bankCode === plan.myBankCode);
  const [stance, setStance] = useState<(typeof STANCES)[number] | ''>(mine?.stance ?? '');
  const [conditions, setConditions] = useState(mine?.conditions ?? '');
  const [errors, setErrors] = useState<{ stance?: string | undefined; conditions?: string | undefined }>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = plan.current;
  if (!current || !plan.abilities.respond || !mine || mine.consented) return null;
  const stanceError = fieldMessage(errors.stance, lang);
  return (
    <form
      noValidate
      aria-labelledby={`${id}-heading`}
      className="grid grid-cols-1 gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        setMessage(null);
        const next = {
          stance: stance === '' ? 'stance.required' : undefined,
          conditions: stance === 'conditional' && conditions.trim() === '' ? 'conditions.required' : undefined,
        };
        setErrors(next);
        if (next.stance || next.conditions || stance === '') return;
        setBusy(true);
        respondToPlan(caseId, {
          versionSha256: current.sha256,
          kind: 'stance',
          stance,
          ...(stance === 'conditional' ? { conditions } : {}),
        })
          .then((p) => {
            qc.setQueryData(creditorKeys.plan(caseId), p);
            setMessage({ tone: 'success', text: t('stanceForm.done', { n: current.versionNo }) });
          })
          .catch((err: unknown) => {
            setErrors({ stance: issueFor(err, 'stance'), conditions: issueFor(err, 'conditions') });
            setMessage({ tone: 'error', text: problemMessage(err, lang) });
          })
          .finally(() => setBusy(false));
      }}
    >
      <h3 id={`${id}-heading`} className="text-lg">
        {t('stanceForm.heading', { n: current.versionNo })}
      </h3>
      <p className="text-sm text-ink-sub">{t('stanceForm.lead')}</p>
      {message ? <Notice tone={message.tone} title={message.text} /> : null}
      <fieldset aria-describedby={stanceError ? `${id}-stance-error` : undefined}>
        <legend className="font-bold">{t('stanceForm.stance')}</legend>
        <div className="mt-1 flex flex-wrap gap-x-6">
          {STANCES.map((s) => (
            <label key={s} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name={`${id}-stance`}
                className="size-5 accent-key"
                checked={stance === s}
                onChange={() => setStance(s)}
              />
              {t(`plan.stance.${s}`)}
            </label>
          ))}
        </div>
        {stanceError ? (
          <p id={`${id}-stance-error`} className="mt-1 text-sm font-bold text-error">
            <span aria-hidden="true">⚠</span> {stanceError}
          </p>
        ) : null}
      </fieldset>
      {stance === 'conditional' ? (
        <TextAreaField
          label={t('stanceForm.conditions')}
          hint={t('stanceForm.conditionsHint')}
          required
          rows={3}
          value={conditions}
          onChange={(e) => setConditions(e.target.value)}
          error={fieldMessage(errors.conditions, lang)}
        />
      ) : null}
      <div>
        <Button type="submit" variant="secondary" busy={busy}>
          {t('stanceForm.submit')}
        </Button>
      </div>
    </form>
  );
}
