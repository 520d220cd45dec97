import { prefectureByCode } from '@kasseika/domain';
import type { Council } from '@kasseika/contracts';

/** Display name of a council in the UI language (the official name is Japanese; English is descriptive). */
export function councilDisplayName(council: Pick<Council, 'name' | 'prefectureCode'>, lang: string): string {
  if (lang !== 'en') return council.name;
  const pref = prefectureByCode(council.prefectureCode);
  return `${pref?.nameEn ?? ''} SME Revitalization Council`.trim();
}

/** Prefecture name in the UI language. */
export function prefectureDisplayName(prefectureCode: string, lang: string): string {
  const pref = prefectureByCode(prefectureCode);
  if (!pref) return prefectureCode;
  return lang === 'en' ? pref.nameEn : pref.name;
}
