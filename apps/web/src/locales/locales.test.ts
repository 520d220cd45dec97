import { describe, expect, it } from 'vitest';
import { resources } from '../lib/i18n-resources';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

/** Plural variants (`_one`, `_other`) count as the base key: Japanese has no plural forms. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

describe('locales', () => {
  for (const ns of Object.keys(resources.ja) as (keyof typeof resources.ja)[]) {
    it(`English is complete for namespace "${ns}"`, () => {
      const ja = new Set(keys(resources.ja[ns] as Tree).map(base));
      const en = new Set(keys(resources.en[ns] as Tree).map(base));
      expect(
        [...ja].filter((k) => !en.has(k)),
        'missing in English',
      ).toEqual([]);
      expect(
        [...en].filter((k) => !ja.has(k)),
        'only in English',
      ).toEqual([]);
    });

    it(`no empty strings in "${ns}"`, () => {
      for (const lang of ['ja', 'en'] as const) {
        const tree = resources[lang][ns] as Tree;
        const empty = keys(tree).filter(
          (k) => k.split('.').reduce<string | Tree | undefined>((t, p) => (typeof t === 'object' ? t[p] : undefined), tree) === '',
        );
        expect(empty, `${lang} empty strings`).toEqual([]);
      }
    });
  }
});
