import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import { BALANCE_SHEET_LINES, type BalanceSheet, type BalanceSheetLineKey } from '../statements/financial-statement';
import { checkYen, formatYenPlain, makeIssue, type ValidationIssue } from '../validation/issue';

/** Adjustment groups of REFERENCE §6.4. */
export type RealBalanceSheetAdjustmentCategory =
  | 'irrecoverableReceivables'
  | 'obsoleteInventory'
  | 'underDepreciation'
  | 'unrecordedLiabilities'
  | 'realEstateFairValue'
  | 'securitiesFairValue'
  | 'insuranceSurrenderValue'
  | 'otherFairValue'
  | 'ownerPrivateAssets'
  | 'other';

/**
 * Labels and the usual direction of each adjustment category.
 *
 * @example
 * REAL_BALANCE_SHEET_CATEGORIES.obsoleteInventory.label.ja // '滞留・不良在庫の評価減、架空在庫の除去'
 * @see REFERENCE §6.4
 */
export const REAL_BALANCE_SHEET_CATEGORIES: Readonly<
  Record<
    RealBalanceSheetAdjustmentCategory,
    {
      readonly group: 'accountingCorrection' | 'fairValue' | 'smeSpecific' | 'other';
      readonly label: LocalizedText;
      readonly usualEffect: 'decrease' | 'either';
    }
  >
> = {
  irrecoverableReceivables: {
    group: 'accountingCorrection',
    label: text('回収不能債権・不良貸付金等の評価減', 'Write-down of irrecoverable receivables and loans'),
    usualEffect: 'decrease',
  },
  obsoleteInventory: {
    group: 'accountingCorrection',
    label: text('滞留・不良在庫の評価減、架空在庫の除去', 'Write-down of obsolete inventory; removal of fictitious inventory'),
    usualEffect: 'decrease',
  },
  underDepreciation: {
    group: 'accountingCorrection',
    label: text('減価償却不足の修正', 'Correction of under-depreciation'),
    usualEffect: 'decrease',
  },
  unrecordedLiabilities: {
    group: 'accountingCorrection',
    label: text(
      '簿外債務の計上（退職給付・リース・労働債権・保証損失等）',
      'Unrecorded liabilities (retirement benefits, leases, labour claims, guarantee losses)',
    ),
    usualEffect: 'decrease',
  },
  realEstateFairValue: {
    group: 'fairValue',
    label: text('不動産の時価評価（含み損益）', 'Real estate at appraisal/market value'),
    usualEffect: 'either',
  },
  securitiesFairValue: {
    group: 'fairValue',
    label: text('有価証券の時価評価（非上場・不明は0円）', 'Securities at market value (unlisted/unknown at zero)'),
    usualEffect: 'either',
  },
  insuranceSurrenderValue: {
    group: 'fairValue',
    label: text('保険積立金の解約返戻金相当額への修正', 'Insurance reserves at surrender value'),
    usualEffect: 'either',
  },
  otherFairValue: {
    group: 'fairValue',
    label: text('その他の時価評価（電話加入権等）', 'Other fair-value adjustments (telephone rights, etc.)'),
    usualEffect: 'either',
  },
  ownerPrivateAssets: {
    group: 'smeSpecific',
    label: text('代表者個人資産（個人借入控除後、一体評価）', "Owner's private assets net of personal borrowings (owner–company unit)"),
    usualEffect: 'either',
  },
  other: { group: 'other', label: text('その他の修正', 'Other adjustment'), usualEffect: 'either' },
};

/** Where an adjustment lands: a balance-sheet line, or outside the company's books (owner's assets/liabilities). */
export type RealBalanceSheetTarget = BalanceSheetLineKey | 'offBalanceSheetAsset' | 'offBalanceSheetLiability';

/**
 * One adjustment: the signed change to the target line's value (asset write-down = negative amount on the asset
 * line; an unrecorded liability = positive amount on a liability line), with its reason and evidence.
 */
export interface RealBalanceSheetAdjustment {
  readonly id: string;
  readonly targetLine: RealBalanceSheetTarget;
  readonly amount: Yen;
  readonly reason: string;
  readonly evidenceRef?: string;
  readonly category: RealBalanceSheetAdjustmentCategory;
}

/** Options of {@link computeRealBalanceSheet}. */
export interface RealBalanceSheetOptions {
  /**
   * Count 役員借入金 as quasi-equity (準資本) — only when explicitly chosen (e.g. a subordination agreement exists).
   * Default false. ⚠ Whether a council plan may do so depends on the case.
   */
  readonly treatOfficerLoansAsEquity?: boolean;
}

