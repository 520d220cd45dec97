import type { Yen } from '@kasseika/domain';
import { parseIsoDate, type IsoDate } from '../calendar/fiscal-calendar';
import type { LocalizedText } from '../explain/step';
import type { YenRounding } from '../money/exact-fraction';
import type { RuleSource } from '../criteria/criteria-rules';
import { makeIssue, type ValidationIssue } from '../validation/issue';

/** Subsidy programmes run through the councils. */
export type SubsidyProgram = '405-standard' | '405-sme-guideline' | 'early';

/** 405 size classes (⚠ 2015 definitions, configurable data). */
export type SubsidySizeClass = 'small' | 'medium' | 'midTier';

/** A cost category with its subsidy cap. */
export interface SubsidyCategory {
  readonly code: string;
  readonly label: LocalizedText;
  readonly subsidyCap: Yen;
  readonly isMonitoring?: boolean;
}

/** "Monitoring cost ≤ share × (base categories' cost)". */
export interface MonitoringShareRule {
  readonly verified: boolean;
  readonly source: string;
  readonly monitoringCategories: readonly string[];
  readonly baseCategories: readonly string[];
  readonly maxShare: { readonly numerator: number; readonly denominator: number };
  /** `flag`: report a failed check only; `limitEligibleCost`: exclude the excess monitoring cost. */
  readonly enforcement: 'flag' | 'limitEligibleCost';
}

/** Size-class caps on the total cost (⚠ unverified). */
export interface SizeClassCostCaps {
  readonly verified: boolean;
  readonly source: string;
  readonly totalCostCaps: Readonly<Record<SubsidySizeClass, Yen>>;
  readonly monitoringCostCaps?: Partial<Readonly<Record<SubsidySizeClass, Yen>>>;
}

/** A dated subsidy rule set (data/subsidy/subsidy-rules.v<date>.json). */
export interface SubsidyRuleSet {
  readonly id: string;
  readonly program: SubsidyProgram;
  readonly name: LocalizedText;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly verified: boolean;
  readonly sources: readonly RuleSource[];
  readonly notes?: readonly string[];
  readonly subsidyRate: { readonly numerator: number; readonly denominator: number };
  readonly rounding: { readonly mode: YenRounding; readonly verified: boolean; readonly note?: string };
  readonly categories: readonly SubsidyCategory[];
  readonly totalSubsidyCap: Yen | null;
  readonly monitoringShareRule: MonitoringShareRule | null;
  readonly sizeClassCostCaps: SizeClassCostCaps | null;
}

