import type { LocalizedText } from '../explain/step';

/**
 * A problem found by a validator. Validators return **all** issues, never just the first.
 *
 * - `path` points into the validated input (e.g. `['statements', 2, 'balanceSheet', 'cashAndDeposits']`);
 * - `code` is SCREAMING_SNAKE and stable, so the UI may translate it itself from `code` + `params`;
 * - `message` is a ready-made Japanese/English sentence that already names the lines and the difference in yen;
 * - `severity` is `'error'` when calculators must not run, `'warning'` when the figures are usable but suspicious.
 *
 * @example
 * const issue: ValidationIssue = {
 *   path: ['balanceSheet'],
 *   code: 'BALANCE_SHEET_DOES_NOT_BALANCE',
 *   message: { ja: '資産合計が負債・純資産合計より1,000円多くなっています。', en: 'Total assets exceed total liabilities and net assets by ¥1,000.' },
 *   severity: 'error',
 *   params: { difference: 1000 },
 * };
 */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: LocalizedText;
  readonly severity: 'error' | 'warning';
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * True when no issue has severity `'error'`.
 *
 * @example
 * hasNoErrors([]) // true
 */
export function hasNoErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}

/**
 * Builds an issue (error severity unless told otherwise).
 *
 * @example
 * makeIssue(['employees'], 'NEGATIVE_EMPLOYEES', { ja: '従業員数が負です。', en: 'Employees is negative.' })
 */
export function makeIssue(
  path: readonly (string | number)[],
  code: string,
  message: LocalizedText,
  options: { severity?: 'error' | 'warning'; params?: Readonly<Record<string, string | number>> } = {},
): ValidationIssue {
  return {
    path,
    code,
    message,
    severity: options.severity ?? 'error',
    ...(options.params ? { params: options.params } : {}),
  };
}

/**
 * Formats an integer amount of yen with thousands separators for messages: `1,234,567` (sign kept).
 *
 * @example
 * formatYenPlain(-2055626) // '-2,055,626'
 */
export function formatYenPlain(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '-' : '';
  const digits = Math.abs(Math.trunc(value)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = Number.isInteger(value) ? '' : String(Math.abs(value) % 1).slice(1, 8);
  return `${sign}${grouped}${frac}`;
}

/**
 * Pushes a `NOT_INTEGER_YEN` issue when `value` is not a safe integer. Returns true when the value is valid yen.
 *
 * @example
 * const issues: ValidationIssue[] = [];
 * checkYen(issues, ['amount'], 1.5, { ja: '金額', en: 'Amount' }) // false, issues has one entry
 */
export function checkYen(issues: ValidationIssue[], path: readonly (string | number)[], value: unknown, label: LocalizedText): boolean {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return true;
  issues.push(
    makeIssue(
      path,
      'NOT_INTEGER_YEN',
      {
        ja: `${label.ja}は円単位の整数で入力してください（入力値: ${String(value)}）。`,
        en: `${label.en} must be a whole number of yen (got ${String(value)}).`,
      },
      { params: { value: String(value) } },
    ),
  );
  return false;
}

/**
 * Formats a ratio as a percentage for labels and messages (display only, at most two decimals): 0.7 → '70'.
 *
 * @example
 * formatPercentPlain(0.7)    // '70'
 * formatPercentPlain(0.6667) // '66.67'
 */
export function formatPercentPlain(ratio: number): string {
  if (!Number.isFinite(ratio)) return String(ratio);
  return String(Math.round(ratio * 10_000) / 100);
}
