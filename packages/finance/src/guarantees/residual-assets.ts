import { floorYen, sumYen, yen, type Yen } from '@kasseika/domain';
import { parseIsoDate, type IsoDate } from '../calendar/fiscal-calendar';
import type { RuleSource } from '../criteria/criteria-rules';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import { makeIssue, type ValidationIssue } from '../validation/issue';

/**
 * 残存資産: what a guarantor may keep in a guarantee-debt workout under the 経営者保証に関するガイドライン — the
 * bankruptcy free-asset amount plus living expenses for a period guided by the unemployment-benefit period, and
 * possibly a non-luxurious home. The figures are a dated rule set (data/guarantees/residual-assets-rules.v<date>.json),
 * so a revision is a data change.
 *
 * @see ../../../../../shared/domain/REFERENCE.md §4.1
 */

/** The benefit-period range of one age band (ages inclusive). */
export interface ResidualAgeBand {
  readonly fromAge: number;
  readonly toAge: number;
  readonly minDays: number;
  readonly maxDays: number;
}

/** A dated rule set for the 残存資産 estimate. */
export interface ResidualAssetsRuleSet {
  readonly id: string;
  readonly name: LocalizedText;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly verified: boolean;
  readonly sources: readonly RuleSource[];
  readonly notes?: readonly string[];
  readonly freeAssets: Yen;
  readonly monthlyLivingCost: Yen;
  readonly daysPerMonth: number;
  /** The rounding of living cost × days ÷ daysPerMonth; only `floor` (切り捨て, in the guarantor's disfavour never by more than ¥1) is defined. */
  readonly livingCostRounding: 'floor';
  readonly ageBands: readonly ResidualAgeBand[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isNonNegativeInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Checks untyped JSON and returns the typed rule sets with every issue.
 *
 * @example
 * const { ruleSets, issues } = parseResidualAssetsRuleSets(JSON.parse(text));
 */
export function parseResidualAssetsRuleSets(json: unknown): { ruleSets?: ResidualAssetsRuleSet[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const fail = (path: (string | number)[], what: string) =>
    issues.push(
      makeIssue(path, 'INVALID_RULE_DATA', {
        ja: `残存資産のルールデータが不正です: ${path.join('.')} ${what}`,
        en: `Invalid residual-asset rule data: ${path.join('.')} ${what}`,
      }),
    );
  if (!isRecord(json) || !Array.isArray(json.ruleSets) || json.ruleSets.length === 0) {
    fail(['ruleSets'], 'must be a non-empty array');
    return { issues };
  }
  json.ruleSets.forEach((rs: unknown, i) => {
    const p = ['ruleSets', i];
    if (!isRecord(rs)) return fail(p, 'must be an object');
    if (typeof rs.id !== 'string') fail([...p, 'id'], 'must be a string');
    if (typeof rs.validFrom !== 'string' || !parseIsoDate(rs.validFrom)) fail([...p, 'validFrom'], 'must be YYYY-MM-DD');
    if (rs.validTo !== null && (typeof rs.validTo !== 'string' || !parseIsoDate(rs.validTo)))
      fail([...p, 'validTo'], 'must be YYYY-MM-DD or null');
    if (typeof rs.verified !== 'boolean') fail([...p, 'verified'], 'must be a boolean');
    if (!Array.isArray(rs.sources) || rs.sources.length === 0) fail([...p, 'sources'], 'must list at least one source');
    if (!isNonNegativeInt(rs.freeAssets)) fail([...p, 'freeAssets'], 'must be integer yen');
    if (!isNonNegativeInt(rs.monthlyLivingCost)) fail([...p, 'monthlyLivingCost'], 'must be integer yen');
    if (!isNonNegativeInt(rs.daysPerMonth) || rs.daysPerMonth === 0) fail([...p, 'daysPerMonth'], 'must be a positive integer');
    if (rs.livingCostRounding !== 'floor') fail([...p, 'livingCostRounding'], 'must be floor');
    if (!Array.isArray(rs.ageBands) || rs.ageBands.length === 0) return fail([...p, 'ageBands'], 'must list age bands');
    let previousTo = -1;
    rs.ageBands.forEach((b: unknown, j) => {
      if (
        !isRecord(b) ||
        !isNonNegativeInt(b.fromAge) ||
        !isNonNegativeInt(b.toAge) ||
        !isNonNegativeInt(b.minDays) ||
        !isNonNegativeInt(b.maxDays) ||
        b.fromAge > b.toAge ||
        b.minDays > b.maxDays ||
        b.fromAge <= previousTo
      ) {
        fail([...p, 'ageBands', j], 'must be ascending, non-overlapping ages with minDays ≤ maxDays');
        return;
      }
      previousTo = b.toAge;
    });
  });
  if (issues.length > 0) return { issues };
  return { ruleSets: json.ruleSets as ResidualAssetsRuleSet[], issues };
}

/**
 * The rule set in force on a date (latest validFrom wins); undefined when none covers it.
 *
 * @example
 * selectResidualAssetsRuleSet(ruleSets, '2026-11-24')?.id // 'gl-residual-assets-2014'
 */
export function selectResidualAssetsRuleSet(ruleSets: readonly ResidualAssetsRuleSet[], date: IsoDate): ResidualAssetsRuleSet | undefined {
  return ruleSets
    .filter((r) => r.validFrom <= date && (r.validTo === null || date <= r.validTo))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0];
}

/**
 * Age in whole years on a date: a year older on the birthday itself (年齢計算ニ関スル法律: at the end of the day
 * before), so a 29 February birthday turns a year older on 1 March in common years.
 *
 * @example
 * ageOn('1970-04-01', '2026-03-31') // 55
 * ageOn('1970-04-01', '2026-04-01') // 56
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(date);
  if (!b || !d) throw new RangeError(`not YYYY-MM-DD: ${birthDate} / ${date}`);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** Kinds of personal assets a guarantor lists. `home` is the residence that may be kept when non-luxurious. */
export type PersonalAssetKind = 'cash' | 'deposits' | 'home' | 'real_estate' | 'securities' | 'insurance' | 'vehicle' | 'other';

export interface GuarantorForEstimate {
  /** Date of birth; without it no age band applies and only the range over all bands can be shown. */
  readonly birthDate: IsoDate | null;
  /** Benefit days the council assumes; null = the maximum of the guarantor's age band. */
  readonly assumedBenefitDays: number | null;
  /** The guarantor asks to keep a non-luxurious home (shown apart; the creditors decide). */
  readonly keepsHome: boolean;
  readonly assets: readonly { readonly kind: PersonalAssetKind; readonly value: Yen }[];
  readonly guaranteedAmounts: readonly Yen[];
}

export interface ResidualAssetsEstimate {
  readonly ruleSetId: string;
  readonly age: number | null;
  /** The age band's benefit-day range, or null when the age is unknown or outside every band. */
  readonly band: { readonly minDays: number; readonly maxDays: number } | null;
  readonly benefitDays: number;
  readonly freeAssets: Yen;
  readonly livingCost: Yen;
  /** 残存資産の目安 = free assets + living cost (the home, when kept, comes on top). */
  readonly residualAssets: Yen;
  /** Range of the estimate over the band (free assets + living cost at min and max days). */
  readonly range: { readonly min: Yen; readonly max: Yen };
  readonly assetsTotal: Yen;
  readonly homeKept: Yen;
  /** Personal assets beyond what may be kept: the most the guarantor could repay from assets. */
  readonly availableForRepayment: Yen;
  readonly guaranteedTotal: Yen;
  /** Guarantee debt beyond the assets available: in principle forgiven in a GL workout. */
  readonly remainingGuaranteeDebt: Yen;
  /** Set when an input was outside the rules (the estimate is still given, with the reason). */
  readonly warnings: readonly LocalizedText[];
  readonly steps: readonly Step[];
}

const REF = 'REFERENCE §4.1';

/**
 * The 残存資産 estimate of one guarantor on a reference date (the date the workout is assessed; no clock here).
 *
 * Living cost = monthlyLivingCost × benefitDays ÷ daysPerMonth, rounded down to the yen (切り捨て). benefitDays is the
 * council's assumption clamped to the age band, or the band's maximum when not given.
 *
 * @example
 * // 50 years old, no assumption → 330 days: 990,000 + 330,000 × 330 ÷ 30 = 990,000 + 3,630,000 = 4,620,000
 * estimateResidualAssets(rules, { birthDate: '1976-05-01', assumedBenefitDays: null, keepsHome: false, assets: [], guaranteedAmounts: [] }, '2026-11-24').residualAssets
 * @see ../../../../../shared/domain/REFERENCE.md §4.1
 */
export function estimateResidualAssets(rules: ResidualAssetsRuleSet, g: GuarantorForEstimate, date: IsoDate): ResidualAssetsEstimate {
  const warnings: LocalizedText[] = [];
  const steps: Step[] = [];
  const age = g.birthDate ? ageOn(g.birthDate, date) : null;
  const band = age === null ? null : (rules.ageBands.find((b) => b.fromAge <= age && age <= b.toAge) ?? null);
  if (age === null) {
    warnings.push(
      text(
        '生年月日がないため年齢区分を決められません。全区分の範囲を示します',
        'Without a date of birth no age band applies; the range over all bands is shown',
      ),
    );
  } else if (band === null) {
    warnings.push(
      text(
        `${age}歳は目安の年齢区分の外です。自由財産のみを目安とし、個別に判断してください`,
        `Age ${age} is outside the guideline's age bands; only the free-asset amount is used — judge case by case`,
      ),
    );
  }
  const allMin = Math.min(...rules.ageBands.map((b) => b.minDays));
  const allMax = Math.max(...rules.ageBands.map((b) => b.maxDays));
  const [minDays, maxDays] = band ? [band.minDays, band.maxDays] : age === null ? [allMin, allMax] : [0, 0];
  let benefitDays = g.assumedBenefitDays ?? maxDays;
  if (benefitDays < minDays || benefitDays > maxDays) {
    const clamped = Math.min(Math.max(benefitDays, minDays), maxDays);
    warnings.push(
      text(
        `想定給付日数 ${benefitDays}日 は区分の範囲（${minDays}〜${maxDays}日）外のため ${clamped}日 としました`,
        `Assumed ${benefitDays} benefit days is outside the band (${minDays}–${maxDays} days); ${clamped} days used`,
      ),
    );
    benefitDays = clamped;
  }
  const living = (days: number): Yen => floorYen((rules.monthlyLivingCost * days) / rules.daysPerMonth);
  const livingCost = living(benefitDays);
  const residualAssets = yen(rules.freeAssets + livingCost);
  const range = { min: yen(rules.freeAssets + living(minDays)), max: yen(rules.freeAssets + living(maxDays)) };
  const assetsTotal = sumYen(g.assets.map((a) => a.value));
  const homeKept = g.keepsHome ? sumYen(g.assets.filter((a) => a.kind === 'home').map((a) => a.value)) : yen(0);
  const availableForRepayment = yen(Math.max(0, assetsTotal - homeKept - residualAssets));
  const guaranteedTotal = sumYen(g.guaranteedAmounts);
  const remainingGuaranteeDebt = yen(Math.max(0, guaranteedTotal - availableForRepayment));

  steps.push(
    makeStep('AGE', text('基準日の年齢（歳）', 'Age on the reference date (years)'), age, 'count', { sourceRef: REF }),
    makeStep(
      'BENEFIT_DAYS',
      text('生計費の期間（日。雇用保険の給付日数を参考）', 'Living-cost period (days; guided by the unemployment-benefit days)'),
      benefitDays,
      'count',
      {
        formula: text(`年齢区分の範囲 ${minDays}〜${maxDays}日`, `Age band range ${minDays}–${maxDays} days`),
        sourceRef: REF,
      },
    ),
    makeStep('FREE_ASSETS', text('自由財産（破産法上の99万円）', 'Free assets (bankruptcy free-asset amount)'), rules.freeAssets, 'yen', {
      sourceRef: REF,
    }),
    makeStep('LIVING_COST', text('一定期間の生計費', 'Living costs for the period'), livingCost, 'yen', {
      formula: text(
        `月額 ${rules.monthlyLivingCost.toLocaleString('ja-JP')}円 × ${benefitDays}日 ÷ ${rules.daysPerMonth}（円未満切り捨て）`,
        `¥${rules.monthlyLivingCost.toLocaleString('en-US')} a month × ${benefitDays} days ÷ ${rules.daysPerMonth} (rounded down to the yen)`,
      ),
      sourceRef: REF,
    }),
    makeStep('RESIDUAL_ASSETS', text('残存資産の目安', 'Assets the guarantor may keep (estimate)'), residualAssets, 'yen', {
      formula: text('自由財産 + 生計費', 'Free assets + living costs'),
      sourceRef: REF,
    }),
    makeStep('ASSETS_TOTAL', text('個人資産の合計', 'Total personal assets'), assetsTotal, 'yen'),
    makeStep(
      'HOME_KEPT',
      text('残す自宅（華美でない自宅、債権者の同意が前提）', 'Home kept (non-luxurious; subject to the creditors’ agreement)'),
      homeKept,
      'yen',
      {
        sourceRef: REF,
      },
    ),
    makeStep('AVAILABLE', text('弁済に充て得る資産', 'Assets available for repayment'), availableForRepayment, 'yen', {
      formula: text('個人資産 − 残す自宅 − 残存資産（0未満は0）', 'Personal assets − home kept − residual assets (not below 0)'),
    }),
    makeStep('GUARANTEED', text('保証債務の合計', 'Total guarantee debt'), guaranteedTotal, 'yen'),
    makeStep(
      'REMAINING',
      text('弁済後に残る保証債務（原則として免除の対象）', 'Guarantee debt left after repayment (in principle forgiven)'),
      remainingGuaranteeDebt,
      'yen',
      {
        formula: text('保証債務 − 弁済に充て得る資産（0未満は0）', 'Guarantee debt − assets available (not below 0)'),
        sourceRef: REF,
      },
    ),
  );

  return {
    ruleSetId: rules.id,
    age,
    band: band ? { minDays: band.minDays, maxDays: band.maxDays } : null,
    benefitDays,
    freeAssets: rules.freeAssets,
    livingCost,
    residualAssets,
    range,
    assetsTotal,
    homeKept,
    availableForRepayment,
    guaranteedTotal,
    remainingGuaranteeDebt,
    warnings,
    steps,
  };
}
