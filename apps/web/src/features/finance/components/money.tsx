import type { AmountInputUnit } from '@kasseika/domain';

const FORMATS = {
  1: new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 }),
  1000: new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 }),
} as const;

/**
 * Formats integer yen for display in 円 or 千円 (千円 rounded half away from zero for display only; the figures stay
 * exact in yen). Negatives keep their minus sign.
 *
 * @example formatMoney(-1_500_000, 1000) // '-1,500'
 */
export function formatMoney(value: number, unit: AmountInputUnit = 1): string {
  const shown = unit === 1 ? value : Math.sign(value) * Math.round(Math.abs(value) / 1000);
  return FORMATS[unit].format(shown === 0 ? 0 : shown);
}

/** An amount: right-aligned, tabular digits, negatives red AND with a minus sign (never colour alone). */
export function Money({ value, unit = 1, strong = false }: { value: number | null | undefined; unit?: AmountInputUnit; strong?: boolean }) {
  if (value === null || value === undefined) return <span className="text-ink-muted">—</span>;
  return <span className={`tabular-nums ${value < 0 ? 'text-error' : ''} ${strong ? 'font-bold' : ''}`}>{formatMoney(value, unit)}</span>;
}

/** A ratio-like value with its unit (indicators, years). */
export function formatNumber(value: number, digits: number): string {
  return new Intl.NumberFormat('ja-JP', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
