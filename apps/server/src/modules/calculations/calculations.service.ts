import {
  allocateProRata,
  buildProjection,
  buildRepaymentSchedule,
  computeRealBalanceSheet,
  computeSubsidy,
  parseIsoDate,
  selectSubsidyRuleSet,
  summarizeScheduleByFiscalYear,
  validateFinancialStatement,
  validateFinancialStatements,
  validateProRataInput,
  validateRealBalanceSheetAdjustments,
  validateRepaymentScheduleInput,
  validateSubsidyInput,
  type BalanceSheet,
  type FinancialStatement,
  type ProjectionDrivers,
  type ProjectionOptions,
  type RealBalanceSheetAdjustment,
  type RepaymentScheduleInput,
  type SubsidyCostLine,
} from '@kasseika/finance';
import type {
  criteriaRequestSchema,
  criteriaResponseSchema,
  indicatorsRequestSchema,
  indicatorsResponseSchema,
  PlanDocument,
  planResultSchema,
  projectionRequestSchema,
  projectionResultSchema,
  proRataRequestSchema,
  proRataResultSchema,
  realBalanceSheetRequestSchema,
  realBalanceSheetResultSchema,
  repaymentScheduleRequestSchema,
  repaymentScheduleResponseSchema,
  StatementsImportResult,
  subsidyRequestSchema,
  subsidyResultSchema,
} from '@kasseika/contracts';
import { planResultSchema as planResultParser } from '@kasseika/contracts';
import type { z } from 'zod';
import { invalid } from '../../errors/app-error';
import { thresholdTableFor, type CalculationRuleData } from './calculations-rule-data';
import { checkIndustry, diagnose } from './calculations-diagnosis';
import { keyFiguresPath, statementsFromKeyFigures } from './calculations-key-figures';
import { computePlan, projectionIssues, proRataInputOf, runCriteria, selectRuleSet } from './calculations-plan';
import { collectOrThrow, presentProjection, presentProRata, presentThresholds, splitIssues, toEngine } from './calculations.presenter';
import { buildPlanWorkbook } from './calculations.xlsx';
import { buildPlanSummaryPdf } from './calculations.pdf';
import { buildStatementsTemplate, importStatements, type UploadedFile } from './calculations.import';

/** A file answer of an export route. */
export { collectOrThrow, splitIssues, toEngine } from './calculations.presenter';

export interface FileDownload {
  readonly body: Buffer;
  readonly filename: string;
}

type In<S extends z.ZodType> = z.output<S>;
type Out<S extends z.ZodType> = z.input<S>;

/**
 * The finance calculators over HTTP. Stateless: every call validates its input with the engine's own validators
 * (all issues, 422 with pointers into the body), computes with `@kasseika/finance`, and returns the results with
 * their explanation steps. Nothing is stored, so access is decided by each route's `access` alone (today public;
 * moving a route behind sign-in is a one-line change there).
 */
export interface CalculationsService {
  indicators(body: In<typeof indicatorsRequestSchema>): Out<typeof indicatorsResponseSchema>;
  realBalanceSheet(body: In<typeof realBalanceSheetRequestSchema>): Out<typeof realBalanceSheetResultSchema>;
  projection(body: In<typeof projectionRequestSchema>): Out<typeof projectionResultSchema>;
  criteria(body: In<typeof criteriaRequestSchema>): Out<typeof criteriaResponseSchema>;
  proRata(body: In<typeof proRataRequestSchema>): Out<typeof proRataResultSchema>;
  repaymentSchedule(body: In<typeof repaymentScheduleRequestSchema>): Out<typeof repaymentScheduleResponseSchema>;
  subsidy(body: In<typeof subsidyRequestSchema>): Out<typeof subsidyResultSchema>;
  plan(body: PlanDocument): Out<typeof planResultSchema>;
  planWorkbook(body: PlanDocument): Promise<FileDownload>;
  planSummaryPdf(body: PlanDocument): Promise<FileDownload>;
  statementsTemplate(): Promise<FileDownload>;
  importStatements(file: UploadedFile): Promise<StatementsImportResult>;
}

