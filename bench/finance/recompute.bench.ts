/**
 * Benchmark: recompute a 10-year plan with 30 creditors — pro-rata allocation of the monthly repayment, the 30
 * per-creditor repayment schedules, the integrated projection (P/L, B/S, cash flow with tie-out checks) and the
 * 再生計画 numeric criteria — many times, and compare against a trivial baseline measured interleaved in the same
 * run (JSON.stringify of the input + summing 1e5 numbers), so the ratio is comparable across machines.
 *
 * Run: npx tsx bench/finance/recompute.bench.ts [iterations]
 */
import { performance } from 'node:perf_hooks';
import { yen } from '@kasseika/domain';
import {
  allocateProRata,
  buildProjection,
  buildProRataRepaymentSchedules,
  checkNumericCriteria,
  computeRealBalanceSheet,
  criteriaPlanYearsFromProjection,
  deriveIncomeStatement,
  emptyBalanceSheet,
  parseCriteriaRuleSets,
  selectCriteriaRuleSet,
  validateProjectionInput,
  type CriteriaRuleSet,
  type FinancialStatement,
  type ProjectionLoan,
  type ProRataCreditor,
} from '@kasseika/finance';
import criteriaJson from '../../data/finance/criteria-rules.v2026-11-24.json' with { type: 'json' };

const CREDITORS = 30;
const HORIZON = 10;
const FRAME_MS = 16;
const iterations = Number(process.argv[2] ?? 300);

// A mid-sized distressed company: ¥1.2bn sales, 30 lenders holding ¥900M of long-term debt.
const balances = Array.from({ length: CREDITORS }, (_, i) => 10_000_000 + ((i * 7_919_003) % 50_000_000));
const totalDebt = balances.reduce((a, b) => a + b, 0);
const base: FinancialStatement = {
  fiscalYearEnd: '2026-03-31',
  fiscalYearEndMonth: 3,
  employees: 120,
  balanceSheet: {
    ...emptyBalanceSheet(),
    cashAndDeposits: yen(80_000_000),
    accountsReceivable: yen(150_000_000),
    inventories: yen(90_000_000),
    otherCurrentAssets: yen(20_000_000),
    land: yen(300_000_000),
    buildings: yen(250_000_000),
    otherTangibleFixedAssets: yen(120_000_000),
    accountsPayable: yen(110_000_000),
    otherCurrentLiabilities: yen(40_000_000),
    longTermBorrowings: yen(totalDebt),
    capitalStock: yen(50_000_000),
    retainedEarnings: yen(810_000_000 - totalDebt), // assets 1,010M − other liabilities 150M − capital 50M − debt
  },
  incomeStatement: deriveIncomeStatement({
    netSales: yen(1_200_000_000),
    costOfSales: yen(900_000_000),
    sellingGeneralAdministrativeExpenses: yen(310_000_000),
    personnelCosts: yen(180_000_000),
    depreciation: yen(25_000_000),
    interestExpense: yen(12_000_000),
  }),
};

const creditors: ProRataCreditor[] = balances.map((b, i) => ({
  id: `C${String(i + 1).padStart(2, '0')}`,
  balance: yen(b),
  isMainBank: i === 0,
  ...(i % 3 === 0 ? { guaranteedLoans: [{ balance: yen(Math.floor(b / 2)), coverPercent: i % 2 === 0 ? 100 : 80 }] } : {}),
}));
const collaterals = [
  {
    id: 'LAND',
    appraisalValue: yen(280_000_000),
    haircut: 0.7,
    liens: creditors.slice(0, 5).map((c, i) => ({ creditorId: c.id, rank: i + 1 })),
  },
];
const rules = parseCriteriaRuleSets(criteriaJson).ruleSets ?? [];
const selected = selectCriteriaRuleSet(rules, { planType: 'revitalization', sizeClass: 'sme', date: '2026-06-15' });
if (!selected) throw new Error('no rule set');
const ruleSet: CriteriaRuleSet = selected;

