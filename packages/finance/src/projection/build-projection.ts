import { yen, type Yen } from '@kasseika/domain';
import type { Step } from '../explain/step';
import {
  addMonths,
  daysInMonth,
  formatIsoDate,
  parseIsoDate,
  parseYearMonth,
  type IsoDate,
  type YearMonth,
} from '../calendar/fiscal-calendar';
import { divideRounded, multiplyYen } from '../money/exact-fraction';
import type { BalanceSheet, FinancialStatement, IncomeStatement } from '../statements/financial-statement';
import { deriveIncomeStatement } from '../statements/statement-builder';
import { buildRepaymentSchedule } from '../schedules/repayment-schedule';
import { principalDueWithin, summarizeScheduleByFiscalYear } from '../schedules/annual-repayment-summary';
import { computeDebtRepaymentYears, debtRepaymentInputFromStatement } from '../diagnosis/debt-repayment-years';
import { computeInterestBearingDebt } from '../diagnosis/interest-bearing-debt';
import { computeFixedAssetPlan } from './fixed-asset-plan';
import { valueForYear, type DebtLine, type ProjectionInput } from './projection-input';
import type { CashFlowStatement, LoanYear, ProjectionAlert, ProjectionCheck, ProjectionResult, ProjectionYear } from './projection-result';
import { computeProjectionAlerts, computeProjectionChecks } from './projection-checks';
import { describeProjection, describeProjectionYear } from './projection-steps';

const DEBT_LINES: readonly DebtLine[] = ['shortTermBorrowings', 'longTermBorrowings', 'bonds', 'officerLoans', 'leaseObligations'];

function proportional(baseAmount: number, current: number, baseDriver: number): number {
  if (baseDriver <= 0) return baseAmount;
  return Number(divideRounded(BigInt(baseAmount) * BigInt(current), BigInt(baseDriver), 'roundHalfUp'));
}

function splitByBase(total: number, baseA: number, baseB: number): [number, number] {
  const baseTotal = baseA + baseB;
  if (baseTotal <= 0) return [0, total];
  const a = Number(divideRounded(BigInt(total) * BigInt(baseA), BigInt(baseTotal), 'roundHalfUp'));
  return [a, total - a];
}

function fiscalYearEndDate(baseEnd: IsoDate, month: YearMonth): IsoDate {
  const d = parseIsoDate(baseEnd);
  const m = parseYearMonth(month);
  if (!d || !m) throw new RangeError('invalid date');
  return formatIsoDate(m.year, m.month, Math.min(d.day, daysInMonth(m.year, m.month)));
}

/**
 * Builds the integrated projection: base year (actual) + 1–10 plan years of P/L, balance sheet and cash-flow
 * statement from the drivers. Loans follow their monthly repayment schedules (interest and principal are the
 * schedules' fiscal-year sums); fixed assets roll forward with capex and depreciation; working capital follows
 * turnover months (or the base-year proportion); tax applies to positive profit after a simple loss carry-forward;
 * no dividends. Every year carries stated tie-out checks (`checks`, difference 0 = passed) — cash is never
 * plugged. Assumes {@link validateProjectionInput} reported no error.
 *
 * @example
 * const p = buildProjection({ base, drivers: { horizonYears: 5, salesGrowth: 0.03, costOfSalesRatio: 0.66,
 *   personnelCosts: yen(15_000_000), otherFixedSga: yen(13_000_000), taxRate: 0.3, loans } });
 * p.allChecksPassed // true
 * p.years[4].statement.balanceSheet.cashAndDeposits // cash at the end of plan year 5
 * @see REFERENCE §3.4 (outlook, cash-flow and repayment plans), §5.1 (numerical plan)
 */
