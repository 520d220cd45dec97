import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import { parseIsoDate, type IsoDate } from '../calendar/fiscal-calendar';
import { describeRounding, multiplyYenByFraction } from '../money/exact-fraction';
import { checkYen, formatYenPlain, makeIssue, type ValidationIssue } from '../validation/issue';
import type { SubsidyRuleSet, SubsidySizeClass } from './subsidy-rules';

/** One line of an expert's quote or invoice. */
export interface SubsidyCostLine {
  readonly id: string;
  readonly category: string;
  readonly description?: string;
  readonly amount: Yen;
  /** Date the work was done; only work on or after the acceptance date counts. */
  readonly workDate: IsoDate;
}

/** Input of {@link computeSubsidy}. */
export interface SubsidyInput {
  readonly ruleSet: SubsidyRuleSet;
  /** Date the council accepted the application (受理日). */
  readonly acceptanceDate: IsoDate;
  readonly costLines: readonly SubsidyCostLine[];
  /** Size class for the size-class caps; omit to not apply them (stated in a step). */
  readonly sizeClass?: SubsidySizeClass;
}

/** Why a cost line does not count. */
export type ExclusionReason = 'BEFORE_ACCEPTANCE' | 'CATEGORY_NOT_IN_RULE_SET' | 'MONITORING_ABOVE_SHARE';

/** A cost line (or part of it) left out, with the reason. */
export interface ExcludedCostLine {
  readonly lineId: string;
  readonly amount: Yen;
  readonly reason: ExclusionReason;
  readonly message: LocalizedText;
}

/** Subsidy of one category. */
export interface CategorySubsidy {
  readonly code: string;
  readonly label: LocalizedText;
  readonly eligibleCost: Yen;
  /** Cost × rate, rounded by the rule set's rounding. */
  readonly rateAmount: Yen;
  readonly cap: Yen;
  readonly subsidy: Yen;
  readonly capped: boolean;
  readonly steps: readonly Step[];
}

/** A rule check (e.g. monitoring ≤ 1/2) with its figures. */
export interface SubsidyCheck {
  readonly code: 'MONITORING_AT_MOST_SHARE' | 'SIZE_CLASS_TOTAL_COST_CAP' | 'SIZE_CLASS_MONITORING_COST_CAP';
  readonly passed: boolean;
  readonly value: Yen;
  readonly limit: Yen;
  readonly label: LocalizedText;
}

/** Result of {@link computeSubsidy}. */
export interface SubsidyResult {
  readonly ruleSetId: string;
  readonly verified: boolean;
  readonly categories: readonly CategorySubsidy[];
  readonly excludedLines: readonly ExcludedCostLine[];
  readonly totalCost: Yen;
  readonly eligibleCost: Yen;
  readonly excludedCost: Yen;
  readonly subsidyBeforeTotalCaps: Yen;
  readonly totalCapReduction: Yen;
  readonly sizeClassCapReduction: Yen;
  /** The council's payment (補助金額). */
  readonly subsidy: Yen;
  /** SME's share of the eligible cost (= eligible cost − subsidy; at least 1/3). */
  readonly smeShareOfEligibleCost: Yen;
  /** Everything the SME pays: total cost − subsidy. */
  readonly smePays: Yen;
  readonly checks: readonly SubsidyCheck[];
  readonly steps: readonly Step[];
}

/**
 * Validates subsidy input: integer non-negative amounts, valid dates, unique line ids. Returns every issue.
 *
 * @example
 * validateSubsidyInput({ ruleSet, acceptanceDate: '2026-02-30', costLines: [] }) // [{ code: 'INVALID_DATE', … }]
 */