/** One full recomputation, as the UI would do after a driver change. */
function recompute(monthlyTotal: number) {
  const pr = allocateProRata({
    amount: yen(monthlyTotal),
    creditors,
    collaterals,
    method: { kind: 'hybrid', balanceWeightPercent: 50 },
    guaranteeCoverTreatment: 'secured',
    rounding: { unit: 1000, residual: 'residualToMainBank' },
  });
  if (!pr.computable) throw new Error('pro-rata not computable');
  const schedules = buildProRataRepaymentSchedules({
    allocations: pr.allocations,
    loans: creditors.map((c, i) => ({ loanId: `L-${c.id}`, creditorId: c.id, principal: c.balance, annualRate: 0.01 + (i % 5) * 0.0025 })),
    firstPaymentMonth: '2026-04',
    termMonths: HORIZON * 12,
    graceMonths: 12,
    interestConvention: 'actual365',
  });
  const loans: ProjectionLoan[] = schedules.map((s, i) => ({
    id: s.loanId,
    creditorId: s.creditorId ?? '',
    line: 'longTermBorrowings',
    schedule: {
      principal: s.principal,
      firstPaymentMonth: '2026-04',
      termMonths: HORIZON * 12,
      graceMonths: 12,
      annualRate: 0.01 + (i % 5) * 0.0025,
      interestConvention: 'actual365',
      method: {
        kind: 'fixedPrincipal',
        segments: [{ fromMonth: '2027-04', monthlyPrincipal: s.rows[12]?.principal ?? yen(0) }],
        atEnd: 'outstanding',
      },
    },
  }));
  const input = {
    base,
    drivers: {
      horizonYears: HORIZON,
      salesGrowth: [0.02, 0.03, 0.03, 0.03, 0.02, 0.02, 0.02, 0.02, 0.01, 0.01],
      costOfSalesRatio: [0.74, 0.73, 0.72, 0.72, 0.71, 0.71, 0.71, 0.7, 0.7, 0.7],
      personnelCosts: yen(180_000_000),
      otherFixedSga: yen(100_000_000),
      taxRate: 0.3,
      lossCarryForward: { openingBalance: yen(150_000_000) },
      existingDepreciation: {
        buildings: { kind: 'straightLine' as const, remainingLifeYears: 25 },
        otherTangible: { kind: 'straightLine' as const, remainingLifeYears: 8 },
      },
      capex: [{ planYear: 3, assetClass: 'otherTangible' as const, amount: yen(40_000_000), usefulLifeYears: 8 }],
      loans,
    },
  };
  const issues = validateProjectionInput(input);
  const projection = buildProjection(input);
  const realBalanceSheet = computeRealBalanceSheet(base.balanceSheet, [
    { id: 'R1', targetLine: 'land', amount: yen(-120_000_000), reason: '時価評価', category: 'realEstateFairValue' },
  ]);
  const criteria = checkNumericCriteria(
    { base, planYears: criteriaPlanYearsFromProjection(projection), agreementDate: '2026-06-15', realBalanceSheet },
    ruleSet,
  );
  return { issues: issues.length, passed: projection.allChecksPassed, overall: criteria.overall, schedules: schedules.length };
}

/** Trivial fixed workload: serialise the input and sum 1e5 numbers. */
const numbers = Float64Array.from({ length: 100_000 }, (_, i) => (i % 97) * 1.5);
function baseline(): number {
  const s = JSON.stringify({ base, creditors, collaterals });
  let sum = 0;
  for (const x of numbers) sum += x;
  return sum + s.length;
}

function percentile(sorted: readonly number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] ?? Number.NaN;
}

// Warm-up (JIT)
let sink = 0;
for (let i = 0; i < 20; i += 1) {
  sink += recompute(12_000_000 + i).schedules;
  sink += baseline();
}
const first = recompute(12_000_000);
if (!first.passed) throw new Error('projection checks failed');

const work: number[] = [];
const base_: number[] = [];
for (let i = 0; i < iterations; i += 1) {
  const t0 = performance.now();
  sink += recompute(12_000_000 + (i % 1000) * 1000).schedules;
  const t1 = performance.now();
  sink += baseline();
  const t2 = performance.now();
  work.push(t1 - t0);
  base_.push(t2 - t1);
}
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};
const w = stats(work);
const b = stats(base_);
const fmt = (x: number) => x.toFixed(3).padStart(8);
console.log(
  `finance recompute benchmark — ${HORIZON}-year plan, ${CREDITORS} creditors, ${iterations} iterations (Node ${process.version})`,
);
console.log(`  first run: ${first.issues} validation issue(s), tie-out ${first.passed ? 'passed' : 'FAILED'}, criteria ${first.overall}`);
console.log(`  recompute  mean ${fmt(w.mean)} ms   p50 ${fmt(w.p50)} ms   p95 ${fmt(w.p95)} ms`);
console.log(
  `  baseline   mean ${fmt(b.mean)} ms   p50 ${fmt(b.p50)} ms   p95 ${fmt(b.p95)} ms   (JSON.stringify(input) + Σ 1e5 numbers, interleaved)`,
);
console.log(`  ratio recompute/baseline: mean ${(w.mean / b.mean).toFixed(1)}×, p95 ${(w.p95 / b.p95).toFixed(1)}×`);
console.log(`  inside one ${FRAME_MS} ms frame: mean ${w.mean <= FRAME_MS ? 'yes' : 'NO'}, p95 ${w.p95 <= FRAME_MS ? 'yes' : 'NO'}`);
if (sink === Number.MIN_VALUE) console.log(sink); // keep the work observable