export function buildProjection(input: ProjectionInput): ProjectionResult {
  const { base, drivers } = input;
  const options = input.options ?? {};
  const n = drivers.horizonYears;
  const baseBs = base.balanceSheet;
  const basePl = base.incomeStatement;
  const baseEnd = base.fiscalYearEnd.slice(0, 7);
  const fyEnds = Array.from({ length: n }, (_, i) => addMonths(baseEnd, 12 * (i + 1)));
  const presentCurrentPortion = options.presentCurrentPortion ?? baseBs.currentPortionOfLongTermBorrowings !== undefined;
  const variant = options.debtRepaymentVariant ?? { numerator: 'c', cashFlow: 'a' };

  // Loans and schedules
  const loans = drivers.loans ?? [];
  const schedules = loans.map((l) =>
    buildRepaymentSchedule({ ...l.schedule, loanId: l.id, ...(l.creditorId !== undefined ? { creditorId: l.creditorId } : {}) }),
  );
  const summaries = schedules.map((s) => summarizeScheduleByFiscalYear(s, base.fiscalYearEndMonth, fyEnds));
  const baseDebt: Record<DebtLine, number> = {
    shortTermBorrowings: baseBs.shortTermBorrowings,
    longTermBorrowings: baseBs.longTermBorrowings + (baseBs.currentPortionOfLongTermBorrowings ?? 0),
    bonds: baseBs.bonds,
    officerLoans: baseBs.officerLoans,
    leaseObligations: baseBs.leaseObligations,
  };
  const unscheduled = {} as Record<DebtLine, Yen>;
  for (const line of DEBT_LINES) {
    const scheduled = loans.filter((l) => l.line === line && l.drawdownMonth === undefined).reduce((s, l) => s + l.schedule.principal, 0);
    unscheduled[line] = yen(Math.max(0, baseDebt[line] - scheduled));
  }

  const assets = computeFixedAssetPlan(baseBs, drivers);
  const baseReceivables = baseBs.notesReceivable + baseBs.accountsReceivable;
  const basePayables = baseBs.notesPayable + baseBs.accountsPayable;

  const years: ProjectionYear[] = [];
  const checks: ProjectionCheck[] = [];
  const alerts: ProjectionAlert[] = [];
  let prevBs: BalanceSheet = baseBs;
  let salesPath = basePl.netSales as number;
  let lossCarryForward = drivers.lossCarryForward?.openingBalance ?? 0;

  for (let t = 1; t <= n; t += 1) {
    const fyEnd = fyEnds[t - 1] ?? baseEnd;
    // Sales and costs
    const growth = valueForYear(drivers.salesGrowth, t);
    salesPath += multiplyYen(yen(salesPath), [growth], [], 'roundHalfUp');
    const adjustment = drivers.salesAdjustment === undefined ? 0 : valueForYear(drivers.salesAdjustment, t);
    const sales = salesPath + multiplyYen(yen(salesPath), [adjustment], [], 'roundHalfUp');
    const cogs = multiplyYen(yen(sales), [valueForYear(drivers.costOfSalesRatio, t)], [], 'roundHalfUp');
    const fa = assets.years[t - 1];
    if (!fa) throw new RangeError('fixed-asset plan shorter than the horizon');
    const depreciation = fa.depreciation;
    const personnel = valueForYear(drivers.personnelCosts, t);
    const otherFixed = valueForYear(drivers.otherFixedSga, t);
    const variableSga =
      drivers.variableSgaRatio === undefined ? 0 : multiplyYen(yen(sales), [valueForYear(drivers.variableSgaRatio, t)], [], 'roundHalfUp');
    const sga = personnel + otherFixed + variableSga + depreciation;

    // Loans this year
    const loanYears: LoanYear[] = loans.map((loan, i) => {
      const y = summaries[i]?.[t - 1];
      const drawn = loan.drawdownMonth === undefined || loan.drawdownMonth <= fyEnd;
      const drawnThisYear = loan.drawdownMonth !== undefined && drawn && loan.drawdownMonth > addMonths(fyEnd, -12);
      if (!y || !drawn) {
        return {
          loanId: loan.id,
          ...(loan.creditorId !== undefined ? { creditorId: loan.creditorId } : {}),
          line: loan.line,
          openingBalance: yen(0),
          drawdown: yen(0),
          interest: yen(0),
          principal: yen(0),
          closingBalance: yen(0),
        };
      }
      return {
        loanId: loan.id,
        ...(loan.creditorId !== undefined ? { creditorId: loan.creditorId } : {}),
        line: loan.line,
        openingBalance: drawnThisYear ? yen(0) : y.openingBalance,
        drawdown: drawnThisYear ? loan.schedule.principal : yen(0),
        interest: y.interest,
        principal: y.principal,
        closingBalance: y.closingBalance,
      };
    });
    const interest = loanYears.reduce((s, l) => s + l.interest, 0);
    const borrowings = loanYears.reduce((s, l) => s + l.drawdown, 0);
    const repayments = loanYears.reduce((s, l) => s + l.principal, 0);

    // P/L down to pre-tax profit
    const nonOpIncome = drivers.nonOperatingIncome === undefined ? yen(0) : valueForYear(drivers.nonOperatingIncome, t);
    const otherNonOp = drivers.otherNonOperatingExpenses === undefined ? yen(0) : valueForYear(drivers.otherNonOperatingExpenses, t);
    const exGains = drivers.extraordinaryGains === undefined ? yen(0) : valueForYear(drivers.extraordinaryGains, t);
    const exLosses = drivers.extraordinaryLosses === undefined ? yen(0) : valueForYear(drivers.extraordinaryLosses, t);
    const preTax = sales - cogs - sga + nonOpIncome - interest - otherNonOp + exGains - exLosses;

    // Tax with optional loss carry-forward
    let used = 0;
    if (drivers.lossCarryForward) {
      const limit = drivers.lossCarryForward.deductionLimitRatio ?? 1;
      const cap = preTax > 0 ? multiplyYen(yen(preTax), [limit], [], 'floor') : 0;
      used = Math.min(lossCarryForward, cap);
      lossCarryForward = lossCarryForward - used + (preTax < 0 ? -preTax : 0);
    }
    const taxable = Math.max(0, preTax - used);
    const minimumTax = drivers.minimumTax === undefined ? 0 : valueForYear(drivers.minimumTax, t);
    const tax = multiplyYen(yen(taxable), [valueForYear(drivers.taxRate, t)], [], 'floor') + minimumTax;

    const incomeStatement: IncomeStatement = deriveIncomeStatement({
      netSales: yen(sales),
      costOfSales: cogs,
      sellingGeneralAdministrativeExpenses: yen(sga),
      personnelCosts: personnel,
      depreciation,
      nonOperatingIncome: nonOpIncome,
      interestExpense: yen(interest),
      otherNonOperatingExpenses: otherNonOp,
      extraordinaryGains: exGains,
      extraordinaryLosses: exLosses,
      incomeTaxes: yen(tax),
    });

    // Working capital
    const receivables =
      drivers.receivableMonths !== undefined
        ? multiplyYen(yen(sales), [valueForYear(drivers.receivableMonths, t)], [12], 'roundHalfUp')
        : proportional(baseReceivables, sales, basePl.netSales);
    const inventories =
      drivers.inventoryMonths !== undefined
        ? multiplyYen(cogs, [valueForYear(drivers.inventoryMonths, t)], [12], 'roundHalfUp')
        : proportional(baseBs.inventories, cogs, basePl.costOfSales);
    const payables =
      drivers.payableMonths !== undefined
        ? multiplyYen(cogs, [valueForYear(drivers.payableMonths, t)], [12], 'roundHalfUp')
        : proportional(basePayables, cogs, basePl.costOfSales);
    const [notesReceivable, accountsReceivable] = splitByBase(receivables, baseBs.notesReceivable, baseBs.accountsReceivable);
    const [notesPayable, accountsPayable] = splitByBase(payables, baseBs.notesPayable, baseBs.accountsPayable);

    // Debt lines
    const lineBalance = {} as Record<DebtLine, number>;
    for (const line of DEBT_LINES) {
      lineBalance[line] = unscheduled[line] + loanYears.filter((l) => l.line === line).reduce((s, l) => s + l.closingBalance, 0);
    }
    let currentPortion: number | undefined;
    if (presentCurrentPortion) {
      const due = loans.reduce((s, loan, i) => {
        const schedule = schedules[i];
        if (loan.line !== 'longTermBorrowings' || !schedule) return s;
        if (loan.drawdownMonth !== undefined && loan.drawdownMonth > fyEnd) return s;
        return s + principalDueWithin(schedule, fyEnd, 12);
      }, 0);
      currentPortion = Math.min(due, lineBalance.longTermBorrowings);
    }

    // Cash flow (indirect)
    const prevReceivables = prevBs.notesReceivable + prevBs.accountsReceivable;
    const prevPayables = prevBs.notesPayable + prevBs.accountsPayable;
    const changeInReceivables = -(receivables - prevReceivables);
    const changeInInventories = -(inventories - prevBs.inventories);
    const changeInPayables = payables - prevPayables;
    const netIncome = incomeStatement.netIncome;
    const operatingCashFlow = netIncome + depreciation + changeInReceivables + changeInInventories + changeInPayables;
    const investingCashFlow = 0 - fa.capex;
    const financingCashFlow = borrowings - repayments;
    const netChange = operatingCashFlow + investingCashFlow + financingCashFlow;
    const openingCash = prevBs.cashAndDeposits;
    const closingCash = openingCash + netChange;
    const cashFlow: CashFlowStatement = {
      netIncome,
      depreciation,
      changeInTradeReceivables: yen(changeInReceivables),
      changeInInventories: yen(changeInInventories),
      changeInTradePayables: yen(changeInPayables),
      operatingCashFlow: yen(operatingCashFlow),
      capitalExpenditure: yen(0 - fa.capex),
      investingCashFlow: yen(investingCashFlow),
      borrowings: yen(borrowings),
      repayments: yen(-repayments),
      financingCashFlow: yen(financingCashFlow),
      netChangeInCash: yen(netChange),
      openingCash,
      closingCash: yen(closingCash),
    };

    const balanceSheet: BalanceSheet = {
      cashAndDeposits: yen(closingCash),
      notesReceivable: yen(notesReceivable),
      accountsReceivable: yen(accountsReceivable),
      inventories: yen(inventories),
      otherCurrentAssets: baseBs.otherCurrentAssets,
      land: fa.byClass.land.closing,
      buildings: fa.byClass.buildings.closing,
      otherTangibleFixedAssets: fa.byClass.otherTangible.closing,
      intangibleFixedAssets: fa.byClass.intangible.closing,
      investmentsAndOtherAssets: baseBs.investmentsAndOtherAssets,
      deferredAssets: baseBs.deferredAssets,
      notesPayable: yen(notesPayable),
      accountsPayable: yen(accountsPayable),
      shortTermBorrowings: yen(lineBalance.shortTermBorrowings),
      ...(currentPortion !== undefined ? { currentPortionOfLongTermBorrowings: yen(currentPortion) } : {}),
      otherCurrentLiabilities: baseBs.otherCurrentLiabilities,
      longTermBorrowings: yen(lineBalance.longTermBorrowings - (currentPortion ?? 0)),
      bonds: yen(lineBalance.bonds),
      officerLoans: yen(lineBalance.officerLoans),
      leaseObligations: yen(lineBalance.leaseObligations),
      otherFixedLiabilities: baseBs.otherFixedLiabilities,
      capitalStock: baseBs.capitalStock,
      retainedEarnings: yen(prevBs.retainedEarnings + netIncome),
      otherNetAssets: baseBs.otherNetAssets,
    };
    const statement: FinancialStatement = {
      fiscalYearEnd: fiscalYearEndDate(base.fiscalYearEnd, fyEnd),
      fiscalYearEndMonth: base.fiscalYearEndMonth,
      employees: drivers.employees === undefined ? base.employees : valueForYear(drivers.employees, t),
      balanceSheet,
      incomeStatement,
    };

    // Stated checks and alerts
    const scheduleInterest = summaries.reduce((sum, annual, i) => {
      const loan = loans[i];
      const y = annual[t - 1];
      if (!loan || !y) return sum;
      return loan.drawdownMonth === undefined || loan.drawdownMonth <= fyEnd ? sum + y.interest : sum;
    }, 0);
    checks.push(
      ...computeProjectionChecks({
        year: t,
        prevBs,
        balanceSheet,
        incomeStatement,
        cashFlow,
        scheduleInterest,
        capex: fa.capex,
        depreciation,
      }),
    );
    const ibd = computeInterestBearingDebt(balanceSheet, options.interestBearingDebt).value;
    const dry = computeDebtRepaymentYears(
      debtRepaymentInputFromStatement(statement, options.interestBearingDebt, {
        operatingCashFlow: cashFlow.operatingCashFlow,
        investingCashFlow: cashFlow.investingCashFlow,
      }),
      variant,
    );
    alerts.push(...computeProjectionAlerts(t, balanceSheet, dry));
    const steps = describeProjectionYear({
      year: t,
      growth,
      adjustment,
      incomeStatement,
      cashFlow,
      lossCarryForwardUsed: used,
      interestBearingDebt: ibd,
      debtRepaymentYears: dry,
    });

    years.push({
      planYear: t,
      fiscalYearEndMonth: fyEnd,
      statement,
      cashFlow,
      loans: loanYears,
      unscheduledDebt: { ...unscheduled },
      fixedAssets: fa,
      taxableIncome: yen(taxable),
      lossCarryForwardUsed: yen(used),
      lossCarryForwardClosing: yen(lossCarryForward),
      interestBearingDebt: ibd,
      debtRepaymentYears: dry,
      steps,
    });
    prevBs = balanceSheet;
  }

  const allChecksPassed = checks.every((c) => c.passed);
  const steps: Step[] = describeProjection({
    base,
    drivers,
    assetSteps: assets.steps,
    unscheduled: DEBT_LINES.filter((l) => unscheduled[l] !== 0).map((l) => ({ line: l, amount: unscheduled[l] })),
    failedChecks: checks.filter((c) => !c.passed).length,
  });
  return { base, years, schedules, checks, allChecksPassed, alerts, steps };
}