/** One line of the adjusted balance sheet. */
export interface RealBalanceSheetLine {
  readonly key: RealBalanceSheetTarget;
  readonly label: LocalizedText;
  readonly side: 'asset' | 'liability' | 'netAssets';
  readonly book: Yen;
  readonly adjustment: Yen;
  readonly real: Yen;
  readonly adjustmentIds: readonly string[];
}

/** Result of {@link computeRealBalanceSheet}. */
export interface RealBalanceSheetResult {
  readonly lines: readonly RealBalanceSheetLine[];
  readonly bookTotalAssets: Yen;
  readonly bookTotalLiabilities: Yen;
  readonly bookNetAssets: Yen;
  readonly realTotalAssets: Yen;
  /** Real liabilities; excludes officer loans when they are treated as equity. */
  readonly realTotalLiabilities: Yen;
  /** Effect of the adjustments on net assets (before any officer-loan add-back). */
  readonly adjustmentEffect: Yen;
  readonly effectByCategory: readonly { readonly category: RealBalanceSheetAdjustmentCategory; readonly effect: Yen }[];
  readonly officerLoansTreatedAsEquity: boolean;
  readonly officerLoansAddedBack: Yen;
  /** 実態純資産 = 簿価純資産 ± 修正 (+ 役員借入金 when chosen). */
  readonly realNetAssets: Yen;
  /** 実質債務超過: real net assets below zero. */
  readonly isRealNegativeEquity: boolean;
  /** 実質債務超過額 (≥ 0). */
  readonly realNegativeEquityAmount: Yen;
  readonly steps: readonly Step[];
}

const OFF_BALANCE_LABELS = {
  offBalanceSheetAsset: text('簿外資産（代表者個人資産等）', 'Off-balance-sheet assets (owner’s private assets, etc.)'),
  offBalanceSheetLiability: text('簿外負債（代表者個人借入等）', 'Off-balance-sheet liabilities (owner’s personal borrowings, etc.)'),
} as const;

function sideOf(target: RealBalanceSheetTarget): 'asset' | 'liability' | 'netAssets' | undefined {
  if (target === 'offBalanceSheetAsset') return 'asset';
  if (target === 'offBalanceSheetLiability') return 'liability';
  return BALANCE_SHEET_LINES.find((l) => l.key === target)?.side;
}

/**
 * Validates adjustments against a balance sheet: integer yen, known target line, not a net-assets line (net assets
 * follow from the other lines), unique ids, a non-empty reason, and warnings when a write-down category increases
 * net assets or a line would turn negative.
 *
 * @example
 * validateRealBalanceSheetAdjustments(bs, [{ id: '1', targetLine: 'capitalStock', amount: yen(1), reason: 'x', category: 'other' }])
 * // [{ code: 'ADJUSTMENT_TARGETS_NET_ASSETS', … }]
 */
