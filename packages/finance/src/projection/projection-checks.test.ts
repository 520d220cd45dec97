import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { sampleProjectionInput } from '../test-support/sample-projection';
import { buildProjection } from './build-projection';
import { computeProjectionAlerts, computeProjectionChecks } from './projection-checks';

describe('projection checks', () => {
  const input = sampleProjectionInput();
  const p = buildProjection(input);
  const y1 = p.years[0];
  if (!y1) throw new Error('fixture');
  const args = {
    year: 1,
    prevBs: input.base.balanceSheet,
    balanceSheet: y1.statement.balanceSheet,
    incomeStatement: y1.statement.incomeStatement,
    cashFlow: y1.cashFlow,
    scheduleInterest: y1.statement.incomeStatement.interestExpense,
    capex: y1.fixedAssets.capex,
    depreciation: y1.fixedAssets.depreciation,
  };

  it('passes on a consistent year', () => {
    expect(computeProjectionChecks(args).every((c) => c.passed)).toBe(true);
  });

  it('detects a plugged or broken figure and states the difference', () => {
    // Cash off by ¥1 breaks the balance and the cash tie; a wrong net income breaks retained earnings and the P/L.
    const broken = computeProjectionChecks({
      ...args,
      balanceSheet: { ...args.balanceSheet, cashAndDeposits: yen(args.balanceSheet.cashAndDeposits + 1) },
      incomeStatement: { ...args.incomeStatement, netIncome: yen(args.incomeStatement.netIncome - 5) },
      scheduleInterest: args.scheduleInterest + 7,
    });
    expect(broken.filter((c) => !c.passed).map((c) => [c.code, c.difference])).toEqual([
      ['BALANCE_SHEET_BALANCES', 1],
      ['CASH_FLOW_CLOSING_EQUALS_BALANCE_SHEET_CASH', -1],
      ['RETAINED_EARNINGS_ROLL_FORWARD', 5],
      ['INTEREST_EQUALS_SCHEDULES', -7],
      ['INCOME_STATEMENT_SUBTOTALS_AGREE', 5],
    ]);
  });

  it('raises alerts for negative cash and equity and a non-computable repayment period', () => {
    const bs = { ...args.balanceSheet, cashAndDeposits: yen(-1), retainedEarnings: yen(-100_000_000) };
    const alerts = computeProjectionAlerts(2, bs, {
      ...y1.debtRepaymentYears,
      computable: false,
      reason: 'NON_POSITIVE_CASH_FLOW',
      cashFlow: null,
    });
    expect(alerts.map((a) => a.code)).toEqual(['NEGATIVE_CASH', 'NEGATIVE_BOOK_EQUITY', 'DEBT_REPAYMENT_YEARS_NOT_COMPUTABLE']);
  });
});
