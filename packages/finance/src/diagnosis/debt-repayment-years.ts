import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import {
  computeNormalWorkingCapital,
  workingCapitalInputFromBalanceSheet,
  type NormalWorkingCapitalOptions,
  type WorkingCapitalInput,
} from './normal-working-capital';
import { computeInterestBearingDebt, type InterestBearingDebtOptions } from './interest-bearing-debt';
import type { FinancialStatement } from '../statements/financial-statement';
import { totalDepreciation } from '../statements/statement-builder';

/**
 * Numerator variant (要償還債務) of REFERENCE §6.1:
 * (a) 有利子負債; (b) 有利子負債 − 正常運転資金; (c) 有利子負債 − 正常運転資金 − 現預金 (or − cash above a retained balance).
 */
export type DebtNumeratorVariant = 'a' | 'b' | 'c';

/**
 * Denominator variant (キャッシュフロー / 償還原資) of REFERENCE §6.1:
 * (a) 経常利益 + 減価償却費 − 法人税等; (b) 営業利益 + 減価償却費; (c) 税引後当期純利益 + 減価償却費;
 * (d) FCF = 営業CF + 投資CF (investing CF negative for outflows, i.e. operating CF − capital expenditure).
 */
export type CashFlowVariant = 'a' | 'b' | 'c' | 'd';

/** The chosen formula, stored with every computed value. */
export interface DebtRepaymentVariant {
  readonly numerator: DebtNumeratorVariant;
  readonly cashFlow: CashFlowVariant;
}

/** Figures of one fiscal year used by {@link computeDebtRepaymentYears}. */
export interface DebtRepaymentInput {
  readonly interestBearingDebt: Yen;
  readonly workingCapital: WorkingCapitalInput;
  readonly cashAndDeposits: Yen;
  readonly ordinaryProfit: Yen;
  readonly operatingProfit: Yen;
  readonly netIncome: Yen;
  readonly incomeTaxes: Yen;
  /** 減価償却費 (all depreciation of the year). */
  readonly depreciation: Yen;
  /** Further non-cash amortisation added to depreciation in every variant (長期前払費用償却, 繰延資産償却, …). */
  readonly additionalAmortisation?: readonly { readonly label: LocalizedText; readonly amount: Yen }[];
  /** Needed for CF variant (d) only. */
  readonly operatingCashFlow?: Yen;
  readonly investingCashFlow?: Yen;
}

/** Options of {@link computeDebtRepaymentYears}. */
export interface DebtRepaymentOptions extends DebtRepaymentVariant {
  /** Working-capital options; by default a negative 正常運転資金 is **not** floored (REFERENCE §10.2). */
  readonly workingCapital?: NormalWorkingCapitalOptions;
  /** Variant (c) deducts only cash above this retained balance (手元資金として残す額). Default ¥0. */
  readonly retainedCash?: Yen;
}

/** Why a value could not be computed. */
export type DebtRepaymentNotComputableReason = 'NON_POSITIVE_CASH_FLOW' | 'CASH_FLOW_STATEMENT_MISSING';

interface DebtRepaymentCommon {
  readonly variant: DebtRepaymentVariant;
  readonly variantName: LocalizedText;
  readonly debtToRepay: Yen;
  readonly normalWorkingCapital: Yen;
  readonly steps: readonly Step[];
}

/** Result: years (= times) when computable; otherwise an explicit reason (算出不能). */
export type DebtRepaymentYearsResult =
  | (DebtRepaymentCommon & { readonly computable: true; readonly value: number; readonly cashFlow: Yen })
  | (DebtRepaymentCommon & {
      readonly computable: false;
      readonly reason: DebtRepaymentNotComputableReason;
      readonly cashFlow: Yen | null;
    });

const NUMERATOR_NAMES: Record<DebtNumeratorVariant, LocalizedText> = {
  a: text('有利子負債', 'interest-bearing debt'),
  b: text('有利子負債 − 正常運転資金', 'interest-bearing debt − normal working capital'),
  c: text('有利子負債 − 正常運転資金 − 現預金', 'interest-bearing debt − normal working capital − cash'),
};

const CASH_FLOW_NAMES: Record<CashFlowVariant, LocalizedText> = {
  a: text('経常利益 + 減価償却費 − 法人税等', 'ordinary profit + depreciation − income taxes'),
  b: text('営業利益 + 減価償却費', 'operating profit + depreciation'),
  c: text('税引後当期純利益 + 減価償却費', 'net income after tax + depreciation'),
  d: text('営業キャッシュフロー + 投資キャッシュフロー（FCF）', 'operating cash flow + investing cash flow (FCF)'),
};

