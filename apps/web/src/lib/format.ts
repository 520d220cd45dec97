import type { Lang } from './form-errors';

/** Date and time in Japan Standard Time (the councils' time), e.g. 2026年1月2日 14:05. */
export function formatDateTimeJst(iso: string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', {
    year: 'numeric',
    month: lang === 'en' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));
  return lang === 'en' ? `${text} JST` : text;
}

/** A calendar date in JST, e.g. 2026年1月2日. */
export function formatDateJst(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', {
    year: 'numeric',
    month: lang === 'en' ? 'short' : 'long',
    day: 'numeric',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));
}