export function validateSubsidyInput(input: SubsidyInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!parseIsoDate(input.acceptanceDate)) {
    issues.push(
      makeIssue(['acceptanceDate'], 'INVALID_DATE', {
        ja: `受理日「${input.acceptanceDate}」は YYYY-MM-DD 形式の実在する日付ではありません。`,
        en: `Acceptance date "${input.acceptanceDate}" is not a valid YYYY-MM-DD date.`,
      }),
    );
  }
  const ids = new Set<string>();
  input.costLines.forEach((l, i) => {
    if (ids.has(l.id))
      issues.push(
        makeIssue(['costLines', i, 'id'], 'DUPLICATE_LINE_ID', {
          ja: `明細ID「${l.id}」が重複しています。`,
          en: `Line id "${l.id}" is used twice.`,
        }),
      );
    ids.add(l.id);
    if (checkYen(issues, ['costLines', i, 'amount'], l.amount, text('費用', 'Cost')) && l.amount < 0) {
      issues.push(makeIssue(['costLines', i, 'amount'], 'NEGATIVE_AMOUNT', { ja: '費用がマイナスです。', en: 'The cost is negative.' }));
    }
    if (!parseIsoDate(l.workDate)) {
      issues.push(
        makeIssue(['costLines', i, 'workDate'], 'INVALID_DATE', {
          ja: `作業日「${l.workDate}」は YYYY-MM-DD 形式の実在する日付ではありません。`,
          en: `Work date "${l.workDate}" is not a valid YYYY-MM-DD date.`,
        }),
      );
    }
  });
  if (input.acceptanceDate < input.ruleSet.validFrom || (input.ruleSet.validTo !== null && input.acceptanceDate > input.ruleSet.validTo)) {
    issues.push(
      makeIssue(
        ['ruleSet'],
        'RULE_SET_NOT_IN_FORCE',
        {
          ja: `受理日 ${input.acceptanceDate} に適用されない規程（${input.ruleSet.id}）です。`,
          en: `Rule set ${input.ruleSet.id} is not in force on the acceptance date ${input.acceptanceDate}.`,
        },
        { severity: 'warning' },
      ),
    );
  }
  return issues;
}

/**
 * Subsidy arithmetic of REFERENCE §5.3 from a dated rule set: lines dated before the acceptance date or in an
 * unknown category are excluded (listed with reasons); per category subsidy = min(round(cost × 2/3), cap) with the
 * rule set's named rounding (⚠ floor by default); the monitoring ≤ 1/2 rule is checked (or enforced, if the data
 * says so); the track total cap and the size-class total-cost cap (⚠, only when a size class is given) limit the
 * total; the SME pays cost − subsidy.
 *
 * @example
 * // REFERENCE §10.3: 405 通常枠 plan 3,300,000 → 2,200,000 → capped 2,000,000; monitoring 1,200,000 → 800,000
 * computeSubsidy({ ruleSet, acceptanceDate: '2026-04-01', costLines: [
 *   { id: '1', category: 'planFormulation', amount: yen(3_300_000), workDate: '2026-05-01' },
 *   { id: '2', category: 'monitoring', amount: yen(1_200_000), workDate: '2027-06-01' } ] }).subsidy // 2800000
 * @see REFERENCE §5.1, §5.2, §5.3, §10.3
 */
