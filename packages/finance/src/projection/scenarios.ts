import type { Yen } from '@kasseika/domain';
import { makeStep, type LocalizedText, type Step } from '../explain/step';
import { multiplyYen } from '../money/exact-fraction';
import { buildProjection } from './build-projection';
import type { ProjectionResult } from './projection-result';
import type { ProjectionDrivers, ProjectionInput, Yearly } from './projection-input';

/** Driver overrides that turn the base plan into a scenario (e.g. downside). */
export interface ScenarioOverrides {
  /** Added to every year's sales growth (−0.02 = two points lower). */
  readonly salesGrowthDelta?: number;
  /** Added to every year's sales level adjustment (−0.1 = sales 10 % below the growth path). */
  readonly salesLevelDelta?: number;
  /** Added to every year's cost-of-sales ratio (0.01 = one point higher). */
  readonly costOfSalesRatioDelta?: number;
  /** Relative change of personnel costs (0.05 = +5 %), rounded half up to the yen. */
  readonly personnelCostsRate?: number;
  /** Relative change of other fixed SG&A. */
  readonly otherFixedSgaRate?: number;
  /** Direct replacements of drivers, applied last. */
  readonly drivers?: Partial<ProjectionDrivers>;
}

/** A named scenario. */
export interface Scenario {
  readonly id: string;
  readonly name: LocalizedText;
  readonly overrides: ScenarioOverrides;
}

/**
 * Adds two decimals typed by people and drops floating-point noise (15 significant digits), e.g. 0.03 − 0.02 = 0.01.
 *
 * @example
 * addDecimals(0.03, -0.02) // 0.01
 */
export function addDecimals(a: number, b: number): number {
  return Number((a + b).toPrecision(15));
}

function mapYearly(v: Yearly<number>, f: (x: number) => number): Yearly<number> {
  return Array.isArray(v) ? (v as readonly number[]).map(f) : f(v as number);
}

function scaleYen(v: Yearly<Yen>, rate: number): Yearly<Yen> {
  const f = (x: Yen): Yen => (x + multiplyYen(x, [rate], [], 'roundHalfUp')) as Yen;
  return Array.isArray(v) ? (v as readonly Yen[]).map(f) : f(v as Yen);
}

/**
 * Applies scenario overrides to drivers (pure; returns new drivers).
 *
 * @example
 * applyScenario(drivers, { salesGrowthDelta: -0.02, costOfSalesRatioDelta: 0.01 }).salesGrowth // 0.01 when it was 0.03
 */
export function applyScenario(drivers: ProjectionDrivers, overrides: ScenarioOverrides): ProjectionDrivers {
  let d: ProjectionDrivers = { ...drivers };
  if (overrides.salesGrowthDelta !== undefined) {
    const delta = overrides.salesGrowthDelta;
    d = { ...d, salesGrowth: mapYearly(d.salesGrowth, (g) => addDecimals(g, delta)) };
  }
  if (overrides.salesLevelDelta !== undefined) {
    const delta = overrides.salesLevelDelta;
    d = { ...d, salesAdjustment: mapYearly(d.salesAdjustment ?? 0, (a) => addDecimals(a, delta)) };
  }
  if (overrides.costOfSalesRatioDelta !== undefined) {
    const delta = overrides.costOfSalesRatioDelta;
    d = { ...d, costOfSalesRatio: mapYearly(d.costOfSalesRatio, (r) => Math.max(0, addDecimals(r, delta))) };
  }
  if (overrides.personnelCostsRate !== undefined) d = { ...d, personnelCosts: scaleYen(d.personnelCosts, overrides.personnelCostsRate) };
  if (overrides.otherFixedSgaRate !== undefined) d = { ...d, otherFixedSga: scaleYen(d.otherFixedSga, overrides.otherFixedSgaRate) };
  return { ...d, ...(overrides.drivers ?? {}) };
}

/**
 * Runs the base input under each scenario (base / downside / …).
 *
 * @example
 * runScenarios(input, [{ id: 'base', name: { ja: '基本', en: 'Base' }, overrides: {} },
 *   { id: 'downside', name: { ja: '悲観', en: 'Downside' }, overrides: { salesLevelDelta: -0.1 } }])
 */
export function runScenarios(
  input: ProjectionInput,
  scenarios: readonly Scenario[],
): { scenario: Scenario; projection: ProjectionResult; steps: Step[] }[] {
  return scenarios.map((scenario) => {
    const o = scenario.overrides;
    const steps: Step[] = [makeStep('SCENARIO', scenario.name, null, 'none')];
    if (o.salesGrowthDelta !== undefined)
      steps.push(
        makeStep(
          'SALES_GROWTH_DELTA',
          { ja: '売上高成長率の増減（ポイント）', en: 'Change in sales growth (points)' },
          o.salesGrowthDelta,
          'ratio',
        ),
      );
    if (o.salesLevelDelta !== undefined)
      steps.push(makeStep('SALES_LEVEL_DELTA', { ja: '売上高水準の増減率', en: 'Change in sales level' }, o.salesLevelDelta, 'ratio'));
    if (o.costOfSalesRatioDelta !== undefined)
      steps.push(
        makeStep(
          'COST_OF_SALES_RATIO_DELTA',
          { ja: '売上原価率の増減（ポイント）', en: 'Change in cost-of-sales ratio (points)' },
          o.costOfSalesRatioDelta,
          'ratio',
        ),
      );
    if (o.personnelCostsRate !== undefined)
      steps.push(
        makeStep('PERSONNEL_COSTS_RATE', { ja: '人件費の増減率', en: 'Change in personnel costs' }, o.personnelCostsRate, 'ratio'),
      );
    if (o.otherFixedSgaRate !== undefined)
      steps.push(
        makeStep('OTHER_FIXED_SGA_RATE', { ja: 'その他固定費の増減率', en: 'Change in other fixed SG&A' }, o.otherFixedSgaRate, 'ratio'),
      );
    return { scenario, projection: buildProjection({ ...input, drivers: applyScenario(input.drivers, o) }), steps };
  });
}