export function validateRealBalanceSheetAdjustments(
  bs: BalanceSheet,
  adjustments: readonly RealBalanceSheetAdjustment[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const totals = new Map<string, number>();
  adjustments.forEach((a, i) => {
    const path = ['adjustments', i];
    if (seen.has(a.id)) {
      issues.push(
        makeIssue([...path, 'id'], 'DUPLICATE_ADJUSTMENT_ID', {
          ja: `修正ID「${a.id}」が重複しています。`,
          en: `Adjustment id "${a.id}" is used twice.`,
        }),
      );
    }
    seen.add(a.id);
    if (!checkYen(issues, [...path, 'amount'], a.amount, text('修正額', 'Adjustment amount'))) return;
    if (a.reason.trim().length === 0) {
      issues.push(
        makeIssue([...path, 'reason'], 'ADJUSTMENT_REASON_MISSING', {
          ja: '修正理由を入力してください。',
          en: 'Give the reason for the adjustment.',
        }),
      );
    }
    if (!(a.category in REAL_BALANCE_SHEET_CATEGORIES)) {
      issues.push(
        makeIssue([...path, 'category'], 'UNKNOWN_ADJUSTMENT_CATEGORY', {
          ja: `修正区分「${a.category}」は定義されていません。`,
          en: `Unknown adjustment category "${a.category}".`,
        }),
      );
      return;
    }
    const side = sideOf(a.targetLine);
    if (side === undefined) {
      issues.push(
        makeIssue([...path, 'targetLine'], 'UNKNOWN_TARGET_LINE', {
          ja: `修正対象の科目「${a.targetLine}」は貸借対照表にありません。`,
          en: `Target line "${a.targetLine}" is not a balance-sheet line.`,
        }),
      );
      return;
    }
    if (side === 'netAssets') {
      issues.push(
        makeIssue([...path, 'targetLine'], 'ADJUSTMENT_TARGETS_NET_ASSETS', {
          ja: '純資産の科目は直接修正できません。資産または負債の科目を修正してください（実態純資産はその結果です）。',
          en: 'Net-asset lines cannot be adjusted directly; adjust an asset or liability line (real net assets follow).',
        }),
      );
      return;
    }
    const effect = side === 'asset' ? a.amount : 0 - a.amount;
    if (REAL_BALANCE_SHEET_CATEGORIES[a.category].usualEffect === 'decrease' && effect > 0) {
      issues.push(
        makeIssue(
          [...path, 'amount'],
          'ADJUSTMENT_DIRECTION_UNUSUAL',
          {
            ja: `「${REAL_BALANCE_SHEET_CATEGORIES[a.category].label.ja}」は通常、純資産を減らす修正ですが、この修正は純資産を ${formatYenPlain(effect)}円 増やします。`,
            en: `"${REAL_BALANCE_SHEET_CATEGORIES[a.category].label.en}" normally reduces net assets, but this adjustment increases them by ¥${formatYenPlain(effect)}.`,
          },
          { severity: 'warning', params: { effect } },
        ),
      );
    }
    totals.set(a.targetLine, (totals.get(a.targetLine) ?? 0) + a.amount);
  });
  for (const [key, adj] of totals) {
    if (key === 'offBalanceSheetAsset' || key === 'offBalanceSheetLiability') continue;
    const book = bs[key as BalanceSheetLineKey] ?? 0;
    if (book + adj < 0) {
      const label = BALANCE_SHEET_LINES.find((l) => l.key === key)?.label ?? text(key, key);
      issues.push(
        makeIssue(
          ['adjustments'],
          'ADJUSTED_LINE_NEGATIVE',
          {
            ja: `修正後の${label.ja}がマイナス（${formatYenPlain(book + adj)}円）になります。`,
            en: `${label.en} becomes negative after adjustments (¥${formatYenPlain(book + adj)}).`,
          },
          { severity: 'warning', params: { line: key, real: book + adj } },
        ),
      );
    }
  }
  return issues;
}

/**
 * 実態貸借対照表: applies signed adjustments per line and derives 実態純資産 and 実質債務超過.
 * Officer loans (役員借入金) are moved to equity **only** when `treatOfficerLoansAsEquity` is true; a step states the
 * choice either way. Assumes adjustments passed {@link validateRealBalanceSheetAdjustments}.
 *
 * @example
 * const r = computeRealBalanceSheet(bs, [
 *   { id: 'A1', targetLine: 'accountsReceivable', amount: yen(-3_000_000), reason: '得意先倒産', category: 'irrecoverableReceivables' },
 * ]);
 * r.realNetAssets // book net assets − 3,000,000
 * @see REFERENCE §6.4
 */
export function computeRealBalanceSheet(
  bs: BalanceSheet,
  adjustments: readonly RealBalanceSheetAdjustment[],
  options: RealBalanceSheetOptions = {},
): RealBalanceSheetResult {
  const byLine = new Map<RealBalanceSheetTarget, { sum: number; ids: string[] }>();
  for (const a of adjustments) {
    const entry = byLine.get(a.targetLine) ?? { sum: 0, ids: [] };
    entry.sum += a.amount;
    entry.ids.push(a.id);
    byLine.set(a.targetLine, entry);
  }
  const lines: RealBalanceSheetLine[] = [];
  let bookAssets = 0;
  let bookLiabilities = 0;
  let bookNet = 0;
  let realAssets = 0;
  let realLiabilities = 0;
  for (const info of BALANCE_SHEET_LINES) {
    const book = bs[info.key] ?? 0;
    const adj = info.side === 'netAssets' ? 0 : (byLine.get(info.key)?.sum ?? 0);
    const real = book + adj;
    if (info.side === 'asset') {
      bookAssets += book;
      realAssets += real;
    } else if (info.side === 'liability') {
      bookLiabilities += book;
      realLiabilities += real;
    } else bookNet += book;
    if (info.key === 'currentPortionOfLongTermBorrowings' && bs[info.key] === undefined && adj === 0) continue;
    lines.push({
      key: info.key,
      label: info.label,
      side: info.side,
      book: yen(book),
      adjustment: yen(adj),
      real: yen(real),
      adjustmentIds: byLine.get(info.key)?.ids ?? [],
    });
  }
  for (const key of ['offBalanceSheetAsset', 'offBalanceSheetLiability'] as const) {
    const entry = byLine.get(key);
    if (!entry) continue;
    const side = key === 'offBalanceSheetAsset' ? 'asset' : 'liability';
    if (side === 'asset') realAssets += entry.sum;
    else realLiabilities += entry.sum;
    lines.push({
      key,
      label: OFF_BALANCE_LABELS[key],
      side,
      book: yen(0),
      adjustment: yen(entry.sum),
      real: yen(entry.sum),
      adjustmentIds: entry.ids,
    });
  }

  const effectByCategory = new Map<RealBalanceSheetAdjustmentCategory, number>();
  for (const a of adjustments) {
    const effect = sideOf(a.targetLine) === 'liability' ? 0 - a.amount : a.amount;
    effectByCategory.set(a.category, (effectByCategory.get(a.category) ?? 0) + effect);
  }
  const adjustmentEffect = realAssets - realLiabilities - (bookAssets - bookLiabilities);
  const officerLine = lines.find((l) => l.key === 'officerLoans');
  const officerReal = officerLine?.real ?? 0;
  const treat = options.treatOfficerLoansAsEquity === true;
  const addedBack = treat ? officerReal : 0;
  const realNetAssets = realAssets - realLiabilities + addedBack;
  const realTotalLiabilities = realLiabilities - addedBack;

  const steps: Step[] = [
    makeStep('BOOK_NET_ASSETS', text('簿価純資産', 'Book net assets'), bookNet, 'yen', {
      formula: text('資産合計 − 負債合計（決算書）', 'Total assets − total liabilities (as reported)'),
    }),
  ];
  for (const a of adjustments) {
    const effect = sideOf(a.targetLine) === 'liability' ? 0 - a.amount : a.amount;
    const line = lines.find((l) => l.key === a.targetLine)?.label ?? text(a.targetLine, a.targetLine);
    const cat = REAL_BALANCE_SHEET_CATEGORIES[a.category].label;
    steps.push(
      makeStep(
        'REAL_BALANCE_SHEET_ADJUSTMENT',
        {
          ja: `${line.ja}の修正：${cat.ja}（${a.reason}）${a.evidenceRef ? `［根拠：${a.evidenceRef}］` : ''}`,
          en: `Adjustment to ${line.en}: ${cat.en} (${a.reason})${a.evidenceRef ? ` [evidence: ${a.evidenceRef}]` : ''}`,
        },
        effect,
        'yen',
        { sourceRef: 'REFERENCE §6.4' },
      ),
    );
  }
  steps.push(
    makeStep('ADJUSTMENT_EFFECT', text('実態修正による純資産への影響額', 'Effect of adjustments on net assets'), adjustmentEffect, 'yen'),
  );
  steps.push(
    treat
      ? makeStep(
          'OFFICER_LOANS_AS_EQUITY',
          text('役員借入金を資本とみなして加算（明示的に選択）', 'Loans from officers counted as quasi-equity (explicitly chosen)'),
          addedBack,
          'yen',
          { sourceRef: 'REFERENCE §6.4 ⚠' },
        )
      : makeStep(
          'OFFICER_LOANS_NOT_EQUITY',
          text('役員借入金は負債のまま（資本とみなしていない）', 'Loans from officers remain liabilities (not counted as equity)'),
          officerReal,
          'yen',
          { sourceRef: 'REFERENCE §6.4 ⚠' },
        ),
  );
  steps.push(
    makeStep('REAL_NET_ASSETS', text('実態純資産', 'Real (adjusted) net assets'), realNetAssets, 'yen', {
      formula: treat
        ? text('簿価純資産 ± 実態修正 + 役員借入金', 'Book net assets ± adjustments + loans from officers')
        : text('簿価純資産 ± 実態修正', 'Book net assets ± adjustments'),
      sourceRef: 'REFERENCE §6.4',
    }),
  );
  steps.push(
    makeStep(
      realNetAssets < 0 ? 'REAL_NEGATIVE_EQUITY' : 'NO_REAL_NEGATIVE_EQUITY',
      realNetAssets < 0
        ? text('実質債務超過（実態純資産がマイナス）：債務超過額', 'Real negative equity (実質債務超過): amount')
        : text('実質債務超過ではない', 'No real negative equity'),
      Math.max(0, -realNetAssets),
      'yen',
    ),
  );
  return {
    lines,
    bookTotalAssets: yen(bookAssets),
    bookTotalLiabilities: yen(bookLiabilities),
    bookNetAssets: yen(bookNet),
    realTotalAssets: yen(realAssets),
    realTotalLiabilities: yen(realTotalLiabilities),
    adjustmentEffect: yen(adjustmentEffect),
    effectByCategory: [...effectByCategory].map(([category, effect]) => ({ category, effect: yen(effect) })),
    officerLoansTreatedAsEquity: treat,
    officerLoansAddedBack: yen(addedBack),
    realNetAssets: yen(realNetAssets),
    isRealNegativeEquity: realNetAssets < 0,
    realNegativeEquityAmount: yen(Math.max(0, -realNetAssets)),
    steps,
  };
}
