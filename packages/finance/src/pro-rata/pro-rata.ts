import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import { allocateByWeights, type ResidualMethod } from '../money/allocate-by-weights';
import { checkYen, formatYenPlain, makeIssue, type ValidationIssue } from '../validation/issue';
import {
  computeSecurityCoverage,
  type Collateral,
  type CollateralAllocation,
  type CreditorCoverage,
  type GuaranteeCoverTreatment,
  type ProRataCreditor,
} from './security-coverage';

/**
 * Allocation base (REFERENCE §7):
 * - `balance` 残高プロラタ — share of total outstanding principal;
 * - `unsecured` 信用(残高)プロラタ — share of total unsecured exposure;
 * - `hybrid` 折衷 — `balanceWeightPercent` % of the balance share + the rest of the unsecured share
 *   (an integer 0–100, so the arithmetic stays exact).
 */
export type ProRataMethod =
  { readonly kind: 'balance' } | { readonly kind: 'unsecured' } | { readonly kind: 'hybrid'; readonly balanceWeightPercent: number };

/** Rounding of the allocations (⚠ no published convention; a stored design choice). */
export interface ProRataRounding {
  /** ¥1 or ¥1,000 (any positive integer). */
  readonly unit: number;
  /** Largest remainder, or the whole residual to the main bank. */
  readonly residual: 'largestRemainder' | 'residualToMainBank';
}

/** Input of {@link allocateProRata}. */
export interface ProRataInput {
  /** The amount to allocate (e.g. the monthly repayment total, or a forgiveness/DDS amount). */
  readonly amount: Yen;
  readonly creditors: readonly ProRataCreditor[];
  readonly collaterals?: readonly Collateral[];
  readonly method: ProRataMethod;
  readonly guaranteeCoverTreatment: GuaranteeCoverTreatment;
  readonly rounding: ProRataRounding;
}

/** One creditor's allocation. */
export interface ProRataAllocation {
  readonly creditorId: string;
  readonly coverage: CreditorCoverage;
  /** Exact share of the amount before rounding (plain ratio, not rounded). */
  readonly share: number;
  readonly amount: Yen;
  readonly residualReceived: Yen;
  readonly steps: readonly Step[];
}

/** Why an allocation cannot be made. */
export type ProRataNotComputableReason = 'ZERO_TOTAL_BALANCE' | 'ZERO_TOTAL_UNSECURED';

interface ProRataCommon {
  readonly method: ProRataMethod;
  readonly amount: Yen;
  readonly coverage: readonly CreditorCoverage[];
  readonly collaterals: readonly CollateralAllocation[];
  readonly totalBalance: Yen;
  readonly totalUnsecured: Yen;
  readonly steps: readonly Step[];
}

/** Result: allocations that always sum exactly to the amount, or an explicit reason. */
export type ProRataResult =
  | (ProRataCommon & { readonly computable: true; readonly allocations: readonly ProRataAllocation[] })
  | (ProRataCommon & { readonly computable: false; readonly reason: ProRataNotComputableReason });

const METHOD_LABELS: Record<ProRataMethod['kind'], LocalizedText> = {
  balance: text('残高プロラタ（借入残高の比率で按分）', 'Balance pro-rata (shares of outstanding balances)'),
  unsecured: text('信用残高プロラタ（非保全額の比率で按分）', 'Unsecured pro-rata (shares of unsecured balances)'),
  hybrid: text('折衷方式（残高比率と信用残高比率の加重平均）', 'Hybrid (weighted blend of balance and unsecured shares)'),
};

/**
 * Validates pro-rata input and returns every issue: integer non-negative yen, unique creditor ids, liens pointing to
 * known creditors, haircut 0–1, cover 0–100 %, guaranteed loans not above the balance, a positive integer rounding
 * unit, hybrid weight 0–100, at most one main bank (and one present when the residual goes to it).
 *
 * @example
 * validateProRataInput({ ...input, rounding: { unit: 0, residual: 'largestRemainder' } }) // [{ code: 'INVALID_ROUNDING_UNIT' }]
 */
