/**
 * 再チャレンジ支援: the council's advice on 円滑な廃業, the lawyer handover, the tracking of the company's exit route and
 * of the guarantors' workouts under the 経営者保証ガイドライン, and the lawyer consultations whose fees the council bears
 * up to a limit.
 *
 * @see ../shared/domain/REFERENCE.md §4 (再チャレンジ支援), §4.1 (一体型 / 単独型), §4.2 (costs the council may bear ⚠)
 */

/** What a piece of advice was about (REFERENCE §4 "What the council does"). */
export const RC_ADVICE_TOPICS = [
  'orderly_closure',
  'soft_landing_bankruptcy',
  'guarantor_workout',
  'procedure_choice',
  'employees_and_suppliers',
  'other',
] as const;
export type RcAdviceTopic = (typeof RC_ADVICE_TOPICS)[number];

/** The company's exit route: 私的整理 (financial debts only), 破産 (court), 事業譲渡 (business transfer). */
export const RC_CORPORATE_ROUTES = ['private_workout', 'bankruptcy', 'business_transfer'] as const;
export type RcCorporateRoute = (typeof RC_CORPORATE_ROUTES)[number];

/** A guarantor's workout under the 経営者保証GL: 一体型 (with the company's private workout) or 単独型 (alone). */
export const RC_GUARANTOR_WORKOUTS = ['gl_integrated', 'gl_standalone'] as const;
export type RcGuarantorWorkout = (typeof RC_GUARANTOR_WORKOUTS)[number];

export const RC_PROCEEDING_KINDS = ['corporate', 'guarantor'] as const;
export type RcProceedingKind = (typeof RC_PROCEEDING_KINDS)[number];

export const RC_PROCEEDING_ROUTES = [...RC_CORPORATE_ROUTES, ...RC_GUARANTOR_WORKOUTS] as const;
export type RcProceedingRoute = (typeof RC_PROCEEDING_ROUTES)[number];

/** Where a route stands. `completed` and `abandoned` are final and need an end date. */
export const RC_PROCEEDING_STATUSES = ['considering', 'in_progress', 'completed', 'abandoned'] as const;
export type RcProceedingStatus = (typeof RC_PROCEEDING_STATUSES)[number];

/** Figures the council can put into the lawyer's handover package (besides the chosen documents). */
export const RC_PACKAGE_FIGURES = ['guarantors', 'statements', 'advice'] as const;
export type RcPackageFigure = (typeof RC_PACKAGE_FIGURES)[number];

export interface LocalizedMessage {
  readonly ja: string;
  readonly en: string;
}

/** The kind a route belongs to. */
export function proceedingKindOf(route: RcProceedingRoute): RcProceedingKind {
  return (RC_GUARANTOR_WORKOUTS as readonly string[]).includes(route) ? 'guarantor' : 'corporate';
}

export interface ProceedingInput {
  readonly route: RcProceedingRoute;
  /** The guarantor concerned (guarantor workouts only). */
  readonly guarantorName: string | null;
  readonly status: RcProceedingStatus;
  readonly startedOn: string | null;
  readonly endedOn: string | null;
}

export interface ProceedingIssue {
  readonly field: 'guarantorName' | 'startedOn' | 'endedOn';
  readonly code: string;
  readonly message: LocalizedMessage;
}

/**
 * Checks a tracked route: a guarantor workout names its guarantor (a corporate route names none); a route under way
 * or finished has a start date; a finished one (completed / abandoned) has an end date not before the start; an open
 * one has no end date. Dates are ISO `YYYY-MM-DD` (compared as strings).
 *
 * @example checkProceeding({ route: 'bankruptcy', guarantorName: null, status: 'completed', startedOn: '2026-01-05', endedOn: null })
 *   // → [{ field: 'endedOn', code: 'proceeding.endRequired', … }]
 */
export function checkProceeding(p: ProceedingInput): readonly ProceedingIssue[] {
  const issues: ProceedingIssue[] = [];
  const kind = proceedingKindOf(p.route);
  if (kind === 'guarantor' && !p.guarantorName?.trim())
    issues.push({
      field: 'guarantorName',
      code: 'proceeding.guarantorRequired',
      message: { ja: '保証債務整理の対象となる保証人を選んでください', en: 'Choose the guarantor whose guarantee debt is worked out' },
    });
  if (kind === 'corporate' && p.guarantorName)
    issues.push({
      field: 'guarantorName',
      code: 'proceeding.guarantorNotAllowed',
      message: { ja: '会社の整理手続には保証人を指定できません', en: 'A corporate route does not name a guarantor' },
    });
  if (p.status !== 'considering' && !p.startedOn)
    issues.push({
      field: 'startedOn',
      code: 'proceeding.startRequired',
      message: { ja: '着手日を入力してください', en: 'Enter the date the route started' },
    });
  const final = p.status === 'completed' || p.status === 'abandoned';
  if (final && !p.endedOn)
    issues.push({
      field: 'endedOn',
      code: 'proceeding.endRequired',
      message: { ja: '完了・中止の日を入力してください', en: 'Enter the date the route was completed or abandoned' },
    });
  if (!final && p.endedOn)
    issues.push({
      field: 'endedOn',
      code: 'proceeding.endNotAllowed',
      message: { ja: '終了日は完了・中止のときだけ入力します', en: 'An end date is entered only when completed or abandoned' },
    });
  if (p.startedOn && p.endedOn && p.endedOn < p.startedOn)
    issues.push({
      field: 'endedOn',
      code: 'proceeding.endBeforeStart',
      message: { ja: '終了日が着手日より前です', en: 'The end date is before the start date' },
    });
  return issues;
}

