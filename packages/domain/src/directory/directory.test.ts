import { describe, expect, it } from 'vitest';
import dataset from '../../../../data/directory/2025-06-01/directory.json';
import { searchDirectory, type DirectoryCouncil } from './directory';
import { PREFECTURES, prefectureByCode, prefectureByName, prefectureOfAddress } from './prefectures';

const councils = dataset.councils as DirectoryCouncil[];
const ids = (r: ReturnType<typeof searchDirectory>) => r.map((m) => m.council.id);

describe('prefectures', () => {
  it('has the 47 prefectures with JIS codes', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(prefectureByCode('01')?.name).toBe('北海道');
    expect(prefectureByCode('13')?.slug).toBe('tokyo');
    expect(prefectureByCode('47')?.name).toBe('沖縄県');
    expect(prefectureByName('大阪')?.code).toBe('27');
    expect(prefectureByName('京都府')?.code).toBe('26');
    expect(prefectureByName('北海道')?.code).toBe('01');
    expect(prefectureOfAddress('福島県福島市本町')?.code).toBe('07');
    expect(prefectureOfAddress('札幌市中央区')).toBeUndefined();
  });
});

describe('searchDirectory', () => {
  it('returns every council for an empty query, in JIS order', () => {
    expect(ids(searchDirectory(councils, {}))).toEqual(PREFECTURES.map((p) => p.slug));
  });

  it('matches prefecture names with or without suffix, and romanised', () => {
    expect(ids(searchDirectory(councils, { q: '京都' }))).toEqual(['kyoto']);
    expect(ids(searchDirectory(councils, { q: '京都府' }))).toEqual(['kyoto']);
    expect(ids(searchDirectory(councils, { q: 'Kyoto' }))).toEqual(['kyoto']);
    // 東京都 contains the characters 京都: a prefecture name must not match another prefecture by substring.
    expect(ids(searchDirectory(councils, { q: '東京' }))).toEqual(['tokyo']);
  });

  it('matches cities in office addresses and reports the office', () => {
    const [m] = searchDirectory(councils, { q: '米子' });
    expect(m?.council.id).toBe('tottori');
    expect(m?.officeIds).toEqual(['tottori-2']);
    expect(m?.reasons).toEqual(['officeAddress']);
  });

  it('matches a ward shared by many cities in every council that has it', () => {
    expect(ids(searchDirectory(councils, { q: '中央区' }))).toEqual(['hokkaido', 'chiba', 'niigata', 'osaka', 'hyogo', 'kumamoto']);
  });

  it('matches postal codes exactly and by prefix, in any spelling', () => {
    expect(ids(searchDirectory(councils, { postalCode: '〒１００－０００５' }))).toEqual(['tokyo']);
    expect(ids(searchDirectory(councils, { q: '900' }))).toEqual(['okinawa']);
    expect(ids(searchDirectory(councils, { postalCode: '9' }))).toEqual([
      'miyagi',
      'yamagata',
      'fukushima',
      'niigata',
      'toyama',
      'ishikawa',
      'fukui',
      'okinawa',
    ]);
  });

  it('uses area hints only when no office matches', () => {
    expect(ids(searchDirectory(councils, { postalCode: '1500001' }, { postalAreaPrefectureCodes: ['13'] }))).toEqual(['tokyo']);
    expect(ids(searchDirectory(councils, { postalCode: '1500001' }))).toEqual([]);
    expect(ids(searchDirectory(councils, { q: '八王子' }, { cityAreaPrefectureCodes: ['13'] }))).toEqual(['tokyo']);
    const [m] = searchDirectory(councils, { q: '帯広' }, { cityAreaPrefectureCodes: ['01'] });
    expect(m?.reasons).toEqual(['officeAddress']);
  });

  it('combines criteria with AND', () => {
    expect(ids(searchDirectory(councils, { prefectureCode: '01', q: '帯広' }))).toEqual(['hokkaido']);
    expect(ids(searchDirectory(councils, { prefectureCode: '13', q: '帯広' }))).toEqual([]);
    expect(ids(searchDirectory(councils, { prefectureCode: '31' }))).toEqual(['tottori']);
  });
});
