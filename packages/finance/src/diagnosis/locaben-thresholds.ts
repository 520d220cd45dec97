import { makeIssue, type ValidationIssue } from '../validation/issue';

/** The six ローカルベンチマーク financial indicators. */
export type LocabenIndicatorCode =
  'salesGrowth' | 'operatingMargin' | 'laborProductivity' | 'ebitdaDebtMultiple' | 'workingCapitalTurnoverMonths' | 'equityRatio';

/**
 * The six indicator codes in REFERENCE §6.5 order ①–⑥.
 *
 * @example
 * LOCABEN_INDICATOR_CODES[2] // 'laborProductivity'
 * @see REFERENCE §6.5
 */
export const LOCABEN_INDICATOR_CODES: readonly LocabenIndicatorCode[] = [
  'salesGrowth',
  'operatingMargin',
  'laborProductivity',
  'ebitdaDebtMultiple',
  'workingCapitalTurnoverMonths',
  'equityRatio',
];

/** 中規模事業者 / 小規模事業者 (the sheet's size split; ⚠ its selection rule was not found). */
export type LocabenSizeClass = 'medium' | 'small';

/** Median and the four cut-points, labelled D < C < B < A in goodness order. */
export interface LocabenCutPoints {
  readonly median: number;
  readonly d: number;
  readonly c: number;
  readonly b: number;
  readonly a: number;
}

/** Whether a larger value is better. */
export type LocabenDirection = 'higherIsBetter' | 'lowerIsBetter';

/** Metadata of an indicator as stored in the threshold data. */
export interface LocabenIndicatorInfo {
  readonly code: LocabenIndicatorCode;
  readonly ja: string;
  readonly en: string;
  readonly unit: 'percent' | 'thousandYenPerEmployee' | 'times' | 'months';
  readonly direction: LocabenDirection;
}

/** How values map to 1–5 points (⚠ inferred, configurable). */
export interface LocabenBandMapping {
  readonly verified: boolean;
  readonly source: string;
  /** `inclusiveToBetterBand`: a value equal to a cut-point gets the better band (REFERENCE §6.5 inferred rule). */
  readonly boundary: 'inclusiveToBetterBand' | 'exclusiveToBetterBand';
  readonly scores: {
    readonly atOrBetterThanA: number;
    readonly atOrBetterThanB: number;
    readonly atOrBetterThanC: number;
    readonly atOrBetterThanD: number;
    readonly worseThanD: number;
  };
  /** Points for a not-computable indicator (presumably 0). */
  readonly notComputableScore: number;
}

/** Optional total-score → grade table (⚠ unverified). Grades are checked from the first entry down. */
export interface LocabenGradeCutoffs {
  readonly verified: boolean;
  readonly source: string;
  readonly grades: readonly { readonly grade: string; readonly minTotal: number }[];
}

/** One industry row of the threshold data. */
export interface LocabenIndustryThresholds {
  readonly code: string;
  readonly name: string;
  readonly thresholds: Readonly<Record<LocabenSizeClass, Readonly<Record<LocabenIndicatorCode, LocabenCutPoints>>>>;
}

