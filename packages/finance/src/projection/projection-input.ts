import type { Yen } from '@kasseika/domain';
import { text } from '../explain/step';
import { addMonths, parseYearMonth, type YearMonth } from '../calendar/fiscal-calendar';
import type { FinancialStatement } from '../statements/financial-statement';
import { validateFinancialStatement } from '../statements/validate-statements';
import type { RepaymentScheduleInput } from '../schedules/repayment-schedule';
import { validateRepaymentScheduleInput } from '../schedules/repayment-schedule';
import { checkYen, formatYenPlain, makeIssue, type ValidationIssue } from '../validation/issue';
import type { DebtRepaymentVariant } from '../diagnosis/debt-repayment-years';
import type { InterestBearingDebtOptions } from '../diagnosis/interest-bearing-debt';

/** A value per plan year: one number for every year, or an array with one entry per year (index 0 = plan year 1). */
export type Yearly<T> = T | readonly T[];

/**
 * Maximum plan horizon in years (a longer horizon is a validation error).
 *
 * @example
 * MAX_HORIZON_YEARS // 10
 */
export const MAX_HORIZON_YEARS = 10;

/**
 * The value of a {@link Yearly} for plan year `year` (1-based).
 *
 * @example
 * valueForYear([0.03, 0.02], 2) // 0.02
 * valueForYear(0.03, 7)         // 0.03
 */
export function valueForYear<T>(v: Yearly<T>, year: number): T {
  if (Array.isArray(v)) {
    const arr = v as readonly T[];
    const x = arr[year - 1] ?? arr[arr.length - 1];
    if (x === undefined) throw new RangeError('empty yearly array');
    return x;
  }
  return v as T;
}

/** Balance-sheet lines that carry loans. */
export type DebtLine = 'shortTermBorrowings' | 'longTermBorrowings' | 'bonds' | 'officerLoans' | 'leaseObligations';

/** Fixed-asset classes of the projection. */
export type AssetClass = 'land' | 'buildings' | 'otherTangible' | 'intangible';

/**
 * A loan of the plan, with its repayment schedule (item 7). Existing loans (no `drawdownMonth`) start with the
 * balance at the base-year end; new loans are drawn in cash in `drawdownMonth`.
 */
export interface ProjectionLoan {
  readonly id: string;
  readonly creditorId?: string;
  readonly line: DebtLine;
  readonly schedule: Omit<RepaymentScheduleInput, 'loanId' | 'creditorId'>;
  /** New borrowing: the month the cash comes in (on or before the first payment month). */
  readonly drawdownMonth?: YearMonth;
}

/** A capital expenditure. */
export interface CapexItem {
  readonly planYear: number;
  readonly assetClass: AssetClass;
  readonly amount: Yen;
  /** Straight-line useful life in years (not for land). */
  readonly usefulLifeYears?: number;
}

/** Depreciation of the assets on the base balance sheet, per class. */
export type ExistingDepreciation =
  | { readonly kind: 'none' }
  | { readonly kind: 'straightLine'; readonly remainingLifeYears: number }
  | { readonly kind: 'amounts'; readonly amounts: readonly Yen[] };

