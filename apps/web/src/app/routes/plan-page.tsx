import { useTranslation } from 'react-i18next';
import { PlanWorkbench } from '../../features/finance/components/plan-workbench';
import { useDocumentTitle } from '../../lib/use-document-title';

export function PlanPage() {
  const { t } = useTranslation('finance');
  useDocumentTitle(t('plan.title'));
  return (
    <div>
      <h1 className="text-3xl">{t('plan.title')}</h1>
      <p className="mt-3 max-w-3xl">{t('plan.lead')}</p>
      <div className="mt-6">
        <PlanWorkbench />
      </div>
    </div>
  );
}
