import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREFECTURES } from '@kasseika/domain';
import { buildDirectoryDataset, createOfficeLocator, SEED_FILE } from './build-directory-dataset';
import { PamphletFormatError, parsePamphlet } from './parse-pamphlet';

const root = resolve(import.meta.dirname, '../..');
const text = readFileSync(resolve(root, SEED_FILE), 'utf8');
const locate = createOfficeLocator();

describe('parsePamphlet', () => {
  const parsed = parsePamphlet(text, locate);

  it('finds 47 councils and 49 offices; Hokkaido and Tottori have two', () => {
    expect(parsed.councils).toHaveLength(47);
    expect(parsed.councils.flatMap((c) => c.offices)).toHaveLength(49);
    expect(parsed.councils.filter((c) => c.offices.length === 2).map((c) => c.prefecture)).toEqual(['北海道', '鳥取県']);
    expect(parsed.asOf).toBe('2025-06-01');
  });

  it('takes every value verbatim from the pamphlet text', () => {
    for (const c of parsed.councils) {
      expect(text).toContain(c.name);
      expect(text).toContain(c.operatingBody);
      for (const o of c.offices) {
        expect(text.split('\n').map((l) => l.trim())).toContain(o.address);
        expect(text).toContain(o.postalCode);
        expect(text).toContain(o.phone);
      }
    }
  });

  it('places each office in its own prefecture (checked by postal data)', () => {
    for (const c of parsed.councils) {
      for (const o of c.offices) expect(locate(o.postalCode, o.address)).toEqual([c.prefectureCode]);
    }
  });

  it('pairs each council with its operating body and contact row', () => {
    const by = new Map(parsed.councils.map((c) => [c.prefecture, c]));
    expect(by.get('静岡県')).toMatchObject({
      operatingBody: '静岡商工会議所',
      offices: [{ postalCode: '420-0851', phone: '054-253-5118' }],
    });
    expect(by.get('三重県')).toMatchObject({
      operatingBody: '（公財）三重県産業支援センター',
      offices: [{ address: '津市栄町1-891  三重県合同ビル4階' }],
    });
    expect(by.get('大分県')?.operatingBody).toBe('大分県商工会連合会');
    expect(by.get('鳥取県')?.operatingBody).toBe('（公財）鳥取県産業振興機構');
    expect(by.get('北海道')?.offices.map((o) => o.phone)).toEqual(['011-222-2829', '0155-67-1144']);
    expect(parsed.councils.map((c) => c.prefectureCode)).toEqual(PREFECTURES.map((p) => p.code));
  });

  it('reads the HQ contact and the related bodies', () => {
    expect(parsed.headquarters).toMatchObject({
      name: '中小企業活性化全国本部',
      phone: '03-5470-1477',
      fax: '03-5470-1478',
      postalCode: '105-8453',
    });
    expect(parsed.relatedBodies.map((b) => b.id)).toEqual(['yorozu', 'business-succession']);
  });

  it('refuses a pamphlet whose columns do not line up', () => {
    const missingPhone = text.replace('098-868-3760\n', '');
    expect(() => parsePamphlet(missingPhone, locate)).toThrow(PamphletFormatError);
    const swapped = text.replace('060-0001', '900-0016');
    expect(() => parsePamphlet(swapped, locate)).toThrow(/cannot place|expected/);
    expect(() => parsePamphlet('nothing', locate)).toThrow(/heading/);
  });

  it('matches the committed master data (data/directory) exactly', () => {
    const built = buildDirectoryDataset(root);
    expect(readFileSync(resolve(root, built.path), 'utf8')).toBe(built.content);
  });

  it.runIf(existsSync(resolve(root, '../shared/seeds/000_ed5e8aa69918b9c9.txt')))('uses the same text as ../shared/seeds', () => {
    expect(readFileSync(resolve(root, '../shared/seeds/000_ed5e8aa69918b9c9.txt'), 'utf8')).toBe(text);
  });
});
