import {
  criteriaRequestSchema,
  criteriaResponseSchema,
  indicatorsRequestSchema,
  indicatorsResponseSchema,
  planDocumentSchema,
  planResultSchema,
  projectionRequestSchema,
  projectionResultSchema,
  proRataRequestSchema,
  proRataResultSchema,
  realBalanceSheetRequestSchema,
  realBalanceSheetResultSchema,
  repaymentScheduleRequestSchema,
  repaymentScheduleResponseSchema,
  statementsImportResultSchema,
  subsidyRequestSchema,
  subsidyResultSchema,
} from '@kasseika/contracts';
import { fileResponseSchema, routesFor, type RouteAccess } from '../../http/route';
import { readSingleUpload } from '../../http/upload';
import type { CalculationsService } from './calculations.service';
import { IMPORT_MAX_BYTES } from './calculations.import';

export interface CalculationsRouteDeps {
  readonly calculations: CalculationsService;
}

const route = routesFor<CalculationsRouteDeps>();

/**
 * Who may call the calculators. All are public for now (nothing is stored; the quick check is for anonymous
 * visitors). Moving a calculator behind sign-in is a one-line change: give its route `SIGNED_IN` instead.
 */
const PUBLIC: RouteAccess = { kind: 'public' };
export const SIGNED_IN: RouteAccess = { kind: 'signedIn' };

/** The anonymous quick check is rate-limited more strictly than the API as a whole (per client address). */
export const QUICK_CHECK_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TAGS = ['calculations'] as const;
const VALIDATION =
  'Invalid input → 422 listing every issue with a JSON pointer and ja/en messages (from zod and from the engine’s own validators).';