export function computeSubsidy(input: SubsidyInput): SubsidyResult {
  const rs = input.ruleSet;
  const rate = rs.subsidyRate;
  const rounding = rs.rounding.mode;
  const excluded: ExcludedCostLine[] = [];
  const costByCategory = new Map<string, number>();
  const linesByCategory = new Map<string, SubsidyCostLine[]>();
  for (const line of input.costLines) {
    const category = rs.categories.find((c) => c.code === line.category);
    if (!category) {
      excluded.push({
        lineId: line.id,
        amount: line.amount,
        reason: 'CATEGORY_NOT_IN_RULE_SET',
        message: {
          ja: `費用区分「${line.category}」はこの規程（${rs.id}）の対象外です。`,
          en: `Category "${line.category}" is not covered by rule set ${rs.id}.`,
        },
      });
      continue;
    }
    if (line.workDate < input.acceptanceDate) {
      excluded.push({
        lineId: line.id,
        amount: line.amount,
        reason: 'BEFORE_ACCEPTANCE',
        message: {
          ja: `作業日 ${line.workDate} は受理日 ${input.acceptanceDate} より前のため対象外です。`,
          en: `Work dated ${line.workDate} is before the acceptance date ${input.acceptanceDate} and does not count.`,
        },
      });
      continue;
    }
    costByCategory.set(line.category, (costByCategory.get(line.category) ?? 0) + line.amount);
    linesByCategory.set(line.category, [...(linesByCategory.get(line.category) ?? []), line]);
  }

  const checks: SubsidyCheck[] = [];
  const steps: Step[] = [
    makeStep(
      'SUBSIDY_RULE_SET',
      {
        ja: `適用規程：${rs.name.ja}（${rs.validFrom}〜${rs.validTo ?? ''}${rs.verified ? '' : '・未検証'}）`,
        en: `Rule set: ${rs.name.en} (from ${rs.validFrom}${rs.validTo ? ` to ${rs.validTo}` : ''}${rs.verified ? '' : ', unverified'})`,
      },
      null,
      'none',
      { sourceRef: rs.sources.map((s) => s.url).join(' ; ') },
    ),
    makeStep('SUBSIDY_RATE', text('補助率', 'Subsidy rate'), rate.numerator / rate.denominator, 'ratio', {
      formula: {
        ja: `${rate.numerator}/${rate.denominator}（${describeRounding(rounding).ja}${rs.rounding.verified ? '' : '・端数処理は未確認'}）`,
        en: `${rate.numerator}/${rate.denominator} (${describeRounding(rounding).en}${rs.rounding.verified ? '' : '; rounding unconfirmed'})`,
      },
    }),
    makeStep(
      'ACCEPTANCE_DATE',
      {
        ja: `受理日 ${input.acceptanceDate} 以降の作業のみ対象`,
        en: `Only work on or after the acceptance date ${input.acceptanceDate} counts`,
      },
      null,
      'none',
      { sourceRef: 'REFERENCE §5.1' },
    ),
  ];

  // Monitoring share rule
  const mr = rs.monitoringShareRule;
  if (mr) {
    const monitoring = mr.monitoringCategories.reduce((s, c) => s + (costByCategory.get(c) ?? 0), 0);
    const base = mr.baseCategories.reduce((s, c) => s + (costByCategory.get(c) ?? 0), 0);
    const limit = multiplyYenByFraction(yen(base), mr.maxShare.numerator, mr.maxShare.denominator, 'floor');
    const passed = monitoring * mr.maxShare.denominator <= base * mr.maxShare.numerator;
    checks.push({
      code: 'MONITORING_AT_MOST_SHARE',
      passed,
      value: yen(monitoring),
      limit,
      label: {
        ja: `伴走支援費用 ≤ （計画策定費用 + 伴走支援費用）× ${mr.maxShare.numerator}/${mr.maxShare.denominator}`,
        en: `Monitoring cost ≤ ${mr.maxShare.numerator}/${mr.maxShare.denominator} × (plan + monitoring cost)`,
      },
    });
    steps.push(
      makeStep(
        passed ? 'MONITORING_SHARE_OK' : 'MONITORING_SHARE_EXCEEDED',
        {
          ja: `伴走支援費用 ${formatYenPlain(monitoring)}円 ≤ ${formatYenPlain(limit)}円（対象費用 ${formatYenPlain(base)}円 の ${mr.maxShare.numerator}/${mr.maxShare.denominator}）：${passed ? '充足' : '超過'}`,
          en: `Monitoring cost ¥${formatYenPlain(monitoring)} vs limit ¥${formatYenPlain(limit)} (${mr.maxShare.numerator}/${mr.maxShare.denominator} of ¥${formatYenPlain(base)}): ${passed ? 'within' : 'exceeded'}`,
        },
        monitoring,
        'yen',
        { sourceRef: mr.source },
      ),
    );
    if (!passed && mr.enforcement === 'limitEligibleCost') {
      // m ≤ s × (p + m)  ⇔  m ≤ s·p ÷ (1 − s); the excess is taken off the monitoring categories in order.
      const nonMonitoring = base - monitoring;
      const allowed = Number(
        (BigInt(nonMonitoring) * BigInt(mr.maxShare.numerator)) / BigInt(mr.maxShare.denominator - mr.maxShare.numerator),
      );
      let excess = monitoring - allowed;
      for (const c of mr.monitoringCategories) {
        const cost = costByCategory.get(c) ?? 0;
        const cut = Math.min(cost, excess);
        if (cut <= 0) continue;
        costByCategory.set(c, cost - cut);
        excess -= cut;
        excluded.push({
          lineId: (linesByCategory.get(c) ?? []).map((l) => l.id).join(','),
          amount: yen(cut),
          reason: 'MONITORING_ABOVE_SHARE',
          message: {
            ja: `伴走支援費用のうち上限割合を超える ${formatYenPlain(cut)}円 は対象外です。`,
            en: `¥${formatYenPlain(cut)} of monitoring cost above the allowed share does not count.`,
          },
        });
      }
    }
  }

  // Size-class monitoring cost caps (cost-based)
  const sc = rs.sizeClassCostCaps;
  if (sc && input.sizeClass && sc.monitoringCostCaps?.[input.sizeClass] !== undefined) {
    const cap = sc.monitoringCostCaps[input.sizeClass] ?? yen(0);
    const monitoring = rs.categories.filter((c) => c.isMonitoring === true).reduce((s, c) => s + (costByCategory.get(c.code) ?? 0), 0);
    checks.push({
      code: 'SIZE_CLASS_MONITORING_COST_CAP',
      passed: monitoring <= cap,
      value: yen(monitoring),
      limit: cap,
      label: text('規模区分による伴走支援費用の上限（⚠未検証）', 'Size-class cap on monitoring cost (unverified)'),
    });
  }

  const categories: CategorySubsidy[] = rs.categories.map((c) => {
    const cost = costByCategory.get(c.code) ?? 0;
    const rateAmount = multiplyYenByFraction(yen(cost), rate.numerator, rate.denominator, rounding);
    const subsidy = Math.min(rateAmount, c.subsidyCap);
    const cSteps: Step[] = [
      makeStep('ELIGIBLE_COST', { ja: `${c.label.ja}：対象費用`, en: `${c.label.en}: eligible cost` }, cost, 'yen'),
      makeStep(
        'RATE_AMOUNT',
        {
          ja: `${c.label.ja}：対象費用 × ${rate.numerator}/${rate.denominator}`,
          en: `${c.label.en}: eligible cost × ${rate.numerator}/${rate.denominator}`,
        },
        rateAmount,
        'yen',
        { formula: describeRounding(rounding) },
      ),
      makeStep('CATEGORY_CAP', { ja: `${c.label.ja}：上限額`, en: `${c.label.en}: cap` }, c.subsidyCap, 'yen'),
      makeStep(
        'CATEGORY_SUBSIDY',
        {
          ja: `${c.label.ja}：補助金額${rateAmount > c.subsidyCap ? '（上限適用）' : ''}`,
          en: `${c.label.en}: subsidy${rateAmount > c.subsidyCap ? ' (capped)' : ''}`,
        },
        subsidy,
        'yen',
        { formula: text('min(対象費用 × 補助率, 上限額)', 'min(eligible cost × rate, cap)'), sourceRef: 'REFERENCE §5.3' },
      ),
    ];
    return {
      code: c.code,
      label: c.label,
      eligibleCost: yen(cost),
      rateAmount,
      cap: c.subsidyCap,
      subsidy: yen(subsidy),
      capped: rateAmount > c.subsidyCap,
      steps: cSteps,
    };
  });
  const eligibleCost = categories.reduce((s, c) => s + c.eligibleCost, 0);
  const beforeTotal = categories.reduce((s, c) => s + c.subsidy, 0);
  let subsidy = beforeTotal;
  let totalCapReduction = 0;
  if (rs.totalSubsidyCap !== null && subsidy > rs.totalSubsidyCap) {
    totalCapReduction = subsidy - rs.totalSubsidyCap;
    subsidy = rs.totalSubsidyCap;
  }
  let sizeReduction = 0;
  if (sc && input.sizeClass) {
    const costCap = sc.totalCostCaps[input.sizeClass];
    checks.push({
      code: 'SIZE_CLASS_TOTAL_COST_CAP',
      passed: eligibleCost <= costCap,
      value: yen(eligibleCost),
      limit: costCap,
      label: text('規模区分による総費用の上限（⚠未検証）', 'Size-class cap on total cost (unverified)'),
    });
    const subsidyCap = multiplyYenByFraction(costCap, rate.numerator, rate.denominator, rounding);
    if (subsidy > subsidyCap) {
      sizeReduction = subsidy - subsidyCap;
      subsidy = subsidyCap;
    }
    steps.push(
      makeStep(
        'SIZE_CLASS_CAP',
        {
          ja: `規模区分（${input.sizeClass}）の総費用上限 ${formatYenPlain(costCap)}円 → 補助上限 ${formatYenPlain(subsidyCap)}円（⚠未検証）`,
          en: `Size class (${input.sizeClass}) total-cost cap ¥${formatYenPlain(costCap)} → subsidy cap ¥${formatYenPlain(subsidyCap)} (unverified)`,
        },
        subsidyCap,
        'yen',
        { sourceRef: sc.source },
      ),
    );
  } else if (sc) {
    steps.push(
      makeStep(
        'SIZE_CLASS_CAP_NOT_APPLIED',
        text(
          '規模区分が指定されていないため、規模別の総費用上限は適用していません',
          'No size class given, so the size-class total-cost cap is not applied',
        ),
        null,
        'none',
      ),
    );
  }
  const totalCost = input.costLines.reduce((s, l) => s + l.amount, 0);
  const excludedCost = totalCost - eligibleCost;
  for (const e of excluded)
    steps.push(makeStep('EXCLUDED_COST', { ja: `対象外：${e.message.ja}`, en: `Excluded: ${e.message.en}` }, e.amount, 'yen'));
  for (const c of categories) steps.push(...c.steps);
  if (totalCapReduction > 0)
    steps.push(
      makeStep('TOTAL_CAP_REDUCTION', text('枠全体の上限による減額', 'Reduction by the track total cap'), -totalCapReduction, 'yen'),
    );
  if (sizeReduction > 0)
    steps.push(
      makeStep(
        'SIZE_CLASS_CAP_REDUCTION',
        text('規模区分の上限による減額（⚠未検証）', 'Reduction by the size-class cap (unverified)'),
        -sizeReduction,
        'yen',
      ),
    );
  steps.push(
    makeStep('SUBSIDY_TOTAL', text('補助金額（協議会負担 2/3）', 'Subsidy (council pays 2/3)'), subsidy, 'yen', {
      sourceRef: 'REFERENCE §5.3',
    }),
    makeStep(
      'SME_SHARE',
      text('中小企業の自己負担額（対象費用 − 補助金額）', "SME's own share (eligible cost − subsidy)"),
      eligibleCost - subsidy,
      'yen',
      { formula: text('対象費用 − 補助金額', 'eligible cost − subsidy') },
    ),
    makeStep(
      'SME_PAYS_TOTAL',
      text('中小企業の支払総額（総費用 − 補助金額）', 'Total paid by the SME (total cost − subsidy)'),
      totalCost - subsidy,
      'yen',
    ),
  );
  return {
    ruleSetId: rs.id,
    verified: rs.verified,
    categories,
    excludedLines: excluded,
    totalCost: yen(totalCost),
    eligibleCost: yen(eligibleCost),
    excludedCost: yen(excludedCost),
    subsidyBeforeTotalCaps: yen(beforeTotal),
    totalCapReduction: yen(totalCapReduction),
    sizeClassCapReduction: yen(sizeReduction),
    subsidy: yen(subsidy),
    smeShareOfEligibleCost: yen(eligibleCost - subsidy),
    smePays: yen(totalCost - subsidy),
    checks,
    steps,
  };
}
