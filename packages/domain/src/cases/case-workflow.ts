/**
 * The case workflow: the stages a support case (支援案件) passes through and the guarded transitions between them.
 * Pure data and functions — the server loads the facts, asks this module what is allowed, and records the result.
 *
 * @see ../shared/domain/REFERENCE.md §1.4 (suggested case-state model), §1.3 (confidentiality lift before any bank
 *   contact), §3.3 (再生 steps), §4 (再チャレンジ)
 */

/** The three support tracks of stage 2 (第二次対応). */
export const CASE_TRACKS = ['earnings_improvement', 'revitalization', 'rechallenge'] as const;
export type CaseTrack = (typeof CASE_TRACKS)[number];

/**
 * Every stage of a case. `ei_` = 収益力改善支援, `rv_` = (プレ)再生支援, `rc_` = 再チャレンジ支援.
 * The order within a track is the order of REFERENCE §1.4.
 */
export const CASE_STAGES = [
  'intake',
  'desk_consultation',
  'ei_planning',
  'ei_monitoring',
  'rv_bank_consent',
  'rv_team_formed',
  'rv_due_diligence',
  'rv_business_plan',
  'rv_support_design',
  'rv_draft_plan',
  'rv_bank_meetings',
  'rv_creditor_consent',
  'rv_monitoring',
  'rc_lawyer_referral',
  'rc_exit',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** How a closed case ended. */
export const CASE_OUTCOMES = ['declined', 'referred', 'resolved_by_advice', 'completed', 'withdrawn'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The track a stage belongs to (`null` for stage 1 and the closed state). */
export function trackOfStage(stage: CaseStage): CaseTrack | null {
  if (stage.startsWith('ei_')) return 'earnings_improvement';
  if (stage.startsWith('rv_')) return 'revitalization';
  if (stage.startsWith('rc_')) return 'rechallenge';
  return null;
}

/**
 * Facts about a case that guards depend on. The server computes them from the database; a fact it does not know is
 * `false`, so a guard fails closed.
 */
export const CASE_FACTS = [
  /** The company has lifted confidentiality (守秘義務の解除) for at least one bank. §1.3 */
  'confidentialityLifted',
  /** The main bank (メイン行) has agreed to start revitalization support. §3.3 */
  'mainBankAgreedToStart',
  /** The individual support team has at least one member besides the PM/SM (an appointed expert). §3.2 */
  'teamHasExpert',
  /** A 実態貸借対照表 exists for the case. §6.4 */
  'realBalanceSheetExists',
  /** A business plan (事業計画) draft exists. §3.4 */
  'businessPlanExists',
  /** A plan version has been submitted to the banks. */
  'planVersionSubmitted',
  /** Every target creditor consents to the same plan version. §3.3 */
  'allCreditorsConsented',
  /** An earnings-improvement plan has been adopted (1–3 years). §2 */
  'earningsPlanAdopted',
  /** The company consented to the lawyer handover package. §4 */
  'lawyerHandoverConsented',
  /** A triage decision with reasons has been recorded for stage 1. §1.1 */
  'triageRecorded',
] as const;
export type CaseFact = (typeof CASE_FACTS)[number];
export type CaseFacts = Readonly<Partial<Record<CaseFact, boolean>>>;

export interface LocalizedReason {
  readonly ja: string;
  readonly en: string;
}

interface Guard {
  readonly fact: CaseFact;
  /** Why the transition is refused while the fact is false. */
  readonly unmet: LocalizedReason;
}

export interface TransitionDefinition {
  readonly event: CaseEvent;
  readonly from: readonly CaseStage[];
  readonly to: CaseStage;
  /** The outcome recorded when `to` is `closed`. */
  readonly outcome?: CaseOutcome;
  readonly guards: readonly Guard[];
  readonly label: LocalizedReason;
}

export const CASE_EVENTS = [
  'accept',
  'decline',
  'refer',
  'resolve_by_advice',
  'start_earnings_improvement',
  'start_revitalization',
  'start_rechallenge',
  'ei_start_monitoring',
  'rv_form_team',
  'rv_start_due_diligence',
  'rv_start_business_plan',
  'rv_start_support_design',
  'rv_draft_plan',
  'rv_submit_to_banks',
  'rv_request_consent',
  'rv_plan_effective',
  'rv_replan',
  'escalate_to_revitalization',
  'escalate_to_rechallenge',
  'rc_hand_over_to_lawyer',
  'complete',
  'withdraw',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

const OPEN_STAGES = CASE_STAGES.filter((s) => s !== 'closed');
const RV_BEFORE_EFFECTIVE: readonly CaseStage[] = [
  'rv_bank_consent',
  'rv_team_formed',
  'rv_due_diligence',
  'rv_business_plan',
  'rv_support_design',
  'rv_draft_plan',
  'rv_bank_meetings',
  'rv_creditor_consent',
];

const g = (fact: CaseFact, ja: string, en: string): Guard => ({ fact, unmet: { ja, en } });
const TRIAGE = g(
  'triageRecorded',
  '窓口相談の振り分け判断（理由）が記録されていません',
  'No triage decision with reasons has been recorded',
);

/** Every allowed transition. A pair (stage, event) not listed here is illegal. */
export const CASE_TRANSITIONS: readonly TransitionDefinition[] = [
  {
    event: 'accept',
    from: ['intake'],
    to: 'desk_consultation',
    guards: [],
    label: { ja: '受付（窓口相談へ）', en: 'Accept (to desk consultation)' },
  },
  { event: 'decline', from: ['intake'], to: 'closed', outcome: 'declined', guards: [], label: { ja: 'お断り', en: 'Decline' } },
  {
    event: 'refer',
    from: ['desk_consultation'],
    to: 'closed',
    outcome: 'referred',
    guards: [TRIAGE],
    label: { ja: '他機関へ紹介', en: 'Refer to another body' },
  },
  {
    event: 'resolve_by_advice',
    from: ['desk_consultation'],
    to: 'closed',
    outcome: 'resolved_by_advice',
    guards: [TRIAGE],
    label: { ja: '助言により解決', en: 'Resolved by advice' },
  },
  {
    event: 'start_earnings_improvement',
    from: ['desk_consultation'],
    to: 'ei_planning',
    guards: [TRIAGE],
    label: { ja: '収益力改善支援を開始', en: 'Start earnings-improvement support' },
  },
  {
    event: 'start_revitalization',
    from: ['desk_consultation'],
    to: 'rv_bank_consent',
    guards: [TRIAGE],
    label: { ja: '再生支援を開始', en: 'Start revitalization support' },
  },
  {
    event: 'start_rechallenge',
    from: ['desk_consultation'],
    to: 'rc_lawyer_referral',
    guards: [TRIAGE],
    label: { ja: '再チャレンジ支援を開始', en: 'Start re-challenge support' },
  },
  {
    event: 'ei_start_monitoring',
    from: ['ei_planning'],
    to: 'ei_monitoring',
    guards: [g('earningsPlanAdopted', '収益力改善計画がまだ策定されていません', 'No earnings-improvement plan has been adopted yet')],
    label: { ja: 'モニタリングへ移行', en: 'Move to monitoring' },
  },
  {
    event: 'rv_form_team',
    from: ['rv_bank_consent'],
    to: 'rv_team_formed',
    guards: [
      g(
        'confidentialityLifted',
        '会社が守秘義務を解除していません（金融機関への接触前に必要です）',
        'The company has not lifted confidentiality (required before any bank contact)',
      ),
      g('mainBankAgreedToStart', 'メイン行の支援開始への同意が記録されていません', 'The main bank has not agreed to start support'),
    ],
    label: { ja: '個別支援チームを組成', en: 'Form the support team' },
  },
  {
    event: 'rv_start_due_diligence',
    from: ['rv_team_formed'],
    to: 'rv_due_diligence',
    guards: [g('teamHasExpert', '外部専門家がチームに選任されていません', 'No external expert has been appointed to the team')],
    label: { ja: 'デューデリジェンスを開始', en: 'Start due diligence' },
  },
  {
    event: 'rv_start_business_plan',
    from: ['rv_due_diligence'],
    to: 'rv_business_plan',
    guards: [
      g('realBalanceSheetExists', '実態貸借対照表がまだ作成されていません', 'The adjusted balance sheet (実態BS) does not exist yet'),
    ],
    label: { ja: '事業計画の策定へ', en: 'Move to the business plan' },
  },
  {
    event: 'rv_start_support_design',
    from: ['rv_business_plan'],
    to: 'rv_support_design',
    guards: [g('businessPlanExists', '事業計画がまだ作成されていません', 'No business plan has been drafted yet')],
    label: { ja: '金融支援策の検討へ', en: 'Move to financial-support design' },
  },
  {
    event: 'rv_draft_plan',
    from: ['rv_support_design'],
    to: 'rv_draft_plan',
    guards: [],
    label: { ja: '計画案・調査報告書の作成へ', en: 'Move to the draft plan and investigation report' },
  },
  {
    event: 'rv_submit_to_banks',
    from: ['rv_draft_plan'],
    to: 'rv_bank_meetings',
    guards: [
      g('realBalanceSheetExists', '実態貸借対照表がまだ作成されていません', 'The adjusted balance sheet (実態BS) does not exist yet'),
      g('planVersionSubmitted', '金融機関に提示する計画の版がありません', 'No plan version has been submitted to the banks'),
    ],
    label: { ja: '金融機関へ計画を提示', en: 'Submit the plan to the banks' },
  },
  {
    event: 'rv_request_consent',
    from: ['rv_bank_meetings'],
    to: 'rv_creditor_consent',
    guards: [],
    label: { ja: '同意の取りまとめへ', en: 'Ask the creditors for consent' },
  },
  {
    event: 'rv_plan_effective',
    from: ['rv_creditor_consent'],
    to: 'rv_monitoring',
    guards: [
      g(
        'allCreditorsConsented',
        '全ての対象債権者が同じ版に同意していません',
        'Not every target creditor has consented to the same plan version',
      ),
    ],
    label: { ja: '計画成立（モニタリングへ）', en: 'Plan takes effect (to monitoring)' },
  },
  {
    event: 'rv_replan',
    from: ['rv_bank_meetings', 'rv_creditor_consent', 'rv_monitoring'],
    to: 'rv_business_plan',
    guards: [],
    label: { ja: '計画を見直す', en: 'Revise the plan' },
  },
  {
    event: 'escalate_to_revitalization',
    from: ['ei_planning', 'ei_monitoring'],
    to: 'rv_bank_consent',
    guards: [],
    label: { ja: '再生支援へ移行', en: 'Escalate to revitalization support' },
  },
  {
    event: 'escalate_to_rechallenge',
    from: ['ei_planning', 'ei_monitoring', ...RV_BEFORE_EFFECTIVE, 'rv_monitoring'],
    to: 'rc_lawyer_referral',
    guards: [],
    label: { ja: '再チャレンジ支援へ移行', en: 'Escalate to re-challenge support' },
  },
  {
    event: 'rc_hand_over_to_lawyer',
    from: ['rc_lawyer_referral'],
    to: 'rc_exit',
    guards: [
      g(
        'lawyerHandoverConsented',
        '会社が弁護士への引継ぎ資料に同意していません',
        'The company has not consented to the lawyer handover package',
      ),
    ],
    label: { ja: '弁護士へ引継ぎ', en: 'Hand over to the lawyer' },
  },
  {
    event: 'complete',
    from: ['ei_monitoring', 'rv_monitoring', 'rc_exit'],
    to: 'closed',
    outcome: 'completed',
    guards: [],
    label: { ja: '支援完了', en: 'Complete the support' },
  },
  {
    event: 'withdraw',
    from: OPEN_STAGES.filter((s) => s !== 'intake'),
    to: 'closed',
    outcome: 'withdrawn',
    guards: [],
    label: { ja: '取下げ・中止', en: 'Withdraw' },
  },
];

export type TransitionCheck =
  | { readonly ok: true; readonly transition: TransitionDefinition; readonly track: CaseTrack | null }
  | {
      readonly ok: false;
      readonly code: 'unknown_event' | 'closed' | 'wrong_stage' | 'guard';
      readonly reasons: readonly LocalizedReason[];
    };

const STAGE_LABELS: Record<CaseStage, LocalizedReason> = {
  intake: { ja: '相談受付', en: 'Intake' },
  desk_consultation: { ja: '窓口相談', en: 'Desk consultation' },
  ei_planning: { ja: '収益力改善：計画策定', en: 'Earnings improvement: planning' },
  ei_monitoring: { ja: '収益力改善：モニタリング', en: 'Earnings improvement: monitoring' },
  rv_bank_consent: { ja: '再生：メイン行の意向確認', en: 'Revitalization: main bank consent' },
  rv_team_formed: { ja: '再生：個別支援チーム', en: 'Revitalization: team formed' },
  rv_due_diligence: { ja: '再生：デューデリジェンス', en: 'Revitalization: due diligence' },
  rv_business_plan: { ja: '再生：事業計画', en: 'Revitalization: business plan' },
  rv_support_design: { ja: '再生：金融支援策', en: 'Revitalization: financial-support design' },
  rv_draft_plan: { ja: '再生：計画案・調査報告書', en: 'Revitalization: draft plan and report' },
  rv_bank_meetings: { ja: '再生：バンクミーティング', en: 'Revitalization: bank meetings' },
  rv_creditor_consent: { ja: '再生：同意取りまとめ', en: 'Revitalization: creditor consent' },
  rv_monitoring: { ja: '再生：モニタリング', en: 'Revitalization: monitoring' },
  rc_lawyer_referral: { ja: '再チャレンジ：弁護士紹介', en: 'Re-challenge: lawyer referral' },
  rc_exit: { ja: '再チャレンジ：廃業・保証債務整理', en: 'Re-challenge: exit and guarantor workout' },
  closed: { ja: '終了', en: 'Closed' },
};

/** The Japanese / English name of a stage. */
export function stageLabel(stage: CaseStage): LocalizedReason {
  return STAGE_LABELS[stage];
}

/**
 * Whether `event` may happen to a case at `stage` given `facts`; on refusal, every reason (all unmet guards, not only
 * the first), so a user sees everything that is missing at once.
 */
export function checkTransition(stage: CaseStage, event: string, facts: CaseFacts): TransitionCheck {
  const candidates = CASE_TRANSITIONS.filter((t) => t.event === event);
  if (candidates.length === 0)
    return { ok: false, code: 'unknown_event', reasons: [{ ja: 'この操作はありません', en: 'There is no such action' }] };
  if (stage === 'closed') return { ok: false, code: 'closed', reasons: [{ ja: 'この案件は終了しています', en: 'This case is closed' }] };
  const transition = candidates.find((t) => t.from.includes(stage));
  if (!transition) {
    const label = STAGE_LABELS[stage];
    return {
      ok: false,
      code: 'wrong_stage',
      reasons: [{ ja: `現在の段階（${label.ja}）ではこの操作はできません`, en: `Not possible at the current stage (${label.en})` }],
    };
  }
  const unmet = transition.guards.filter((gd) => facts[gd.fact] !== true).map((gd) => gd.unmet);
  if (unmet.length > 0) return { ok: false, code: 'guard', reasons: unmet };
  return { ok: true, transition, track: trackOfStage(transition.to) };
}

/** The events possible from `stage`, each with whether its guards hold now and, if not, why. */
export function availableTransitions(
  stage: CaseStage,
  facts: CaseFacts,
): { event: CaseEvent; to: CaseStage; label: LocalizedReason; allowed: boolean; reasons: readonly LocalizedReason[] }[] {
  return CASE_TRANSITIONS.filter((t) => t.from.includes(stage)).map((t) => {
    const reasons = t.guards.filter((gd) => facts[gd.fact] !== true).map((gd) => gd.unmet);
    return { event: t.event, to: t.to, label: t.label, allowed: reasons.length === 0, reasons };
  });
}
