import { z } from 'zod';
import {
  caseIdParamsSchema,
  createInternalNoteBodySchema,
  createInterviewBodySchema,
  createIssueBodySchema,
  deskConsultationSchema,
  interviewIdParamsSchema,
  issueIdParamsSchema,
  triageBodySchema,
  updateIssueAdviceBodySchema,
} from '@kasseika/contracts';
import { fileResponseSchema, routesFor } from '../../http/route';
import type { ConsultationService } from './consultation.service';

export interface ConsultationRouteDeps {
  readonly consultation: ConsultationService;
}

const route = routesFor<ConsultationRouteDeps>();
const created = z.object({ id: z.string() }).meta({ id: 'CreatedId' });
const COUNCIL_ONLY = 'Council case workers only; no outside role sees these records, whatever its grants (404 / 403).';

export const consultationRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/desk-consultation',
    operationId: 'getDeskConsultation',
    summary: '窓口相談: interviews, issues and advice, internal notes, diagnosis of the statements, triage (audited read)',
    description: COUNCIL_ONLY,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The desk consultation', schema: deskConsultationSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.consultation.get(actor, params.caseId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/interviews',
    operationId: 'recordInterview',
    summary: 'Record an interview (date, attendees, what was heard; encrypted at rest)',
    description: COUNCIL_ONLY,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: createInterviewBodySchema,
    success: { status: 201, description: 'Recorded', schema: created },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.consultation.addInterview(actor, params.caseId, body),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/issues',
    operationId: 'recordCaseIssue',
    summary: 'Record a problem or issue (問題点・課題), with the advice given if any',
    description: COUNCIL_ONLY,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: createIssueBodySchema,
    success: { status: 201, description: 'Recorded', schema: created },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.consultation.addIssue(actor, params.caseId, body),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/cases/{caseId}/issues/{issueId}/advice',
    operationId: 'recordIssueAdvice',
    summary: 'Record (or replace) the advice given on an issue',
    description: COUNCIL_ONLY,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: issueIdParamsSchema,
    body: updateIssueAdviceBodySchema,
    success: { status: 204, description: 'Saved', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.consultation.setAdvice(actor, params.caseId, params.issueId, body.advice);
      return undefined;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/internal-notes',
    operationId: 'addInternalNote',
    summary: 'Add a council-internal note (never readable by the company, experts, banks or lawyers)',
    description: COUNCIL_ONLY,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: createInternalNoteBodySchema,
    success: { status: 201, description: 'Added', schema: created },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.consultation.addInternalNote(actor, params.caseId, body),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/triage',
    operationId: 'triageCase',
    summary: 'Record the triage decision with reasons and move the case (PM / SM)',
    description:
      'refer → closed as referred (a referral letter PDF becomes available); resolve_by_advice → closed; earnings_improvement / revitalization / rechallenge → the first stage of that track. A second triage, a case not at desk consultation or a stale `expectedStage` are refused (409) and nothing changes.',
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: triageBodySchema,
    success: { status: 204, description: 'Triaged and moved', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.consultation.triage(actor, params.caseId, body);
      return undefined;
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/triage/referral-letter.pdf',
    operationId: 'downloadReferralLetter',
    summary: 'The referral letter (紹介状) of a case referred to another body, as PDF',
    description: `${COUNCIL_ONLY} 404 when the case was not referred.`,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'A PDF attachment', schema: fileResponseSchema, file: { contentType: 'application/pdf' } },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.consultation.referralLetter(actor, params.caseId),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/interviews/{interviewId}/summary.pdf',
    operationId: 'downloadInterviewSummary',
    summary: 'The summary of one desk-consultation interview (面談記録・要旨), as PDF',
    description: `${COUNCIL_ONLY} With the problems and advice recorded so far; 404 for an interview of another case.`,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: interviewIdParamsSchema,
    success: { status: 200, description: 'A PDF attachment', schema: fileResponseSchema, file: { contentType: 'application/pdf' } },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.consultation.interviewSummary(actor, params.caseId, params.interviewId),
  }),
];