export interface CalculationsServiceDeps {
  readonly rules: CalculationRuleData;
}

/** File name of an export: company name and base year, safe for file systems. */
function exportName(doc: PlanDocument, ext: string): string {
  const company = Array.from(doc.company.name, (ch) => ((ch.codePointAt(0) ?? 0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .slice(0, 60);
  const base = doc.statements.at(-1)?.fiscalYearEnd.slice(0, 7) ?? '';
  return `${company}_数値計画_${base}基準.${ext}`;
}

export function createCalculationsService({ rules }: CalculationsServiceDeps): CalculationsService {
  const planParsed = (doc: PlanDocument) => planResultParser.parse(computePlan(doc, rules));
  return {
    indicators(body) {
      const fromKeyFigures = body.source === 'keyFigures' ? statementsFromKeyFigures(body.years) : null;
      const statements =
        body.source === 'keyFigures' ? (fromKeyFigures?.statements ?? []) : toEngine<FinancialStatement[]>(body.statements);
      const last = statements.at(-1);
      if (!last) throw new RangeError('validated to be non-empty');
      const table = thresholdTableFor(rules, last.fiscalYearEnd);
      const warnings = collectOrThrow([
        fromKeyFigures
          ? // The engine's findings on a statement built from contradictory key figures would only repeat them.
            splitIssues(fromKeyFigures.issues.length > 0 ? fromKeyFigures.issues : validateFinancialStatements(statements), keyFiguresPath)
          : splitIssues(validateFinancialStatements(statements), (p) => ['statements', ...p]),
        splitIssues(checkIndustry(table, body.industryCode, ['industryCode']), (p) => p),
      ]);
      const { years, score } = diagnose(statements, table, body);
      return { years, score, thresholds: presentThresholds(table), steps: fromKeyFigures?.steps ?? [], warnings };
    },

    realBalanceSheet(body) {
      const bs = toEngine<BalanceSheet>(body.balanceSheet);
      const adjustments = toEngine<RealBalanceSheetAdjustment[]>(body.adjustments);
      const statementIssues = validateFinancialStatement({
        fiscalYearEnd: '2000-01-31',
        fiscalYearEndMonth: 1,
        employees: 0,
        balanceSheet: bs,
        incomeStatement: zeroIncomeStatement(),
      }).filter((i) => i.path[0] === 'balanceSheet');
      const warnings = collectOrThrow([
        splitIssues(statementIssues, (p) => p),
        splitIssues(validateRealBalanceSheetAdjustments(bs, adjustments), (p) => p),
      ]);
      return {
        ...computeRealBalanceSheet(bs, adjustments, { treatOfficerLoansAsEquity: body.treatOfficerLoansAsEquity === true }),
        warnings,
      };
    },

    projection(body) {
      const base = toEngine<FinancialStatement>(body.base);
      const drivers = toEngine<ProjectionDrivers>(body.drivers);
      const options = body.options ? toEngine<ProjectionOptions>(body.options) : undefined;
      const warnings = collectOrThrow([
        splitIssues(validateFinancialStatement(base, ['base']), (p) => p),
        splitIssues(projectionIssues(base, drivers, options), (p) => p),
      ]);
      return presentProjection(buildProjection({ base, drivers, ...(options ? { options } : {}) }), warnings);
    },

    criteria(body) {
      const base = toEngine<FinancialStatement>(body.base);
      const drivers = toEngine<ProjectionDrivers>(body.drivers);
      const options = body.options ? toEngine<ProjectionOptions>(body.options) : undefined;
      const adjustments = toEngine<RealBalanceSheetAdjustment[]>(body.adjustments ?? []);
      const selected = selectRuleSet(rules, body.criteria, ['criteria']);
      const warnings = collectOrThrow([
        splitIssues(validateFinancialStatement(base, ['base']), (p) => p),
        splitIssues(projectionIssues(base, drivers, options), (p) => p),
        splitIssues(validateRealBalanceSheetAdjustments(base.balanceSheet, adjustments), (p) => p),
        splitIssues(selected.issues, (p) => p),
      ]);
      if (!selected.ruleSet) throw new RangeError('selected when there are no issues');
      const projection = buildProjection({ base, drivers, ...(options ? { options } : {}) });
      const real = computeRealBalanceSheet(base.balanceSheet, adjustments, {
        treatOfficerLoansAsEquity: body.treatOfficerLoansAsEquity === true,
      });
      return {
        criteria: runCriteria(base, projection, real, body.criteria, selected.ruleSet, options),
        projection: presentProjection(projection, []),
        realNetAssets: real.realNetAssets,
        warnings,
      };
    },

    proRata(body) {
      const input = proRataInputOf(body);
      const warnings = collectOrThrow([splitIssues(validateProRataInput(input), (p) => p)]);
      const names = new Map(body.creditors.flatMap((c) => (c.name ? [[c.id, c.name] as const] : [])));
      return presentProRata(allocateProRata(input), names, warnings);
    },

    repaymentSchedule(body) {
      const input = toEngine<RepaymentScheduleInput>(body.schedule);
      const warnings = collectOrThrow([splitIssues(validateRepaymentScheduleInput(input, ['schedule']), (p) => p)]);
      const schedule = buildRepaymentSchedule(input);
      return { schedule, annual: summarizeScheduleByFiscalYear(schedule, body.fiscalYearEndMonth), warnings };
    },

    subsidy(body) {
      const ruleSet = parseIsoDate(body.acceptanceDate)
        ? selectSubsidyRuleSet(rules.subsidyRuleSets, body.program, body.acceptanceDate)
        : undefined;
      if (!ruleSet) {
        throw invalid([
          {
            pointer: '/body/acceptanceDate',
            code: 'NO_RULE_SET_IN_FORCE',
            message: {
              ja: `受理日 ${body.acceptanceDate} に適用される補助金の規程（${body.program}）がありません。日付を確認してください。`,
              en: `No subsidy rule set (${body.program}) is in force on ${body.acceptanceDate}. Check the date.`,
            },
          },
        ]);
      }
      const input = {
        ruleSet,
        acceptanceDate: body.acceptanceDate,
        costLines: toEngine<SubsidyCostLine[]>(body.costLines),
        ...(body.sizeClass ? { sizeClass: body.sizeClass } : {}),
      };
      const warnings = collectOrThrow([splitIssues(validateSubsidyInput(input), (p) => p)]);
      return { ...computeSubsidy(input), ruleSetName: ruleSet.name, warnings };
    },

    plan: (body) => computePlan(body, rules),

    async planWorkbook(body) {
      return { body: await buildPlanWorkbook(body, planParsed(body)), filename: exportName(body, 'xlsx') };
    },

    async planSummaryPdf(body) {
      return { body: await buildPlanSummaryPdf(body, planParsed(body)), filename: exportName(body, 'pdf') };
    },

    async statementsTemplate() {
      return { body: await buildStatementsTemplate(), filename: '決算書入力テンプレート.xlsx' };
    },

    importStatements: (file) => importStatements(file),
  };
}

function zeroIncomeStatement(): FinancialStatement['incomeStatement'] {
  return toEngine<FinancialStatement['incomeStatement']>({
    netSales: 0,
    costOfSales: 0,
    grossProfit: 0,
    sellingGeneralAdministrativeExpenses: 0,
    personnelCosts: 0,
    depreciation: 0,
    operatingProfit: 0,
    nonOperatingIncome: 0,
    interestExpense: 0,
    otherNonOperatingExpenses: 0,
    ordinaryProfit: 0,
    extraordinaryGains: 0,
    extraordinaryLosses: 0,
    profitBeforeTax: 0,
    incomeTaxes: 0,
    netIncome: 0,
  });
}

/** Spreadsheet reading and styling shared with other modules' imports (creditors' 借入金一覧). */
export { cellAddress, gridFromCsv, gridFromXlsx, notSpreadsheet, textOf } from './calculations.import';
export { applyWorkbookStyle, JAPANESE_FONT } from '../../lib/xlsx-style';
