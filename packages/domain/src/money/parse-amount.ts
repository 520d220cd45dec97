import { toHalfWidthAscii } from '../text/japanese-text';

/** Why a typed amount could not be read. */
export type AmountInputProblem = 'empty' | 'notNumber' | 'notInteger' | 'tooLarge';

/** The unit a person types amounts in: 円 (1) or 千円 (1,000). */
export type AmountInputUnit = 1 | 1000;

/**
 * Reads an amount as people type or paste it in Japan and returns integer yen, exactly (no floating point):
 * 全角 digits and signs, thousands separators (`,` `，` `、`), spaces, a trailing 円 or 千円, the accounting
 * negative marks ▲ / △ and parentheses `(1,000)`, and the minus signs − (U+2212) and －. With `unit` 1000 (千円) up to
 * three decimals are allowed (1.5 千円 = 1,500 円); anything finer than 1 yen is `notInteger`.
 *
 * @example
 * parseAmountInput('１，２３４') // { ok: true, value: 1234 }
 * parseAmountInput('▲500', 1000) // { ok: true, value: -500000 }
 * parseAmountInput('1.5', 1)     // { ok: false, problem: 'notInteger' }
 * parseAmountInput('abc')        // { ok: false, problem: 'notNumber' }
 */
export function parseAmountInput(
  input: string,
  unit: AmountInputUnit = 1,
): { ok: true; value: number } | { ok: false; problem: AmountInputProblem } {
  let s = toHalfWidthAscii(input.normalize('NFKC')).replace(/[\s,、，]/g, '');
  if (s === '') return { ok: false, problem: 'empty' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/(千円|円|¥|\\)$/u, '').replace(/^[¥\\]/, '');
  const sign = /^([-\u2212\u2012\u2013\u2014\u2015▲△+])/u.exec(s);
  if (sign) {
    if (sign[1] !== '+') negative = !negative;
    s = s.slice(sign[1]?.length ?? 0);
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, problem: 'notNumber' };
  const intPart = m[1] ?? '0';
  const fracPart = (m[2] ?? '').replace(/0+$/, '');
  const scale = unit === 1000 ? 3 : 0;
  if (fracPart.length > scale) return { ok: false, problem: 'notInteger' };
  const digits = (intPart + fracPart.padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return { ok: false, problem: 'tooLarge' };
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * Formats integer yen for an input field in the chosen unit, without separators (what a person would type back):
 * 1,500 円 in 千円 → '1.5'.
 *
 * @example
 * formatAmountForInput(1500, 1000) // '1.5'
 * formatAmountForInput(-2000000, 1000) // '-2000'
 */
export function formatAmountForInput(value: number, unit: AmountInputUnit = 1): string {
  if (unit === 1) return String(value);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 1000);
  const rest = abs % 1000;
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}
