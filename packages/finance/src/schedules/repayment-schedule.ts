import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import { daysInMonth, formatYearMonth, parseYearMonth, type YearMonth } from '../calendar/fiscal-calendar';
import { decimalToFraction, describeRounding, mulDivRounded, type YenRounding } from '../money/exact-fraction';
import { checkYen, makeIssue, type ValidationIssue } from '../validation/issue';

/**
 * Interest convention (a parameter of every schedule):
 * - `monthlyRate` (月利計算): balance × annual rate ÷ 12 each month;
 * - `actual365` (日割計算, 実日数/365): balance × annual rate × days in the payment month ÷ 365, with payments on
 *   the last day of each month so the interest period is that calendar month.
 * Both round interest by `interestRounding` (default 切り捨て).
 */
export type InterestConvention = 'monthlyRate' | 'actual365';

/** A monthly principal amount in force from a month onward (step-ups of a pro-rata share). */
export interface PrincipalSegment {
  readonly fromMonth: YearMonth;
  readonly monthlyPrincipal: Yen;
}

/**
 * How principal is repaid after the grace period:
 * - `equalPrincipal` (元金均等): principal ÷ remaining months, rounded down; the remainder is paid with the final instalment;
 * - `equalPayment` (元利均等): a level payment P·r ÷ (1 − (1 + r)^−n) with r = rate ÷ 12, rounded by `paymentRounding`
 *   (default 切り上げ); the final instalment clears the balance;
 * - `fixedPrincipal`: a given monthly principal (e.g. a creditor's pro-rata share of a monthly total), optionally
 *   stepping up; at the end the balance either stays outstanding or is paid as a balloon;
 * - `bullet` (期日一括): interest only, principal repaid with the final instalment.
 */
export type RepaymentMethod =
  | { readonly kind: 'equalPrincipal' }
  | { readonly kind: 'equalPayment'; readonly paymentRounding?: YenRounding }
  | {
      readonly kind: 'fixedPrincipal';
      readonly segments: readonly PrincipalSegment[];
      readonly atEnd: 'outstanding' | 'balloon';
    }
  | { readonly kind: 'bullet' };

/** Input of {@link buildRepaymentSchedule}. */
export interface RepaymentScheduleInput {
  readonly loanId: string;
  readonly creditorId?: string;
  /** Balance at the start of the schedule (before the first payment). */
  readonly principal: Yen;
  /** Month of the first payment (`YYYY-MM`); interest for that month is charged on the opening balance. */
  readonly firstPaymentMonth: YearMonth;
  /** Number of monthly payments, grace months included. */
  readonly termMonths: number;
  /** 据置期間: interest-only months at the start. */
  readonly graceMonths: number;
  /** Annual rate as a decimal (0.015 = 1.5 %). Read exactly as typed. */
  readonly annualRate: number;
  readonly interestConvention: InterestConvention;
  /** Default `floor` (円未満切り捨て). */
  readonly interestRounding?: YenRounding;
  readonly method: RepaymentMethod;
}

/** One month of a schedule. */
export interface ScheduleRow {
  readonly month: YearMonth;
  readonly openingBalance: Yen;
  readonly interest: Yen;
  readonly principal: Yen;
  readonly payment: Yen;
  readonly closingBalance: Yen;
  readonly isGrace: boolean;
}

/** A monthly repayment schedule with totals and its explanation. */
export interface RepaymentSchedule {
  readonly loanId: string;
  readonly creditorId?: string;
  readonly principal: Yen;
  readonly rows: readonly ScheduleRow[];
  readonly totalInterest: Yen;
  readonly totalPrincipal: Yen;
  /** Balance after the last row (0 unless `fixedPrincipal` with `atEnd: 'outstanding'`). */
  readonly endingBalance: Yen;
  readonly steps: readonly Step[];
}

const METHOD_LABELS: Record<RepaymentMethod['kind'], LocalizedText> = {
  equalPrincipal: text('元金均等返済', 'Equal-principal repayment'),
  equalPayment: text('元利均等返済', 'Equal-payment (annuity) repayment'),
  fixedPrincipal: text('定額元金返済（プロラタ按分額など）', 'Fixed monthly principal (e.g. a pro-rata share)'),
  bullet: text('期日一括返済', 'Bullet repayment at maturity'),
};

