import { useTranslation } from 'react-i18next';
import { QuickCheck } from '../../features/finance/components/quick-check';
import { useDocumentTitle } from '../../lib/use-document-title';

export function QuickCheckPage() {
  const { t } = useTranslation('finance');
  useDocumentTitle(t('quickCheck.title'));
  return (
    <div>
      <h1 className="text-3xl">{t('quickCheck.title')}</h1>
      <p className="mt-3 max-w-3xl">{t('quickCheck.lead')}</p>
      <div className="mt-6">
        <QuickCheck />
      </div>
    </div>
  );
}