/**
 * Names a variant in both languages, e.g. "(b)/(c) (有利子負債 − 正常運転資金) ÷ (税引後当期純利益 + 減価償却費)".
 *
 * @example
 * describeDebtRepaymentVariant({ numerator: 'a', cashFlow: 'b' }).en
 * // 'Variant (a)/(b): (interest-bearing debt) ÷ (operating profit + depreciation)'
 */
export function describeDebtRepaymentVariant(v: DebtRepaymentVariant): LocalizedText {
  return {
    ja: `方式 (${v.numerator})/(${v.cashFlow})：（${NUMERATOR_NAMES[v.numerator].ja}）÷（${CASH_FLOW_NAMES[v.cashFlow].ja}）`,
    en: `Variant (${v.numerator})/(${v.cashFlow}): (${NUMERATOR_NAMES[v.numerator].en}) ÷ (${CASH_FLOW_NAMES[v.cashFlow].en})`,
  };
}

/**
 * 債務償還年数 / 有利子負債の対キャッシュフロー比率 (years, equivalently "times") under a named variant.
 * - CF ≤ 0 → not computable (`NON_POSITIVE_CASH_FLOW`), never zero or negative years;
 * - 要償還債務 ≤ 0 (net cash) → 0 years, with a step saying there is no debt left to repay;
 * - negative 正常運転資金 raises the numerator unless `workingCapital.floorAtZero` is chosen;
 * - the ratio is a plain floating-point number, not rounded.
 *
 * @example
 * // REFERENCE §10.2: (58,495,222 − (−2,055,626)) ÷ 36,506,840 = 1.6586…
 * const r = computeDebtRepaymentYears(input, { numerator: 'b', cashFlow: 'c' });
 * r.computable && r.value // 1.65861...
 * @see REFERENCE §6.1, §10.2
 */
