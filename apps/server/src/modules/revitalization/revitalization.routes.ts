import { z } from 'zod';
import {
  addRvStaffMemberBodySchema,
  appointRvExpertBodySchema,
  caseIdParamsSchema,
  endRvMemberBodySchema,
  revitalizationSchema,
  rvMemberParamsSchema,
  saveBusinessPlanBodySchema,
  saveRealBalanceSheetBodySchema,
  saveRvProfileBodySchema,
  saveSupportDesignBodySchema,
} from '@kasseika/contracts';
import { fileResponseSchema, routesFor } from '../../http/route';
import type { RevitalizationService } from './revitalization.service';

export interface RevitalizationRouteDeps {
  readonly revitalization: RevitalizationService;
}

const route = routesFor<RevitalizationRouteDeps>();
const created = z.object({ id: z.string() });
const versioned = z.object({ version: z.number().int() });
const WRITES = 'Council case workers; only while the case is on the revitalization track (rv_* stages; 409 otherwise).';
const base = '/api/v1/cases/{caseId}/revitalization';

export const revitalizationRoutes = [
  route({
    method: 'GET',
    path: base,
    operationId: 'getRevitalization',
    summary: '再生支援: team (type, members, appointments, declarations), 実態BS and business plan (council only)',
    tags: ['revitalization'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'The revitalization record', schema: revitalizationSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.revitalization.get(actor, params.caseId),
  }),
  route({
    method: 'PUT',
    path: `${base}/profile`,
    operationId: 'saveRevitalizationProfile',
    summary: 'Team type (従来型 / 検証型 / 簡易型), プレ再生 or 再生, and whether debt forgiveness is expected',
    description: WRITES,
    tags: ['revitalization'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: saveRvProfileBodySchema,
    success: { status: 204, description: 'Saved', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.revitalization.saveProfile(actor, params.caseId, body);
      return undefined;
    },
  }),
  route({
    method: 'POST',
    path: `${base}/team/staff`,
    operationId: 'addRevitalizationStaff',
    summary: 'Add a council PM / SM / staff member to the team (declaration required when seconded from a creditor bank)',
    description: WRITES,
    tags: ['revitalization'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: addRvStaffMemberBodySchema,
    success: { status: 201, description: 'Added', schema: created },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.revitalization.addStaff(actor, params.caseId, body),
  }),
  route({
    method: 'POST',
    path: `${base}/team/experts`,
    operationId: 'appointRevitalizationExpert',
    summary: 'Appoint an external expert with a conflict-of-interest declaration: a mailed invitation that becomes a case grant',
    description: `${WRITES} The grant has the chosen scopes and ends with the appointment's last day (JST).`,
    tags: ['revitalization'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: appointRvExpertBodySchema,
    success: { status: 201, description: 'Appointed and invited', schema: created },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.revitalization.appointExpert(actor, params.caseId, body),
  }),
  route({
    method: 'POST',
    path: `${base}/team/{memberId}/end`,
    operationId: 'endRevitalizationMember',
    summary: 'End a team membership (解任 / 任期終了, date and reason; kept with its declaration); an expert loses the case grant',
    description: `${WRITES} For an expert, the outstanding invitation is withdrawn and the case grant revoked in the same transaction. 409 when already ended.`,
    tags: ['revitalization'],
    access: { kind: 'signedIn' },
    params: rvMemberParamsSchema,
    body: endRvMemberBodySchema,
    success: { status: 204, description: 'Ended', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.revitalization.endMember(actor, params.caseId, params.memberId, body);
      return undefined;
    },
  }),
  route({
    method: 'POST',
    path: `${base}/real-balance-sheets`,
    operationId: 'saveRealBalanceSheet',
    summary: '実態貸借対照表: a new version (book value → adjustments with reasons → real value; 実質債務超過)',
    description: WRITES,
    tags: ['revitalization'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: saveRealBalanceSheetBodySchema,
    success: { status: 201, description: 'Saved as a new version', schema: versioned },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.revitalization.saveRealBalanceSheet(actor, params.caseId, body),
  }),
  route({
    method: 'POST',
    path: `${base}/business-plans`,
    operationId: 'saveRevitalizationBusinessPlan',
    summary: '事業計画 draft: a new version (causes of distress, measures, yearly sales and ordinary profit)',
    description: `${WRITES} プレ再生: 1–3 years; 再生: 3–10 years.`,
    tags: ['revitalization'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: saveBusinessPlanBodySchema,
    success: { status: 201, description: 'Saved as a new version', schema: versioned },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.revitalization.saveBusinessPlan(actor, params.caseId, body),
  }),
  route({
    method: 'POST',
    path: `${base}/support-designs`,
    operationId: 'saveRevitalizationSupportDesign',
    summary: '金融支援策 design: a new version (リスケ, DDS, DES, 債権放棄, 第二会社方式; forgiveness requirements; 清算価値保障)',
    description: `${WRITES} When forgiveness is sought, every configured requirement must be answered and the liquidation-basis comparison given.`,
    tags: ['revitalization'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    body: saveSupportDesignBodySchema,
    success: { status: 201, description: 'Saved as a new version', schema: versioned },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params, body }, { deps, actor }) => deps.revitalization.saveSupportDesign(actor, params.caseId, body),
  }),
  route({
    method: 'GET',
    path: `${base}/survey-report.pdf`,
    operationId: 'downloadRevitalizationSurveyReport',
    summary: '調査報告書（案） as PDF: team, 実態BS, business plan, financial-support design (council only)',
    description: 'Council case workers. 409 until the adjusted balance sheet and a business plan exist.',
    tags: ['revitalization'],
    access: { kind: 'signedIn' },
    params: caseIdParamsSchema,
    success: { status: 200, description: 'A PDF attachment', schema: fileResponseSchema, file: { contentType: 'application/pdf' } },
    problems: [401, 403, 404, 409, 422],
    handler: ({ params }, { deps, actor }) => deps.revitalization.surveyReport(actor, params.caseId),
  }),
];
