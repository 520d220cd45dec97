/**
 * "Explanations are data": every calculator in this package returns the intermediate figures it used as a list of
 * {@link Step}s. The web UI, the Excel exporter and the PDF exporter all render these same steps, so labels are
 * complete terms or sentences in Japanese and English.
 */

/** A text in Japanese and English (same shape as `LocalizedText` in `@kasseika/contracts`). */
export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}

/** The unit a step's value is expressed in. Ratios are plain fractions (0.25 = 25 %), percent is already ×100. */
export type StepUnit = 'yen' | 'ratio' | 'percent' | 'months' | 'years' | 'times' | 'persons' | 'thousandYenPerEmployee' | 'count' | 'none';

/**
 * One line of an explanation. `value` is `null` when the step states a fact or a choice rather than a figure
 * (e.g. "officer loans are not counted as equity").
 *
 * @example
 * const s: Step = {
 *   code: 'NORMAL_WORKING_CAPITAL',
 *   label: { ja: '正常運転資金', en: 'Normal working capital' },
 *   value: -2_055_626,
 *   unit: 'yen',
 *   formula: { ja: '売上債権 + 棚卸資産 − 仕入債務', en: 'Trade receivables + inventories − trade payables' },
 *   sourceRef: 'REFERENCE §6.2',
 * };
 */
export interface Step {
  readonly code: string;
  readonly label: LocalizedText;
  readonly value: number | null;
  readonly unit: StepUnit;
  readonly formula?: LocalizedText;
  readonly sourceRef?: string;
}

/** Optional parts of a step. */
export interface StepExtras {
  readonly formula?: LocalizedText;
  readonly sourceRef?: string;
}

/**
 * Builds a step. Non-finite values are stored as `null` so that a step never carries NaN or Infinity.
 *
 * @example
 * makeStep('EBITDA', { ja: 'EBITDA（営業利益＋減価償却費）', en: 'EBITDA (operating profit + depreciation)' }, 7_000_000, 'yen')
 */
export function makeStep(code: string, label: LocalizedText, value: number | null, unit: StepUnit, extras: StepExtras = {}): Step {
  const safe = value === null || !Number.isFinite(value) ? null : value;
  return {
    code,
    label,
    value: safe === 0 ? 0 : safe, // normalise −0
    unit,
    ...(extras.formula ? { formula: extras.formula } : {}),
    ...(extras.sourceRef ? { sourceRef: extras.sourceRef } : {}),
  };
}

/**
 * Shorthand for a localized text.
 *
 * @example
 * text('現預金', 'Cash and deposits') // { ja: '現預金', en: 'Cash and deposits' }
 */
export function text(ja: string, en: string): LocalizedText {
  return { ja, en };
}

/** A result that may not be computable; "not computable" (算出不能) is an explicit outcome, never NaN. */
export type Computed<T, R extends string = string> =
  | { readonly computable: true; readonly value: T; readonly steps: readonly Step[] }
  | { readonly computable: false; readonly reason: R; readonly steps: readonly Step[] };
