import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@kasseika/contracts';
import { Notice } from '../../../components/ui/notice';

const TRACK_TEXT = {
  earnings_improvement: { ja: '収益力改善支援', en: 'earnings-power improvement support' },
  revitalization: { ja: '事業再生支援', en: 'business revitalization support' },
  rechallenge: { ja: '再チャレンジ支援', en: 're-challenge support' },
} as const;

/**
 * The company's own view of where its consultation stands, in plain words, with links to what it can hand in
 * (documents, statement figures) — shown to the company on its case.
 */
export function CompanyCaseStatus({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('intake');
  if (detail.myRoleInCase !== 'company') return null;
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const text =
    detail.stage === 'intake' || detail.stage === 'desk_consultation' || detail.stage === 'closed'
      ? t(`status.${detail.stage}`)
      : t('status.support', { track: detail.track ? TRACK_TEXT[detail.track][lang] : '' });
  return (
    <Notice tone="info" title={t('status.heading')}>
      <p data-testid="company-case-status">{text}</p>
      {detail.stage !== 'closed' && (detail.abilities.readDocuments || detail.abilities.readStatements) ? (
        <>
          <p className="mt-3 font-bold">{t('status.nextHeading')}</p>
          <ul className="mt-1 list-disc pl-6">
            {detail.abilities.readDocuments ? (
              <li>
                <Link to="/cases/$caseId/documents" params={{ caseId: detail.id }}>
                  {t('status.nextDocuments')}
                </Link>
              </li>
            ) : null}
            {detail.abilities.readStatements ? (
              <li>
                <Link to="/cases/$caseId/statements" params={{ caseId: detail.id }}>
                  {t('status.nextStatements')}
                </Link>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </Notice>
  );
}
