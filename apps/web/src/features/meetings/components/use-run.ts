import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { langOf, problemMessage } from '../../../lib/form-errors';
import { meetingKeys } from '../api/meetings';

export type Message = { tone: 'success' | 'error'; text: string } | null;

/** Runs a change of the meetings, refreshes the list and says how it went (the problem's text in the reader's language). */
export function useRun(caseId: string) {
  const { i18n } = useTranslation('meetings');
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>, ok: string) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      await qc.invalidateQueries({ queryKey: meetingKeys.list(caseId) });
      setMessage({ tone: 'success', text: ok });
      return true;
    } catch (error) {
      setMessage({ tone: 'error', text: problemMessage(error, lang) });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, message, setMessage };
}
