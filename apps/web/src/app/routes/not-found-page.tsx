import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui/button-link';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('status.notFoundTitle'));
  return (
    <section className="py-10">
      <h1 className="text-3xl">{t('status.notFoundTitle')}</h1>
      <p className="mt-4">{t('status.notFoundBody')}</p>
      <p className="mt-6">
        <ButtonLink to="/">{t('status.backHome')}</ButtonLink>
      </p>
    </section>
  );
}