/** Size-class definitions (⚠ unverified). */
export interface SubsidySizeClassDefinitions {
  readonly verified: boolean;
  readonly source: string;
  readonly classes: readonly (
    | { readonly code: SubsidySizeClass; readonly rule: 'salesBelowAndDebtBelow'; readonly threshold: number }
    | { readonly code: SubsidySizeClass; readonly rule: 'otherwise' }
  )[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isYenValue = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Checks untyped JSON and returns the typed rule sets and size-class definitions with every issue.
 *
 * @example
 * const { ruleSets, sizeClasses, issues } = parseSubsidyRuleSets(JSON.parse(text));
 */
export function parseSubsidyRuleSets(json: unknown): {
  ruleSets?: SubsidyRuleSet[];
  sizeClasses?: SubsidySizeClassDefinitions;
  issues: ValidationIssue[];
} {
  const issues: ValidationIssue[] = [];
  const fail = (path: (string | number)[], what: string) =>
    issues.push(
      makeIssue(path, 'INVALID_RULE_DATA', {
        ja: `補助金ルールデータが不正です: ${path.join('.')} ${what}`,
        en: `Invalid subsidy rule data: ${path.join('.')} ${what}`,
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
    if (rs.program !== '405-standard' && rs.program !== '405-sme-guideline' && rs.program !== 'early')
      fail([...p, 'program'], 'is unknown');
    if (typeof rs.validFrom !== 'string' || !parseIsoDate(rs.validFrom)) fail([...p, 'validFrom'], 'must be YYYY-MM-DD');
    if (rs.validTo !== null && (typeof rs.validTo !== 'string' || !parseIsoDate(rs.validTo)))
      fail([...p, 'validTo'], 'must be YYYY-MM-DD or null');
    if (typeof rs.verified !== 'boolean') fail([...p, 'verified'], 'must be a boolean');
    if (!Array.isArray(rs.sources) || rs.sources.length === 0) fail([...p, 'sources'], 'must list at least one source');
    const rate = rs.subsidyRate;
    if (
      !isRecord(rate) ||
      !Number.isSafeInteger(rate.numerator) ||
      !Number.isSafeInteger(rate.denominator) ||
      Number(rate.denominator) <= 0 ||
      Number(rate.numerator) < 0 ||
      Number(rate.numerator) > Number(rate.denominator)
    ) {
      fail([...p, 'subsidyRate'], 'must be a fraction between 0 and 1');
    }
    if (!isRecord(rs.rounding) || !['floor', 'ceil', 'roundHalfUp'].includes(String(rs.rounding.mode)))
      fail([...p, 'rounding'], 'must name floor, ceil or roundHalfUp');
    if (!Array.isArray(rs.categories) || rs.categories.length === 0) fail([...p, 'categories'], 'must list categories');
    else
      rs.categories.forEach((c: unknown, j) => {
        if (!isRecord(c) || typeof c.code !== 'string' || !isYenValue(c.subsidyCap))
          fail([...p, 'categories', j], 'must have a code and a yen subsidyCap');
      });
    if (rs.totalSubsidyCap !== null && !isYenValue(rs.totalSubsidyCap)) fail([...p, 'totalSubsidyCap'], 'must be yen or null');
    const sc = rs.sizeClassCostCaps;
    if (
      sc !== null &&
      (!isRecord(sc) ||
        !isRecord(sc.totalCostCaps) ||
        !['small', 'medium', 'midTier'].every((k) => isYenValue((sc.totalCostCaps as Record<string, unknown>)[k])))
    ) {
      fail([...p, 'sizeClassCostCaps'], 'must give small, medium and midTier caps');
    }
    const mr = rs.monitoringShareRule;
    if (
      mr !== null &&
      (!isRecord(mr) ||
        !Array.isArray(mr.monitoringCategories) ||
        !Array.isArray(mr.baseCategories) ||
        !isRecord(mr.maxShare) ||
        (mr.enforcement !== 'flag' && mr.enforcement !== 'limitEligibleCost'))
    ) {
      fail([...p, 'monitoringShareRule'], 'must list categories, a maxShare and an enforcement');
    }
  });
  if (!isRecord(json.sizeClassDefinitions) || !Array.isArray(json.sizeClassDefinitions.classes))
    fail(['sizeClassDefinitions'], 'must list classes');
  if (issues.length > 0) return { issues };
  return {
    ruleSets: json.ruleSets as SubsidyRuleSet[],
    sizeClasses: json.sizeClassDefinitions as SubsidySizeClassDefinitions,
    issues,
  };
}

/**
 * The rule set of a programme in force on a date (validFrom ≤ date ≤ validTo; latest validFrom wins). Pass the
 * application's acceptance date. Undefined when no rule set covers the date.
 *
 * @example
 * selectSubsidyRuleSet(ruleSets, 'early', '2019-06-01')?.id // 'early-pre405-2017'
 * @see REFERENCE §5.3
 */
export function selectSubsidyRuleSet(
  ruleSets: readonly SubsidyRuleSet[],
  program: SubsidyProgram,
  date: IsoDate,
): SubsidyRuleSet | undefined {
  return ruleSets
    .filter((r) => r.program === program && r.validFrom <= date && (r.validTo === null || date <= r.validTo))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0];
}

/**
 * 405 size class from sales and interest-bearing debt (⚠ 2015 definitions, data-driven): 小規模 = sales and debt
 * both below ¥100M; 中規模 = both below ¥1bn (and not small); otherwise 中堅規模.
 *
 * @example
 * classifySubsidySizeClass(yen(80_000_000), yen(120_000_000), definitions) // 'medium'
 */
export function classifySubsidySizeClass(sales: Yen, interestBearingDebt: Yen, definitions: SubsidySizeClassDefinitions): SubsidySizeClass {
  for (const c of definitions.classes) {
    if (c.rule === 'otherwise') return c.code;
    if (sales < c.threshold && interestBearingDebt < c.threshold) return c.code;
  }
  return 'midTier';
}
