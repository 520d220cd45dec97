import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@kasseika/contracts';
import { formatDateTimeJst } from '../../../lib/format';
import { langOf } from '../../../lib/form-errors';

export function CaseSummary({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-12 bg-surface p-5 shadow-1 sm:grid-cols-[auto_1fr]">
      <dt className="font-bold">{t('fields.referenceNo')}</dt>
      <dd className="font-mono">{detail.referenceNo}</dd>
      <dt className="font-bold">{t('fields.companyName')}</dt>
      <dd lang="ja">{detail.companyName}</dd>
      <dt className="font-bold">{t('fields.council')}</dt>
      <dd lang="ja">{detail.councilName}</dd>
      <dt className="font-bold">{t('fields.myRole')}</dt>
      <dd>{detail.myRoleInCase ? tc(`roleInCase.${detail.myRoleInCase}`) : t('list.councilStaff')}</dd>
      <dt className="font-bold">{t('fields.createdAt')}</dt>
      <dd>{formatDateTimeJst(detail.createdAt, lang)}</dd>
    </dl>
  );
}