/** The whole threshold table as stored in data/finance/locaben-thresholds.v<date>.json. */
export interface LocabenThresholdTable {
  readonly id: string;
  readonly version: string;
  readonly verified: boolean;
  readonly provenance: { readonly status: string; readonly description: string; readonly notes?: readonly string[] };
  readonly bandMapping: LocabenBandMapping;
  readonly gradeCutoffs?: LocabenGradeCutoffs;
  readonly indicators: readonly LocabenIndicatorInfo[];
  readonly industries: readonly LocabenIndustryThresholds[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Checks untyped JSON (e.g. the bundled data file) and returns the typed table plus every issue found: missing
 * fields, non-numeric cut-points, and cut-points out of goodness order (D < C < B < A for higher-is-better,
 * D > C > B > A for lower-is-better). `table` is present only when there is no error.
 *
 * @example
 * const { table, issues } = parseLocabenThresholdTable(JSON.parse(fileText));
 * @see REFERENCE Appendix A, §6.5
 */
export function parseLocabenThresholdTable(json: unknown): {
  table?: LocabenThresholdTable;
  issues: ValidationIssue[];
} {
  const issues: ValidationIssue[] = [];
  const fail = (path: (string | number)[], what: string) =>
    issues.push(
      makeIssue(path, 'INVALID_THRESHOLD_DATA', {
        ja: `ロカベン閾値データが不正です: ${path.join('.')} ${what}`,
        en: `Invalid ロカベン threshold data: ${path.join('.')} ${what}`,
      }),
    );
  if (!isRecord(json)) {
    fail([], 'is not an object');
    return { issues };
  }
  for (const key of ['id', 'version'] as const) if (typeof json[key] !== 'string') fail([key], 'must be a string');
  if (typeof json.verified !== 'boolean') fail(['verified'], 'must be a boolean');
  if (!isRecord(json.provenance) || typeof json.provenance.description !== 'string') {
    fail(['provenance'], 'must describe where the data came from');
  }
  const bm = json.bandMapping;
  if (!isRecord(bm) || !isRecord(bm.scores) || !isFiniteNumber(bm.notComputableScore)) {
    fail(['bandMapping'], 'must give scores and notComputableScore');
  } else {
    if (bm.boundary !== 'inclusiveToBetterBand' && bm.boundary !== 'exclusiveToBetterBand') {
      fail(['bandMapping', 'boundary'], 'must be inclusiveToBetterBand or exclusiveToBetterBand');
    }
    for (const k of ['atOrBetterThanA', 'atOrBetterThanB', 'atOrBetterThanC', 'atOrBetterThanD', 'worseThanD']) {
      if (!isFiniteNumber(bm.scores[k])) fail(['bandMapping', 'scores', k], 'must be a number');
    }
  }
  if (json.gradeCutoffs !== undefined) {
    const g = json.gradeCutoffs;
    if (!isRecord(g) || !Array.isArray(g.grades)) fail(['gradeCutoffs'], 'must list grades');
    else
      g.grades.forEach((x: unknown, i) => {
        if (!isRecord(x) || typeof x.grade !== 'string' || !isFiniteNumber(x.minTotal)) {
          fail(['gradeCutoffs', 'grades', i], 'must have grade and minTotal');
        }
      });
  }
  const directions = new Map<string, LocabenDirection>();
  if (!Array.isArray(json.indicators)) fail(['indicators'], 'must be an array');
  else
    json.indicators.forEach((x: unknown, i) => {
      if (
        !isRecord(x) ||
        typeof x.code !== 'string' ||
        !LOCABEN_INDICATOR_CODES.includes(x.code as LocabenIndicatorCode) ||
        (x.direction !== 'higherIsBetter' && x.direction !== 'lowerIsBetter')
      ) {
        fail(['indicators', i], 'must have a known code and a direction');
      } else directions.set(x.code, x.direction);
    });
  for (const code of LOCABEN_INDICATOR_CODES) {
    if (!directions.has(code)) fail(['indicators'], `lacks ${code}`);
  }
  if (!Array.isArray(json.industries)) fail(['industries'], 'must be an array');
  else
    json.industries.forEach((row: unknown, i) => {
      if (!isRecord(row) || typeof row.code !== 'string' || typeof row.name !== 'string' || !isRecord(row.thresholds)) {
        fail(['industries', i], 'must have code, name and thresholds');
        return;
      }
      for (const size of ['medium', 'small'] as const) {
        const bySize = row.thresholds[size];
        if (!isRecord(bySize)) {
          fail(['industries', i, 'thresholds', size], 'is missing');
          continue;
        }
        for (const code of LOCABEN_INDICATOR_CODES) {
          const t = bySize[code];
          const path = ['industries', i, 'thresholds', size, code];
          if (!isRecord(t) || !['median', 'd', 'c', 'b', 'a'].every((k) => isFiniteNumber(t[k]))) {
            fail(path, 'must have numeric median, d, c, b, a');
            continue;
          }
          const seq = [t.d, t.c, t.b, t.a] as number[];
          const higher = directions.get(code) !== 'lowerIsBetter';
          const ordered = seq.every((v, k) => k === 0 || (higher ? (seq[k - 1] ?? v) < v : (seq[k - 1] ?? v) > v));
          if (!ordered) fail(path, `cut-points are not in goodness order (${seq.join(', ')})`);
        }
      }
    });
  if (issues.length > 0) return { issues };
  return { table: json as unknown as LocabenThresholdTable, issues };
}

/**
 * Finds the cut-points of one industry and size class.
 *
 * @example
 * findLocabenCutPoints(table, '0201', 'medium', 'salesGrowth') // { median: 3.11, d: -9.56, c: -1.07, b: 8.02, a: 18.95 }
 */
export function findLocabenCutPoints(
  table: LocabenThresholdTable,
  industryCode: string,
  size: LocabenSizeClass,
  indicator: LocabenIndicatorCode,
): LocabenCutPoints | undefined {
  return table.industries.find((r) => r.code === industryCode)?.thresholds[size][indicator];
}
