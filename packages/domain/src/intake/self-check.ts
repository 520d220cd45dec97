import type { LocalizedReason } from '../cases/case-workflow';

/**
 * The self-check: the pamphlet's two □ checklists, optionally a quick look at the figures, and a recommendation of
 * which support to ask the council about, with the reasons. Pure: the checklist items, the documents to bring and the
 * thresholds are data passed in (data/intake/self-check.*.json), never constants here.
 *
 * @see ../shared/domain/REFERENCE.md §1.1 (two stages: desk consultation first, then a council support or referral)
 * @see ../shared/domain/REFERENCE.md §6.1 (債務償還年数: above about 10 years is a concern)
 */

export type SupportKind = 'earnings_improvement' | 'revitalization' | 'rechallenge' | 'desk_consultation';

/** What the quick financial check found (the latest year), when the visitor ran it. */
export interface QuickCheckFindings {
  readonly ordinaryProfit: number;
  readonly netAssets: number;
  /** 債務償還年数; null when cash flow is zero or negative (cannot repay from earnings). */
  readonly debtRepaymentYears: number | null;
  readonly borrowings: number;
}

export interface RecommendationParameters {
  /** 債務償還年数 above which the figures suggest revitalization support (REFERENCE §6.1: ≈ 10). */
  readonly debtRepaymentYearsConcern: number;
}

export interface Recommendation {
  readonly support: SupportKind;
  readonly reasons: readonly LocalizedReason[];
}

/**
 * Recommends a support from the checked items (ids `ei.*`, `rv.*`, `rc.*`) and, when given, the quick-check
 * findings. Every path starts with the free desk consultation (窓口相談); the recommendation says what to ask for.
 *
 * @example recommendSupport(['ei.action_plan'], null, { debtRepaymentYearsConcern: 10 }).support // 'earnings_improvement'
 * @example recommendSupport(['rc.new_challenge'], null, { debtRepaymentYearsConcern: 10 }).support // 'rechallenge'
 */
export function recommendSupport(
  checked: readonly string[],
  findings: QuickCheckFindings | null,
  params: RecommendationParameters,
): Recommendation {
  const reasons: LocalizedReason[] = [];
  const has = (prefix: string) => checked.some((id) => id.startsWith(prefix));
  let financialStress = false;
  if (findings) {
    if (findings.netAssets < 0) {
      financialStress = true;
      reasons.push({ ja: '純資産がマイナス（債務超過）です', en: 'Net assets are negative (liabilities exceed assets)' });
    }
    if (findings.borrowings > 0 && findings.debtRepaymentYears === null) {
      financialStress = true;
      reasons.push({
        ja: '営業キャッシュフローがマイナスで、借入金を利益から返済できない状態です',
        en: 'Cash flow from earnings is negative, so borrowings cannot be repaid from profits',
      });
    } else if (findings.debtRepaymentYears !== null && findings.debtRepaymentYears > params.debtRepaymentYearsConcern) {
      financialStress = true;
      reasons.push({
        ja: `債務償還年数が${findings.debtRepaymentYears.toFixed(1)}年で、目安の${params.debtRepaymentYearsConcern}年を超えています`,
        en: `Debt-repayment years are ${findings.debtRepaymentYears.toFixed(1)}, above the guide of ${params.debtRepaymentYearsConcern}`,
      });
    }
    if (findings.ordinaryProfit < 0) reasons.push({ ja: '経常利益が赤字です', en: 'Ordinary profit is negative' });
  }
  if (has('rc.')) {
    reasons.unshift({
      ja: '「再生が困難な場合、新たな挑戦への支援がほしい」にチェックがありました',
      en: 'You asked for support for a fresh start if recovery is not possible',
    });
    return { support: 'rechallenge', reasons };
  }
  if (has('rv.') || financialStress) {
    if (has('rv.'))
      reasons.unshift({
        ja: '金融機関の支援を得ての立て直しや、経営再建へのアドバイスを希望されています',
        en: 'You want to rebuild with support from the banks, or advice on recovery',
      });
    return { support: 'revitalization', reasons };
  }
  if (has('ei.')) {
    reasons.unshift({
      ja: '収益力の改善や課題の把握、行動計画づくりを希望されています',
      en: 'You want to improve earnings, see your issues clearly or draw up an action plan',
    });
    return { support: 'earnings_improvement', reasons };
  }
  reasons.unshift({
    ja: 'まずは窓口相談（無料）で、状況をお聞きして最適な支援をご案内します',
    en: 'Start with a free desk consultation: the council listens and points you to the right support',
  });
  return { support: 'desk_consultation', reasons };
}
