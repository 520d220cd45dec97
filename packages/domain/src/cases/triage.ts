import type { CaseEvent } from './case-workflow';

/**
 * The triage decision that ends stage 1 (窓口相談): refer the company to another body, resolve the matter by advice,
 * or take it into one of the council's three support tracks.
 *
 * @see ../shared/domain/REFERENCE.md §1.1 (two stages, referral to よろず支援拠点 / 事業承継・引継ぎ支援センター), §1.4
 */
export const TRIAGE_DECISIONS = ['refer', 'resolve_by_advice', 'earnings_improvement', 'revitalization', 'rechallenge'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

/** Bodies a case may be referred to (`other` needs a name). */
export const REFERRAL_BODIES = ['yorozu', 'succession_center', 'other'] as const;
export type ReferralBody = (typeof REFERRAL_BODIES)[number];

export const REFERRAL_BODY_LABELS: Record<ReferralBody, { readonly ja: string; readonly en: string }> = {
  yorozu: { ja: 'よろず支援拠点', en: 'Yorozu Support Center' },
  succession_center: { ja: '事業承継・引継ぎ支援センター', en: 'Business Succession and Transfer Support Center' },
  other: { ja: 'その他の支援機関', en: 'Another support body' },
};

const EVENT_OF: Record<TriageDecision, CaseEvent> = {
  refer: 'refer',
  resolve_by_advice: 'resolve_by_advice',
  earnings_improvement: 'start_earnings_improvement',
  revitalization: 'start_revitalization',
  rechallenge: 'start_rechallenge',
};

/**
 * The workflow event a triage decision fires (the transition is guarded by the fact `triageRecorded`).
 *
 * @example
 * eventForTriage('earnings_improvement') // 'start_earnings_improvement'
 */
export function eventForTriage(decision: TriageDecision): CaseEvent {
  return EVENT_OF[decision];
}

/** The name of the body a referral goes to: the chosen body's label, or the name given for `other`. */
export function referralBodyName(body: ReferralBody, otherName: string | null): { ja: string; en: string } {
  if (body === 'other') return { ja: otherName ?? REFERRAL_BODY_LABELS.other.ja, en: otherName ?? REFERRAL_BODY_LABELS.other.en };
  return REFERRAL_BODY_LABELS[body];
}
