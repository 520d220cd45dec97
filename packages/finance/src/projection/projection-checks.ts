import type { Yen } from '@kasseika/domain';
import { text, type LocalizedText } from '../explain/step';
import type { BalanceSheet, IncomeStatement } from '../statements/financial-statement';
import { computeBalanceSheetTotals } from '../statements/balance-sheet-totals';
import { validateIncomeStatement } from '../statements/validate-statements';
import type { DebtRepaymentYearsResult } from '../diagnosis/debt-repayment-years';
import type { CashFlowStatement, ProjectionAlert, ProjectionCheck, ProjectionCheckCode } from './projection-result';

/**
 * Bilingual statement of each tie-out check.
 *
 * @example
 * PROJECTION_CHECK_LABELS.BALANCE_SHEET_BALANCES.ja // '資産合計 = 負債合計 + 純資産合計'
 */
export const PROJECTION_CHECK_LABELS: Record<ProjectionCheckCode, LocalizedText> = {
  BALANCE_SHEET_BALANCES: text('資産合計 = 負債合計 + 純資産合計', 'Total assets = total liabilities + net assets'),
  CASH_FLOW_OPENING_EQUALS_PRIOR_CASH: text('期首現預金 = 前期末の貸借対照表の現預金', 'Opening cash = prior balance-sheet cash'),
  CASH_FLOW_CLOSING_EQUALS_BALANCE_SHEET_CASH: text(
    '期首現預金 + 増減額 = 貸借対照表の現預金',
    'Opening cash + net change = balance-sheet cash',
  ),
  RETAINED_EARNINGS_ROLL_FORWARD: text(
    '期末利益剰余金 = 期首 + 当期純利益（配当なし）',
    'Closing retained earnings = opening + net income (no dividends)',
  ),
  DEBT_ROLL_FORWARD: text('期末借入金 = 期首 + 新規借入 − 返済', 'Closing debt = opening + borrowings − repayments'),
  INTEREST_EQUALS_SCHEDULES: text('支払利息 = 返済予定表の年間利息合計', 'Interest expense = annual interest of the schedules'),
  FIXED_ASSETS_ROLL_FORWARD: text('期末固定資産 = 期首 + 設備投資 − 減価償却費', 'Closing fixed assets = opening + capex − depreciation'),
  INCOME_STATEMENT_SUBTOTALS_AGREE: text('損益計算書の段階利益が一致', 'Income-statement subtotals agree'),
};

function debtOf(bs: BalanceSheet): number {
  return (
    bs.shortTermBorrowings +
    bs.longTermBorrowings +
    (bs.currentPortionOfLongTermBorrowings ?? 0) +
    bs.bonds +
    bs.officerLoans +
    bs.leaseObligations
  );
}

function fixedOf(bs: BalanceSheet): number {
  return bs.land + bs.buildings + bs.otherTangibleFixedAssets + bs.intangibleFixedAssets;
}

/**
 * The tie-out checks of one plan year, each stated with its difference (0 = passed): the balance sheet balances;
 * cash-flow opening cash = prior balance-sheet cash and opening + change = balance-sheet cash; retained earnings,
 * debt and fixed assets roll forward; interest equals the schedules; P/L subtotals agree.
 *
 * @example
 * computeProjectionChecks({ year: 1, prevBs, balanceSheet, incomeStatement, cashFlow, scheduleInterest, capex, depreciation })
 *   .every((c) => c.passed) // true
 */
export function computeProjectionChecks(x: {
  readonly year: number;
  readonly prevBs: BalanceSheet;
  readonly balanceSheet: BalanceSheet;
  readonly incomeStatement: IncomeStatement;
  readonly cashFlow: CashFlowStatement;
  readonly scheduleInterest: number;
  readonly capex: Yen;
  readonly depreciation: Yen;
}): ProjectionCheck[] {
  const { prevBs, balanceSheet: bs, incomeStatement: pl, cashFlow: cf } = x;
  const plIssues = validateIncomeStatement(pl);
  const differences: [ProjectionCheckCode, number][] = [
    ['BALANCE_SHEET_BALANCES', computeBalanceSheetTotals(bs).value.imbalance],
    ['CASH_FLOW_OPENING_EQUALS_PRIOR_CASH', cf.openingCash - prevBs.cashAndDeposits],
    ['CASH_FLOW_CLOSING_EQUALS_BALANCE_SHEET_CASH', cf.openingCash + cf.netChangeInCash - bs.cashAndDeposits],
    ['RETAINED_EARNINGS_ROLL_FORWARD', bs.retainedEarnings - prevBs.retainedEarnings - pl.netIncome],
    ['DEBT_ROLL_FORWARD', debtOf(bs) - (debtOf(prevBs) + cf.borrowings + cf.repayments)],
    ['INTEREST_EQUALS_SCHEDULES', pl.interestExpense - x.scheduleInterest],
    ['FIXED_ASSETS_ROLL_FORWARD', fixedOf(bs) - (fixedOf(prevBs) + x.capex - x.depreciation)],
    [
      'INCOME_STATEMENT_SUBTOTALS_AGREE',
      plIssues.reduce((s, i) => s + Math.abs(Number(i.params?.difference ?? 0)), 0) +
        plIssues.filter((i) => i.params?.difference === undefined && i.severity === 'error').length,
    ],
  ];
  return differences.map(([code, difference]) => ({
    code,
    year: x.year,
    passed: difference === 0,
    difference,
    label: PROJECTION_CHECK_LABELS[code],
  }));
}

/**
 * Alerts of one plan year: negative cash (funding shortfall), negative book equity, debt repayment years not
 * computable.
 *
 * @example
 * computeProjectionAlerts(3, balanceSheet, debtRepaymentYears) // [{ code: 'NEGATIVE_CASH', year: 3, … }]
 */
export function computeProjectionAlerts(year: number, bs: BalanceSheet, debtRepaymentYears: DebtRepaymentYearsResult): ProjectionAlert[] {
  const alerts: ProjectionAlert[] = [];
  const netAssets = computeBalanceSheetTotals(bs).value.totalNetAssets;
  if (bs.cashAndDeposits < 0) {
    alerts.push({
      code: 'NEGATIVE_CASH',
      year,
      value: bs.cashAndDeposits,
      message: {
        ja: `計画${year}年度末の現預金がマイナス（資金不足）です。`,
        en: `Cash is negative at the end of plan year ${year} (funding shortfall).`,
      },
    });
  }
  if (netAssets < 0) {
    alerts.push({
      code: 'NEGATIVE_BOOK_EQUITY',
      year,
      value: netAssets,
      message: { ja: `計画${year}年度末は簿価で債務超過です。`, en: `Book equity is negative at the end of plan year ${year}.` },
    });
  }
  if (!debtRepaymentYears.computable) {
    alerts.push({
      code: 'DEBT_REPAYMENT_YEARS_NOT_COMPUTABLE',
      year,
      value: null,
      message: {
        ja: `計画${year}年度の債務償還年数は算出不能です（キャッシュフローが0以下）。`,
        en: `Debt repayment years cannot be computed for plan year ${year} (cash flow ≤ 0).`,
      },
    });
  }
  return alerts;
}
