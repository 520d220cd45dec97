import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { yen } from '@kasseika/domain';
import { sampleProjectionInput } from '../test-support/sample-projection';
import { summarizeScheduleByFiscalYear } from '../schedules/annual-repayment-summary';
import { validateFinancialStatement } from '../statements/validate-statements';
import { buildProjection } from './build-projection';
import { validateProjectionInput, type ProjectionInput } from './projection-input';

describe('buildProjection — hand-computed plan year 1', () => {
  const input = sampleProjectionInput();
  const p = buildProjection(input);
  const y1 = p.years[0];
  if (!y1) throw new Error('no year 1');
  const pl = y1.statement.incomeStatement;
  const bs = y1.statement.balanceSheet;

  it('input is valid', () => {
    expect(validateProjectionInput(input)).toEqual([]);
  });

  it('P/L: sales 108,150,000; COGS 71,379,000; SG&A 31,000,000; OP 5,771,000; interest 807,000; tax 1,489,200', () => {
    expect(pl.netSales).toBe(108_150_000); // 105,000,000 × 1.03
    expect(pl.costOfSales).toBe(71_379_000); // × 0.66
    expect(pl.depreciation).toBe(3_000_000); // 1,000,000 + 2,000,000
    expect(pl.sellingGeneralAdministrativeExpenses).toBe(31_000_000); // 15M + 13M + 3M
    expect(pl.operatingProfit).toBe(5_771_000);
    // ST1: 10,000,000 × 2.4 % ÷ 12 × 12 = 240,000; LT1: Σ_{k=1..12} (50,000 − 500(k − 1)) = 600,000 − 33,000 = 567,000
    expect(pl.interestExpense).toBe(807_000);
    expect(pl.ordinaryProfit).toBe(4_964_000);
    expect(pl.incomeTaxes).toBe(1_489_200); // 4,964,000 × 30 %
    expect(pl.netIncome).toBe(3_474_800);
  });

  it('working capital in base-year proportion: AR 12,360,000; inventories 8,157,600; AP 9,177,300', () => {
    expect(bs.accountsReceivable).toBe(12_360_000); // 12,000,000 × 108,150,000 ÷ 105,000,000
    expect(bs.inventories).toBe(8_157_600); // 8,000,000 × 71,379,000 ÷ 70,000,000
    expect(bs.accountsPayable).toBe(9_177_300); // 9,000,000 × 71,379,000 ÷ 70,000,000
  });

  it('cash flow: OCF 6,134,500; financing −6,000,000; cash 15,000,000 → 15,134,500', () => {
    // 3,474,800 + 3,000,000 − 360,000 − 157,600 + 177,300 = 6,134,500
    expect(y1.cashFlow.operatingCashFlow).toBe(6_134_500);
    expect(y1.cashFlow.financingCashFlow).toBe(-6_000_000);
    expect(y1.cashFlow.closingCash).toBe(15_134_500);
    expect(bs.cashAndDeposits).toBe(15_134_500);
  });

  it('balance sheet balances at 97,652,100', () => {
    expect(bs.longTermBorrowings).toBe(44_000_000);
    expect(bs.shortTermBorrowings).toBe(10_000_000);
    expect(bs.retainedEarnings).toBe(18_474_800);
    expect(validateFinancialStatement(y1.statement)).toEqual([]);
  });

  it('states its checks for every year and all pass', () => {
    expect(p.checks).toHaveLength(5 * 8);
    expect(p.checks.every((c) => c.passed && c.difference === 0)).toBe(true);
    expect(p.allChecksPassed).toBe(true);
    expect(p.steps.at(-1)?.code).toBe('ALL_CHECKS_PASSED');
    expect(p.alerts).toEqual([]);
  });

  it('interest and principal equal the schedules’ annual sums every year', () => {
    for (const schedule of p.schedules) {
      const annual = summarizeScheduleByFiscalYear(
        schedule,
        3,
        p.years.map((y) => y.fiscalYearEndMonth),
      );
      p.years.forEach((y, i) => {
        const loan = y.loans.find((l) => l.loanId === schedule.loanId);
        expect(loan?.interest).toBe(annual[i]?.interest);
        expect(loan?.principal).toBe(annual[i]?.principal);
        expect(loan?.closingBalance).toBe(annual[i]?.closingBalance);
      });
    }
    p.years.forEach((y) => {
      expect(y.statement.incomeStatement.interestExpense).toBe(y.loans.reduce((s, l) => s + l.interest, 0));
      expect(0 - y.cashFlow.repayments).toBe(y.loans.reduce((s, l) => s + l.principal, 0));
    });
  });

  it('computes the yearly debt repayment years with the named variant', () => {
    const d = y1.debtRepaymentYears;
    expect(d.variant).toEqual({ numerator: 'c', cashFlow: 'a' });
    // IBD 54,000,000 − NWC (12,360,000 + 8,157,600 − 9,177,300 = 11,340,300) − cash 15,134,500 = 27,525,200
    // CF (a) = 4,964,000 + 3,000,000 − 1,489,200 = 6,474,800
    expect(d.debtToRepay).toBe(27_525_200);
    expect(d.computable && d.value).toBe(27_525_200 / 6_474_800);
  });

  it('labels years by fiscal year end', () => {
    expect(p.years.map((y) => y.statement.fiscalYearEnd)).toEqual(['2027-03-31', '2028-03-31', '2029-03-31', '2030-03-31', '2031-03-31']);
  });
});

