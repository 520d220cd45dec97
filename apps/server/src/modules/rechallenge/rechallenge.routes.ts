import { z } from 'zod';
import {
  caseIdParamsSchema,
  createRcAdviceBodySchema,
  createRcConsultationBodySchema,
  createRcProceedingBodySchema,
  documentVersionParamsSchema,
  prepareRcReferralBodySchema,
  rcConsentBodySchema,
  rcConsentViewSchema,
  rcConsultationCreatedSchema,
  rcLawyerPackageSchema,
  rcProceedingParamsSchema,
  rechallengeSchema,
  updateRcProceedingBodySchema,
} from '@kasseika/contracts';
import { fileResponseSchema, routesFor } from '../../http/route';
import type { RechallengeService } from './rechallenge.service';

export interface RechallengeRouteDeps {
  readonly rechallenge: RechallengeService;
}

const route = routesFor<RechallengeRouteDeps>();
const created = z.object({ id: z.string() });
const BASE = '/api/v1/cases/{caseId}/rechallenge';
const WRITES = 'Council case workers; only while the case is in re-challenge support (409 otherwise).';

export const rechallengeRoutes = [
  route({
    method: 'GET',
    path: BASE,
    operationId: 'getRechallenge',
    summary: '再チャレンジ支援: advice, lawyer referral and consent, exit routes and guarantor workouts, consultations (council only)',
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The re-challenge record', schema: rechallengeSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.rechallenge.get(actor, params.caseId),
  }),
  route({
    method: 'POST',
    path: `${BASE}/advice`,
    operationId: 'createRcAdvice',
    summary: 'Record dated advice on 円滑な廃業 (encrypted)',
    description: WRITES,
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: createRcAdviceBodySchema,
    success: { status: 201, description: 'Recorded', schema: created },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.rechallenge.addAdvice(actor, params.caseId, body),
  }),
  route({
    method: 'PUT',
    path: `${BASE}/referral`,
    operationId: 'prepareRcReferral',
    summary: 'Prepare the lawyer referral: the lawyer and the handover package (documents and figures) for the company to consent to',
    description: `${WRITES} Only at rc_lawyer_referral, and not while the company's consent stands (409).`,
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: prepareRcReferralBodySchema,
    success: {
      status: 200,
      description: 'Prepared; the package hash the company will consent to',
      schema: z.object({ packageHash: z.string() }),
    },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.rechallenge.prepareReferral(actor, params.caseId, body),
  }),
  route({
    method: 'GET',
    path: `${BASE}/consent`,
    operationId: 'getRcConsent',
    summary: 'The proposed lawyer referral and handover package, with the company’s consent (the company; the council)',
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The proposal and consent', schema: rcConsentViewSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.rechallenge.consentView(actor, params.caseId),
  }),
  route({
    method: 'POST',
    path: `${BASE}/consent`,
    operationId: 'giveRcConsent',
    summary: 'The company consents to the handover package it read (by its hash); the referred lawyer is granted the package',
    description: 'Company members with a grant on the case; at rc_lawyer_referral (409 otherwise, or when the package changed).',
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: rcConsentBodySchema,
    success: { status: 204, description: 'Consented', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.rechallenge.consent(actor, params.caseId, body.packageHash);
      return undefined;
    },
  }),
  route({
    method: 'DELETE',
    path: `${BASE}/consent`,
    operationId: 'revokeRcConsent',
    summary: 'The company revokes its consent; the lawyer’s package grant is revoked at once',
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 204, description: 'Revoked', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params }, { deps, actor }) => {
      await deps.rechallenge.revokeConsent(actor, params.caseId);
      return undefined;
    },
  }),
  route({
    method: 'GET',
    path: `${BASE}/package`,
    operationId: 'getRcPackage',
    summary: 'The consented handover package (the referred lawyer; the council). 404 while no consent stands',
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The package', schema: rcLawyerPackageSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.rechallenge.lawyerPackage(actor, params.caseId),
  }),
  route({
    method: 'GET',
    path: `${BASE}/package/documents/{documentId}/versions/{version}/content`,
    operationId: 'downloadRcPackageDocument',
    summary: 'Download a document version of the consented handover package (always as an attachment; audited)',
    description:
      'The referred lawyer (through the consent’s grant) and the council. Only the documents and exact versions the consented package names, and only while the consent stands: 404 otherwise, at once after a revocation.',
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: documentVersionParamsSchema,
    success: { status: 200, description: 'The file', schema: fileResponseSchema, file: { contentType: 'application/octet-stream' } },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.rechallenge.packageDocument(actor, params.caseId, params.documentId, params.version),
  }),
  route({
    method: 'POST',
    path: `${BASE}/proceedings`,
    operationId: 'createRcProceeding',
    summary: 'Track an exit route (私的整理 / 破産 / 事業譲渡) or a guarantor workout (経営者保証GL 一体型 / 単独型)',
    description: WRITES,
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: createRcProceedingBodySchema,
    success: { status: 201, description: 'Recorded', schema: created },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.rechallenge.addProceeding(actor, params.caseId, body),
  }),
  route({
    method: 'PATCH',
    path: `${BASE}/proceedings/{proceedingId}`,
    operationId: 'updateRcProceeding',
    summary: 'Change the status and dates of a tracked route',
    description: WRITES,
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: rcProceedingParamsSchema,
    body: updateRcProceedingBodySchema,
    success: { status: 204, description: 'Saved', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.rechallenge.updateProceeding(actor, params.caseId, params.proceedingId, body);
      return undefined;
    },
  }),
  route({
    method: 'POST',
    path: `${BASE}/consultations`,
    operationId: 'createRcConsultation',
    summary: 'Record a lawyer consultation; fee support is counted against the configured limit (422 beyond it)',
    description: WRITES,
    tags: ['rechallenge'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: createRcConsultationBodySchema,
    success: { status: 201, description: 'Recorded', schema: rcConsultationCreatedSchema },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.rechallenge.addConsultation(actor, params.caseId, body),
  }),
];
