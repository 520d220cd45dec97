import { describe, expect, it } from 'vitest';
import thresholdsJson from '../../../../data/finance/locaben-thresholds.v2026-04-11.json';
import {
  LOCABEN_INDICATOR_CODES,
  findLocabenCutPoints,
  parseLocabenThresholdTable,
  type LocabenIndicatorCode,
  type LocabenSizeClass,
} from './locaben-thresholds';

/**
 * Rows copied verbatim from REFERENCE.md Appendix A (markdown table lines), one or more per indicator, spread over
 * first, middle and last industries and both sizes, including the 1101_医療業 anomaly and the "-0.0" cells.
 */
const REFERENCE_ROWS: Record<LocabenIndicatorCode, string[]> = {
  salesGrowth: [
    '| 0101_農業 | 中 | 2.27 | -5.12 | -0.18 | 5.15 | 10.79 |',
    '| 0201_建設業 | 中 | 3.11 | -9.56 | -1.07 | 8.02 | 18.95 |',
    '| 0601_飲食業 | 小 | -11.05 | -30.56 | -16.69 | -6.28 | 8.67 |',
    '| 1400_その他業種 | 小 | 2.99 | -13.86 | -2.62 | 9.54 | 26.22 |',
  ],
  operatingMargin: [
    '| 0201_建設業 | 中 | 3.46 | -1.3 | 1.78 | 5.41 | 9.85 |',
    '| 0403_食料品卸売業 | 小 | 0.23 | -4.49 | -0.85 | 1.02 | 3.29 |',
    '| 1301_観光業 | 中 | -0.0 | -12.28 | -6.13 | 1.21 | 7.16 |',
  ],
  laborProductivity: [
    '| 0201_建設業 | 中 | 1416.16 | -233.42 | 660.67 | 2440.23 | 5230.19 |',
    '| 0701_不動産業 | 小 | 3275.75 | -835.78 | 1281.43 | 6851.91 | 13881.53 |',
    '| 1101_医療業 | 小 | 292.56 | -789.28 | -115.77 | 588.79 | 1920.78 |',
  ],
  ebitdaDebtMultiple: [
    '| 0201_建設業 | 中 | 5.68 | 31.83 | 10.26 | 2.56 | 0.47 |',
    '| 0901_エネルギー | 中 | 1.08 | 13.25 | 1.17 | 0.99 | 0.37 |',
    '| 1301_観光業 | 小 | 10.9 | 140.91 | 14.48 | 1.63 | 0.62 |',
  ],
  workingCapitalTurnoverMonths: [
    '| 0201_建設業 | 中 | 1.23 | 3.7 | 1.97 | 0.64 | -0.12 |',
    '| 0601_飲食業 | 中 | 0.08 | 0.75 | 0.23 | -0.06 | -0.26 |',
    '| 1006_その他のサービス業 | 小 | 0.89 | 2.84 | 1.3 | 0.56 | -0.0 |',
  ],
  equityRatio: [
    '| 0201_建設業 | 中 | 37.39 | 6.63 | 23.99 | 51.67 | 72.37 |',
    '| 1002_娯楽業 | 小 | 10.47 | -70.97 | -1.03 | 39.51 | 65.15 |',
    '| 1400_その他業種 | 中 | 30.17 | 1.98 | 18.08 | 44.39 | 69.15 |',
  ],
};

function parseRow(line: string) {
  const cells = line
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  const [industry = '', size = '', ...nums] = cells;
  const [code = '', name = ''] = industry.split('_');
  const sizeClass: LocabenSizeClass = size === '中' ? 'medium' : 'small';
  const [median, d, c, b, a] = nums.map(Number);
  return { code, name, size: sizeClass, cut: { median, d, c, b, a } };
}

describe('locaben threshold data (data/finance/locaben-thresholds.v2026-04-11.json)', () => {
  const { table, issues } = parseLocabenThresholdTable(thresholdsJson);

  it('parses without issues and is labelled unverified with its provenance', () => {
    expect(issues).toEqual([]);
    expect(table?.verified).toBe(false);
    expect(table?.bandMapping.verified).toBe(false);
    expect(table?.gradeCutoffs?.verified).toBe(false);
    expect(table?.provenance.status).toBe('unverified');
    expect(table?.provenance.description).toContain('1fa12fc4a1b63e1fa6519a13a7e4f39627abb060');
  });

  it('holds ALL rows of Appendix A: 27 industries × 2 sizes × 6 indicators = 324 rows', () => {
    expect(table?.industries).toHaveLength(27);
    let rows = 0;
    for (const ind of table?.industries ?? []) {
      for (const size of ['medium', 'small'] as const) {
        for (const code of LOCABEN_INDICATOR_CODES) if (ind.thresholds[size][code]) rows += 1;
      }
    }
    expect(rows).toBe(324);
    expect(table?.industries.map((i) => i.code).slice(0, 3)).toEqual(['0101', '0201', '0301']);
    expect(table?.industries.at(-1)?.code).toBe('1400');
  });

  for (const code of LOCABEN_INDICATOR_CODES) {
    it(`matches the REFERENCE text for spot-checked ${code} rows`, () => {
      for (const line of REFERENCE_ROWS[code]) {
        const row = parseRow(line);
        expect(table?.industries.find((i) => i.code === row.code)?.name).toBe(row.name);
        const cut = table ? findLocabenCutPoints(table, row.code, row.size, code) : undefined;
        expect(cut).toEqual(row.cut);
      }
    });
  }

  it('keeps the 1101_医療業 anomaly (identical values for both sizes) as published', () => {
    const row = table?.industries.find((i) => i.code === '1101');
    expect(row?.thresholds.medium).toEqual(row?.thresholds.small);
  });

  it('returns undefined for an unknown industry', () => {
    expect(table && findLocabenCutPoints(table, '9999', 'small', 'equityRatio')).toBeUndefined();
  });
});

describe('parseLocabenThresholdTable', () => {
  it('lists every problem in malformed data', () => {
    expect(parseLocabenThresholdTable(null).issues.map((i) => i.code)).toEqual(['INVALID_THRESHOLD_DATA']);
    const bad = JSON.parse(JSON.stringify(thresholdsJson)) as unknown as Record<string, unknown>;
    bad.verified = 'no';
    const industries = bad.industries as { thresholds: Record<string, Record<string, Record<string, number>>> }[];
    const first = industries[0];
    if (first?.thresholds.medium?.salesGrowth) first.thresholds.medium.salesGrowth.a = -100; // out of order
    if (first?.thresholds.small) delete first.thresholds.small.equityRatio;
    const { table, issues } = parseLocabenThresholdTable(bad);
    expect(table).toBeUndefined();
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'verified',
      'industries.0.thresholds.medium.salesGrowth',
      'industries.0.thresholds.small.equityRatio',
    ]);
  });
  it('rejects a bad band mapping, grade table and indicator list', () => {
    const bad = JSON.parse(JSON.stringify(thresholdsJson)) as unknown as Record<string, unknown>;
    bad.bandMapping = { scores: {}, notComputableScore: 0, boundary: 'x' };
    bad.gradeCutoffs = { grades: [{ grade: 1 }] };
    bad.indicators = [];
    const paths = parseLocabenThresholdTable(bad).issues.map((i) => i.path.join('.'));
    expect(paths).toContain('bandMapping.boundary');
    expect(paths).toContain('bandMapping.scores.atOrBetterThanA');
    expect(paths).toContain('gradeCutoffs.grades.0');
    expect(paths.filter((p) => p === 'indicators')).toHaveLength(6);
  });
});