export const calculationsRoutes = [
  route({
    method: 'POST',
    path: '/api/v1/calculations/indicators',
    operationId: 'calculateIndicators',
    summary: 'ロカベン six indicators and 債務償還年数 (public quick check)',
    description: `Key figures or full statements of 1–3 years → the six ロカベン indicators per year, 債務償還年数 under a named variant, and (with an industry) the score against the thresholds (参考値・出典未確認). Rate-limited per client address. ${VALIDATION}`,
    tags: TAGS,
    access: PUBLIC,
    rateLimit: QUICK_CHECK_RATE_LIMIT,
    body: indicatorsRequestSchema,
    success: { status: 200, description: 'Indicators with their explanation steps', schema: indicatorsResponseSchema },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.indicators(body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/real-balance-sheet',
    operationId: 'calculateRealBalanceSheet',
    summary: '実態貸借対照表 (adjusted balance sheet) and 実質債務超過',
    description: `Applies signed adjustments line by line; officer loans count as equity only when chosen. ${VALIDATION}`,
    tags: TAGS,
    access: PUBLIC,
    body: realBalanceSheetRequestSchema,
    success: { status: 200, description: 'The adjusted balance sheet with steps', schema: realBalanceSheetResultSchema },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.realBalanceSheet(body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/projection',
    operationId: 'calculateProjection',
    summary: 'Integrated projection: P/L, balance sheet and cash flow for 1–10 plan years',
    description: `Tie-out checks are stated per year (difference 0 = passed); cash is never plugged. ${VALIDATION}`,
    tags: TAGS,
    access: PUBLIC,
    body: projectionRequestSchema,
    success: { status: 200, description: 'The projection with checks and steps', schema: projectionResultSchema },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.projection(body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/criteria',
    operationId: 'calculateCriteria',
    summary: 'Numeric criteria (数値基準) year by year',
    description: `Projects the plan and checks it against the rule set in force on the agreement date (data/finance). ${VALIDATION}`,
    tags: TAGS,
    access: PUBLIC,
    body: criteriaRequestSchema,
    success: { status: 200, description: 'Criteria results with the projection they were judged on', schema: criteriaResponseSchema },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.criteria(body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/pro-rata',
    operationId: 'calculateProRata',
    summary: 'Pro-rata (プロラタ) allocation among creditors',
    description: `残高 / 信用残高 / 折衷; allocations always sum exactly to the amount. ${VALIDATION}`,
    tags: TAGS,
    access: PUBLIC,
    body: proRataRequestSchema,
    success: { status: 200, description: 'Allocations with security coverage and steps', schema: proRataResultSchema },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.proRata(body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/repayment-schedule',
    operationId: 'calculateRepaymentSchedule',
    summary: 'Monthly repayment schedule with fiscal-year totals',
    description: VALIDATION,
    tags: TAGS,
    access: PUBLIC,
    body: repaymentScheduleRequestSchema,
    success: { status: 200, description: 'The schedule', schema: repaymentScheduleResponseSchema },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.repaymentSchedule(body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/subsidy',
    operationId: 'calculateSubsidy',
    summary: 'Expert-fee subsidy arithmetic (405 / 早期経営改善)',
    description: `The rule set in force on the acceptance date (data/subsidy) applies. ${VALIDATION}`,
    tags: TAGS,
    access: PUBLIC,
    body: subsidyRequestSchema,
    success: { status: 200, description: 'Subsidy per category, checks and steps', schema: subsidyResultSchema },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.subsidy(body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/plan',
    operationId: 'calculatePlan',
    summary: 'The whole plan workbench document at once',
    description: `Diagnosis, 実態BS, projection, criteria, pro-rata and repayments by creditor. The Excel and PDF exports are built from exactly this result. ${VALIDATION}`,
    tags: TAGS,
    access: PUBLIC,
    body: planDocumentSchema,
    success: { status: 200, description: 'The computed plan', schema: planResultSchema },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.plan(body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/plan/workbook',
    operationId: 'exportPlanWorkbook',
    summary: 'The plan as an Excel workbook (損益計画, 貸借対照表, 資金繰り, 金融機関別返済計画, 数値基準, 計算根拠)',
    description: `Numbers equal those of POST /api/v1/calculations/plan for the same document. ${VALIDATION}`,
    tags: TAGS,
    access: PUBLIC,
    body: planDocumentSchema,
    success: { status: 200, description: 'An .xlsx attachment', schema: fileResponseSchema, file: { contentType: XLSX } },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.planWorkbook(body)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/plan/summary.pdf',
    operationId: 'exportPlanSummaryPdf',
    summary: 'A one-to-three page A4 PDF summary of the plan, in Japanese',
    description: VALIDATION,
    tags: TAGS,
    access: PUBLIC,
    body: planDocumentSchema,
    success: { status: 200, description: 'A PDF attachment', schema: fileResponseSchema, file: { contentType: 'application/pdf' } },
    problems: [422],
    handler: ({ body }, { deps }) => Promise.resolve(deps.calculations.planSummaryPdf(body)),
  }),
  route({
    method: 'GET',
    path: '/api/v1/calculations/statements/template.xlsx',
    operationId: 'downloadStatementsTemplate',
    summary: 'The Excel template for entering up to three years of statements',
    tags: TAGS,
    access: PUBLIC,
    success: { status: 200, description: 'An .xlsx attachment', schema: fileResponseSchema, file: { contentType: XLSX } },
    problems: [],
    cache: 'public-short',
    handler: (_input, { deps }) => deps.calculations.statementsTemplate(),
  }),
  route({
    method: 'POST',
    path: '/api/v1/calculations/statements/import',
    operationId: 'importStatements',
    summary: 'Statements from the Excel template (.xlsx) or a CSV file with the same layout',
    description:
      'multipart/form-data with one file (at most 2 MB). The content is identified by its bytes, not its name: an .xlsx is inspected before opening (an archive expanding beyond 20 MB is refused as a zip bomb); CSV may be UTF-8 or Shift_JIS. Unreadable cells → 422 listing every cell ("C12: 数値を入力してください"); suspicious figures come back as warnings.',
    tags: TAGS,
    access: PUBLIC,
    upload: { field: 'file', description: 'The filled-in template (.xlsx) or a CSV with the same columns' },
    success: { status: 200, description: 'The statements read from the file', schema: statementsImportResultSchema },
    problems: [413, 415, 422],
    handler: async (_input, { deps, req }) => deps.calculations.importStatements(await readSingleUpload(req, IMPORT_MAX_BYTES)),
  }),
];
