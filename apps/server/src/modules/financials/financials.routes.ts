import { caseIdParamsSchema, caseStatementsSchema, saveCaseStatementsBodySchema } from '@kasseika/contracts';
import { routesFor } from '../../http/route';
import type { FinancialsService } from './financials.service';

export interface FinancialsRouteDeps {
  readonly financials: FinancialsService;
}

const route = routesFor<FinancialsRouteDeps>();

export const financialsRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/cases/{caseId}/financial-statements',
    operationId: 'getCaseStatements',
    summary: 'The company’s financial statements on this case (latest revision; audited read)',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The latest revision, with warnings from the finance engine', schema: caseStatementsSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.financials.get(actor, params.caseId),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/cases/{caseId}/financial-statements',
    operationId: 'saveCaseStatements',
    summary: 'Save the company’s statements (1–3 fiscal years) as a new revision',
    description:
      'The finance engine checks every figure (422 lists every error; warnings come back with the saved revision). `expectedRevision` must be the latest revision (409 otherwise). The figures are encrypted at rest.',
    tags: ['cases'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: saveCaseStatementsBodySchema,
    success: { status: 200, description: 'The saved revision', schema: caseStatementsSchema },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.financials.save(actor, params.caseId, body),
  }),
];