/** Drivers of the plan years. Ratios are decimals (0.03 = 3 %). */
export interface ProjectionDrivers {
  /** 1–10 plan years after the base year. */
  readonly horizonYears: number;
  readonly salesGrowth: Yearly<number>;
  /** Level shift of sales against the growth path (scenarios/sensitivity), e.g. −0.1 = 10 % lower. Default 0. */
  readonly salesAdjustment?: Yearly<number>;
  /** 売上原価率 (excluding depreciation, which is projected separately). */
  readonly costOfSalesRatio: Yearly<number>;
  readonly personnelCosts: Yearly<Yen>;
  /** Other fixed SG&A excluding personnel costs and depreciation. */
  readonly otherFixedSga: Yearly<Yen>;
  /** Variable SG&A as a ratio of sales (default 0). */
  readonly variableSgaRatio?: Yearly<number>;
  readonly nonOperatingIncome?: Yearly<Yen>;
  readonly otherNonOperatingExpenses?: Yearly<Yen>;
  readonly extraordinaryGains?: Yearly<Yen>;
  readonly extraordinaryLosses?: Yearly<Yen>;
  /** Effective tax rate on positive taxable income (after loss carry-forward). */
  readonly taxRate: Yearly<number>;
  /** Minimum tax payable even with a loss (法人住民税均等割), default 0. */
  readonly minimumTax?: Yearly<Yen>;
  /** Simple loss carry-forward (繰越欠損金); absent = none. */
  readonly lossCarryForward?: { readonly openingBalance: Yen; readonly deductionLimitRatio?: number };
  /** Months of sales in trade receivables; default: base-year proportion. */
  readonly receivableMonths?: Yearly<number>;
  /** Months of cost of sales in inventories; default: base-year proportion. */
  readonly inventoryMonths?: Yearly<number>;
  /** Months of cost of sales in trade payables; default: base-year proportion. */
  readonly payableMonths?: Yearly<number>;
  readonly existingDepreciation?: {
    readonly buildings?: ExistingDepreciation;
    readonly otherTangible?: ExistingDepreciation;
    readonly intangible?: ExistingDepreciation;
  };
  readonly capex?: readonly CapexItem[];
  /** Depreciation of new assets starts in the acquisition year (full year) or the next year. Default acquisition year. */
  readonly capexDepreciationStart?: 'acquisitionYear' | 'followingYear';
  readonly loans?: readonly ProjectionLoan[];
  /** Employees per plan year (default: base year). */
  readonly employees?: Yearly<number>;
}

/** Options of the projection's derived figures. */
export interface ProjectionOptions {
  /** Variant for the yearly 債務償還年数 (default (c)/(a), the council's usual form ⚠). */
  readonly debtRepaymentVariant?: DebtRepaymentVariant;
  readonly interestBearingDebt?: InterestBearingDebtOptions;
  /** Present 1年以内返済長期借入金 separately (default: as in the base year). */
  readonly presentCurrentPortion?: boolean;
}

/** Input of {@link buildProjection}. */
export interface ProjectionInput {
  /** The last actual fiscal year (validated, balanced). */
  readonly base: FinancialStatement;
  readonly drivers: ProjectionDrivers;
  readonly options?: ProjectionOptions;
}

/**
 * First and last month of plan year `year` given the base year end `YYYY-MM`.
 *
 * @example
 * planYearMonths('2026-03', 1) // { first: '2026-04', last: '2027-03' }
 */
export function planYearMonths(baseEnd: YearMonth, year: number): { first: YearMonth; last: YearMonth } {
  return { first: addMonths(baseEnd, 12 * (year - 1) + 1), last: addMonths(baseEnd, 12 * year) };
}

function yearlyLength(v: unknown): number | null {
  return Array.isArray(v) ? v.length : null;
}

/**
 * Validates a projection input and returns every issue: base statements (errors block the projection), horizon 1–10
 * years, yearly arrays of the horizon's length, finite non-negative ratios (tax rate below 1), integer yen,
 * capex years and lives, loans (schedules, ids, lines, drawdowns inside the horizon, existing loans starting in the
 * plan) and whether the existing loans add up to the base balance sheet's debt lines.
 *
 * @example
 * validateProjectionInput({ base, drivers: { ...drivers, horizonYears: 11 } })
 * // [{ code: 'HORIZON_OUT_OF_RANGE', path: ['drivers', 'horizonYears'], … }]
 */
