import { parseIsoDate, type IsoDate } from '../calendar/fiscal-calendar';
import type { DebtRepaymentVariant } from '../diagnosis/debt-repayment-years';
import type { LocalizedText } from '../explain/step';
import { makeIssue, type ValidationIssue } from '../validation/issue';

/** Plan types with numeric criteria. */
export type PlanType = 'revitalization' | 'earningsImprovement' | 'bankNormalisation405' | 'smeGuidelineRevitalization';

/** Size classes a rule set may target (`any` = all). */
export type CriteriaSizeClass = 'any' | 'sme' | 'smallBusiness';

/** Where criterion years are counted from. */
export interface CountingRule {
  /**
   * `firstFiscalYearStartingAfterAgreement`: counting year 1 is the first fiscal year that starts after the plan is
   * agreed (REFERENCE §3.5); `firstPlanYear`: plan year 1 of the projection.
   */
  readonly start: 'firstFiscalYearStartingAfterAgreement' | 'firstPlanYear';
  /** Whether a fiscal year starting on the agreement date itself counts (⚠ default false). */
  readonly sameDayCounts?: boolean;
}

/** When a "turn it around within N years" criterion applies. */
export type CriterionApplicability = 'whenBaseNegative' | 'always';

interface CriterionBase {
  readonly code: string;
  readonly label: LocalizedText;
  /** A failed advisory (non-mandatory) criterion does not fail the plan. */
  readonly mandatory: boolean;
  /** The rule says "about" (目処 / 概ね). */
  readonly approximate: boolean;
  /** Extra years allowed beyond the deadline before failing (default 0). */
  readonly toleranceYears?: number;
}

/** One criterion of a rule set (a discriminated union, so a revision is a data change). */
export type CriterionRule =
  | (CriterionBase & {
      readonly kind: 'realNegativeEquityEliminatedWithin';
      /** Years from counting year 1; `null` = by the end of the plan. */
      readonly years: number | null;
      readonly applicability: CriterionApplicability;
    })
  | (CriterionBase & {
      readonly kind: 'ordinaryProfitPositiveWithin';
      readonly years: number;
      readonly applicability: CriterionApplicability;
    })
  | (CriterionBase & {
      readonly kind: 'debtToCashFlowAtMost';
      readonly maxTimes: number;
      /** The year tested: the plan's final year, or (in principle) the year negative equity is eliminated. */
      readonly evaluatedIn: 'finalPlanYear' | 'negativeEquityEliminationYear';
      readonly variant: DebtRepaymentVariant;
    })
  | (CriterionBase & {
      readonly kind: 'planHorizonWithin';
      readonly minYears: number;
      readonly maxYears: number;
      /** Maximum when rescheduling (リスケ等の金融支援) is requested. */
      readonly maxYearsWhenRescheduling?: number;
    });

/** A source of a rule. */
export interface RuleSource {
  readonly url: string;
  readonly quality: 'official' | 'practitioner' | 'unverified';
  readonly note?: string;
}

