import { caseGuarantorsSchema, caseIdParamsSchema, saveGuarantorsBodySchema } from '@kasseika/contracts';
import { routesFor } from '../../http/route';
import type { GuarantorsService } from './guarantors.service';

export interface GuarantorsRouteDeps {
  readonly guarantors: GuarantorsService;
}

const route = routesFor<GuarantorsRouteDeps>();

export const guarantorsRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/guarantors',
    operationId: 'getCaseGuarantors',
    summary: 'Guarantors (経営者保証) and their personal assets, with the 残存資産 estimate of each (audited read)',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The latest revision with estimates and the rule set used', schema: caseGuarantorsSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.guarantors.get(actor, params.caseId),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/cases/{caseId}/guarantors',
    operationId: 'saveCaseGuarantors',
    summary: 'Save the guarantors and their personal assets as a new revision',
    description:
      'The whole list is saved as one revision, encrypted at rest. `expectedRevision` must be the latest revision (409 otherwise). The 残存資産 estimate follows REFERENCE §4.1 with the dated rule set in force today (Japan time).',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: saveGuarantorsBodySchema,
    success: { status: 200, description: 'The saved revision', schema: caseGuarantorsSchema },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.guarantors.save(actor, params.caseId, body),
  }),
];
