import { useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankMeetingBody } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/form-field';

/** What the council enters about a meeting (the plan version is given by the caller). */
export type MeetingFormValues = Omit<BankMeetingBody, 'versionSha256'>;

/**
 * The fields of a bank meeting — date and time (JST), format, place, agenda (one item a line) — as a form named by
 * its heading. Used to schedule a meeting and to change one.
 */
export function MeetingForm({
  headingId,
  heading,
  headingRef,
  lead,
  initial,
  submitLabel,
  busy,
  onSubmit,
  actions,
}: {
  headingId: string;
  heading: string;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  lead?: ReactNode;
  initial?: MeetingFormValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: MeetingFormValues) => void;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('meetings');
  const [scheduledAt, setScheduledAt] = useState(initial?.scheduledAt ?? '');
  const [mode, setMode] = useState<'in_person' | 'online'>(initial?.mode ?? 'in_person');
  const [place, setPlace] = useState(initial?.place ?? '');
  const [agenda, setAgenda] = useState(initial?.agenda.join('\n') ?? '');
  return (
    <form
      noValidate
      aria-labelledby={headingId}
      className="grid grid-cols-1 gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          scheduledAt,
          mode,
          place,
          agenda: agenda
            .split('\n')
            .map((s) => s.trim())
            .filter((s) => s.length > 0),
        });
      }}
    >
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg">
        {heading}
      </h3>
      {lead}
      <TextField
        label={t('scheduledAt')}
        hint={t('scheduledAtHint')}
        required
        type="datetime-local"
        value={scheduledAt}
        onChange={(e) => setScheduledAt(e.target.value)}
        className="max-w-64"
      />
      <SelectField label={t('modeLabel')} required value={mode} onChange={(e) => setMode(e.target.value as 'in_person' | 'online')}>
        <option value="in_person">{t('mode.in_person')}</option>
        <option value="online">{t('mode.online')}</option>
      </SelectField>
      <TextField label={t('place')} hint={t('placeHint')} required value={place} onChange={(e) => setPlace(e.target.value)} />
      <TextAreaField label={t('agenda')} hint={t('agendaHint')} required value={agenda} onChange={(e) => setAgenda(e.target.value)} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}
