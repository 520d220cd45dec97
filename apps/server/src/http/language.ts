/** The languages of Kasseika; Japanese first. */
export type Language = 'ja' | 'en';

/**
 * Picks the response language from Accept-Language: English only when the client prefers it over Japanese.
 * @example negotiateLanguage('en-US,en;q=0.9,ja;q=0.8') // 'en'
 */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'ja';
  let best: { lang: Language; q: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().split(';');
    const lang = tag.trim().toLowerCase().split('-')[0];
    if (lang !== 'ja' && lang !== 'en') continue;
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? 'ja';
}
