import {
  bankMeetingBodySchema,
  bankMeetingCancelBodySchema,
  bankMeetingListSchema,
  bankMeetingParamsSchema,
  bankMeetingRecordBodySchema,
  bankMeetingSchema,
  caseIdParamsSchema,
} from '@kasseika/contracts';
import { fileResponseSchema, routesFor } from '../../http/route';
import type { MeetingsService } from './meetings.service';

export interface MeetingsRouteDeps {
  readonly meetings: MeetingsService;
}

const route = routesFor<MeetingsRouteDeps>();
const TAGS = ['creditors'];
const INVISIBLE = 'A bank sees only meetings it is invited to, with a `plan.read` grant and the company’s consent in force; otherwise 404.';

/** バンクミーティング routes (issue 7). */
export const meetingsRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/meetings',
    operationId: 'listBankMeetings',
    summary: 'The bank meetings (バンクミーティング) of a case (audited read)',
    description: INVISIBLE,
    tags: TAGS,
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The meetings', schema: bankMeetingListSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.meetings.list(actor, params.caseId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/meetings',
    operationId: 'scheduleBankMeeting',
    summary: 'Schedule a bank meeting about a plan version (by SHA-256); its target creditors are invited',
    tags: TAGS,
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: bankMeetingBodySchema,
    success: { status: 201, description: 'The meeting', schema: bankMeetingSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params, body }, { deps, actor }) => deps.meetings.schedule(actor, params.caseId, body),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/meetings/{meetingId}',
    operationId: 'getBankMeeting',
    summary: 'One bank meeting with its attendance and minutes (audited read)',
    description: INVISIBLE,
    tags: TAGS,
    access: { kind: 'signedIn' },
    params: bankMeetingParamsSchema,
    success: { status: 200, description: 'The meeting', schema: bankMeetingSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.meetings.get(actor, params.caseId, params.meetingId),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/cases/{caseId}/meetings/{meetingId}',
    operationId: 'updateBankMeeting',
    summary: 'Change the date, place, agenda or plan version of a bank meeting',
    description:
      'A new version re-invites its target creditors; refused (409) once the minutes are recorded or the meeting is cancelled. ' +
      'A new date, time or place of a meeting still to come is mailed to the invited banks that can see it.',
    tags: TAGS,
    access: { kind: 'signedIn' },
    params: bankMeetingParamsSchema,
    body: bankMeetingBodySchema,
    success: { status: 200, description: 'The meeting', schema: bankMeetingSchema },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.meetings.update(actor, params.caseId, params.meetingId, body),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/cases/{caseId}/meetings/{meetingId}/record',
    operationId: 'recordBankMeeting',
    summary: 'Record the attendance and the minutes (議事録) after the meeting (minutes encrypted)',
    description: 'Refused (409) before the meeting’s date and time, and for a cancelled meeting.',
    tags: TAGS,
    access: { kind: 'signedIn' },
    params: bankMeetingParamsSchema,
    body: bankMeetingRecordBodySchema,
    success: { status: 200, description: 'The meeting', schema: bankMeetingSchema },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.meetings.recordMinutes(actor, params.caseId, params.meetingId, body),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/meetings/{meetingId}/cancel',
    operationId: 'cancelBankMeeting',
    summary: 'Cancel (中止) a bank meeting with a reason; it stays in the list, read-only',
    description:
      'Refused (409) when already cancelled or once the minutes are recorded. The invited banks that can see the meeting ' +
      'are told by mail when it was still to come.',
    tags: TAGS,
    access: { kind: 'signedIn' },
    params: bankMeetingParamsSchema,
    body: bankMeetingCancelBodySchema,
    success: { status: 200, description: 'The cancelled meeting', schema: bankMeetingSchema },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.meetings.cancel(actor, params.caseId, params.meetingId, body),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/meetings/{meetingId}/materials.pdf',
    operationId: 'downloadBankMeetingMaterials',
    summary: 'The meeting materials PDF: the meeting, the plan version (SHA-256) and its pro-rata table',
    description: INVISIBLE,
    tags: TAGS,
    access: { kind: 'signedIn' },
    params: bankMeetingParamsSchema,
    success: { status: 200, description: 'A PDF attachment', schema: fileResponseSchema, file: { contentType: 'application/pdf' } },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.meetings.materials(actor, params.caseId, params.meetingId, 'pdf'),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/meetings/{meetingId}/materials.xlsx',
    operationId: 'downloadBankMeetingWorkbook',
    summary: 'The meeting materials as an Excel workbook: the meeting and the pro-rata table of its plan version',
    description: INVISIBLE,
    tags: TAGS,
    access: { kind: 'signedIn' },
    params: bankMeetingParamsSchema,
    success: {
      status: 200,
      description: 'An .xlsx attachment',
      schema: fileResponseSchema,
      file: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.meetings.materials(actor, params.caseId, params.meetingId, 'xlsx'),
  }),
];
