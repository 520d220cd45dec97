import {
  allocateProRata,
  buildProjection,
  buildProRataRepaymentSchedules,
  checkNumericCriteria,
  computeRealBalanceSheet,
  criteriaPlanYearsFromProjection,
  makeIssue,
  parseIsoDate,
  selectCriteriaRuleSet,
  summarizeScheduleByFiscalYear,
  validateFinancialStatements,
  validateProjectionInput,
  validateProRataInput,
  validateRealBalanceSheetAdjustments,
  type CriteriaRuleSet,
  type FinancialStatement,
  type NumericCriteriaResult,
  type ProjectionDrivers,
  type ProjectionOptions,
  type ProjectionResult,
  type ProRataInput,
  type ProRataScheduleInput,
  type RealBalanceSheetAdjustment,
  type RealBalanceSheetResult,
  type ValidationIssue,
} from '@kasseika/finance';
import type { CalculationWarning, PlanDocument } from '@kasseika/contracts';
import type { z } from 'zod';
import type { planResultSchema } from '@kasseika/contracts';
import { thresholdTableFor, type CalculationRuleData } from './calculations-rule-data';
import { checkIndustry, diagnose } from './calculations-diagnosis';
import { collectOrThrow, presentProjection, presentProRata, presentThresholds, splitIssues, toEngine } from './calculations.presenter';

/** Selects the numeric-criteria rule set in force on the agreement date (issue at `path` when none is). */
export function selectRuleSet(
  data: CalculationRuleData,
  settings: PlanDocument['criteria'],
  path: readonly (string | number)[],
): { ruleSet?: CriteriaRuleSet; issues: ValidationIssue[] } {
  if (!parseIsoDate(settings.agreementDate)) {
    return {
      issues: [
        makeIssue([...path, 'agreementDate'], 'INVALID_DATE', {
          ja: `計画成立日「${settings.agreementDate}」は実在する日付ではありません。`,
          en: `Agreement date "${settings.agreementDate}" is not a real date.`,
        }),
      ],
    };
  }
  const ruleSet = selectCriteriaRuleSet(data.criteriaRuleSets, {
    planType: settings.planType,
    sizeClass: settings.sizeClass,
    date: settings.agreementDate,
  });
  if (ruleSet) return { ruleSet, issues: [] };
  return {
    issues: [
      makeIssue([...path, 'agreementDate'], 'NO_RULE_SET_IN_FORCE', {
        ja: `計画成立日 ${settings.agreementDate} に適用される数値基準（${settings.planType}）がありません。日付を確認してください。`,
        en: `No numeric criteria (${settings.planType}) are in force on ${settings.agreementDate}. Check the date.`,
      }),
    ],
  };
}

/** Projection issues of a request whose base year is validated elsewhere (base issues are dropped). */
export function projectionIssues(base: FinancialStatement, drivers: ProjectionDrivers, options?: ProjectionOptions): ValidationIssue[] {
  return validateProjectionInput({ base, drivers, ...(options ? { options } : {}) }).filter((i) => i.path[0] !== 'base');
}

/** Criteria of a projection with the base-year 実態BS. */
export function runCriteria(
  base: FinancialStatement,
  projection: ProjectionResult,
  realBalanceSheet: RealBalanceSheetResult,
  settings: PlanDocument['criteria'],
  ruleSet: CriteriaRuleSet,
  options?: ProjectionOptions,
): NumericCriteriaResult {
  return checkNumericCriteria(
    {
      base,
      planYears: criteriaPlanYearsFromProjection(projection),
      agreementDate: settings.agreementDate,
      realBalanceSheet,
      ...(settings.reschedulingRequested !== undefined ? { reschedulingRequested: settings.reschedulingRequested } : {}),
      ...(options?.interestBearingDebt ? { interestBearingDebt: options.interestBearingDebt } : {}),
    },
    ruleSet,
  );
}

/**
 * Computes the whole plan workbench document: diagnosis of the actual years, 実態BS of the base year, the
 * projection, the numeric criteria, the pro-rata allocation and its schedules, and the repayments by creditor.
 * Every input error of every part is collected into one 422 with pointers into the document.
 */
