import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type Step } from '../explain/step';
import type { BalanceSheet } from '../statements/financial-statement';

/** The balance-sheet figures behind 正常運転資金. */
export interface WorkingCapitalInput {
  readonly notesReceivable: Yen;
  readonly accountsReceivable: Yen;
  readonly inventories: Yen;
  readonly notesPayable: Yen;
  readonly accountsPayable: Yen;
  /** 割引手形・裏書手形 (off-balance discounted/endorsed notes); added back only when chosen. */
  readonly discountedAndEndorsedNotes?: Yen;
}

/** Options of {@link computeNormalWorkingCapital}. */
export interface NormalWorkingCapitalOptions {
  /**
   * Floor a negative result at ¥0. Default **false**: a negative working capital is kept, as in REFERENCE §10.2
   * where it raises 要償還債務.
   */
  readonly floorAtZero?: boolean;
  /** Add back 割引・裏書手形 to receivables (⚠ common bank practice, not confirmed). Default false. */
  readonly addBackDiscountedNotes?: boolean;
}

/**
 * Picks the working-capital lines from a balance sheet.
 *
 * @example
 * workingCapitalInputFromBalanceSheet(bs).accountsReceivable
 */
export function workingCapitalInputFromBalanceSheet(bs: BalanceSheet): WorkingCapitalInput {
  return {
    notesReceivable: bs.notesReceivable,
    accountsReceivable: bs.accountsReceivable,
    inventories: bs.inventories,
    notesPayable: bs.notesPayable,
    accountsPayable: bs.accountsPayable,
  };
}

/**
 * 正常運転資金 = 売上債権 (受取手形 + 売掛金) + 棚卸資産 − 仕入債務 (支払手形 + 買掛金).
 *
 * @example
 * computeNormalWorkingCapital({ notesReceivable: yen(0), accountsReceivable: yen(7_622_661), inventories: yen(4_573_015),
 *   notesPayable: yen(0), accountsPayable: yen(14_251_302) }).value // -2055626 (REFERENCE §10.2)
 * @see REFERENCE §6.2
 */
export function computeNormalWorkingCapital(
  input: WorkingCapitalInput,
  options: NormalWorkingCapitalOptions = {},
): { value: Yen; unflooredValue: Yen; steps: Step[] } {
  const discounted = options.addBackDiscountedNotes === true ? (input.discountedAndEndorsedNotes ?? 0) : 0;
  const receivables = input.notesReceivable + input.accountsReceivable + discounted;
  const payables = input.notesPayable + input.accountsPayable;
  const raw = yen(receivables + input.inventories - payables);
  const floored = options.floorAtZero === true && raw < 0;
  const value = floored ? yen(0) : raw;
  const steps: Step[] = [
    makeStep(
      'TRADE_RECEIVABLES',
      text('売上債権（受取手形 + 売掛金）', 'Trade receivables (notes + accounts receivable)'),
      receivables,
      'yen',
      {
        ...(discounted !== 0
          ? { formula: text('受取手形 + 売掛金 + 割引・裏書手形', 'Notes + accounts receivable + discounted/endorsed notes') }
          : {}),
      },
    ),
    makeStep('INVENTORIES', text('棚卸資産', 'Inventories'), input.inventories, 'yen'),
    makeStep('TRADE_PAYABLES', text('仕入債務（支払手形 + 買掛金）', 'Trade payables (notes + accounts payable)'), payables, 'yen'),
    makeStep('NORMAL_WORKING_CAPITAL', text('正常運転資金', 'Normal working capital'), value, 'yen', {
      formula: text('売上債権 + 棚卸資産 − 仕入債務', 'Trade receivables + inventories − trade payables'),
      sourceRef: 'REFERENCE §6.2',
    }),
  ];
  if (floored) {
    steps.push(
      makeStep(
        'NORMAL_WORKING_CAPITAL_FLOORED',
        text('マイナスの運転資金を0円とみなした（元の値）', 'Negative working capital treated as ¥0 (original value)'),
        raw,
        'yen',
      ),
    );
  }
  return { value, unflooredValue: raw, steps };
}
