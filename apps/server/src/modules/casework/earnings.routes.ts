import { z } from 'zod';
import {
  actionItemParamsSchema,
  adoptEarningsPlanBodySchema,
  caseIdParamsSchema,
  createActionItemBodySchema,
  earningsImprovementSchema,
  governanceItemParamsSchema,
  saveGovernanceCheckBodySchema,
  updateActionItemBodySchema,
} from '@kasseika/contracts';
import { routesFor } from '../../http/route';
import type { EarningsService } from './earnings.service';

export interface EarningsRouteDeps {
  readonly earnings: EarningsService;
}

const route = routesFor<EarningsRouteDeps>();
const created = z.object({ id: z.string() });
const WRITES = 'Council case workers; only while the case is in earnings-improvement support (409 otherwise).';

export const earningsRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/earnings-improvement',
    operationId: 'getEarningsImprovement',
    summary: '収益力改善支援: governance checklist with answers, action plan, adopted plan (council only)',
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The earnings-improvement record', schema: earningsImprovementSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.earnings.get(actor, params.caseId),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/cases/{caseId}/earnings-improvement/governance/{itemKey}',
    operationId: 'saveGovernanceCheck',
    summary: 'Answer one item of the governance checklist (met / partly / not met / not applicable, with a note)',
    description: WRITES,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: governanceItemParamsSchema,
    body: saveGovernanceCheckBodySchema,
    success: { status: 204, description: 'Saved', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.earnings.saveCheck(actor, params.caseId, params.itemKey, body);
      return undefined;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/earnings-improvement/action-items',
    operationId: 'createActionItem',
    summary: 'Add an action to the 収益力改善アクションプラン (what, who, by when)',
    description: WRITES,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: createActionItemBodySchema,
    success: { status: 201, description: 'Added', schema: created },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.earnings.addActionItem(actor, params.caseId, body),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/cases/{caseId}/earnings-improvement/action-items/{itemId}',
    operationId: 'updateActionItem',
    summary: 'Change the status of an action (planned, in progress, done, dropped)',
    description: WRITES,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: actionItemParamsSchema,
    body: updateActionItemBodySchema,
    success: { status: 204, description: 'Saved', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.earnings.updateActionItem(actor, params.caseId, params.itemId, body.status);
      return undefined;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/cases/{caseId}/earnings-improvement/plan',
    operationId: 'adoptEarningsPlan',
    summary: 'Adopt the 収益力改善計画 (1–3 years; 1 year when rescheduling is requested); opens the move to monitoring',
    description: `${WRITES} Once per case (409 for a second adoption).`,
    tags: ['casework'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: adoptEarningsPlanBodySchema,
    success: { status: 204, description: 'Adopted', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.earnings.adoptPlan(actor, params.caseId, body);
      return undefined;
    },
  }),
];
