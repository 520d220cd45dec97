import { makeStep, text, type LocalizedText, type Step } from '../explain/step';
import type { LocabenIndicators } from './locaben-indicators';
import {
  LOCABEN_INDICATOR_CODES,
  type LocabenBandMapping,
  type LocabenCutPoints,
  type LocabenDirection,
  type LocabenIndicatorCode,
  type LocabenSizeClass,
  type LocabenThresholdTable,
} from './locaben-thresholds';

/** The band a value falls in: at or better than A, B, C, D; worse than D; or not computable. */
export type LocabenBand = 'A' | 'B' | 'C' | 'D' | 'belowD' | 'notComputable';

/** Score of one indicator. */
export interface LocabenIndicatorScore {
  readonly code: LocabenIndicatorCode;
  readonly value: number | null;
  readonly band: LocabenBand;
  readonly score: number;
  readonly cutPoints: LocabenCutPoints | null;
  readonly steps: readonly Step[];
}

/**
 * Maps a value to its band and points with the (configurable, ⚠ inferred) mapping: higher-is-better → v ≥ A: 5;
 * B ≤ v < A: 4; C ≤ v < B: 3; D ≤ v < C: 2; v < D: 1. Lower-is-better → v ≤ A: 5; ≤ B: 4; ≤ C: 3; ≤ D: 2; else 1.
 * With `exclusiveToBetterBand` a value equal to a cut-point falls into the worse band. `null` = not computable.
 *
 * @example
 * scoreLocabenValue(5, { median: 3.11, d: -9.56, c: -1.07, b: 8.02, a: 18.95 }, 'higherIsBetter', mapping)
 * // { band: 'C', score: 3 }
 * @see REFERENCE §6.5 (band mapping inferred)
 */
export function scoreLocabenValue(
  value: number | null,
  cut: LocabenCutPoints,
  direction: LocabenDirection,
  mapping: LocabenBandMapping,
): { band: LocabenBand; score: number } {
  if (value === null || !Number.isFinite(value)) return { band: 'notComputable', score: mapping.notComputableScore };
  const inclusive = mapping.boundary === 'inclusiveToBetterBand';
  const atOrBetter = (limit: number) => {
    if (direction === 'higherIsBetter') return inclusive ? value >= limit : value > limit;
    return inclusive ? value <= limit : value < limit;
  };
  if (atOrBetter(cut.a)) return { band: 'A', score: mapping.scores.atOrBetterThanA };
  if (atOrBetter(cut.b)) return { band: 'B', score: mapping.scores.atOrBetterThanB };
  if (atOrBetter(cut.c)) return { band: 'C', score: mapping.scores.atOrBetterThanC };
  if (atOrBetter(cut.d)) return { band: 'D', score: mapping.scores.atOrBetterThanD };
  return { band: 'belowD', score: mapping.scores.worseThanD };
}

/** Result of {@link scoreLocaben}. */
export interface LocabenScoreResult {
  readonly industryCode: string;
  readonly industryName: string;
  readonly sizeClass: LocabenSizeClass;
  readonly scores: readonly LocabenIndicatorScore[];
  readonly total: number;
  readonly maxTotal: number;
  /** Grade from the cut-offs, when cut-offs are used (⚠ unverified); otherwise null. */
  readonly grade: string | null;
  /** False when the thresholds, band mapping or grade cut-offs used are unverified. */
  readonly verified: boolean;
  readonly steps: readonly Step[];
}

/** Options of {@link scoreLocaben}. */
export interface LocabenScoreOptions {
  /** Override the table's band mapping. */
  readonly bandMapping?: LocabenBandMapping;
  /** Give a grade using the table's (or these) cut-offs. Default: grade only when the table has cut-offs. */
  readonly gradeCutoffs?: LocabenThresholdTable['gradeCutoffs'] | null;
}

function screamingSnake(code: string): string {
  return code.replace(/([A-Z])/g, '_$1').toUpperCase();
}

const BAND_LABEL: Record<LocabenBand, LocalizedText> = {
  A: text('A以上', 'at or better than A'),
  B: text('B以上A未満', 'between B and A'),
  C: text('C以上B未満', 'between C and B'),
  D: text('D以上C未満', 'between D and C'),
  belowD: text('D未満', 'worse than D'),
  notComputable: text('算出不能', 'not computable'),
};

/**
 * Scores the six indicators against the industry × size thresholds (data), totals them (max 30) and, optionally,
 * maps the total to a grade. Returns `undefined` when the industry code is not in the table.
 *
 * @example
 * scoreLocaben(computeLocabenIndicators({ current, prior }), table, '0201', 'medium')?.total // 17 (REFERENCE §10.4)
 * @see REFERENCE §6.5, §10.4, Appendix A
 */
