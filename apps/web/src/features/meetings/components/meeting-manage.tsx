import { useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankMeeting } from '@kasseika/contracts';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { TextAreaField } from '../../../components/ui/form-field';
import { Notice } from '../../../components/ui/notice';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf } from '../../../lib/form-errors';
import { cancelMeeting, updateMeeting } from '../api/meetings';
import { MeetingForm } from './meeting-form';
import { useRun } from './use-run';

/**
 * The council's changes to a meeting that is not cancelled: change its date, time, place or agenda (inline form), and
 * cancel it (中止) with a reason after a confirmation dialog. The invited banks are told by mail (server side).
 * Focus goes to the form when it opens and back to the meeting's heading when it closes.
 */
export function ManageMeeting({
  caseId,
  meeting: m,
  cardHeadingRef,
  onCancelled,
}: {
  caseId: string;
  meeting: BankMeeting;
  cardHeadingRef: RefObject<HTMLHeadingElement | null>;
  /** Told once the meeting is cancelled (this part then disappears, so the card says it). */
  onCancelled: () => void;
}) {
  const { t, i18n } = useTranslation('meetings');
  const { run, busy, message, setMessage } = useRun(caseId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const backToCard = () => requestAnimationFrame(() => cardHeadingRef.current?.focus());

  async function confirmCancel() {
    if (reason.trim().length === 0) {
      setReasonError(t('cancelReasonRequired'));
      return;
    }
    setReasonError(undefined);
    const ok = await run(() => cancelMeeting(caseId, m.id, { reason }), t('cancelledOk'));
    setConfirming(false);
    if (ok) onCancelled(); // the card then takes the focus (MeetingCard)
  }

  return (
    <div className="grid grid-cols-1 gap-3 border-t border-line pt-3">
      {message ? <Notice tone={message.tone} title={message.text} /> : null}
      {editing ? (
        <MeetingForm
          headingId={`${id}-edit`}
          heading={t('editHeading')}
          headingRef={formHeadingRef}
          lead={<p className="text-sm text-ink-sub">{t('editLead')}</p>}
          initial={{ scheduledAt: m.scheduledAt, mode: m.mode, place: m.place, agenda: m.agenda }}
          submitLabel={t('save')}
          busy={busy}
          onSubmit={(values) =>
            void run(() => updateMeeting(caseId, m.id, { ...values, versionSha256: m.versionSha256 }), t('updated')).then((ok) => {
              if (ok) {
                setEditing(false);
                backToCard();
              }
            })
          }
          actions={
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setEditing(false);
                backToCard();
              }}
            >
              {t('discard')}
            </Button>
          }
        />
      ) : (
        <div className="flex flex-wrap gap-3">
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setMessage(null);
              setEditing(true);
              requestAnimationFrame(() => formHeadingRef.current?.focus());
            }}
          >
            {t('edit')}
          </Button>
          {m.recordedAt === null ? (
            <Button
              type="button"
              variant="danger"
              onClick={() => {
                setMessage(null);
                setReason('');
                setReasonError(undefined);
                setConfirming(true);
              }}
            >
              {t('cancel')}
            </Button>
          ) : null}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('cancelTitle')}
        confirmLabel={t('cancelConfirm')}
        cancelLabel={t('cancelKeep')}
        danger
        busy={busy}
        onConfirm={() => void confirmCancel()}
        onCancel={() => setConfirming(false)}
      >
        <p className="mb-3">{t('cancelBody', { at: formatDateTimeJst(`${m.scheduledAt}:00+09:00`, langOf(i18n.language)) })}</p>
        <TextAreaField
          label={t('cancelReason')}
          hint={t('cancelReasonHint')}
          required
          value={reason}
          error={reasonError}
          onChange={(e) => setReason(e.target.value)}
        />
      </ConfirmDialog>
    </div>
  );
}
