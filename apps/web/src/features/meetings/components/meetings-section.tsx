import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankMeeting, BankMeetingList } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { TextAreaField, TextField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf } from '../../../lib/form-errors';
import { materialsUrl, workbookUrl, recordMeeting, scheduleMeeting } from '../api/meetings';
import { MeetingForm } from './meeting-form';
import { ManageMeeting } from './meeting-manage';
import { useRun } from './use-run';

/** A JST local date-time (`YYYY-MM-DDTHH:mm`) shown in the reader's language. */
const jst = (local: string, lang: 'ja' | 'en') => formatDateTimeJst(`${local}:00+09:00`, lang);

/**
 * バンクミーティング of a case: the meetings (when, where, agenda, the plan version and its materials PDF, attendance,
 * minutes); the council also schedules a meeting for the current version and records attendance and minutes.
 */
export function MeetingsSection({ caseId, list }: { caseId: string; list: BankMeetingList }) {
  const { t } = useTranslation('meetings');
  return (
    <div className="grid grid-cols-1 gap-4">
      {list.meetings.length === 0 ? <p>{t('none')}</p> : null}
      <ol className="grid grid-cols-1 gap-4" data-testid="meeting-list">
        {list.meetings.map((m) => (
          <li key={m.id}>
            <MeetingCard caseId={caseId} meeting={m} manage={list.abilities.manage} />
          </li>
        ))}
      </ol>
      {list.abilities.manage ? <ScheduleForm caseId={caseId} list={list} /> : null}
    </div>
  );
}