export function scoreLocaben(
  indicators: LocabenIndicators,
  table: LocabenThresholdTable,
  industryCode: string,
  sizeClass: LocabenSizeClass,
  options: LocabenScoreOptions = {},
): LocabenScoreResult | undefined {
  const row = table.industries.find((r) => r.code === industryCode);
  if (!row) return undefined;
  const mapping = options.bandMapping ?? table.bandMapping;
  const scores: LocabenIndicatorScore[] = [];
  for (const code of LOCABEN_INDICATOR_CODES) {
    const ind = indicators[code];
    const info = table.indicators.find((i) => i.code === code);
    const direction: LocabenDirection = info?.direction ?? 'higherIsBetter';
    const cut = row.thresholds[sizeClass][code];
    const value = ind.computable ? ind.value : null;
    const { band, score } = scoreLocabenValue(value, cut, direction, mapping);
    scores.push({
      code,
      value,
      band,
      score,
      cutPoints: cut,
      steps: [
        ...ind.steps,
        makeStep('INDUSTRY_MEDIAN', text('同業種・同規模の中央値', 'Median of the same industry and size'), cut.median, ind.unit),
        makeStep('CUT_POINT_A', text('閾値A', 'Cut-point A'), cut.a, ind.unit),
        makeStep('CUT_POINT_B', text('閾値B', 'Cut-point B'), cut.b, ind.unit),
        makeStep('CUT_POINT_C', text('閾値C', 'Cut-point C'), cut.c, ind.unit),
        makeStep('CUT_POINT_D', text('閾値D', 'Cut-point D'), cut.d, ind.unit),
        makeStep(
          'LOCABEN_SCORE',
          {
            ja: `${ind.label.ja}の評点（${BAND_LABEL[band].ja}）`,
            en: `Score of ${ind.label.en} (${BAND_LABEL[band].en})`,
          },
          score,
          'count',
          { sourceRef: 'REFERENCE §6.5 (band mapping inferred ⚠)' },
        ),
      ],
    });
  }
  const total = scores.reduce((s, x) => s + x.score, 0);
  const maxTotal = mapping.scores.atOrBetterThanA * LOCABEN_INDICATOR_CODES.length;
  const cutoffs = options.gradeCutoffs === null ? undefined : (options.gradeCutoffs ?? table.gradeCutoffs);
  const grade = cutoffs ? (cutoffs.grades.find((g) => total >= g.minTotal)?.grade ?? null) : null;
  const verified = table.verified && mapping.verified && (cutoffs ? cutoffs.verified : true);
  const steps: Step[] = [
    makeStep(
      'LOCABEN_PEER_GROUP',
      {
        ja: `比較対象：${row.code}_${row.name}／${sizeClass === 'medium' ? '中規模事業者' : '小規模事業者'}（閾値データ ${table.version}${table.verified ? '' : '・未検証'}）`,
        en: `Peer group: ${row.code}_${row.name} / ${sizeClass === 'medium' ? 'medium-sized' : 'small'} enterprises (threshold data ${table.version}${table.verified ? '' : ', unverified'})`,
      },
      null,
      'none',
      { sourceRef: 'REFERENCE Appendix A' },
    ),
    ...scores.map((s) => makeStep(`SCORE_${screamingSnake(s.code)}`, indicators[s.code].label, s.score, 'count')),
    makeStep('LOCABEN_TOTAL_SCORE', text('ロカベン総合評点', 'ロカベン total score'), total, 'count', {
      formula: text(`6指標の評点の合計（満点 ${maxTotal}点）`, `Sum of the six indicator scores (maximum ${maxTotal})`),
      sourceRef: 'REFERENCE §6.5',
    }),
  ];
  if (grade !== null) {
    steps.push(
      makeStep(
        'LOCABEN_GRADE',
        {
          ja: `総合評価 ${grade}${cutoffs?.verified === true ? '' : '（区分基準は未検証）'}`,
          en: `Overall grade ${grade}${cutoffs?.verified === true ? '' : ' (cut-offs unverified)'}`,
        },
        null,
        'none',
        { sourceRef: 'REFERENCE §6.5 ⚠' },
      ),
    );
  }
  return {
    industryCode: row.code,
    industryName: row.name,
    sizeClass,
    scores,
    total,
    maxTotal,
    grade,
    verified,
    steps,
  };
}