describe('buildProjection — features', () => {
  it('presents the current portion of long-term debt from the schedules when the base year does', () => {
    const input = sampleProjectionInput();
    const base = {
      ...input.base,
      balanceSheet: { ...input.base.balanceSheet, longTermBorrowings: yen(44_000_000), currentPortionOfLongTermBorrowings: yen(6_000_000) },
    };
    const p = buildProjection({ ...input, base });
    const bs = p.years[0]?.statement.balanceSheet;
    expect(bs?.currentPortionOfLongTermBorrowings).toBe(6_000_000); // 12 × 500,000 due in FY2028-03
    expect(bs?.longTermBorrowings).toBe(38_000_000);
    expect(p.allChecksPassed).toBe(true);
  });

  it('draws new borrowing in its year and repays it on its schedule; capex depreciates from the acquisition year', () => {
    const input = sampleProjectionInput();
    const p = buildProjection({
      ...input,
      drivers: {
        ...input.drivers,
        capex: [{ planYear: 2, assetClass: 'otherTangible', amount: yen(6_000_000), usefulLifeYears: 5 }],
        loans: [
          ...(input.drivers.loans ?? []),
          {
            id: 'NEW1',
            line: 'longTermBorrowings',
            drawdownMonth: '2027-06',
            schedule: {
              principal: yen(6_000_000),
              firstPaymentMonth: '2027-07',
              termMonths: 60,
              graceMonths: 0,
              annualRate: 0.02,
              interestConvention: 'monthlyRate',
              method: { kind: 'equalPrincipal' },
            },
          },
        ],
      },
    });
    expect(p.years[0]?.cashFlow.borrowings).toBe(0);
    expect(p.years[1]?.cashFlow.borrowings).toBe(6_000_000);
    expect(p.years[1]?.loans.find((l) => l.loanId === 'NEW1')).toMatchObject({
      openingBalance: 0,
      drawdown: 6_000_000,
      principal: 900_000,
    }); // 9 × 100,000
    expect(p.years[1]?.cashFlow.capitalExpenditure).toBe(-6_000_000);
    expect(p.years[1]?.statement.incomeStatement.depreciation).toBe(3_000_000 + 1_200_000);
    expect(p.allChecksPassed).toBe(true);
  });

  it('applies a loss carry-forward and a minimum tax', () => {
    const input = sampleProjectionInput();
    const p = buildProjection({
      ...input,
      drivers: { ...input.drivers, lossCarryForward: { openingBalance: yen(7_000_000) }, minimumTax: yen(70_000) },
    });
    // Year 1 pre-tax 4,964,000 fully offset → tax = 70,000; carry-forward 7,000,000 − 4,964,000 = 2,036,000
    expect(p.years[0]?.lossCarryForwardUsed).toBe(4_964_000);
    expect(p.years[0]?.statement.incomeStatement.incomeTaxes).toBe(70_000);
    expect(p.years[0]?.lossCarryForwardClosing).toBe(2_036_000);
    expect(p.years[1]?.lossCarryForwardClosing).toBe(0);
    expect(p.allChecksPassed).toBe(true);
  });

  it('limits the deduction and adds losses to the carry-forward', () => {
    const input = sampleProjectionInput();
    const p = buildProjection({
      ...input,
      drivers: {
        ...input.drivers,
        lossCarryForward: { openingBalance: yen(7_000_000), deductionLimitRatio: 0.5 },
        extraordinaryLosses: [yen(0), yen(20_000_000), yen(0), yen(0), yen(0)],
      },
    });
    expect(p.years[0]?.lossCarryForwardUsed).toBe(2_482_000); // 4,964,000 × 50 %
    expect(p.years[0]?.statement.incomeStatement.incomeTaxes).toBe(744_600); // (4,964,000 − 2,482,000) × 30 %
    const y2 = p.years[1];
    expect(y2?.statement.incomeStatement.incomeTaxes).toBe(0);
    expect(y2?.lossCarryForwardClosing).toBe(4_518_000 - (y2?.statement.incomeStatement.profitBeforeTax ?? 0)); // 7,000,000 − 2,482,000 + loss
  });

  it('uses turnover months when given and raises alerts for negative cash and equity', () => {
    const input = sampleProjectionInput();
    const p = buildProjection({
      ...input,
      drivers: { ...input.drivers, receivableMonths: 2, inventoryMonths: 1, payableMonths: 0.5, costOfSalesRatio: 0.95 },
    });
    expect(p.years[0]?.statement.balanceSheet.accountsReceivable).toBe(18_025_000); // 108,150,000 × 2 ÷ 12
    expect(p.alerts.some((a) => a.code === 'NEGATIVE_CASH')).toBe(true);
    expect(p.alerts.some((a) => a.code === 'DEBT_REPAYMENT_YEARS_NOT_COMPUTABLE')).toBe(true);
    expect(p.allChecksPassed).toBe(true);
  });
});