const CONVENTION_LABELS: Record<InterestConvention, LocalizedText> = {
  monthlyRate: text('利息は月利計算（残高 × 年利 ÷ 12）', 'Interest at a monthly rate (balance × annual rate ÷ 12)'),
  actual365: text(
    '利息は日割計算（残高 × 年利 × 当月日数 ÷ 365）',
    'Interest on actual days (balance × annual rate × days in month ÷ 365)',
  ),
};

/**
 * Validates a schedule input and returns every issue (non-integer or negative principal, term 1–600 months, grace
 * shorter than the term, a finite non-negative rate, valid months, ordered non-negative segments).
 *
 * @example
 * validateRepaymentScheduleInput({ ...input, graceMonths: 120, termMonths: 60 }) // [{ code: 'GRACE_NOT_SHORTER_THAN_TERM', … }]
 */
export function validateRepaymentScheduleInput(input: RepaymentScheduleInput, path: readonly (string | number)[] = []): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (checkYen(issues, [...path, 'principal'], input.principal, text('元本', 'Principal')) && input.principal < 0) {
    issues.push(makeIssue([...path, 'principal'], 'NEGATIVE_PRINCIPAL', { ja: '元本がマイナスです。', en: 'Principal is negative.' }));
  }
  if (!parseYearMonth(input.firstPaymentMonth)) {
    issues.push(
      makeIssue([...path, 'firstPaymentMonth'], 'INVALID_MONTH', {
        ja: `初回返済月「${input.firstPaymentMonth}」は YYYY-MM 形式で入力してください。`,
        en: `First payment month "${input.firstPaymentMonth}" must be YYYY-MM.`,
      }),
    );
  }
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1 || input.termMonths > 600) {
    issues.push(
      makeIssue([...path, 'termMonths'], 'INVALID_TERM', {
        ja: '返済回数は1〜600か月の整数で入力してください。',
        en: 'The term must be a whole number of months from 1 to 600.',
      }),
    );
  }
  const allowsFullGrace = input.method.kind === 'fixedPrincipal' || input.method.kind === 'bullet';
  if (!Number.isInteger(input.graceMonths) || input.graceMonths < 0) {
    issues.push(
      makeIssue([...path, 'graceMonths'], 'INVALID_GRACE', {
        ja: '据置期間は0以上の整数（月数）で入力してください。',
        en: 'The grace period must be a whole, non-negative number of months.',
      }),
    );
  } else if (input.graceMonths > input.termMonths || (!allowsFullGrace && input.graceMonths >= input.termMonths)) {
    issues.push(
      makeIssue([...path, 'graceMonths'], 'GRACE_NOT_SHORTER_THAN_TERM', {
        ja: `据置期間（${input.graceMonths}か月）が返済期間（${input.termMonths}か月）以上です。`,
        en: `The grace period (${input.graceMonths} months) is not shorter than the term (${input.termMonths} months).`,
      }),
    );
  }
  if (!Number.isFinite(input.annualRate) || input.annualRate < 0) {
    issues.push(
      makeIssue([...path, 'annualRate'], 'INVALID_RATE', {
        ja: '年利は0以上の数値（0.015 = 1.5%）で入力してください。',
        en: 'The annual rate must be a non-negative number (0.015 = 1.5 %).',
      }),
    );
  } else if (input.annualRate > 0.2) {
    issues.push(
      makeIssue(
        [...path, 'annualRate'],
        'RATE_UNUSUALLY_HIGH',
        {
          ja: `年利 ${input.annualRate * 100}% は高すぎます。小数（0.015 = 1.5%）で入力しているか確認してください。`,
          en: `An annual rate of ${input.annualRate * 100} % is unusually high; enter rates as decimals (0.015 = 1.5 %).`,
        },
        { severity: 'warning' },
      ),
    );
  }
  if (input.method.kind === 'fixedPrincipal') {
    let prev = '';
    input.method.segments.forEach((s, i) => {
      const p = [...path, 'method', 'segments', i];
      if (!parseYearMonth(s.fromMonth)) {
        issues.push(
          makeIssue([...p, 'fromMonth'], 'INVALID_MONTH', {
            ja: `開始月「${s.fromMonth}」は YYYY-MM 形式で入力してください。`,
            en: `Month "${s.fromMonth}" must be YYYY-MM.`,
          }),
        );
      } else if (s.fromMonth <= prev) {
        issues.push(
          makeIssue([...p, 'fromMonth'], 'SEGMENTS_NOT_IN_ORDER', {
            ja: '返済額の区間は開始月の昇順に並べてください。',
            en: 'List principal segments in ascending order of their start month.',
          }),
        );
      }
      prev = s.fromMonth;
      if (
        checkYen(issues, [...p, 'monthlyPrincipal'], s.monthlyPrincipal, text('月額元金', 'Monthly principal')) &&
        s.monthlyPrincipal < 0
      ) {
        issues.push(
          makeIssue([...p, 'monthlyPrincipal'], 'NEGATIVE_PRINCIPAL', {
            ja: '月額元金がマイナスです。',
            en: 'Monthly principal is negative.',
          }),
        );
      }
    });
  }
  return issues;
}