/**
 * The council's fee support for lawyer consultations, as dated configuration (⚠ REFERENCE §4.2: "reportedly up to 3";
 * not established from official sources, so the data says `verified: false`).
 */
export interface FeeSupportRule {
  readonly id: string;
  /** First day (ISO date) the rule applies to a consultation. */
  readonly validFrom: string;
  /** Last day, or null while in force. */
  readonly validTo: string | null;
  /** How many consultations per case the council pays for. */
  readonly maxSupportedConsultations: number;
  /** Largest fee per consultation the council bears, in yen (null: no per-consultation cap is set). */
  readonly maxFeePerConsultation: number | null;
  readonly verified: boolean;
  readonly sources: readonly { readonly url: string; readonly note?: string }[];
}

/** The rule in force on a date (the latest `validFrom` not after it, not yet ended), or null. */
export function feeSupportRuleOn(rules: readonly FeeSupportRule[], on: string): FeeSupportRule | null {
  const inForce = rules.filter((r) => r.validFrom <= on && (r.validTo === null || on <= r.validTo));
  return [...inForce].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0] ?? null;
}

export type FeeSupportDecision =
  | {
      readonly ok: true;
      /** The ordinal of this consultation among the supported ones (1-based), or null when not supported. */
      readonly ordinal: number | null;
      /** Supported consultations left after this one. */
      readonly remaining: number;
      /** Said to the user (e.g. "this was the last supported consultation"). */
      readonly warning: LocalizedMessage | null;
    }
  | { readonly ok: false; readonly code: string; readonly reason: LocalizedMessage };

/**
 * Decides whether a consultation may be recorded as fee-supported. A council pays for at most
 * `maxSupportedConsultations` per case: asking for support beyond the limit is refused (never silently recorded as
 * paid) — the consultation can still be recorded as not supported (the company or the lawyer bears the fee), which
 * keeps the history complete. A supported fee above the per-consultation cap is refused as well. The last supported
 * consultation carries a warning.
 *
 * @example decideFeeSupport(rule3, { supportedSoFar: 3, supported: true, feeYen: 50_000 }).ok // → false
 */
export function decideFeeSupport(
  rule: FeeSupportRule | null,
  input: { readonly supportedSoFar: number; readonly supported: boolean; readonly feeYen: number },
): FeeSupportDecision {
  const limit = rule?.maxSupportedConsultations ?? 0;
  if (!input.supported) return { ok: true, ordinal: null, remaining: Math.max(0, limit - input.supportedSoFar), warning: null };
  if (!rule)
    return {
      ok: false,
      code: 'feeSupport.noRule',
      reason: {
        ja: 'この日付に適用される相談料支援の定めがありません（支援対象外として記録してください）',
        en: 'No fee-support rule applies on this date (record the consultation as not supported)',
      },
    };
  if (input.supportedSoFar >= limit)
    return {
      ok: false,
      code: 'feeSupport.limitReached',
      reason: {
        ja: `相談料支援の上限（${limit}回）に達しています。支援対象外として記録してください`,
        en: `The fee-support limit (${limit} consultations) has been reached. Record it as not supported`,
      },
    };
  if (rule.maxFeePerConsultation !== null && input.feeYen > rule.maxFeePerConsultation)
    return {
      ok: false,
      code: 'feeSupport.feeAboveCap',
      reason: {
        ja: `支援対象の相談料は1回${rule.maxFeePerConsultation.toLocaleString('ja-JP')}円までです`,
        en: `A supported consultation fee is at most ¥${rule.maxFeePerConsultation.toLocaleString('en-US')}`,
      },
    };
  const ordinal = input.supportedSoFar + 1;
  const remaining = limit - ordinal;
  return {
    ok: true,
    ordinal,
    remaining,
    warning:
      remaining === 0
        ? {
            ja: `相談料支援の最後の回（${limit}回目）です。以降の相談は支援対象外になります`,
            en: `This is the last supported consultation (${limit} of ${limit}); later ones are not supported`,
          }
        : null,
  };
}
