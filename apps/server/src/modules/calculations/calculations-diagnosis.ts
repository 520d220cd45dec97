import {
  computeDebtRepaymentYears,
  computeLocabenIndicators,
  debtRepaymentInputFromStatement,
  makeIssue,
  scoreLocaben,
  type DebtRepaymentVariant,
  type FinancialStatement,
  type InterestBearingDebtOptions,
  type LocabenScoreResult,
  type LocabenSizeClass,
  type LocabenThresholdTable,
  type ValidationIssue,
} from '@kasseika/finance';
import type { z } from 'zod';
import type { diagnosisYearSchema } from '@kasseika/contracts';
import { presentDebtYears, presentIndicators } from './calculations.presenter';

/** Default 債務償還年数 variant: (c)/(a), the council's usual form (⚠ REFERENCE §6.1; stored with every value). */
export const DEFAULT_DEBT_VARIANT: DebtRepaymentVariant = { numerator: 'c', cashFlow: 'a' };

export interface DiagnosisOptions {
  readonly industryCode?: string | undefined;
  readonly sizeClass?: LocabenSizeClass | undefined;
  readonly debtRepaymentVariant?: DebtRepaymentVariant | undefined;
  readonly interestBearingDebt?: InterestBearingDebtOptions | undefined;
}

/** Checks the industry code against the table (an unknown code is a field error at `industryPath`). */
export function checkIndustry(
  table: LocabenThresholdTable,
  industryCode: string | undefined,
  industryPath: readonly (string | number)[],
): ValidationIssue[] {
  if (industryCode === undefined || table.industries.some((r) => r.code === industryCode)) return [];
  return [
    makeIssue(industryPath, 'UNKNOWN_INDUSTRY_CODE', {
      ja: `業種コード「${industryCode}」はロカベン閾値データにありません。一覧から業種を選んでください。`,
      en: `Industry code "${industryCode}" is not in the ロカベン threshold data. Choose an industry from the list.`,
    }),
  ];
}

/**
 * Diagnosis of actual years (oldest first): the six ロカベン indicators (each year against the year before) and
 * 債務償還年数 under the named variant; the latest year is scored when an industry is given.
 */
export function diagnose(
  statements: readonly FinancialStatement[],
  table: LocabenThresholdTable,
  options: DiagnosisOptions,
): { years: z.input<typeof diagnosisYearSchema>[]; score: LocabenScoreResult | null } {
  const variant = options.debtRepaymentVariant ?? DEFAULT_DEBT_VARIANT;
  let lastIndicators: ReturnType<typeof computeLocabenIndicators> | null = null;
  const years = statements.map((current, i) => {
    const prior = statements[i - 1];
    const indicators = computeLocabenIndicators(
      { current, ...(prior ? { prior } : {}) },
      options.interestBearingDebt ? { borrowings: options.interestBearingDebt } : {},
    );
    lastIndicators = indicators;
    const debtYears = computeDebtRepaymentYears(debtRepaymentInputFromStatement(current, options.interestBearingDebt ?? {}), variant);
    return {
      fiscalYearEnd: current.fiscalYearEnd,
      indicators: presentIndicators(indicators),
      debtRepaymentYears: presentDebtYears(debtYears),
    };
  });
  const score =
    options.industryCode !== undefined && lastIndicators
      ? (scoreLocaben(lastIndicators, table, options.industryCode, options.sizeClass ?? 'medium') ?? null)
      : null;
  return { years, score };
}