/**
 * Monthly interest on a balance under a convention.
 *
 * @example
 * monthlyInterest(yen(10_000_000), 0.015, 'monthlyRate', '2026-04') // 12500
 * monthlyInterest(yen(10_000_000), 0.015, 'actual365', '2026-05')  // 12739 (10,000,000 × 0.015 × 31 ÷ 365 = 12,739.7)
 */
export function monthlyInterest(
  balance: Yen,
  annualRate: number,
  convention: InterestConvention,
  month: YearMonth,
  rounding: YenRounding = 'floor',
): Yen {
  if (balance <= 0 || annualRate === 0) return yen(0);
  const p = parseYearMonth(month);
  if (!p) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return interestFor(balance, rateAsNumbers(annualRate), convention, p.year, p.month, rounding);
}

interface RateNumbers {
  readonly numerator: number;
  readonly denominator: number;
}

/** The rate as an exact fraction of safe integers (falls back to 12 significant digits for exotic inputs). */
function rateAsNumbers(annualRate: number): RateNumbers {
  const f = decimalToFraction(annualRate);
  const numerator = Number(f.numerator);
  const denominator = Number(f.denominator);
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && denominator <= 1e12) return { numerator, denominator };
  return rateAsNumbers(Number(annualRate.toPrecision(12)));
}

function interestFor(
  balance: number,
  rate: RateNumbers,
  convention: InterestConvention,
  year: number,
  month: number,
  rounding: YenRounding,
): Yen {
  if (balance <= 0 || rate.numerator === 0) return yen(0);
  if (convention === 'monthlyRate') return yen(mulDivRounded(balance, rate.numerator, rate.denominator * 12, rounding));
  return yen(mulDivRounded(balance, rate.numerator * daysInMonth(year, month), rate.denominator * 365, rounding));
}

function levelPayment(principal: number, annualRate: number, n: number, rounding: YenRounding): number {
  const raw = annualRate === 0 ? principal / n : (principal * (annualRate / 12)) / (1 - Math.pow(1 + annualRate / 12, -n));
  // The level payment comes from a power series, so it is computed in floating point and rounded once by name.
  if (rounding === 'floor') return Math.floor(raw + 1e-7);
  if (rounding === 'ceil') return Math.ceil(raw - 1e-7);
  return Math.round(raw);
}

/**
 * Builds a monthly repayment schedule: grace (据置, interest only) months first, then principal by the method.
 * Principal paid never exceeds the balance; the sum of principal plus the ending balance always equals the
 * starting principal. Assumes {@link validateRepaymentScheduleInput} passed.
 *
 * @example
 * const s = buildRepaymentSchedule({ loanId: 'L1', principal: yen(1_200_000), firstPaymentMonth: '2026-04',
 *   termMonths: 12, graceMonths: 0, annualRate: 0.012, interestConvention: 'monthlyRate', method: { kind: 'equalPrincipal' } });
 * s.rows[0] // { month: '2026-04', openingBalance: 1200000, interest: 1200, principal: 100000, payment: 101200, … }
 * @see REFERENCE §7 (repayment resumption), §5.1 (repayment schedule per lender)
 */
