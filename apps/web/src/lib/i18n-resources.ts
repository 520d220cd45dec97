/** Translation resources: Japanese is the source language; English must be complete (locales.test.ts). */
import jaCommon from '../locales/ja/common.json';
import jaHome from '../locales/ja/home.json';
import jaDirectory from '../locales/ja/directory.json';
import enCommon from '../locales/en/common.json';
import enHome from '../locales/en/home.json';
import enDirectory from '../locales/en/directory.json';
import jaFinance from '../locales/ja/finance.json';
import enFinance from '../locales/en/finance.json';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  ja: { common: jaCommon, home: jaHome, directory: jaDirectory, finance: jaFinance },
  en: { common: enCommon, home: enHome, directory: enDirectory, finance: enFinance },
} as const;
