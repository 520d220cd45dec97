import { createRequire } from 'node:module';
import { PREFECTURES } from '@kasseika/domain';

/**
 * Builds data/banks/financial-institutions.json: the creditor master data (金融機関コード + name).
 *
 * - Deposit-taking institutions come from the `zengin-code` npm package (the community-maintained 全銀 code list,
 *   MIT), version pinned in package.json. Names are its short forms (みずほ, 三菱ＵＦＪ, …).
 * - 日本政策金融公庫 and the 51 信用保証協会 do not appear in that list. They get LOCAL codes in 9600–9799 assigned
 *   by Kasseika (not 統一金融機関コード): the builder refuses to run if any local code collides with a 全銀 code.
 *   Their names were written from general knowledge and are NOT verified against 全国信用保証協会連合会's list.
 */
export const BANK_DATASET_PATH = 'data/banks/financial-institutions.json';

export interface FinancialInstitution {
  readonly code: string;
  readonly name: string;
  readonly kana: string | null;
  readonly kind: 'bank' | 'government' | 'guarantee_corporation';
  readonly codeSource: 'zengin' | 'kasseika-local';
}

/** The four city-level associations besides the 47 prefectural ones (unverified, see above). */
const CITY_GUARANTEE_CORPORATIONS = ['横浜市', '川崎市', '名古屋市', '岐阜市'] as const;

function guaranteeCorporationName(prefectureName: string): string {
  // 東京・大阪・京都・北海道 drop the suffix in the association's name (東京信用保証協会); the others keep 県.
  if (prefectureName === '北海道' || prefectureName === '東京都' || prefectureName === '大阪府' || prefectureName === '京都府')
    return `${prefectureName.replace(/[都府]$/, '')}信用保証協会`;
  return `${prefectureName}信用保証協会`;
}

export function localInstitutions(): FinancialInstitution[] {
  return [
    { code: '9601', name: '日本政策金融公庫', kana: 'ニツポンセイサクキンユウコウコ', kind: 'government', codeSource: 'kasseika-local' },
    ...PREFECTURES.map((p) => ({
      code: `97${p.code}`,
      name: guaranteeCorporationName(p.name),
      kana: null,
      kind: 'guarantee_corporation' as const,
      codeSource: 'kasseika-local' as const,
    })),
    ...CITY_GUARANTEE_CORPORATIONS.map((city, i) => ({
      code: `975${i + 1}`,
      name: `${city}信用保証協会`,
      kana: null,
      kind: 'guarantee_corporation' as const,
      codeSource: 'kasseika-local' as const,
    })),
  ];
}

export function buildBankDataset(): { path: string; content: string } {
  const require = createRequire(import.meta.url);
  const zengin = require('zengin-code') as Record<string, { code: string; name: string; kana: string }>;
  const { version } = require('zengin-code/package.json') as { version: string };
  const banks: FinancialInstitution[] = Object.values(zengin)
    .map((b) => ({ code: b.code, name: b.name, kana: b.kana, kind: 'bank' as const, codeSource: 'zengin' as const }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const taken = new Set(banks.map((b) => b.code));
  const local = localInstitutions();
  for (const l of local) if (taken.has(l.code)) throw new Error(`local code ${l.code} collides with a 全銀 code`);
  const dataset = {
    source: {
      zengin: { package: 'zengin-code', version, license: 'MIT', note: '全銀 bank codes (community-maintained list)' },
      local: {
        note: '日本政策金融公庫 and 信用保証協会: codes 9601 and 9701–9754 are LOCAL codes assigned by Kasseika, not 統一金融機関コード. Names are unverified against the official lists.',
        verified: false,
      },
    },
    institutions: [...banks, ...local].sort((a, b) => a.code.localeCompare(b.code)),
  };
  return { path: BANK_DATASET_PATH, content: `${JSON.stringify(dataset, null, 2)}\n` };
}