export function computePlan(doc: PlanDocument, data: CalculationRuleData): z.input<typeof planResultSchema> {
  const statements = toEngine<FinancialStatement[]>(doc.statements);
  const base = statements.at(-1);
  if (!base) throw new RangeError('statements are validated to be non-empty');
  const adjustments = toEngine<RealBalanceSheetAdjustment[]>(doc.adjustments);
  const drivers = toEngine<ProjectionDrivers>(doc.drivers);
  const options = doc.options ? toEngine<ProjectionOptions>(doc.options) : undefined;
  const table = thresholdTableFor(data, base.fiscalYearEnd);
  const selected = selectRuleSet(data, doc.criteria, ['criteria']);
  const proRataInput = doc.proRata ? proRataInputOf(doc.proRata) : null;

  const groups = [
    splitIssues(validateFinancialStatements(statements), (p) => ['statements', ...p]),
    splitIssues(validateRealBalanceSheetAdjustments(base.balanceSheet, adjustments), (p) => p),
    splitIssues(projectionIssues(base, drivers, options), (p) => p),
    splitIssues(selected.issues, (p) => p),
    splitIssues(checkIndustry(table, doc.company.industryCode, ['company', 'industryCode']), (p) => p),
    ...(proRataInput ? [splitIssues(validateProRataInput(proRataInput), (p) => ['proRata', ...p])] : []),
    splitIssues(scheduleLoanIssues(doc), (p) => p),
  ];
  const warnings: CalculationWarning[] = collectOrThrow(groups);
  const ruleSet = selected.ruleSet;
  if (!ruleSet) throw new RangeError('rule set is selected when there are no issues');

  const diagnosis = diagnose(statements, table, {
    industryCode: doc.company.industryCode,
    sizeClass: doc.company.locabenSizeClass,
    debtRepaymentVariant: doc.debtRepaymentVariant,
    interestBearingDebt: options?.interestBearingDebt,
  });
  const realBalanceSheet = computeRealBalanceSheet(base.balanceSheet, adjustments, {
    treatOfficerLoansAsEquity: doc.treatOfficerLoansAsEquity,
  });
  const projection = buildProjection({ base, drivers, ...(options ? { options } : {}) });
  const criteria = runCriteria(base, projection, realBalanceSheet, doc.criteria, ruleSet, options);
  const names = new Map((doc.proRata?.creditors ?? []).flatMap((c) => (c.name ? [[c.id, c.name] as const] : [])));
  const proRata = proRataInput ? allocateProRata(proRataInput) : null;
  const fyEnds = projection.years.map((y) => y.fiscalYearEndMonth);
  let proRataSchedules: z.input<typeof planResultSchema>['proRataSchedules'] = null;
  if (proRata?.computable && doc.proRata?.schedule) {
    const s = doc.proRata.schedule;
    const schedules = buildProRataRepaymentSchedules(
      toEngine<ProRataScheduleInput>({
        allocations: proRata.allocations.map((a) => ({ creditorId: a.creditorId, amount: a.amount })),
        loans: s.loans,
        firstPaymentMonth: s.firstPaymentMonth,
        termMonths: s.termMonths,
        graceMonths: s.graceMonths,
        interestConvention: s.interestConvention,
        ...(s.interestRounding ? { interestRounding: s.interestRounding } : {}),
        ...(s.atEnd ? { atEnd: s.atEnd } : {}),
      }),
    );
    const creditorIds = [...new Set(schedules.map((x) => x.creditorId ?? x.loanId))];
    proRataSchedules = {
      schedules,
      byCreditor: creditorIds.map((id) => {
        const own = schedules
          .filter((x) => (x.creditorId ?? x.loanId) === id)
          .map((x) => summarizeScheduleByFiscalYear(x, base.fiscalYearEndMonth, fyEnds));
        const name = names.get(id);
        return {
          creditorId: id,
          ...(name !== undefined ? { name } : {}),
          years: fyEnds.map((fyEnd, i) => {
            const rows = own.map((o) => o[i]).filter((r) => r !== undefined);
            const sum = (k: 'openingBalance' | 'interest' | 'principal' | 'closingBalance' | 'payments') =>
              rows.reduce((t, r) => t + r[k], 0);
            return {
              fiscalYearEnd: fyEnd,
              openingBalance: sum('openingBalance'),
              interest: sum('interest'),
              principal: sum('principal'),
              closingBalance: sum('closingBalance'),
              payments: sum('payments'),
            };
          }),
        };
      }),
    };
  }
  const projectionWarnings = warnings.filter((w) => w.pointer.startsWith('/body/drivers'));
  return {
    company: doc.company,
    diagnosis: { ...diagnosis, thresholds: presentThresholds(table) },
    realBalanceSheet: { ...realBalanceSheet, warnings: warnings.filter((w) => w.pointer.startsWith('/body/adjustments')) },
    projection: presentProjection(projection, projectionWarnings),
    criteria,
    proRata: proRata
      ? presentProRata(
          proRata,
          names,
          warnings.filter((w) => w.pointer.startsWith('/body/proRata')),
        )
      : null,
    proRataSchedules,
    repaymentsByCreditor: repaymentsByCreditor(projection, names),
    steps: [...projection.steps],
    warnings,
  };
}

