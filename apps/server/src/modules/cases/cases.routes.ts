import { z } from 'zod';
import {
  accessLogSchema,
  caseDetailSchema,
  caseGrantListSchema,
  caseIdParamsSchema,
  caseListQuerySchema,
  caseListSchema,
  createCaseBodySchema,
  grantParamsSchema,
  invitationCreatedSchema,
  inviteToCaseBodySchema,
  revokeGrantBodySchema,
} from '@kasseika/contracts';
import { routesFor } from '../../http/route';
import type { CasesService } from './cases.service';

export interface CasesRouteDeps {
  readonly cases: CasesService;
}

const route = routesFor<CasesRouteDeps>();

export const casesRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/cases',
    operationId: 'listCases',
    summary: 'Cases visible to me: my council’s (staff) or the ones granted to me (outsiders)',
    description: 'Search by company name or reference number. Rows of other councils, and cases not granted to an outsider, never appear.',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    query: caseListQuerySchema,
    success: { status: 200, description: 'A page of cases', schema: caseListSchema },
    problems: [401, 403, 422],
    handler: ({ query }, { deps, actor }) => deps.cases.list(actor, query),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases',
    operationId: 'createCase',
    summary: 'Open a case in my council (council case workers)',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    body: createCaseBodySchema,
    success: { status: 201, description: 'The new case', schema: caseDetailSchema },
    problems: [401, 403, 422],
    handler: ({ body }, { deps, actor }) => deps.cases.create(actor, body),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}',
    operationId: 'getCase',
    summary: 'One case (audited read); 404 when not visible to me',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The case with my abilities on it', schema: caseDetailSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.cases.get(actor, params.caseId),
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/grants',
    operationId: 'listCaseGrants',
    summary: 'Who outside the council may see this case (grants and pending invitations)',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'Grants', schema: caseGrantListSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.cases.grants(actor, params.caseId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/invitations',
    operationId: 'inviteToCase',
    summary: 'Invite a company member, expert, bank officer or lawyer to this case (a grant once accepted)',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: inviteToCaseBodySchema,
    success: { status: 201, description: 'Invitation mailed', schema: invitationCreatedSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params, body }, { deps, actor }) => deps.cases.invite(actor, params.caseId, body),
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/grants/{grantId}/revoke',
    operationId: 'revokeCaseGrant',
    summary: 'Revoke an outsider’s access to this case, with a reason (takes effect on the next request)',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    params: grantParamsSchema,
    body: revokeGrantBodySchema,
    success: { status: 204, description: 'Revoked', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.cases.revokeGrant(actor, params.caseId, params.grantId, body.reason);
      return undefined;
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/access-log',
    operationId: 'getCaseAccessLog',
    summary: 'Who accessed this case and when (the company sees it too)',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'Access log, newest first', schema: accessLogSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.cases.accessLog(actor, params.caseId),
  }),
];