export function buildRepaymentSchedule(input: RepaymentScheduleInput): RepaymentSchedule {
  const rounding = input.interestRounding ?? 'floor';
  const n = input.termMonths;
  const amortisingMonths = n - input.graceMonths;
  const rows: ScheduleRow[] = [];
  let balance = input.principal as number;
  const method = input.method;
  const equalPrincipal = amortisingMonths > 0 ? Math.floor(input.principal / amortisingMonths) : 0;
  const payment =
    method.kind === 'equalPayment' && amortisingMonths > 0
      ? levelPayment(input.principal, input.annualRate, amortisingMonths, method.paymentRounding ?? 'ceil')
      : 0;

  const start = parseYearMonth(input.firstPaymentMonth);
  if (!start) throw new RangeError(`not a YYYY-MM month: ${input.firstPaymentMonth}`);
  const rate = rateAsNumbers(input.annualRate);
  let year = start.year;
  let monthNumber = start.month;
  for (let i = 0; i < n; i += 1) {
    if (i > 0) {
      monthNumber += 1;
      if (monthNumber > 12) {
        monthNumber = 1;
        year += 1;
      }
    }
    const month = formatYearMonth(year, monthNumber);
    const opening = balance;
    const interest = interestFor(opening, rate, input.interestConvention, year, monthNumber, rounding);
    const isGrace = i < input.graceMonths;
    const isLast = i === n - 1;
    let principal = 0;
    if (!isGrace) {
      switch (method.kind) {
        case 'equalPrincipal':
          principal = isLast ? opening : Math.min(opening, equalPrincipal);
          break;
        case 'equalPayment':
          principal = isLast ? opening : Math.min(opening, Math.max(0, payment - interest));
          break;
        case 'fixedPrincipal': {
          let amount = 0;
          for (const s of method.segments) if (s.fromMonth <= month) amount = s.monthlyPrincipal;
          principal = isLast && method.atEnd === 'balloon' ? opening : Math.min(opening, amount);
          break;
        }
        case 'bullet':
          principal = isLast ? opening : 0;
          break;
      }
    } else if (isLast && method.kind === 'bullet') {
      principal = opening;
    } else if (isLast && method.kind === 'fixedPrincipal' && method.atEnd === 'balloon') {
      principal = opening;
    }
    balance = opening - principal;
    rows.push({
      month,
      openingBalance: yen(opening),
      interest,
      principal: yen(principal),
      payment: yen(interest + principal),
      closingBalance: yen(balance),
      isGrace,
    });
  }
  const totalInterest = rows.reduce((s, r) => s + r.interest, 0);
  const totalPrincipal = rows.reduce((s, r) => s + r.principal, 0);
  const lastMonth = rows.at(-1)?.month ?? input.firstPaymentMonth;
  const steps: Step[] = [
    makeStep('SCHEDULE_METHOD', METHOD_LABELS[method.kind], null, 'none'),
    makeStep('INTEREST_CONVENTION', CONVENTION_LABELS[input.interestConvention], input.annualRate, 'ratio', {
      formula: describeRounding(rounding),
    }),
    makeStep('PRINCIPAL', text('返済開始時残高', 'Balance at the start of the schedule'), input.principal, 'yen'),
    makeStep(
      'TERM',
      { ja: `返済期間（${input.firstPaymentMonth}〜${lastMonth}）`, en: `Term (${input.firstPaymentMonth} to ${lastMonth})` },
      n,
      'months',
    ),
    makeStep('GRACE_MONTHS', text('据置期間（利息のみ）', 'Grace period (interest only)'), input.graceMonths, 'months'),
  ];
  if (method.kind === 'equalPrincipal') {
    steps.push(
      makeStep(
        'MONTHLY_PRINCIPAL',
        text('毎月の元金（端数は最終回）', 'Monthly principal (remainder in the final instalment)'),
        equalPrincipal,
        'yen',
        {
          formula: text('元本 ÷ 返済月数（円未満切り捨て）', 'Principal ÷ repayment months (rounded down)'),
        },
      ),
    );
  }
  if (method.kind === 'equalPayment') {
    steps.push(
      makeStep(
        'LEVEL_PAYMENT',
        text('毎月の返済額（元利合計、最終回で調整）', 'Level monthly payment (final instalment adjusts)'),
        payment,
        'yen',
        {
          formula: text('P × r ÷ (1 − (1 + r)^−n)、r = 年利 ÷ 12', 'P × r ÷ (1 − (1 + r)^−n), r = annual rate ÷ 12'),
        },
      ),
    );
  }
  steps.push(
    makeStep('TOTAL_INTEREST', text('支払利息合計', 'Total interest'), totalInterest, 'yen'),
    makeStep('TOTAL_PRINCIPAL', text('元金返済合計', 'Total principal repaid'), totalPrincipal, 'yen'),
    makeStep('ENDING_BALANCE', text('期間終了時の残高', 'Balance at the end of the schedule'), balance, 'yen'),
  );
  return {
    loanId: input.loanId,
    ...(input.creditorId !== undefined ? { creditorId: input.creditorId } : {}),
    principal: input.principal,
    rows,
    totalInterest: yen(totalInterest),
    totalPrincipal: yen(totalPrincipal),
    endingBalance: yen(balance),
    steps,
  };
}
