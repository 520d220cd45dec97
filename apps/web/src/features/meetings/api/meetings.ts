import { useQuery } from '@tanstack/react-query';
import {
  bankMeetingListSchema,
  bankMeetingSchema,
  type BankMeetingBody,
  type BankMeetingCancelBody,
  type BankMeetingRecordBody,
} from '@kasseika/contracts';
import { apiGet, apiPost, apiSend } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

const enc = encodeURIComponent;

export const meetingKeys = {
  list: (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'meetings'] as const,
};

/** The bank meetings a person may see (a 403/404 means the section is not for them). */
export function useMeetings(caseId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: meetingKeys.list(caseId),
    queryFn: () => apiGet(`/api/v1/cases/${enc(caseId)}/meetings`, bankMeetingListSchema),
    retry: false,
  });
}

export const scheduleMeeting = (caseId: string, body: BankMeetingBody) =>
  apiPost(`/api/v1/cases/${enc(caseId)}/meetings`, body, bankMeetingSchema);

export async function recordMeeting(caseId: string, meetingId: string, body: BankMeetingRecordBody) {
  const response = await apiSend('PUT', `/api/v1/cases/${enc(caseId)}/meetings/${enc(meetingId)}/record`, { json: body });
  return bankMeetingSchema.parse(await response.json());
}

export const materialsUrl = (caseId: string, meetingId: string) => `/api/v1/cases/${enc(caseId)}/meetings/${enc(meetingId)}/materials.pdf`;

export const workbookUrl = (caseId: string, meetingId: string) => `/api/v1/cases/${enc(caseId)}/meetings/${enc(meetingId)}/materials.xlsx`;

export async function updateMeeting(caseId: string, meetingId: string, body: BankMeetingBody) {
  const response = await apiSend('PUT', `/api/v1/cases/${enc(caseId)}/meetings/${enc(meetingId)}`, { json: body });
  return bankMeetingSchema.parse(await response.json());
}

export const cancelMeeting = (caseId: string, meetingId: string, body: BankMeetingCancelBody) =>
  apiPost(`/api/v1/cases/${enc(caseId)}/meetings/${enc(meetingId)}/cancel`, body, bankMeetingSchema);