describe('buildProjection — property: ties out over random drivers', () => {
  it('every check passes and no figure is NaN', () => {
    const base = sampleProjectionInput();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 10, maxLength: 10 }),
        fc.double({ min: 0.3, max: 1.2, noNaN: true }),
        fc.integer({ min: 0, max: 40_000_000 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.option(fc.record({ months: fc.double({ min: 0, max: 6, noNaN: true }), inv: fc.double({ min: 0, max: 6, noNaN: true }) }), {
          nil: undefined,
        }),
        fc.array(
          fc.record({
            year: fc.integer({ min: 1, max: 10 }),
            amount: fc.integer({ min: 0, max: 30_000_000 }),
            life: fc.integer({ min: 1, max: 15 }),
            cls: fc.constantFrom('land' as const, 'buildings' as const, 'otherTangible' as const, 'intangible' as const),
          }),
          { maxLength: 4 },
        ),
        fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
        fc.boolean(),
        (n, growth, cogs, personnel, tax, wc, capex, lcf, newLoan) => {
          const input: ProjectionInput = {
            ...base,
            drivers: {
              ...base.drivers,
              horizonYears: n,
              salesGrowth: growth.slice(0, n),
              costOfSalesRatio: cogs,
              personnelCosts: yen(personnel),
              taxRate: tax,
              ...(wc ? { receivableMonths: wc.months, inventoryMonths: wc.inv, payableMonths: wc.inv / 2 } : {}),
              capex: capex
                .filter((c) => c.year <= n)
                .map((c) => ({ planYear: c.year, assetClass: c.cls, amount: yen(c.amount), usefulLifeYears: c.life })),
              ...(lcf !== undefined ? { lossCarryForward: { openingBalance: yen(lcf) } } : {}),
              loans: [
                ...(base.drivers.loans ?? []),
                ...(newLoan
                  ? [
                      {
                        id: 'N',
                        line: 'longTermBorrowings' as const,
                        drawdownMonth: '2026-09',
                        schedule: {
                          principal: yen(12_000_000),
                          firstPaymentMonth: '2026-10',
                          termMonths: 36,
                          graceMonths: 6,
                          annualRate: 0.025,
                          interestConvention: 'actual365' as const,
                          method: { kind: 'equalPayment' as const },
                        },
                      },
                    ]
                  : []),
              ],
            },
          };
          expect(validateProjectionInput(input).filter((i) => i.severity === 'error')).toEqual([]);
          const p = buildProjection(input);
          expect(p.years).toHaveLength(n);
          const failed = p.checks.filter((c) => !c.passed);
          expect(failed).toEqual([]);
          for (const y of p.years) {
            for (const v of Object.values(y.statement.balanceSheet)) expect(Number.isSafeInteger(v)).toBe(true);
            for (const v of Object.values(y.statement.incomeStatement)) expect(Number.isSafeInteger(v)).toBe(true);
            for (const s of y.steps) expect(s.value === null || Number.isFinite(s.value)).toBe(true);
            expect(y.statement.incomeStatement.incomeTaxes).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
