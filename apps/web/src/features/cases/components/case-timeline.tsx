import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, NextTransition } from '@kasseika/contracts';
import { CASE_TRANSITIONS, stageLabel } from '@kasseika/domain';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/form-field';
import { ErrorNotice, Loading } from '../../../components/ui/status';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf, problemMessage, type Lang } from '../../../lib/form-errors';
import { caseKeys, transitionCase, useCaseTimeline } from '../api/cases';

/** The label of a workflow event (the domain's transition table), or the raw event for one no longer defined. */
function eventLabel(event: string, lang: Lang): string {
  return CASE_TRANSITIONS.find((t) => t.event === event)?.label[lang] ?? event;
}

/**
 * The case's workflow history, newest first: who moved it, when, from which stage to which, and why (council case
 * workers only — the reasons often name the company's troubles).
 */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('cases');
  const lang = langOf(i18n.language);
  const timeline = useCaseTimeline(caseId, true);
  if (timeline.isPending) return <Loading />;
  if (timeline.isError) return <ErrorNotice message={problemMessage(timeline.error, lang)} onRetry={() => void timeline.refetch()} />;
  const items = [...timeline.data.items].reverse();
  if (items.length === 0) return <p>{t('timeline.empty')}</p>;
  return (
    <ol className="grid grid-cols-1 gap-0 border-l-4 border-line-light" data-testid="case-timeline">
      {items.map((item) => (
        <li key={item.id} className="relative py-3 pl-5">
          <span aria-hidden="true" className="absolute top-5 -left-2.5 size-4 rounded-full border-4 border-surface bg-key" />
          <p className="text-sm text-ink-sub">
            <time dateTime={item.at}>{formatDateTimeJst(item.at, lang)}</time>
            {' · '}
            {item.actorName ?? t('timeline.unknownActor')}
          </p>
          <p className="font-bold">{eventLabel(item.event, lang)}</p>
          <p className="text-sm">
            {stageLabel(item.fromStage)[lang]}
            <span aria-hidden="true"> → </span>
            <span className="sr-only"> {t('timeline.to')} </span>
            {stageLabel(item.toStage)[lang]}
          </p>
          <p className="mt-1 rounded-8 bg-surface-sub px-3 py-2 text-sm whitespace-pre-wrap" lang="ja">
            <span className="font-bold">{t('timeline.reason')}: </span>
            {item.reason}
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * The history behind a button: reading it is an audited read of the reasons, so the case page loads it only when
 * asked (the page itself stays one request, and the company's access log shows only what staff opened).
 */
export function CaseTimelinePanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={open ? 'primary' : 'secondary'}
        aria-expanded={open}
        aria-controls="case-timeline-panel"
        onClick={() => setOpen(!open)}
      >
        {open ? t('timeline.hide') : t('timeline.show')}
      </Button>
      <div id="case-timeline-panel" className="mt-4">
        {open ? <CaseTimeline caseId={caseId} /> : null}
      </div>
    </>
  );
}

/**
 * What may happen next, as the server computes it from the case's facts (`nextTransitions`): allowed moves with a
 * reason form, and blocked ones with every unmet condition. Only shown to those who may move the case.
 */
export function NextTransitions({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('cases');
  const lang = langOf(i18n.language);
  const [open, setOpen] = useState<string | null>(null);
  if (detail.nextTransitions.length === 0) return <p>{t('next.none')}</p>;
  return (
    <ul className="grid grid-cols-1 gap-3" data-testid="next-transitions">
      {detail.nextTransitions.map((n) => (
        <li key={n.event} className="rounded-8 border border-line-light p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p>
              <span className="font-bold">{n.label[lang]}</span>
              <span className="text-sm text-ink-sub"> （{t('next.to', { stage: stageLabel(n.to)[lang] })}）</span>
            </p>
            {n.allowed ? (
              <Button
                variant="secondary"
                aria-expanded={open === n.event}
                aria-controls={`move-${n.event}`}
                onClick={() => setOpen(open === n.event ? null : n.event)}
              >
                {t('next.do', { action: n.label[lang] })}
              </Button>
            ) : (
              <span className="text-sm font-bold text-ink-sub">{t('next.blocked')}</span>
            )}
          </div>
          {!n.allowed && n.reasons.length > 0 ? (
            <ul className="mt-2 list-disc pl-6 text-sm">
              {n.reasons.map((r) => (
                <li key={r.en}>{r[lang]}</li>
              ))}
            </ul>
          ) : null}
          {open === n.event ? <MoveForm detail={detail} next={n} lang={lang} onDone={() => setOpen(null)} /> : null}
        </li>
      ))}
    </ul>
  );
}

function MoveForm({ detail, next, lang, onDone }: { detail: CaseDetail; next: NextTransition; lang: Lang; onDone: () => void }) {
  const { t } = useTranslation('cases');
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      id={`move-${next.event}`}
      className="mt-3 grid gap-2"
      aria-label={next.label[lang]}
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        if (reason.trim() === '') {
          setError(t('next.reasonRequired'));
          return;
        }
        setBusy(true);
        setError(null);
        transitionCase(detail.id, { event: next.event, expectedStage: detail.stage, reason })
          .then(async () => {
            await queryClient.invalidateQueries({ queryKey: caseKeys.detail(detail.id) });
            onDone();
          })
          .catch((e: unknown) => setError(problemMessage(e, lang)))
          .finally(() => setBusy(false));
      }}
    >
      <TextAreaField
        label={t('next.reason')}
        hint={t('next.reasonHint')}
        required
        value={reason}
        onChange={(ev) => setReason(ev.target.value)}
        error={error ?? undefined}
      />
      <div>
        <Button type="submit" busy={busy}>
          {t('next.confirm', { action: next.label[lang] })}
        </Button>
      </div>
    </form>
  );
}
