import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import type { BalanceSheet } from '../statements/financial-statement';
import type { AssetClass, CapexItem, ExistingDepreciation, ProjectionDrivers } from './projection-input';

/** One asset class in one plan year. */
export interface AssetClassYear {
  readonly opening: Yen;
  readonly capex: Yen;
  readonly depreciation: Yen;
  readonly closing: Yen;
}

/** Fixed assets of one plan year. */
export interface FixedAssetYear {
  readonly planYear: number;
  readonly byClass: Readonly<Record<AssetClass, AssetClassYear>>;
  readonly capex: Yen;
  readonly depreciation: Yen;
}

const CLASS_LABELS: Record<AssetClass, LocalizedText> = {
  land: text('土地', 'Land'),
  buildings: text('建物', 'Buildings'),
  otherTangible: text('その他有形固定資産', 'Other tangible fixed assets'),
  intangible: text('無形固定資産', 'Intangible fixed assets'),
};

/**
 * Straight-line depreciation of an amount over whole years: ⌊amount ÷ life⌋ each year, the remainder in the final
 * year, so the amounts always add up to the asset's value.
 *
 * @example
 * straightLineSchedule(yen(1_000_000), 3) // [333333, 333333, 333334]
 */
export function straightLineSchedule(amount: Yen, lifeYears: number): Yen[] {
  const annual = Math.floor(amount / lifeYears);
  return Array.from({ length: lifeYears }, (_, i) => yen(i === lifeYears - 1 ? amount - annual * (lifeYears - 1) : annual));
}

function existingSchedule(book: number, spec: ExistingDepreciation | undefined, horizon: number): number[] {
  const out = Array.from({ length: horizon }, () => 0);
  if (!spec || spec.kind === 'none' || book <= 0) return out;
  if (spec.kind === 'straightLine') {
    straightLineSchedule(yen(book), spec.remainingLifeYears).forEach((v, i) => {
      if (i < horizon) out[i] = v;
    });
    return out;
  }
  let remaining = book;
  for (let i = 0; i < horizon; i += 1) {
    const d = Math.min(remaining, Math.max(0, spec.amounts[i] ?? 0));
    out[i] = d;
    remaining -= d;
  }
  return out;
}

function capexSchedule(item: CapexItem, start: 'acquisitionYear' | 'followingYear', horizon: number): number[] {
  const out = Array.from({ length: horizon }, () => 0);
  if (item.assetClass === 'land' || item.amount <= 0) return out;
  const first = item.planYear + (start === 'followingYear' ? 1 : 0);
  straightLineSchedule(item.amount, item.usefulLifeYears ?? 1).forEach((v, k) => {
    const year = first + k;
    if (year >= 1 && year <= horizon) out[year - 1] = (out[year - 1] ?? 0) + v;
  });
  return out;
}

/**
 * Rolls the fixed assets forward: base book values per class, capex added in its plan year, depreciation of
 * existing assets (none / straight-line over the remaining life / given amounts, never below zero book value) and of
 * each capex item (straight-line over its useful life, from the acquisition year or the next). Land is not
 * depreciated. 投資その他の資産 and 繰延資産 are carried unchanged by the projection.
 *
 * @example
 * computeFixedAssetPlan(base.balanceSheet, { ...drivers, capex: [{ planYear: 1, assetClass: 'otherTangible', amount: yen(5_000_000), usefulLifeYears: 5 }] })
 *   .years[0].byClass.otherTangible.depreciation // existing depreciation + 1,000,000
 */
export function computeFixedAssetPlan(bs: BalanceSheet, drivers: ProjectionDrivers): { years: FixedAssetYear[]; steps: Step[] } {
  const n = drivers.horizonYears;
  const start = drivers.capexDepreciationStart ?? 'acquisitionYear';
  const books: Record<AssetClass, number> = {
    land: bs.land,
    buildings: bs.buildings,
    otherTangible: bs.otherTangibleFixedAssets,
    intangible: bs.intangibleFixedAssets,
  };
  const classes: AssetClass[] = ['land', 'buildings', 'otherTangible', 'intangible'];
  const depByClass: Record<AssetClass, number[]> = {
    land: Array.from({ length: n }, () => 0),
    buildings: existingSchedule(bs.buildings, drivers.existingDepreciation?.buildings, n),
    otherTangible: existingSchedule(bs.otherTangibleFixedAssets, drivers.existingDepreciation?.otherTangible, n),
    intangible: existingSchedule(bs.intangibleFixedAssets, drivers.existingDepreciation?.intangible, n),
  };
  const capexByClass: Record<AssetClass, number[]> = {
    land: Array.from({ length: n }, () => 0),
    buildings: Array.from({ length: n }, () => 0),
    otherTangible: Array.from({ length: n }, () => 0),
    intangible: Array.from({ length: n }, () => 0),
  };
  for (const item of drivers.capex ?? []) {
    const idx = item.planYear - 1;
    capexByClass[item.assetClass][idx] = (capexByClass[item.assetClass][idx] ?? 0) + item.amount;
    capexSchedule(item, start, n).forEach((v, i) => {
      depByClass[item.assetClass][i] = (depByClass[item.assetClass][i] ?? 0) + v;
    });
  }
  const years: FixedAssetYear[] = [];
  const open = { ...books };
  for (let t = 1; t <= n; t += 1) {
    const byClass = {} as Record<AssetClass, AssetClassYear>;
    let capex = 0;
    let dep = 0;
    for (const cls of classes) {
      const c = capexByClass[cls][t - 1] ?? 0;
      const d = Math.min(depByClass[cls][t - 1] ?? 0, Math.max(0, open[cls] + c));
      const closing = open[cls] + c - d;
      byClass[cls] = { opening: yen(open[cls]), capex: yen(c), depreciation: yen(d), closing: yen(closing) };
      open[cls] = closing;
      capex += c;
      dep += d;
    }
    years.push({ planYear: t, byClass, capex: yen(capex), depreciation: yen(dep) });
  }
  const steps: Step[] = [];
  for (const cls of classes) {
    const spec = cls === 'land' ? undefined : drivers.existingDepreciation?.[cls];
    const how: LocalizedText =
      cls === 'land'
        ? text('非償却', 'not depreciated')
        : !spec || spec.kind === 'none'
          ? text('既存資産の償却なし', 'no depreciation of existing assets')
          : spec.kind === 'straightLine'
            ? {
                ja: `既存資産は残存${spec.remainingLifeYears}年の定額法`,
                en: `existing assets straight-line over ${spec.remainingLifeYears} remaining years`,
              }
            : text('既存資産は指定額で償却', 'existing assets depreciated by given amounts');
    steps.push(
      makeStep(
        'DEPRECIATION_POLICY',
        { ja: `${CLASS_LABELS[cls].ja}：${how.ja}`, en: `${CLASS_LABELS[cls].en}: ${how.en}` },
        books[cls],
        'yen',
      ),
    );
  }
  if ((drivers.capex ?? []).length > 0) {
    steps.push(
      makeStep(
        'CAPEX_DEPRECIATION_START',
        start === 'acquisitionYear'
          ? text(
              '新規取得資産は取得年度から定額法で償却（年額、最終年度に端数）',
              'New assets are depreciated straight-line from the acquisition year (remainder in the final year)',
            )
          : text('新規取得資産は取得の翌年度から定額法で償却', 'New assets are depreciated straight-line from the year after acquisition'),
        null,
        'none',
      ),
    );
  }
  return { years, steps };
}
