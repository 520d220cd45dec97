import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import rulesJson from '../../../../data/finance/criteria-rules.v2026-11-24.json';
import { sampleProjectionInput } from '../test-support/sample-projection';
import { buildProjection } from '../projection/build-projection';
import type { ProjectionInput } from '../projection/projection-input';
import { computeRealBalanceSheet } from '../real-balance-sheet/real-balance-sheet';
import { deriveIncomeStatement } from '../statements/statement-builder';
import { computeBalanceSheetTotals } from '../statements/balance-sheet-totals';
import { parseCriteriaRuleSets, type CriteriaRuleSet } from './criteria-rules';
import { checkNumericCriteria, criteriaPlanYearsFromProjection } from './check-numeric-criteria';

const ruleSets = parseCriteriaRuleSets(rulesJson).ruleSets ?? [];
const rule = (id: string): CriteriaRuleSet => {
  const r = ruleSets.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

/** A distressed base year: ordinary loss of 6,500,000; book net assets 25,000,000 but real −15,000,000. */
function distressed(horizon = 5, cogs: number[] = [0.7, 0.66, 0.64, 0.62, 0.6]): ProjectionInput {
  const input = sampleProjectionInput();
  const base = {
    ...input.base,
    incomeStatement: deriveIncomeStatement({
      netSales: yen(105_000_000),
      costOfSales: yen(80_000_000),
      sellingGeneralAdministrativeExpenses: yen(31_000_000),
      personnelCosts: yen(15_000_000),
      depreciation: yen(3_000_000),
      nonOperatingIncome: yen(500_000),
      interestExpense: yen(1_000_000),
    }),
  };
  return { ...input, base, drivers: { ...input.drivers, horizonYears: horizon, costOfSalesRatio: cogs.slice(0, horizon) } };
}

const realBs = (input: ProjectionInput) =>
  computeRealBalanceSheet(input.base.balanceSheet, [
    { id: 'L', targetLine: 'land', amount: yen(-40_000_000), reason: '路線価による評価減', category: 'realEstateFairValue' },
  ]);

describe('再生計画 criteria (REFERENCE §3.5)', () => {
  const input = distressed();
  const projection = buildProjection(input);
  const rbs = realBs(input);
  const result = checkNumericCriteria(
    { base: input.base, planYears: criteriaPlanYearsFromProjection(projection), agreementDate: '2026-06-15', realBalanceSheet: rbs },
    rule('council-revitalization-sme-2022'),
  );
  const byCode = (code: string) => result.criteria.find((c) => c.code === code);

  it('counts from the first fiscal year starting after agreement: agreed 2026-06-15 → FY 2027-04-01…2028-03-31 = plan year 2', () => {
    expect(rbs.realNetAssets).toBe(-15_000_000);
    expect(result.firstCountedFiscalYear).toEqual({ startDate: '2027-04-01', endDate: '2028-03-31', endMonth: '2028-03' });
    expect(result.planYearOfCountingYear1).toBe(2);
    expect(byCode('ORDINARY_PROFIT_POSITIVE')?.values.map((v) => v.countingYear)).toEqual([0, 1, 2, 3, 4]);
  });

  it('ordinary profit: base −6,500,000 → plan year 1 = 32,445,000 − 31,000,000 − 807,000 = 638,000 > 0 → met in year 1 (deadline plan year 4)', () => {
    const c = byCode('ORDINARY_PROFIT_POSITIVE');
    expect(input.base.incomeStatement.ordinaryProfit).toBe(-6_500_000);
    expect(c?.values[0]?.value).toBe(638_000);
    expect(c?.deadlinePlanYear).toBe(4); // 2 + 3 − 1
    expect(c?.metPlanYear).toBe(1);
    expect(c?.status).toBe('passed');
  });

  it('real negative equity: real net assets = book net assets − 40,000,000 each year; met when it turns ≥ 0 (deadline plan year 6)', () => {
    const c = byCode('REAL_NEGATIVE_EQUITY_ELIMINATED');
    const expected = projection.years.map((y) => computeBalanceSheetTotals(y.statement.balanceSheet).value.totalNetAssets - 40_000_000);
    expect(c?.values.map((v) => v.value)).toEqual(expected);
    const firstNonNegative = expected.findIndex((v) => v >= 0) + 1;
    expect(firstNonNegative).toBeGreaterThan(1);
    expect(c?.metPlanYear).toBe(firstNonNegative);
    expect(c?.deadlinePlanYear).toBe(6);
    expect(c?.status).toBe('passed');
    expect(c?.metFiscalYearEnd).toBe(projection.years[firstNonNegative - 1]?.statement.fiscalYearEnd);
  });

  it('debt/CF in the final year with the named variant', () => {
    const c = byCode('DEBT_TO_CASH_FLOW_AT_END');
    const last = projection.years[4]?.debtRepaymentYears; // same variant (c)/(a) as the projection default
    expect(c?.values[4]?.value).toBe(last?.computable ? last.value : null);
    expect(c?.status).toBe(last?.computable && last.value <= 10 ? 'passed' : 'failed');
    expect(c?.steps.find((s) => s.code === 'DEBT_TO_CASH_FLOW_VARIANT')?.label.ja).toContain('(c)/(a)');
    expect(result.overall).toBe('passed');
    expect(result.verified).toBe(true);
  });

  it('is not applicable when the base is not negative', () => {
    const healthy = sampleProjectionInput();
    const r = checkNumericCriteria(
      { base: healthy.base, planYears: criteriaPlanYearsFromProjection(buildProjection(healthy)), agreementDate: '2026-06-15' },
      rule('council-revitalization-sme-2022'),
    );
    expect(r.criteria.slice(0, 2).map((c) => [c.status, c.reason])).toEqual([
      ['notApplicable', 'NOT_NEGATIVE_AT_BASE'],
      ['notApplicable', 'NOT_NEGATIVE_AT_BASE'],
    ]);
  });

  it('fails when not met by the deadline, and is not evaluable when the horizon ends first', () => {
    const bad = distressed(5, [0.8, 0.8, 0.8, 0.8, 0.8]);
    const p = buildProjection(bad);
    const r = checkNumericCriteria(
      { base: bad.base, planYears: criteriaPlanYearsFromProjection(p), agreementDate: '2026-06-15', realBalanceSheet: realBs(bad) },
      rule('council-revitalization-sme-2022'),
    );
    expect(r.criteria.map((c) => [c.code, c.status, c.reason])).toEqual([
      ['REAL_NEGATIVE_EQUITY_ELIMINATED', 'notEvaluable', 'DEADLINE_BEYOND_HORIZON'],
      ['ORDINARY_PROFIT_POSITIVE', 'failed', 'NOT_MET_BY_DEADLINE'],
      ['DEBT_TO_CASH_FLOW_AT_END', 'failed', 'NON_POSITIVE_CASH_FLOW'],
    ]);
    expect(r.overall).toBe('failed');
  });

  it('a plan agreed long before the base year end counts earlier plan years', () => {
    const r = checkNumericCriteria(
      { base: input.base, planYears: criteriaPlanYearsFromProjection(projection), agreementDate: '2025-12-01', realBalanceSheet: rbs },
      rule('council-revitalization-sme-2022'),
    );
    expect(r.planYearOfCountingYear1).toBe(1);
    expect(r.criteria[1]?.deadlinePlanYear).toBe(3);
  });

  it('the unverified small-business variant is advisory: failures do not fail the plan', () => {
    const bad = distressed(5, [0.8, 0.8, 0.8, 0.8, 0.8]);
    const r = checkNumericCriteria(
      {
        base: bad.base,
        planYears: criteriaPlanYearsFromProjection(buildProjection(bad)),
        agreementDate: '2026-06-15',
        realBalanceSheet: realBs(bad),
      },
      rule('council-revitalization-small-business-unverified'),
    );
    expect(r.verified).toBe(false);
    expect(r.criteria.some((c) => c.status === 'failed')).toBe(true);
    expect(r.overall).toBe('passed');
    expect(r.steps[0]?.label.ja).toContain('未検証');
  });

  it('can test debt/CF in the year negative equity is eliminated, and take per-year real-BS adjustments', () => {
    const custom: CriteriaRuleSet = {
      ...rule('council-revitalization-sme-2022'),
      criteria: rule('council-revitalization-sme-2022').criteria.map((c) =>
        c.kind === 'debtToCashFlowAtMost' ? { ...c, evaluatedIn: 'negativeEquityEliminationYear' as const } : c,
      ),
    };
    const r = checkNumericCriteria(
      { base: input.base, planYears: criteriaPlanYearsFromProjection(projection), agreementDate: '2026-06-15', realBalanceSheet: rbs },
      custom,
    );
    const equityYear = r.criteria[0]?.metPlanYear;
    expect(r.criteria[2]?.deadlinePlanYear).toBe(equityYear);
    const r2 = checkNumericCriteria(
      {
        base: input.base,
        planYears: criteriaPlanYearsFromProjection(projection),
        agreementDate: '2026-06-15',
        realBalanceSheet: rbs,
        realNetAssetAdjustments: [yen(-40_000_000), yen(-40_000_000), yen(-30_000_000), yen(-20_000_000), yen(0)],
      },
      rule('council-revitalization-sme-2022'),
    );
    expect(r2.criteria[0]?.values[4]?.value).toBe(
      computeBalanceSheetTotals(projection.years[4]?.statement.balanceSheet ?? input.base.balanceSheet).value.totalNetAssets,
    );
  });
});

describe('収益力改善 horizon and the 405 bank yardstick', () => {
  const input = sampleProjectionInput();
  const horizon = (n: number) =>
    criteriaPlanYearsFromProjection(buildProjection({ ...input, drivers: { ...input.drivers, horizonYears: n } }));
  it('1–3 years pass; 1 year only when rescheduling is requested', () => {
    const r3 = checkNumericCriteria(
      { base: input.base, planYears: horizon(3), agreementDate: '2026-06-15' },
      rule('earnings-improvement-2023'),
    );
    expect(r3.criteria[0]?.status).toBe('passed');
    expect(r3.firstCountedFiscalYear).toBeNull();
    const r3r = checkNumericCriteria(
      { base: input.base, planYears: horizon(3), agreementDate: '2026-06-15', reschedulingRequested: true },
      rule('earnings-improvement-2023'),
    );
    expect([r3r.criteria[0]?.status, r3r.criteria[0]?.reason]).toEqual(['failed', 'HORIZON_OUT_OF_RANGE']);
    const r1r = checkNumericCriteria(
      { base: input.base, planYears: horizon(1), agreementDate: '2026-06-15', reschedulingRequested: true },
      rule('earnings-improvement-2023'),
    );
    expect(r1r.criteria[0]?.status).toBe('passed');
    expect(
      checkNumericCriteria({ base: input.base, planYears: horizon(4), agreementDate: '2026-06-15' }, rule('earnings-improvement-2023'))
        .overall,
    ).toBe('failed');
  });
  it('405 yardstick: black within 3 years applies always', () => {
    const r = checkNumericCriteria(
      { base: input.base, planYears: horizon(5), agreementDate: '2026-06-15' },
      rule('bank-normalisation-405-practitioner'),
    );
    expect(r.criteria.map((c) => [c.code, c.status])).toEqual([
      ['PLAN_HORIZON', 'passed'],
      ['ORDINARY_PROFIT_POSITIVE', 'passed'],
      ['REAL_NEGATIVE_EQUITY_ELIMINATED', 'notApplicable'],
      ['DEBT_TO_CASH_FLOW_AT_END', 'passed'],
    ]);
    expect(r.verified).toBe(false);
  });
});
