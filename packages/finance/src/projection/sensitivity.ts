import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import { computeBalanceSheetTotals } from '../statements/balance-sheet-totals';
import { buildProjection } from './build-projection';
import type { ProjectionResult } from './projection-result';
import type { ProjectionInput } from './projection-input';
import { applyScenario, type ScenarioOverrides } from './scenarios';

/** A driver moved by a sensitivity analysis. */
export type SensitivityVariable = 'salesLevel' | 'salesGrowth' | 'costOfSalesRatio' | 'personnelCosts' | 'otherFixedSga';

/** Key outputs compared across cases. */
export interface KeyOutputs {
  readonly finalYearNetSales: Yen;
  readonly finalYearOperatingProfit: Yen;
  readonly finalYearOrdinaryProfit: Yen;
  readonly cumulativeNetIncome: Yen;
  readonly finalYearCash: Yen;
  readonly minimumCash: Yen;
  readonly finalYearNetAssets: Yen;
  readonly finalYearInterestBearingDebt: Yen;
  /** null when not computable (CF ≤ 0). */
  readonly finalYearDebtRepaymentYears: number | null;
}

const OUTPUT_LABELS: Record<keyof KeyOutputs, LocalizedText> = {
  finalYearNetSales: text('最終年度の売上高', 'Final-year net sales'),
  finalYearOperatingProfit: text('最終年度の営業利益', 'Final-year operating profit'),
  finalYearOrdinaryProfit: text('最終年度の経常利益', 'Final-year ordinary profit'),
  cumulativeNetIncome: text('計画期間の当期純利益累計', 'Cumulative net income over the plan'),
  finalYearCash: text('最終年度末の現預金', 'Cash at the end of the final year'),
  minimumCash: text('計画期間中の最低現預金残高', 'Lowest year-end cash in the plan'),
  finalYearNetAssets: text('最終年度末の純資産', 'Net assets at the end of the final year'),
  finalYearInterestBearingDebt: text('最終年度末の有利子負債', 'Interest-bearing debt at the end of the final year'),
  finalYearDebtRepaymentYears: text('最終年度の債務償還年数', 'Final-year debt repayment years'),
};

const VARIABLE_LABELS: Record<SensitivityVariable, LocalizedText> = {
  salesLevel: text('売上高の水準（増減率）', 'Sales level (relative change)'),
  salesGrowth: text('売上高成長率（ポイント増減）', 'Sales growth (change in points)'),
  costOfSalesRatio: text('売上原価率（ポイント増減）', 'Cost-of-sales ratio (change in points)'),
  personnelCosts: text('人件費（増減率）', 'Personnel costs (relative change)'),
  otherFixedSga: text('その他固定費（増減率）', 'Other fixed SG&A (relative change)'),
};

/**
 * Reads the key outputs of a projection.
 *
 * @example
 * extractKeyOutputs(buildProjection(input)).finalYearCash
 */
export function extractKeyOutputs(p: ProjectionResult): KeyOutputs {
  const last = p.years.at(-1);
  if (!last) throw new RangeError('empty projection');
  const pl = last.statement.incomeStatement;
  return {
    finalYearNetSales: pl.netSales,
    finalYearOperatingProfit: pl.operatingProfit,
    finalYearOrdinaryProfit: pl.ordinaryProfit,
    cumulativeNetIncome: yen(p.years.reduce((s, y) => s + y.statement.incomeStatement.netIncome, 0)),
    finalYearCash: last.statement.balanceSheet.cashAndDeposits,
    minimumCash: yen(Math.min(...p.years.map((y) => y.statement.balanceSheet.cashAndDeposits))),
    finalYearNetAssets: computeBalanceSheetTotals(last.statement.balanceSheet).value.totalNetAssets,
    finalYearInterestBearingDebt: last.interestBearingDebt,
    finalYearDebtRepaymentYears: last.debtRepaymentYears.computable ? last.debtRepaymentYears.value : null,
  };
}

function overridesFor(variable: SensitivityVariable, delta: number): ScenarioOverrides {
  switch (variable) {
    case 'salesLevel':
      return { salesLevelDelta: delta };
    case 'salesGrowth':
      return { salesGrowthDelta: delta };
    case 'costOfSalesRatio':
      return { costOfSalesRatioDelta: delta };
    case 'personnelCosts':
      return { personnelCostsRate: delta };
    case 'otherFixedSga':
      return { otherFixedSgaRate: delta };
  }
}

/** One case of a sensitivity analysis with its differences from the baseline (null when either side is null). */
export interface SensitivityCase {
  readonly delta: number;
  readonly outputs: KeyOutputs;
  readonly differences: Readonly<Record<keyof KeyOutputs, number | null>>;
  readonly allChecksPassed: boolean;
}

/**
 * Sensitivity: moves one driver by each delta (e.g. sales ±5 %, ±10 %) and reports the effect on key outputs against
 * the unchanged plan.
 *
 * @example
 * analyseSensitivity(input, { variable: 'salesLevel', deltas: [-0.1, -0.05, 0.05, 0.1] })
 *   .cases[0].differences.finalYearOrdinaryProfit // change in final-year ordinary profit when sales are 10 % lower
 */
export function analyseSensitivity(
  input: ProjectionInput,
  spec: { readonly variable: SensitivityVariable; readonly deltas: readonly number[] },
): { variable: SensitivityVariable; baseline: KeyOutputs; cases: SensitivityCase[]; steps: Step[] } {
  const baseline = extractKeyOutputs(buildProjection(input));
  const keys = Object.keys(OUTPUT_LABELS) as (keyof KeyOutputs)[];
  const steps: Step[] = [makeStep('SENSITIVITY_VARIABLE', VARIABLE_LABELS[spec.variable], null, 'none')];
  const cases = spec.deltas.map((delta): SensitivityCase => {
    const p = buildProjection({ ...input, drivers: applyScenario(input.drivers, overridesFor(spec.variable, delta)) });
    const outputs = extractKeyOutputs(p);
    const differences = Object.fromEntries(
      keys.map((k) => {
        const a = outputs[k];
        const b = baseline[k];
        return [k, a === null || b === null ? null : a - b];
      }),
    ) as Record<keyof KeyOutputs, number | null>;
    for (const k of ['finalYearOrdinaryProfit', 'finalYearCash'] as const) {
      steps.push(
        makeStep(
          'SENSITIVITY_EFFECT',
          {
            ja: `${VARIABLE_LABELS[spec.variable].ja} ${delta} のときの${OUTPUT_LABELS[k].ja}の変化`,
            en: `Change in ${OUTPUT_LABELS[k].en.toLowerCase()} at ${delta}`,
          },
          differences[k],
          'yen',
        ),
      );
    }
    return { delta, outputs, differences, allChecksPassed: p.allChecksPassed };
  });
  return { variable: spec.variable, baseline, cases, steps };
}
