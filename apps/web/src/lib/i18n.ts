import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, type Language } from './i18n-resources';

const STORAGE_KEY = 'kasseika.lang';

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'ja' || stored === 'en') return stored;
  } catch {
    /* storage unavailable (private mode): fall back to Japanese */
  }
  return 'ja';
}

/** Japanese is the source language and the default; English is complete. */
export function setupI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'ja',
    defaultNS: 'common',
    ns: ['common', 'home', 'directory', 'finance', 'auth', 'account', 'cases', 'members'],
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      /* ignore */
    }
  });
  return i18n;
}