export function validateProRataInput(input: ProRataInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (checkYen(issues, ['amount'], input.amount, text('按分する金額', 'Amount to allocate')) && input.amount < 0) {
    issues.push(
      makeIssue(['amount'], 'NEGATIVE_AMOUNT', { ja: '按分する金額がマイナスです。', en: 'The amount to allocate is negative.' }),
    );
  }
  const ids = new Set<string>();
  input.creditors.forEach((c, i) => {
    if (ids.has(c.id)) {
      issues.push(
        makeIssue(['creditors', i, 'id'], 'DUPLICATE_CREDITOR_ID', {
          ja: `債権者ID「${c.id}」が重複しています。`,
          en: `Creditor id "${c.id}" is used twice.`,
        }),
      );
    }
    ids.add(c.id);
    const fields = [
      ['balance', c.balance, text('借入残高', 'Balance')],
      ['pledgedDeposits', c.pledgedDeposits, text('預金担保', 'Pledged deposits')],
      ['otherSecurity', c.otherSecurity, text('その他担保', 'Other security')],
    ] as const;
    for (const [key, value, label] of fields) {
      if (value === undefined) continue;
      if (checkYen(issues, ['creditors', i, key], value, label) && value < 0) {
        issues.push(
          makeIssue(['creditors', i, key], 'NEGATIVE_AMOUNT', { ja: `${label.ja}がマイナスです。`, en: `${label.en} is negative.` }),
        );
      }
    }
    let guaranteed = 0;
    (c.guaranteedLoans ?? []).forEach((g, j) => {
      const p = ['creditors', i, 'guaranteedLoans', j];
      if (checkYen(issues, [...p, 'balance'], g.balance, text('保証付融資残高', 'Guaranteed loan balance'))) guaranteed += g.balance;
      if (!(g.coverPercent > 0 && g.coverPercent <= 100)) {
        issues.push(
          makeIssue([...p, 'coverPercent'], 'INVALID_COVER_PERCENT', {
            ja: '保証割合は0超100以下（%）で入力してください。',
            en: 'The cover must be above 0 and at most 100 (%).',
          }),
        );
      }
    });
    if (guaranteed > c.balance) {
      issues.push(
        makeIssue(['creditors', i, 'guaranteedLoans'], 'GUARANTEED_LOANS_EXCEED_BALANCE', {
          ja: `保証付融資の合計 ${formatYenPlain(guaranteed)}円 が借入残高 ${formatYenPlain(c.balance)}円 を超えています。`,
          en: `Guaranteed loans of ¥${formatYenPlain(guaranteed)} exceed the balance of ¥${formatYenPlain(c.balance)}.`,
        }),
      );
    }
  });
  (input.collaterals ?? []).forEach((col, i) => {
    if (
      checkYen(issues, ['collaterals', i, 'appraisalValue'], col.appraisalValue, text('担保評価額', 'Appraisal value')) &&
      col.appraisalValue < 0
    ) {
      issues.push(
        makeIssue(['collaterals', i, 'appraisalValue'], 'NEGATIVE_AMOUNT', {
          ja: '担保評価額がマイナスです。',
          en: 'The appraisal value is negative.',
        }),
      );
    }
    if (!(Number.isFinite(col.haircut) && col.haircut >= 0 && col.haircut <= 1)) {
      issues.push(
        makeIssue(['collaterals', i, 'haircut'], 'INVALID_HAIRCUT', {
          ja: '掛目は0〜1の小数（0.7 = 70%）で入力してください。',
          en: 'The haircut must be a decimal from 0 to 1 (0.7 = 70 %).',
        }),
      );
    }
    col.liens.forEach((l, j) => {
      if (!input.creditors.some((c) => c.id === l.creditorId)) {
        issues.push(
          makeIssue(['collaterals', i, 'liens', j, 'creditorId'], 'UNKNOWN_CREDITOR', {
            ja: `担保権者「${l.creditorId}」が債権者一覧にありません。`,
            en: `Lien holder "${l.creditorId}" is not in the creditor list.`,
          }),
        );
      }
      if (!Number.isInteger(l.rank) || l.rank < 1) {
        issues.push(
          makeIssue(['collaterals', i, 'liens', j, 'rank'], 'INVALID_RANK', {
            ja: '順位は1以上の整数で入力してください。',
            en: 'The rank must be an integer of 1 or more.',
          }),
        );
      }
    });
  });
  if (!Number.isSafeInteger(input.rounding.unit) || input.rounding.unit <= 0) {
    issues.push(
      makeIssue(['rounding', 'unit'], 'INVALID_ROUNDING_UNIT', {
        ja: '端数処理の単位は正の整数（1円、1,000円など）で指定してください。',
        en: 'The rounding unit must be a positive whole number of yen (1, 1,000, …).',
      }),
    );
  }
  if (input.method.kind === 'hybrid') {
    const p = input.method.balanceWeightPercent;
    if (!Number.isInteger(p) || p < 0 || p > 100) {
      issues.push(
        makeIssue(['method', 'balanceWeightPercent'], 'INVALID_HYBRID_WEIGHT', {
          ja: '折衷方式の残高比率の重みは0〜100の整数（%）で入力してください。',
          en: 'The hybrid balance weight must be an integer from 0 to 100 (%).',
        }),
      );
    }
  }
  const mains = input.creditors.filter((c) => c.isMainBank === true).length;
  if (mains > 1) {
    issues.push(
      makeIssue(['creditors'], 'MULTIPLE_MAIN_BANKS', {
        ja: 'メインバンクは1行のみ指定してください。',
        en: 'Mark only one creditor as the main bank.',
      }),
    );
  }
  if (input.rounding.residual === 'residualToMainBank' && mains === 0) {
    issues.push(
      makeIssue(
        ['rounding', 'residual'],
        'MAIN_BANK_MISSING',
        {
          ja: 'メインバンクが指定されていないため、端数は最大剰余法で配分されます。',
          en: 'No main bank is marked, so the residual will go by largest remainder.',
        },
        { severity: 'warning' },
      ),
    );
  }
  return issues;
}