/** The plan's loans summed by creditor and plan year, plus base-year debt without a schedule (carried unchanged). */
export function repaymentsByCreditor(
  projection: ProjectionResult,
  names: ReadonlyMap<string, string>,
): z.input<typeof planResultSchema>['repaymentsByCreditor'] {
  const ids = [...new Set(projection.years.flatMap((y) => y.loans.map((l) => l.creditorId ?? l.loanId)))];
  const rows = ids.map((id) => {
    const name = names.get(id);
    return {
      creditorId: id,
      ...(name !== undefined ? { name } : {}),
      years: projection.years.map((y) => {
        const own = y.loans.filter((l) => (l.creditorId ?? l.loanId) === id);
        const sum = (k: 'openingBalance' | 'drawdown' | 'interest' | 'principal' | 'closingBalance') => own.reduce((t, l) => t + l[k], 0);
        return {
          planYear: y.planYear,
          fiscalYearEnd: y.fiscalYearEndMonth,
          openingBalance: sum('openingBalance'),
          drawdown: sum('drawdown'),
          interest: sum('interest'),
          principal: sum('principal'),
          closingBalance: sum('closingBalance'),
        };
      }),
    };
  });
  const unscheduled = (y: ProjectionResult['years'][number]) => Object.values(y.unscheduledDebt).reduce((t, v) => t + v, 0);
  if (projection.years.some((y) => unscheduled(y) !== 0)) {
    rows.push({
      creditorId: 'unscheduled',
      name: '返済予定のない借入（据え置き） / Debt without a schedule (carried)',
      years: projection.years.map((y) => ({
        planYear: y.planYear,
        fiscalYearEnd: y.fiscalYearEndMonth,
        openingBalance: unscheduled(y),
        drawdown: 0,
        interest: 0,
        principal: 0,
        closingBalance: unscheduled(y),
      })),
    });
  }
  return rows;
}

/** Loans of the pro-rata schedule must belong to a listed creditor. */
function scheduleLoanIssues(doc: PlanDocument): ValidationIssue[] {
  const schedule = doc.proRata?.schedule;
  if (!schedule || !doc.proRata) return [];
  const ids = new Set(doc.proRata.creditors.map((c) => c.id));
  const issues: ValidationIssue[] = [];
  schedule.loans.forEach((l, i) => {
    if (!ids.has(l.creditorId)) {
      issues.push(
        makeIssue(['proRata', 'schedule', 'loans', i, 'creditorId'], 'UNKNOWN_CREDITOR', {
          ja: `借入「${l.loanId}」の債権者「${l.creditorId}」が債権者一覧にありません。`,
          en: `Creditor "${l.creditorId}" of loan "${l.loanId}" is not in the creditor list.`,
        }),
      );
    }
  });
  return issues;
}

/** The allocation part of the plan's pro-rata section. */
export function proRataInputOf(p: NonNullable<PlanDocument['proRata']>): ProRataInput {
  return toEngine<ProRataInput>({
    amount: p.amount,
    creditors: p.creditors,
    ...(p.collaterals ? { collaterals: p.collaterals } : {}),
    method: p.method,
    guaranteeCoverTreatment: p.guaranteeCoverTreatment,
    rounding: p.rounding,
  });
}