/** A dated set of numeric criteria for one plan type and size class. */
export interface CriteriaRuleSet {
  readonly id: string;
  readonly planType: PlanType;
  readonly sizeClass: CriteriaSizeClass;
  readonly variant: string;
  readonly name: LocalizedText;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly verified: boolean;
  readonly sources: readonly RuleSource[];
  readonly notes?: readonly string[];
  readonly counting: CountingRule;
  readonly criteria: readonly CriterionRule[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isText(v: unknown): v is LocalizedText {
  return isRecord(v) && typeof v.ja === 'string' && typeof v.en === 'string';
}

const PLAN_TYPES: readonly string[] = ['revitalization', 'earningsImprovement', 'bankNormalisation405', 'smeGuidelineRevitalization'];
const KINDS: readonly string[] = [
  'realNegativeEquityEliminatedWithin',
  'ordinaryProfitPositiveWithin',
  'debtToCashFlowAtMost',
  'planHorizonWithin',
];

/**
 * Checks untyped JSON (data/finance/criteria-rules.v<date>.json) and returns the typed rule sets with every issue.
 *
 * @example
 * const { ruleSets, issues } = parseCriteriaRuleSets(JSON.parse(text));
 */
export function parseCriteriaRuleSets(json: unknown): { ruleSets?: CriteriaRuleSet[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const fail = (path: (string | number)[], what: string) =>
    issues.push(
      makeIssue(path, 'INVALID_RULE_DATA', {
        ja: `数値基準データが不正です: ${path.join('.')} ${what}`,
        en: `Invalid criteria data: ${path.join('.')} ${what}`,
      }),
    );
  if (!isRecord(json) || !Array.isArray(json.ruleSets)) {
    fail(['ruleSets'], 'must be an array');
    return { issues };
  }
  const ids = new Set<string>();
  json.ruleSets.forEach((rs: unknown, i) => {
    const p = ['ruleSets', i];
    if (!isRecord(rs)) return fail(p, 'must be an object');
    if (typeof rs.id !== 'string' || ids.has(rs.id)) fail([...p, 'id'], 'must be a unique string');
    else ids.add(rs.id);
    if (typeof rs.planType !== 'string' || !PLAN_TYPES.includes(rs.planType)) fail([...p, 'planType'], 'is unknown');
    if (rs.sizeClass !== 'any' && rs.sizeClass !== 'sme' && rs.sizeClass !== 'smallBusiness') fail([...p, 'sizeClass'], 'is unknown');
    if (typeof rs.variant !== 'string') fail([...p, 'variant'], 'must be a string');
    if (!isText(rs.name)) fail([...p, 'name'], 'must have ja and en');
    if (typeof rs.validFrom !== 'string' || !parseIsoDate(rs.validFrom)) fail([...p, 'validFrom'], 'must be YYYY-MM-DD');
    if (rs.validTo !== null && (typeof rs.validTo !== 'string' || !parseIsoDate(rs.validTo)))
      fail([...p, 'validTo'], 'must be YYYY-MM-DD or null');
    if (typeof rs.verified !== 'boolean') fail([...p, 'verified'], 'must be a boolean');
    if (!Array.isArray(rs.sources) || rs.sources.length === 0 || !rs.sources.every((s) => isRecord(s) && typeof s.url === 'string')) {
      fail([...p, 'sources'], 'must list at least one source with a url');
    }
    if (
      !isRecord(rs.counting) ||
      (rs.counting.start !== 'firstFiscalYearStartingAfterAgreement' && rs.counting.start !== 'firstPlanYear')
    ) {
      fail([...p, 'counting'], 'must give a start');
    }
    if (!Array.isArray(rs.criteria)) return fail([...p, 'criteria'], 'must be an array');
    rs.criteria.forEach((c: unknown, j) => {
      const cp = [...p, 'criteria', j];
      if (!isRecord(c) || typeof c.code !== 'string' || !isText(c.label) || typeof c.kind !== 'string' || !KINDS.includes(c.kind)) {
        return fail(cp, 'must have code, label and a known kind');
      }
      if (typeof c.mandatory !== 'boolean' || typeof c.approximate !== 'boolean') fail(cp, 'must say mandatory and approximate');
      const num = (k: string, nullable = false) => {
        const v = c[k];
        if (!((nullable && v === null) || (typeof v === 'number' && Number.isFinite(v) && v >= 0)))
          fail([...cp, k], 'must be a non-negative number');
      };
      if (c.kind === 'realNegativeEquityEliminatedWithin') num('years', true);
      if (c.kind === 'ordinaryProfitPositiveWithin') num('years');
      if (c.kind === 'debtToCashFlowAtMost') {
        num('maxTimes');
        const v = c.variant;
        if (!isRecord(v) || !['a', 'b', 'c'].includes(String(v.numerator)) || !['a', 'b', 'c', 'd'].includes(String(v.cashFlow)))
          fail([...cp, 'variant'], 'must name numerator a–c and cashFlow a–d');
      }
      if (c.kind === 'planHorizonWithin') {
        num('minYears');
        num('maxYears');
      }
    });
  });
  if (issues.length > 0) return { issues };
  return { ruleSets: json.ruleSets as CriteriaRuleSet[], issues };
}

/**
 * Picks the rule set in force on `date` for a plan type and size class: validFrom ≤ date ≤ validTo (inclusive), the
 * exact size class preferred over `any`, then the latest `validFrom`. Undefined when none applies.
 *
 * @example
 * selectCriteriaRuleSet(ruleSets, { planType: 'revitalization', sizeClass: 'smallBusiness', date: '2026-11-24' })?.variant
 * // 'smallBusinessRelaxation'
 */
export function selectCriteriaRuleSet(
  ruleSets: readonly CriteriaRuleSet[],
  query: { readonly planType: PlanType; readonly sizeClass: Exclude<CriteriaSizeClass, 'any'>; readonly date: IsoDate },
): CriteriaRuleSet | undefined {
  const inForce = ruleSets.filter(
    (r) => r.planType === query.planType && r.validFrom <= query.date && (r.validTo === null || query.date <= r.validTo),
  );
  const exact = inForce.filter((r) => r.sizeClass === query.sizeClass);
  const pool = exact.length > 0 ? exact : inForce.filter((r) => r.sizeClass === 'any');
  return [...pool].sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0];
}