/**
 * Allocates an amount among creditors pro rata (残高 / 信用残高 / 折衷), after computing each creditor's security
 * (collateral × 掛目 by priority, pledged deposits, guarantee-corporation cover as a per-case choice). Shares are
 * computed exactly; each allocation is rounded down to the unit and the residual is handed out by largest remainder
 * or to the main bank (falling back to largest remainder, with a step, when the main bank's weight is zero), so the
 * allocations **always sum exactly to the amount** and are never negative.
 *
 * @example
 * // REFERENCE §10.1 PR-1: A ¥50M / B ¥30M / C ¥20M, monthly ¥1,000,000 → 500,000 / 300,000 / 200,000
 * allocateProRata({ amount: yen(1_000_000), creditors: [{ id: 'A', balance: yen(50_000_000) }, …],
 *   method: { kind: 'balance' }, guaranteeCoverTreatment: 'secured', rounding: { unit: 1, residual: 'largestRemainder' } })
 * @see REFERENCE §7, §10.1, §10.5
 */
export function allocateProRata(input: ProRataInput): ProRataResult {
  const { creditors: coverage, collaterals } = computeSecurityCoverage(
    input.creditors,
    input.collaterals ?? [],
    input.guaranteeCoverTreatment,
  );
  const totalBalance = coverage.reduce((s, c) => s + c.balance, 0);
  const totalUnsecured = coverage.reduce((s, c) => s + c.unsecured, 0);
  const method = input.method;
  const steps: Step[] = [
    makeStep(
      'PRO_RATA_METHOD',
      METHOD_LABELS[method.kind],
      method.kind === 'hybrid' ? method.balanceWeightPercent : null,
      method.kind === 'hybrid' ? 'percent' : 'none',
      {
        sourceRef: 'REFERENCE §7',
      },
    ),
    makeStep(
      input.guaranteeCoverTreatment === 'secured' ? 'GUARANTEE_COVER_TREATED_AS_SECURED' : 'GUARANTEE_COVER_NOT_TREATED_AS_SECURED',
      input.guaranteeCoverTreatment === 'secured'
        ? text('信用保証協会の保証部分は保全として扱う（本件の設定）', 'Guarantee-corporation cover is treated as secured (case setting)')
        : text(
            '信用保証協会の保証部分は保全として扱わない（本件の設定）',
            'Guarantee-corporation cover is not treated as secured (case setting)',
          ),
      null,
      'none',
      { sourceRef: 'REFERENCE §7 ⚠' },
    ),
    makeStep('AMOUNT_TO_ALLOCATE', text('按分する金額', 'Amount to allocate'), input.amount, 'yen'),
    makeStep('TOTAL_BALANCE', text('借入残高合計', 'Total outstanding balance'), totalBalance, 'yen'),
    makeStep('TOTAL_UNSECURED', text('信用残高合計', 'Total unsecured balance'), totalUnsecured, 'yen'),
  ];
  const common = {
    method,
    amount: input.amount,
    coverage,
    collaterals,
    totalBalance: yen(totalBalance),
    totalUnsecured: yen(totalUnsecured),
  };

  const p = method.kind === 'balance' ? 100 : method.kind === 'unsecured' ? 0 : method.balanceWeightPercent;
  if (p > 0 && totalBalance === 0 && input.amount > 0) {
    return {
      ...common,
      computable: false,
      reason: 'ZERO_TOTAL_BALANCE',
      steps: [...steps, notComputableStep(text('借入残高の合計が0円です', 'total balance is zero'))],
    };
  }
  if (p < 100 && totalUnsecured === 0 && input.amount > 0) {
    return {
      ...common,
      computable: false,
      reason: 'ZERO_TOTAL_UNSECURED',
      steps: [...steps, notComputableStep(text('信用残高の合計が0円です（全額保全）', 'total unsecured balance is zero (fully secured)'))],
    };
  }
  const B = BigInt(totalBalance);
  const U = BigInt(totalUnsecured);
  const weights = coverage.map((c) => {
    if (p === 100) return BigInt(c.balance);
    if (p === 0) return BigInt(c.unsecured);
    return BigInt(p) * BigInt(c.balance) * U + BigInt(100 - p) * BigInt(c.unsecured) * B;
  });
  const totalWeight = weights.reduce((a, b) => a + b, 0n);

  let residual: ResidualMethod = 'largestRemainder';
  let designatedIndex: number | undefined;
  if (input.rounding.residual === 'residualToMainBank') {
    const idx = input.creditors.findIndex((c) => c.isMainBank === true);
    if (idx >= 0 && (weights[idx] ?? 0n) > 0n) {
      residual = 'residualToDesignated';
      designatedIndex = idx;
      steps.push(
        makeStep(
          'RESIDUAL_TO_MAIN_BANK',
          {
            ja: `端数はメインバンク（${input.creditors[idx]?.name ?? input.creditors[idx]?.id ?? ''}）に配分`,
            en: `Rounding residual goes to the main bank (${input.creditors[idx]?.name ?? input.creditors[idx]?.id ?? ''})`,
          },
          null,
          'none',
        ),
      );
    } else {
      steps.push(
        makeStep(
          'RESIDUAL_FALLBACK_LARGEST_REMAINDER',
          text(
            'メインバンクの按分基準額が0のため、端数は最大剰余法で配分',
            'The main bank has no share, so the residual goes by largest remainder',
          ),
          null,
          'none',
        ),
      );
    }
  } else {
    steps.push(
      makeStep(
        'RESIDUAL_LARGEST_REMAINDER',
        text('端数は最大剰余法（切り捨て後の端数が大きい順）で配分', 'Residual handed out by largest remainder'),
        null,
        'none',
      ),
    );
  }
  steps.push(
    makeStep(
      'ROUNDING_UNIT',
      text('端数処理の単位（各行とも単位未満切り捨て）', 'Rounding unit (each share rounded down to it)'),
      input.rounding.unit,
      'yen',
      { sourceRef: 'REFERENCE §7 ⚠ design choice' },
    ),
  );

  const shares =
    totalWeight === 0n
      ? coverage.map(() => ({ amount: yen(0), quota: 0, roundedDown: yen(0), residualReceived: yen(0) }))
      : allocateByWeights(input.amount, weights, {
          unit: input.rounding.unit,
          residual,
          ...(designatedIndex !== undefined ? { designatedIndex } : {}),
        });
  const allocations = coverage.map((c, i): ProRataAllocation => {
    const w = weights[i] ?? 0n;
    const share = totalWeight === 0n ? 0 : Number((w * 10n ** 15n) / totalWeight) / 1e15;
    const s = shares[i];
    const amount = s?.amount ?? yen(0);
    const residualReceived = s?.residualReceived ?? yen(0);
    return {
      creditorId: c.creditorId,
      coverage: c,
      share,
      amount,
      residualReceived,
      steps: [
        ...c.steps,
        makeStep('PRO_RATA_SHARE', text('按分比率', 'Pro-rata share'), share, 'ratio', {
          formula:
            method.kind === 'balance'
              ? text('借入残高 ÷ 借入残高合計', 'Balance ÷ total balance')
              : method.kind === 'unsecured'
                ? text('信用残高 ÷ 信用残高合計', 'Unsecured balance ÷ total unsecured')
                : text('重み × 残高比率 + (1 − 重み) × 信用残高比率', 'weight × balance share + (1 − weight) × unsecured share'),
        }),
        makeStep('ROUNDED_DOWN_SHARE', text('単位未満切り捨て後の按分額', 'Share rounded down to the unit'), s?.roundedDown ?? 0, 'yen'),
        makeStep('RESIDUAL_RECEIVED', text('端数の配分額', 'Residual received'), residualReceived, 'yen'),
        makeStep('ALLOCATED_AMOUNT', text('按分額', 'Allocated amount'), amount, 'yen'),
      ],
    };
  });
  steps.push(
    makeStep(
      'ALLOCATED_TOTAL',
      text('按分額合計（按分する金額と一致）', 'Total allocated (equals the amount)'),
      allocations.reduce((s, a) => s + a.amount, 0),
      'yen',
    ),
  );
  return { ...common, computable: true, allocations, steps };
}

function notComputableStep(why: LocalizedText): Step {
  return makeStep('PRO_RATA_NOT_COMPUTABLE', { ja: `按分不能：${why.ja}`, en: `Cannot allocate: ${why.en}` }, null, 'none');
}
