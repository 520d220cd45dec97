import type { Yen } from '@kasseika/domain';
import type { LocalizedText, Step } from '../explain/step';
import type { YearMonth } from '../calendar/fiscal-calendar';
import type { FinancialStatement } from '../statements/financial-statement';
import type { RepaymentSchedule } from '../schedules/repayment-schedule';
import type { DebtRepaymentYearsResult } from '../diagnosis/debt-repayment-years';
import type { FixedAssetYear } from './fixed-asset-plan';
import type { DebtLine } from './projection-input';

/** Indirect-method cash-flow statement of one plan year. Outflows are negative. */
export interface CashFlowStatement {
  readonly netIncome: Yen;
  readonly depreciation: Yen;
  /** −(increase in trade receivables). */
  readonly changeInTradeReceivables: Yen;
  /** −(increase in inventories). */
  readonly changeInInventories: Yen;
  /** +(increase in trade payables). */
  readonly changeInTradePayables: Yen;
  readonly operatingCashFlow: Yen;
  /** −capital expenditure. */
  readonly capitalExpenditure: Yen;
  readonly investingCashFlow: Yen;
  readonly borrowings: Yen;
  /** −principal repaid. */
  readonly repayments: Yen;
  readonly financingCashFlow: Yen;
  readonly netChangeInCash: Yen;
  readonly openingCash: Yen;
  readonly closingCash: Yen;
}

/** One loan in one plan year (annual sums of its monthly schedule). */
export interface LoanYear {
  readonly loanId: string;
  readonly creditorId?: string;
  readonly line: DebtLine;
  readonly openingBalance: Yen;
  readonly drawdown: Yen;
  readonly interest: Yen;
  readonly principal: Yen;
  readonly closingBalance: Yen;
}

/** Codes of the tie-out checks stated for every plan year. */
export type ProjectionCheckCode =
  | 'BALANCE_SHEET_BALANCES'
  | 'CASH_FLOW_OPENING_EQUALS_PRIOR_CASH'
  | 'CASH_FLOW_CLOSING_EQUALS_BALANCE_SHEET_CASH'
  | 'RETAINED_EARNINGS_ROLL_FORWARD'
  | 'DEBT_ROLL_FORWARD'
  | 'INTEREST_EQUALS_SCHEDULES'
  | 'FIXED_ASSETS_ROLL_FORWARD'
  | 'INCOME_STATEMENT_SUBTOTALS_AGREE';

/** A stated tie-out check: `difference` is 0 when it passes (never a silent plug). */
export interface ProjectionCheck {
  readonly code: ProjectionCheckCode;
  readonly year: number;
  readonly passed: boolean;
  readonly difference: number;
  readonly label: LocalizedText;
}

/** Something the plan reader should notice (not an arithmetic failure). */
export interface ProjectionAlert {
  readonly code: 'NEGATIVE_CASH' | 'NEGATIVE_BOOK_EQUITY' | 'DEBT_REPAYMENT_YEARS_NOT_COMPUTABLE';
  readonly year: number;
  readonly value: number | null;
  readonly message: LocalizedText;
}

/** One plan year. */
export interface ProjectionYear {
  readonly planYear: number;
  readonly fiscalYearEndMonth: YearMonth;
  /** The year as a full statement (P/L + B/S), usable by every diagnosis function. */
  readonly statement: FinancialStatement;
  readonly cashFlow: CashFlowStatement;
  readonly loans: readonly LoanYear[];
  /** Debt on the base balance sheet without a schedule, carried unchanged. */
  readonly unscheduledDebt: Readonly<Record<DebtLine, Yen>>;
  readonly fixedAssets: FixedAssetYear;
  readonly taxableIncome: Yen;
  readonly lossCarryForwardUsed: Yen;
  readonly lossCarryForwardClosing: Yen;
  readonly interestBearingDebt: Yen;
  readonly debtRepaymentYears: DebtRepaymentYearsResult;
  readonly steps: readonly Step[];
}

/** Result of {@link buildProjection}. */
export interface ProjectionResult {
  readonly base: FinancialStatement;
  readonly years: readonly ProjectionYear[];
  readonly schedules: readonly RepaymentSchedule[];
  readonly checks: readonly ProjectionCheck[];
  readonly allChecksPassed: boolean;
  readonly alerts: readonly ProjectionAlert[];
  readonly steps: readonly Step[];
}