export function validateProjectionInput(input: ProjectionInput): ValidationIssue[] {
  const issues: ValidationIssue[] = validateFinancialStatement(input.base, ['base']);
  const d = input.drivers;
  const n = d.horizonYears;
  const horizonOk = Number.isInteger(n) && n >= 1 && n <= MAX_HORIZON_YEARS;
  if (!horizonOk) {
    issues.push(
      makeIssue(
        ['drivers', 'horizonYears'],
        'HORIZON_OUT_OF_RANGE',
        {
          ja: `計画期間は1〜${MAX_HORIZON_YEARS}年の整数で指定してください（入力値: ${String(n)}年）。`,
          en: `The plan horizon must be a whole number of years from 1 to ${MAX_HORIZON_YEARS} (got ${String(n)}).`,
        },
        { params: { horizonYears: String(n), max: MAX_HORIZON_YEARS } },
      ),
    );
  }
  const ratioFields: [keyof ProjectionDrivers, { min: number; max: number }][] = [
    ['salesGrowth', { min: -1, max: 10 }],
    ['salesAdjustment', { min: -1, max: 10 }],
    ['costOfSalesRatio', { min: 0, max: 10 }],
    ['variableSgaRatio', { min: 0, max: 10 }],
    ['taxRate', { min: 0, max: 0.999999 }],
    ['receivableMonths', { min: 0, max: 120 }],
    ['inventoryMonths', { min: 0, max: 120 }],
    ['payableMonths', { min: 0, max: 120 }],
    ['employees', { min: 0, max: 1e7 }],
  ];
  for (const [key, range] of ratioFields) {
    const v = d[key] as Yearly<number> | undefined;
    if (v === undefined) continue;
    const len = yearlyLength(v);
    if (len !== null && horizonOk && len !== n) {
      issues.push(lengthIssue(key, len, n));
    }
    const values = Array.isArray(v) ? (v as readonly number[]) : [v as number];
    values.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < range.min || x > range.max) {
        issues.push(
          makeIssue(Array.isArray(v) ? ['drivers', key, i] : ['drivers', key], 'VALUE_OUT_OF_RANGE', {
            ja: `${key} の値 ${String(x)} は ${range.min}〜${range.max} の範囲外です（比率は小数で入力: 0.03 = 3%）。`,
            en: `${key} value ${String(x)} is outside ${range.min} to ${range.max} (enter ratios as decimals: 0.03 = 3 %).`,
          }),
        );
      }
    });
  }
  const yenFields: (keyof ProjectionDrivers)[] = [
    'personnelCosts',
    'otherFixedSga',
    'nonOperatingIncome',
    'otherNonOperatingExpenses',
    'extraordinaryGains',
    'extraordinaryLosses',
    'minimumTax',
  ];
  for (const key of yenFields) {
    const v = d[key] as Yearly<Yen> | undefined;
    if (v === undefined) continue;
    const len = yearlyLength(v);
    if (len !== null && horizonOk && len !== n) issues.push(lengthIssue(key, len, n));
    const values = Array.isArray(v) ? (v as readonly Yen[]) : [v as Yen];
    values.forEach((x, i) => {
      const path = Array.isArray(v) ? ['drivers', key, i] : ['drivers', key];
      if (checkYen(issues, path, x, text(key, key)) && x < 0) {
        issues.push(makeIssue(path, 'NEGATIVE_AMOUNT', { ja: `${key} がマイナスです。`, en: `${key} is negative.` }));
      }
    });
  }
  if (d.lossCarryForward) {
    checkYen(
      issues,
      ['drivers', 'lossCarryForward', 'openingBalance'],
      d.lossCarryForward.openingBalance,
      text('繰越欠損金', 'Loss carry-forward'),
    );
    const r = d.lossCarryForward.deductionLimitRatio ?? 1;
    if (!(r >= 0 && r <= 1)) {
      issues.push(
        makeIssue(['drivers', 'lossCarryForward', 'deductionLimitRatio'], 'VALUE_OUT_OF_RANGE', {
          ja: '控除限度割合は0〜1で指定してください。',
          en: 'The deduction limit ratio must be between 0 and 1.',
        }),
      );
    }
  }
  for (const cls of ['buildings', 'otherTangible', 'intangible'] as const) {
    const e = d.existingDepreciation?.[cls];
    if (!e) continue;
    if (e.kind === 'straightLine' && !(Number.isInteger(e.remainingLifeYears) && e.remainingLifeYears >= 1)) {
      issues.push(
        makeIssue(['drivers', 'existingDepreciation', cls, 'remainingLifeYears'], 'INVALID_USEFUL_LIFE', {
          ja: '残存耐用年数は1以上の整数で入力してください。',
          en: 'The remaining useful life must be an integer of 1 or more.',
        }),
      );
    }
    if (e.kind === 'amounts')
      e.amounts.forEach((a, i) =>
        checkYen(issues, ['drivers', 'existingDepreciation', cls, 'amounts', i], a, text('減価償却費', 'Depreciation')),
      );
  }
  (d.capex ?? []).forEach((c, i) => {
    const p = ['drivers', 'capex', i];
    if (!(Number.isInteger(c.planYear) && c.planYear >= 1 && (!horizonOk || c.planYear <= n))) {
      issues.push(
        makeIssue([...p, 'planYear'], 'PLAN_YEAR_OUT_OF_RANGE', {
          ja: `設備投資の計画年度 ${c.planYear} が計画期間外です。`,
          en: `Capex plan year ${c.planYear} is outside the horizon.`,
        }),
      );
    }
    if (checkYen(issues, [...p, 'amount'], c.amount, text('設備投資額', 'Capex amount')) && c.amount < 0) {
      issues.push(
        makeIssue([...p, 'amount'], 'NEGATIVE_AMOUNT', { ja: '設備投資額がマイナスです。', en: 'The capex amount is negative.' }),
      );
    }
    if (c.assetClass !== 'land' && !(Number.isInteger(c.usefulLifeYears) && (c.usefulLifeYears ?? 0) >= 1)) {
      issues.push(
        makeIssue([...p, 'usefulLifeYears'], 'INVALID_USEFUL_LIFE', {
          ja: '耐用年数は1以上の整数で入力してください（土地を除く）。',
          en: 'The useful life must be an integer of 1 or more (except land).',
        }),
      );
    }
  });

  const baseEnd = input.base.fiscalYearEnd.slice(0, 7);
  const planStart = parseYearMonth(baseEnd) ? addMonths(baseEnd, 1) : null;
  const planEnd = parseYearMonth(baseEnd) && horizonOk ? addMonths(baseEnd, 12 * n) : null;
  const ids = new Set<string>();
  const existingByLine = new Map<DebtLine, number>();
  (d.loans ?? []).forEach((loan, i) => {
    const p = ['drivers', 'loans', i];
    if (ids.has(loan.id))
      issues.push(
        makeIssue([...p, 'id'], 'DUPLICATE_LOAN_ID', {
          ja: `借入ID「${loan.id}」が重複しています。`,
          en: `Loan id "${loan.id}" is used twice.`,
        }),
      );
    ids.add(loan.id);
    issues.push(...validateRepaymentScheduleInput({ ...loan.schedule, loanId: loan.id }, [...p, 'schedule']));
    if (loan.drawdownMonth === undefined) {
      existingByLine.set(loan.line, (existingByLine.get(loan.line) ?? 0) + loan.schedule.principal);
      if (planStart && parseYearMonth(loan.schedule.firstPaymentMonth) && loan.schedule.firstPaymentMonth < planStart) {
        issues.push(
          makeIssue([...p, 'schedule', 'firstPaymentMonth'], 'LOAN_SCHEDULE_STARTS_BEFORE_PLAN', {
            ja: `既存借入の返済予定は計画初年度の初月（${planStart}）以降から始めてください（元本は基準年度末の残高）。`,
            en: `Existing loans must be scheduled from the first plan month (${planStart}); the principal is the base-year-end balance.`,
          }),
        );
      } else if (planStart && loan.schedule.firstPaymentMonth > planStart) {
        issues.push(
          makeIssue(
            [...p, 'schedule', 'firstPaymentMonth'],
            'LOAN_SCHEDULE_STARTS_AFTER_PLAN_START',
            {
              ja: `初回返済月（${loan.schedule.firstPaymentMonth}）より前の月の利息は計上されません。据置期間として返済予定に含めてください。`,
              en: `Interest before the first payment month (${loan.schedule.firstPaymentMonth}) is not modelled; include those months as grace months.`,
            },
            { severity: 'warning' },
          ),
        );
      }
    } else {
      const dm = loan.drawdownMonth;
      if (!parseYearMonth(dm) || (planStart && dm < planStart) || (planEnd && dm > planEnd)) {
        issues.push(
          makeIssue([...p, 'drawdownMonth'], 'DRAWDOWN_OUTSIDE_PLAN', {
            ja: `新規借入の実行月「${dm}」が計画期間外です。`,
            en: `Drawdown month "${dm}" is outside the plan.`,
          }),
        );
      } else if (parseYearMonth(loan.schedule.firstPaymentMonth) && loan.schedule.firstPaymentMonth < dm) {
        issues.push(
          makeIssue([...p, 'schedule', 'firstPaymentMonth'], 'FIRST_PAYMENT_BEFORE_DRAWDOWN', {
            ja: '初回返済月が借入実行月より前です。',
            en: 'The first payment month is before the drawdown month.',
          }),
        );
      }
    }
  });
  const bs = input.base.balanceSheet;
  const lines: [DebtLine, number][] = [
    ['shortTermBorrowings', bs.shortTermBorrowings],
    ['longTermBorrowings', bs.longTermBorrowings + (bs.currentPortionOfLongTermBorrowings ?? 0)],
    ['bonds', bs.bonds],
    ['officerLoans', bs.officerLoans],
    ['leaseObligations', bs.leaseObligations],
  ];
  for (const [line, bookValue] of lines) {
    const scheduled = existingByLine.get(line) ?? 0;
    if (scheduled === bookValue || (scheduled === 0 && !existingByLine.has(line))) continue;
    const diff = bookValue - scheduled;
    issues.push(
      makeIssue(
        ['drivers', 'loans'],
        diff < 0 ? 'LOANS_EXCEED_BALANCE_SHEET' : 'LOANS_DO_NOT_MATCH_BALANCE_SHEET',
        {
          ja: `${line} の既存借入の合計 ${formatYenPlain(scheduled)}円 が基準年度の貸借対照表 ${formatYenPlain(bookValue)}円 と ${formatYenPlain(Math.abs(diff))}円 異なります${diff > 0 ? '（差額は返済予定のない残高として据え置きます）' : ''}。`,
          en: `Existing loans on ${line} total ¥${formatYenPlain(scheduled)}, ¥${formatYenPlain(Math.abs(diff))} ${diff > 0 ? 'less' : 'more'} than the base balance sheet's ¥${formatYenPlain(bookValue)}${diff > 0 ? ' (the difference is carried unchanged, without a schedule)' : ''}.`,
        },
        { severity: diff < 0 ? 'error' : 'warning', params: { line, scheduled, balanceSheet: bookValue, difference: diff } },
      ),
    );
  }
  return issues;
}

function lengthIssue(key: string, len: number, n: number): ValidationIssue {
  return makeIssue(
    ['drivers', key],
    'YEARLY_LENGTH_MISMATCH',
    {
      ja: `${key} の年度数（${len}）が計画期間（${n}年）と一致しません。`,
      en: `${key} has ${len} values but the horizon is ${n} years.`,
    },
    { params: { length: len, horizonYears: n } },
  );
}