function MeetingCard({ caseId, meeting: m, manage }: { caseId: string; meeting: BankMeeting; manage: boolean }) {
  const { t, i18n } = useTranslation('meetings');
  const lang = langOf(i18n.language);
  const headingId = `meeting-${m.id}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cancelled = m.cancelledAt !== null;
  const [justCancelled, setJustCancelled] = useState(false);
  // Once the refreshed list shows the meeting cancelled (its dialog and buttons are gone by then), the reader is
  // taken to the card's heading. After the commit, so the dialog's removal cannot move the focus afterwards.
  useEffect(() => {
    if (justCancelled && cancelled) headingRef.current?.focus();
  }, [justCancelled, cancelled]);
  return (
    <article aria-labelledby={headingId} className="grid grid-cols-1 gap-2 rounded-8 border border-line p-4" data-testid="meeting">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg">
        {cancelled ? (
          <span className="mr-2 rounded-4 border-2 border-error px-1.5 py-0.5 text-sm font-bold text-error" data-testid="meeting-cancelled">
            {t('cancelledBadge')}
          </span>
        ) : null}
        <span className={cancelled ? 'line-through' : undefined}>{t('when', { at: jst(m.scheduledAt, lang) })}</span>
      </h3>
      {justCancelled && cancelled ? <Notice tone="success" title={t('cancelledOk')} /> : null}
      {cancelled && m.cancelledAt ? (
        <Notice tone="warning" title={t('cancelledAt', { at: formatDateTimeJst(m.cancelledAt, lang) })}>
          <p className="whitespace-pre-wrap" data-testid="cancel-reason">
            {t('cancelReasonShown', { reason: m.cancelReason ?? '' })}
          </p>
        </Notice>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-ink-sub">{t(`mode.${m.mode}`)}</dt>
        <dd className="break-words">{m.place}</dd>
        <dt className="text-ink-sub">{t('version')}</dt>
        <dd>
          {t('versionNo', { n: m.versionNo })}
          {m.isCurrentVersion ? '' : ` ${t('notCurrent')}`}
          <span className="block font-mono text-xs break-all">SHA-256: {m.versionSha256}</span>
        </dd>
        <dt className="text-ink-sub">{t('agenda')}</dt>
        <dd>
          <ol className="list-decimal pl-5">
            {m.agenda.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
        </dd>
      </dl>
      <p>
        <a className="underline underline-offset-4" href={materialsUrl(caseId, m.id)} download>
          {t('materials')}
        </a>
        {' · '}
        <a className="underline underline-offset-4" href={workbookUrl(caseId, m.id)} download>
          {t('workbook')}
        </a>
      </p>
      <h4 className="font-bold">{t('attendance')}</h4>
      <ul className="grid gap-1 text-sm" data-testid="attendance">
        {m.invited.map((b) => (
          <li key={b.bankCode}>
            {b.bankName}（{b.bankCode}）:{' '}
            {b.attended === null ? t('notRecorded') : b.attended ? t('attended', { who: b.attendees || '—' }) : t('absent')}
          </li>
        ))}
      </ul>
      {m.minutes !== null ? (
        <section aria-label={t('minutes')} className="grid gap-1">
          <h4 className="font-bold">{t('minutes')}</h4>
          <p className="whitespace-pre-wrap" data-testid="minutes">
            {m.minutes}
          </p>
          {m.recordedAt ? (
            <p className="text-sm text-ink-sub">
              {m.recordedByName
                ? t('recordedBy', { at: formatDateTimeJst(m.recordedAt, lang), who: m.recordedByName })
                : t('recordedAt', { at: formatDateTimeJst(m.recordedAt, lang) })}
            </p>
          ) : null}
        </section>
      ) : null}
      {manage && !cancelled ? (
        <ManageMeeting caseId={caseId} meeting={m} cardHeadingRef={headingRef} onCancelled={() => setJustCancelled(true)} />
      ) : null}
      {manage && !cancelled ? <RecordForm caseId={caseId} meeting={m} /> : null}
    </article>
  );
}

function ScheduleForm({ caseId, list }: { caseId: string; list: BankMeetingList }) {
  const { t } = useTranslation('meetings');
  const { run, busy, message } = useRun(caseId);
  // A scheduled meeting empties the form (a new key mounts it afresh), so the next one is not the last one again.
  const [formKey, setFormKey] = useState(0);
  const current = list.currentVersion;
  return (
    <div className="grid grid-cols-1 gap-3 rounded-8 border border-line p-4">
      {message ? <Notice tone={message.tone} title={message.text} /> : null}
      {current ? (
        <MeetingForm
          key={formKey}
          headingId="schedule-heading"
          heading={t('scheduleHeading')}
          lead={<p className="text-sm text-ink-sub">{t('scheduleLead', { n: current.versionNo })}</p>}
          submitLabel={t('schedule')}
          busy={busy}
          onSubmit={(values) =>
            void run(() => scheduleMeeting(caseId, { ...values, versionSha256: current.sha256 }), t('scheduled')).then(
              (ok) => ok && setFormKey((k) => k + 1),
            )
          }
        />
      ) : (
        <>
          <h3 className="text-lg">{t('scheduleHeading')}</h3>
          <p>{t('noVersion')}</p>
        </>
      )}
    </div>
  );
}

function RecordForm({ caseId, meeting: m }: { caseId: string; meeting: BankMeeting }) {
  const { t } = useTranslation('meetings');
  const { run, busy, message } = useRun(caseId);
  const [rows, setRows] = useState(() =>
    m.invited.map((b) => ({ bankCode: b.bankCode, attended: b.attended ?? false, attendees: b.attendees })),
  );
  const [minutes, setMinutes] = useState(m.minutes ?? '');
  const headingId = `record-${m.id}`;
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      className="mt-2 grid grid-cols-1 gap-3 border-t border-line pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => recordMeeting(caseId, m.id, { attendance: rows, minutes }), t('recorded'));
      }}
    >
      <h4 id={headingId} className="font-bold">
        {t('recordHeading')}
      </h4>
      {message ? <Notice tone={message.tone} title={message.text} /> : null}
      {m.invited.map((b, i) => (
        <fieldset key={b.bankCode} className="grid grid-cols-1 gap-2 sm:grid-cols-[12rem_1fr] sm:items-end">
          <legend className="sr-only">{b.bankName}</legend>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={rows[i]?.attended ?? false}
              onChange={(e) => setRows((r) => r.map((x, j) => (j === i ? { ...x, attended: e.target.checked } : x)))}
            />
            {t('attendedCheck', { bank: b.bankName })}
          </label>
          <TextField
            label={t('attendees', { bank: b.bankName })}
            value={rows[i]?.attendees ?? ''}
            disabled={!rows[i]?.attended}
            onChange={(e) => setRows((r) => r.map((x, j) => (j === i ? { ...x, attendees: e.target.value } : x)))}
          />
        </fieldset>
      ))}
      <TextAreaField label={t('minutes')} required rows={6} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      <div>
        <Button type="submit" busy={busy}>
          {t('record')}
        </Button>
      </div>
    </form>
  );
}
