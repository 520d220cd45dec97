import { useTranslation } from 'react-i18next';

/** Toggles between Japanese and English; announces the target language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'ja' : 'en';
  return (
    <button
      type="button"
      onClick={() => void i18n.changeLanguage(next)}
      lang={next}
      aria-label={t('language.switchToLong')}
      className="min-h-11 rounded-8 border border-white/80 px-3 py-1 text-sm font-bold text-white hover:bg-white/15"
    >
      {t('language.switchTo')}
    </button>
  );
}
