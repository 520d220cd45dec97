import type { LocalizedText } from './problem';

/**
 * Field messages that say what to fix, in Japanese and English. Schemas use the key as their zod message; the
 * server and the web app both translate it through this table, so a form and the API say the same thing.
 */
export const VALIDATION_MESSAGES = {
  'search.tooLong': {
    ja: '検索語は100文字以内で入力してください',
    en: 'Enter a search term of 100 characters or fewer',
  },
  'prefecture.code': {
    ja: '都道府県は01〜47の2桁のコードで指定してください（例: 13 は東京都）',
    en: 'Give the prefecture as a two-digit code from 01 to 47 (e.g. 13 for Tokyo)',
  },
  'postalCode.format': {
    ja: '郵便番号は数字7桁（例: 100-0005）またはその先頭の数字で入力してください',
    en: 'Enter a 7-digit postal code (e.g. 100-0005) or its first digits',
  },
  'city.length': {
    ja: '市区町村名は1〜50文字で入力してください',
    en: 'Enter a city, ward, town or village name of 1 to 50 characters',
  },
  'councilId.format': {
    ja: '協議会IDは英小文字で指定してください（例: tokyo）',
    en: 'The council id is written in lower-case letters (e.g. tokyo)',
  },
} as const satisfies Record<string, LocalizedText>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

/** Whether a zod message is one of our keys. */
export function isValidationMessageKey(message: string): message is ValidationMessageKey {
  return Object.hasOwn(VALIDATION_MESSAGES, message);
}