export function computeDebtRepaymentYears(input: DebtRepaymentInput, options: DebtRepaymentOptions): DebtRepaymentYearsResult {
  const variant: DebtRepaymentVariant = { numerator: options.numerator, cashFlow: options.cashFlow };
  const variantName = describeDebtRepaymentVariant(variant);
  const steps: Step[] = [makeStep('DEBT_REPAYMENT_VARIANT', variantName, null, 'none', { sourceRef: 'REFERENCE §6.1' })];

  // Numerator
  steps.push(makeStep('INTEREST_BEARING_DEBT', text('有利子負債', 'Interest-bearing debt'), input.interestBearingDebt, 'yen'));
  const nwc = computeNormalWorkingCapital(input.workingCapital, options.workingCapital);
  let debtToRepay = input.interestBearingDebt as number;
  if (variant.numerator === 'b' || variant.numerator === 'c') {
    steps.push(...nwc.steps);
    debtToRepay -= nwc.value;
  }
  if (variant.numerator === 'c') {
    const retained = options.retainedCash ?? 0;
    const deducted = Math.max(0, input.cashAndDeposits - retained);
    steps.push(makeStep('CASH_AND_DEPOSITS', text('現預金', 'Cash and deposits'), input.cashAndDeposits, 'yen'));
    if (retained !== 0) {
      steps.push(makeStep('RETAINED_CASH', text('手元に残す現預金（控除しない額）', 'Cash retained (not deducted)'), retained, 'yen'));
    }
    steps.push(makeStep('CASH_DEDUCTED', text('控除する現預金', 'Cash deducted'), deducted, 'yen'));
    debtToRepay -= deducted;
  }
  steps.push(
    makeStep('DEBT_TO_REPAY', text('要償還債務', 'Debt to be repaid'), debtToRepay, 'yen', {
      formula: NUMERATOR_NAMES[variant.numerator],
      sourceRef: 'REFERENCE §6.1',
    }),
  );

  // Denominator
  const amortisation = (input.additionalAmortisation ?? []).reduce((s, a) => s + a.amount, 0);
  const depreciation = input.depreciation + amortisation;
  steps.push(makeStep('DEPRECIATION', text('減価償却費', 'Depreciation'), input.depreciation, 'yen'));
  for (const a of input.additionalAmortisation ?? []) {
    steps.push(makeStep('ADDITIONAL_AMORTISATION', a.label, a.amount, 'yen'));
  }
  let cashFlow: number | null;
  switch (variant.cashFlow) {
    case 'a':
      steps.push(makeStep('ORDINARY_PROFIT', text('経常利益', 'Ordinary profit'), input.ordinaryProfit, 'yen'));
      steps.push(makeStep('INCOME_TAXES', text('法人税等', 'Income taxes'), input.incomeTaxes, 'yen'));
      cashFlow = input.ordinaryProfit + depreciation - input.incomeTaxes;
      break;
    case 'b':
      steps.push(makeStep('OPERATING_PROFIT', text('営業利益', 'Operating profit'), input.operatingProfit, 'yen'));
      cashFlow = input.operatingProfit + depreciation;
      break;
    case 'c':
      steps.push(makeStep('NET_INCOME', text('税引後当期純利益', 'Net income after tax'), input.netIncome, 'yen'));
      cashFlow = input.netIncome + depreciation;
      break;
    case 'd':
      if (input.operatingCashFlow === undefined || input.investingCashFlow === undefined) {
        cashFlow = null;
      } else {
        steps.push(makeStep('OPERATING_CASH_FLOW', text('営業キャッシュフロー', 'Operating cash flow'), input.operatingCashFlow, 'yen'));
        steps.push(makeStep('INVESTING_CASH_FLOW', text('投資キャッシュフロー', 'Investing cash flow'), input.investingCashFlow, 'yen'));
        cashFlow = input.operatingCashFlow + input.investingCashFlow;
      }
      break;
  }
  const common = {
    variant,
    variantName,
    debtToRepay: yen(debtToRepay),
    normalWorkingCapital: nwc.value,
  };
  if (cashFlow === null) {
    steps.push(
      makeStep(
        'DEBT_REPAYMENT_YEARS_NOT_COMPUTABLE',
        text('算出不能：方式(d)にはキャッシュフロー計算書が必要です', 'Not computable: variant (d) needs a cash-flow statement'),
        null,
        'none',
      ),
    );
    return { ...common, computable: false, reason: 'CASH_FLOW_STATEMENT_MISSING', cashFlow: null, steps };
  }
  steps.push(
    makeStep('CASH_FLOW', text('キャッシュフロー（償還原資）', 'Cash flow available for repayment'), cashFlow, 'yen', {
      formula: CASH_FLOW_NAMES[variant.cashFlow],
      sourceRef: 'REFERENCE §6.1',
    }),
  );
  if (cashFlow <= 0) {
    steps.push(
      makeStep(
        'DEBT_REPAYMENT_YEARS_NOT_COMPUTABLE',
        text('算出不能：キャッシュフローが0以下です', 'Not computable: cash flow is zero or negative'),
        null,
        'none',
        { sourceRef: 'REFERENCE §6.1' },
      ),
    );
    return { ...common, computable: false, reason: 'NON_POSITIVE_CASH_FLOW', cashFlow: yen(cashFlow), steps };
  }
  if (debtToRepay <= 0) {
    steps.push(
      makeStep(
        'NO_DEBT_TO_REPAY',
        text('要償還債務が0以下のため債務償還年数は0年', 'No debt left to repay, so the repayment period is 0 years'),
        0,
        'years',
      ),
    );
    return { ...common, computable: true, value: 0, cashFlow: yen(cashFlow), steps };
  }
  const value = debtToRepay / cashFlow;
  steps.push(
    makeStep(
      'DEBT_REPAYMENT_YEARS',
      text('債務償還年数（有利子負債の対キャッシュフロー比率）', 'Debt repayment years (debt to cash-flow ratio)'),
      value,
      'years',
      {
        formula: text('要償還債務 ÷ キャッシュフロー', 'Debt to be repaid ÷ cash flow'),
        sourceRef: 'REFERENCE §6.1',
      },
    ),
  );
  return { ...common, computable: true, value, cashFlow: yen(cashFlow), steps };
}

/**
 * Builds {@link DebtRepaymentInput} from one fiscal year's statements (depreciation includes any depreciation in
 * cost of sales). Interest-bearing debt follows `debtOptions`.
 *
 * @example
 * computeDebtRepaymentYears(debtRepaymentInputFromStatement(fy), { numerator: 'c', cashFlow: 'a' })
 */
export function debtRepaymentInputFromStatement(
  statement: FinancialStatement,
  debtOptions: InterestBearingDebtOptions = {},
  extra: Pick<DebtRepaymentInput, 'additionalAmortisation' | 'operatingCashFlow' | 'investingCashFlow'> = {},
): DebtRepaymentInput {
  const bs = statement.balanceSheet;
  const pl = statement.incomeStatement;
  return {
    interestBearingDebt: computeInterestBearingDebt(bs, debtOptions).value,
    workingCapital: workingCapitalInputFromBalanceSheet(bs),
    cashAndDeposits: bs.cashAndDeposits,
    ordinaryProfit: pl.ordinaryProfit,
    operatingProfit: pl.operatingProfit,
    netIncome: pl.netIncome,
    incomeTaxes: pl.incomeTaxes,
    depreciation: totalDepreciation(pl),
    ...extra,
  };
}
