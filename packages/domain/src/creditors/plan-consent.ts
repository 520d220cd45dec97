/**
 * Unanimous consent to a plan version (全金融機関の同意): the plan takes effect only when every target creditor
 * (対象債権者) has consented to the same version, identified by the SHA-256 of its canonical content. Pure rules; the
 * server loads the responses and records the outcome.
 *
 * @see ../shared/domain/REFERENCE.md §3.3 step 7 (each target creditor consents in writing; the plan takes effect only
 *   with all target creditors' consent), §9 (lenders see only cases where they are a target creditor and consent exists)
 */

export const CREDITOR_STANCES = ['support', 'conditional', 'oppose'] as const;
export type CreditorStance = (typeof CREDITOR_STANCES)[number];

/** A creditor's live (not voided) answer to a plan version. */
export interface CreditorResponse {
  readonly bankCode: string;
  readonly versionSha256: string;
  readonly kind: 'stance' | 'consent';
  readonly stance: CreditorStance | null;
  readonly conditions: string | null;
  readonly at: Date;
}

export interface CreditorConsentState {
  readonly bankCode: string;
  /** The latest stance on the current version, if any. */
  readonly stance: CreditorStance | null;
  readonly conditions: string | null;
  readonly consented: boolean;
  readonly consentedAt: Date | null;
}

export interface ConsentOutcome {
  readonly targets: readonly CreditorConsentState[];
  /** Target creditors that have not consented to the current version. */
  readonly outstanding: readonly string[];
  /** True only with at least one target and every one of them consenting to `currentSha256`. */
  readonly allConsented: boolean;
}

/**
 * The consent state of the current version: responses naming another hash never count (a new version voids them).
 *
 * @example
 * consentOutcome(['0001', '0005'], [{ bankCode: '0001', versionSha256: 'h2', kind: 'consent', … }], 'h2')
 * // { allConsented: false, outstanding: ['0005'], … }
 */
export function consentOutcome(
  targetBankCodes: readonly string[],
  responses: readonly CreditorResponse[],
  currentSha256: string | null,
): ConsentOutcome {
  const current = responses.filter((r) => currentSha256 !== null && r.versionSha256 === currentSha256);
  const targets = targetBankCodes.map((bankCode): CreditorConsentState => {
    const own = current.filter((r) => r.bankCode === bankCode).sort((a, b) => a.at.getTime() - b.at.getTime());
    const stance = own.filter((r) => r.kind === 'stance').at(-1) ?? null;
    const consent = own.find((r) => r.kind === 'consent') ?? null;
    return {
      bankCode,
      stance: consent ? 'support' : (stance?.stance ?? null),
      conditions: consent ? null : (stance?.conditions ?? null),
      consented: consent !== null,
      consentedAt: consent?.at ?? null,
    };
  });
  const outstanding = targets.filter((t) => !t.consented).map((t) => t.bankCode);
  return { targets, outstanding, allConsented: targets.length > 0 && outstanding.length === 0 };
}

export type ResponseRefusal = 'no_version' | 'stale_version' | 'not_a_target' | 'already_consented';

/**
 * Whether a creditor may answer `versionSha256` now: the version must be the current one, the bank a target creditor
 * of it, and a consent is given once per version.
 */
export function checkCreditorResponse(input: {
  readonly currentSha256: string | null;
  readonly targetBankCodes: readonly string[];
  readonly bankCode: string;
  readonly versionSha256: string;
  readonly kind: 'stance' | 'consent';
  readonly alreadyConsented: boolean;
}): { ok: true } | { ok: false; reason: ResponseRefusal } {
  if (input.currentSha256 === null) return { ok: false, reason: 'no_version' };
  if (input.versionSha256 !== input.currentSha256) return { ok: false, reason: 'stale_version' };
  if (!input.targetBankCodes.includes(input.bankCode)) return { ok: false, reason: 'not_a_target' };
  if (input.alreadyConsented) return { ok: false, reason: 'already_consented' };
  return { ok: true };
}
