import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the page title as "<page> | <site>" (WCAG 2.4.2). */
export function useDocumentTitle(page: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? `${page} | ${t('site.titleSuffix')}` : t('site.titleSuffix');
  }, [page, t]);
}
