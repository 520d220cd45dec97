import { PREFECTURES, prefectureByName } from './prefectures';
import { formatPostalCode, looksLikePostalCodePrefix, normalizeForSearch, parsePostalCode, postalCodeDigits } from '../text/japanese-text';

/** One office (窓口) of a council, exactly as the pamphlet lists it. */
export interface DirectoryOffice {
  /** Stable id: `<council id>-<n>`, n = 1 for the first office listed. */
  readonly id: string;
  /** Address exactly as printed in the pamphlet (often without the prefecture). */
  readonly address: string;
  /** Postal code as printed, `NNN-NNNN`. */
  readonly postalCode: string;
  /** Phone number as printed, domestic form with hyphens. */
  readonly phone: string;
}

/** One 中小企業活性化協議会, one per prefecture. */
export interface DirectoryCouncil {
  /** URL slug, the romanised prefecture: 'tokyo'. */
  readonly id: string;
  /** JIS X 0401 prefecture code, '13'. */
  readonly prefectureCode: string;
  readonly prefecture: string;
  /** Council name as printed: 東京都中小企業活性化協議会. */
  readonly name: string;
  /** The certified support institution that runs the council (協議会を設置する認定支援機関). */
  readonly operatingBody: string;
  readonly offices: readonly DirectoryOffice[];
}

/** Why a council matched a search. */
export type DirectoryMatchReason =
  'prefecture' | 'councilName' | 'operatingBody' | 'officeAddress' | 'postalCode' | 'postalArea' | 'cityArea';

export interface DirectoryMatch {
  readonly council: DirectoryCouncil;
  readonly reasons: readonly DirectoryMatchReason[];
  /** Offices that matched on address or postal code (empty when the council matched as a whole). */
  readonly officeIds: readonly string[];
}

export interface DirectoryQuery {
  /** Free text: prefecture, council, operator, city or 〒. */
  readonly q?: string | undefined;
  /** JIS prefecture code filter. */
  readonly prefectureCode?: string | undefined;
  /** A postal code or its leading digits. */
  readonly postalCode?: string | undefined;
  /** A city, ward, town or village name. */
  readonly city?: string | undefined;
}

/**
 * Facts the caller resolved from offline postal data: which prefectures a postal code or a city name lies in.
 * The domain stays pure; the server looks these up and passes them in.
 */
export interface DirectoryAreaHints {
  readonly postalAreaPrefectureCodes?: readonly string[];
  readonly cityAreaPrefectureCodes?: readonly string[];
}

interface Accumulator {
  reasons: Set<DirectoryMatchReason>;
  officeIds: Set<string>;
}

/**
 * Searches the council directory by prefecture, council or operator name, city (in office addresses) or postal
 * code. Every criterion given must match (AND); a council is returned once, with the reasons it matched, in
 * directory (JIS) order. An empty query returns every council.
 *
 * @example
 * searchDirectory(councils, { q: '帯広' })          // → 北海道 (officeAddress, office hokkaido-2)
 * searchDirectory(councils, { postalCode: '100-0005' }) // → 東京都 (postalCode)
 */
export function searchDirectory(
  councils: readonly DirectoryCouncil[],
  query: DirectoryQuery,
  hints: DirectoryAreaHints = {},
): DirectoryMatch[] {
  const results: DirectoryMatch[] = [];
  for (const council of councils) {
    const acc: Accumulator = { reasons: new Set(), officeIds: new Set() };
    if (query.prefectureCode !== undefined && council.prefectureCode !== query.prefectureCode) continue;
    if (query.prefectureCode !== undefined) acc.reasons.add('prefecture');
    if (query.q !== undefined && query.q.trim() !== '' && !matchFreeText(council, query.q, hints, acc)) continue;
    if (query.postalCode !== undefined && !matchPostalCode(council, query.postalCode, hints.postalAreaPrefectureCodes, acc)) continue;
    if (query.city !== undefined && !matchCity(council, query.city, hints.cityAreaPrefectureCodes, acc)) continue;
    results.push({ council, reasons: [...acc.reasons], officeIds: [...acc.officeIds] });
  }
  return results;
}

function matchFreeText(council: DirectoryCouncil, raw: string, hints: DirectoryAreaHints, acc: Accumulator): boolean {
  if (looksLikePostalCodePrefix(raw)) return matchPostalCode(council, raw, hints.postalAreaPrefectureCodes, acc);
  const text = normalizeForSearch(raw);
  // A query that names a prefecture means that prefecture only: 京都 must not find 東京都 by substring.
  const named = prefectureByName(raw) ?? PREFECTURES.find((p) => p.slug === text);
  if (named) {
    if (named.code !== council.prefectureCode) return false;
    acc.reasons.add('prefecture');
    return true;
  }
  let matched = false;
  if (normalizeForSearch(council.name).includes(text)) {
    acc.reasons.add('councilName');
    matched = true;
  }
  if (normalizeForSearch(council.operatingBody).includes(text)) {
    acc.reasons.add('operatingBody');
    matched = true;
  }
  for (const office of council.offices) {
    if (normalizeForSearch(office.address).includes(text)) {
      acc.reasons.add('officeAddress');
      acc.officeIds.add(office.id);
      matched = true;
    }
  }
  if (!matched && hints.cityAreaPrefectureCodes?.includes(council.prefectureCode)) {
    acc.reasons.add('cityArea');
    matched = true;
  }
  return matched;
}

function matchPostalCode(
  council: DirectoryCouncil,
  raw: string,
  areaPrefectures: readonly string[] | undefined,
  acc: Accumulator,
): boolean {
  const full = parsePostalCode(raw);
  const digits = full ?? postalCodeDigits(raw);
  let matched = false;
  for (const office of council.offices) {
    if (postalCodeDigits(office.postalCode).startsWith(digits)) {
      acc.reasons.add('postalCode');
      acc.officeIds.add(office.id);
      matched = true;
    }
  }
  if (!matched && full !== null && areaPrefectures?.includes(council.prefectureCode)) {
    acc.reasons.add('postalArea');
    matched = true;
  }
  return matched;
}

function matchCity(council: DirectoryCouncil, raw: string, areaPrefectures: readonly string[] | undefined, acc: Accumulator): boolean {
  const text = normalizeForSearch(raw);
  let matched = false;
  for (const office of council.offices) {
    if (normalizeForSearch(office.address).includes(text)) {
      acc.reasons.add('officeAddress');
      acc.officeIds.add(office.id);
      matched = true;
    }
  }
  if (!matched && areaPrefectures?.includes(council.prefectureCode)) {
    acc.reasons.add('cityArea');
    matched = true;
  }
  return matched;
}

/** Postal code of an office as 7 digits (for machine use). */
export function officePostalDigits(office: DirectoryOffice): string {
  const d = postalCodeDigits(office.postalCode);
  return formatPostalCode(d).replace('-', '');
}
