import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { prefectureOfAddress } from '@kasseika/domain';
import { createPostalLookup } from '../../apps/server/src/providers/postal-lookup';
import { parsePamphlet, type OfficeLocator } from './parse-pamphlet';

export const SEED_FILE = 'data/seeds/000_ed5e8aa69918b9c9.txt';
export const PAMPHLET_TITLE = '中小企業活性化協議会事業のご案内';

/** Builds data/directory/<asOf>/directory.json content from the pamphlet text in the repository. */
export function buildDirectoryDataset(repoRoot: string): { path: string; content: string } {
  const file = resolve(repoRoot, SEED_FILE);
  const text = readFileSync(file, 'utf8');
  const parsed = parsePamphlet(text, createOfficeLocator());
  const dataset = {
    version: parsed.asOf,
    source: {
      title: PAMPHLET_TITLE,
      file: relative(repoRoot, file),
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      asOf: parsed.asOf,
    },
    councils: parsed.councils,
    headquarters: parsed.headquarters,
    relatedBodies: parsed.relatedBodies,
  };
  return { path: `data/directory/${parsed.asOf}/directory.json`, content: `${JSON.stringify(dataset, null, 2)}\n` };
}

/**
 * Offline locator: the prefectures of the postal code (exact, else its 5- or 3-digit area), narrowed by the
 * address — its explicit prefecture, or the prefectures that have its leading city (…市, …郡…町/村).
 */
export function createOfficeLocator(): OfficeLocator {
  const postal = createPostalLookup();
  return (postalCode, address) => {
    const byPostal = postal.prefecturesOfPostalCode(postalCode.replace('-', ''));
    const explicit = prefectureOfAddress(address);
    if (explicit) return byPostal.filter((c) => c === explicit.code);
    const city = /^(.+?[市郡])/.exec(address)?.[1];
    const byCity = city ? postal.prefecturesOfCity(city) : [];
    return byPostal.filter((c) => byCity.includes(c));
  };
}
