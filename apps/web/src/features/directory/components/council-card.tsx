import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CouncilMatch } from '@kasseika/contracts';
import { councilDisplayName } from './council-names';
import { OfficeList } from './office-list';

export function CouncilCard({ council }: { council: CouncilMatch }) {
  const { t, i18n } = useTranslation('directory');
  const name = councilDisplayName(council, i18n.language);
  const headingId = `council-${council.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-12 border border-line-light bg-surface p-4 shadow-1 md:p-5"
      data-testid="council-card"
    >
      <h2 id={headingId} className="text-xl">
        <Link to="/councils/$councilId" params={{ councilId: council.id }} aria-label={t('council.details', { name })}>
          {name}
        </Link>
      </h2>
      {i18n.language === 'en' ? (
        <p lang="ja" className="text-sm text-ink-sub">
          {council.name}
        </p>
      ) : null}
      <p className="mt-1 text-sm">
        <span className="text-ink-sub">{t('council.operatingBody')}：</span>
        <span lang="ja">{council.operatingBody}</span>
      </p>
      {council.matchedBy.length > 0 && council.matchedBy.length < 7 ? (
        <ul className="mt-2 flex flex-wrap gap-2">
          {council.matchedBy.map((m) => (
            <li key={m} className="rounded-full bg-key-100 px-3 py-0.5 text-xs font-bold text-key-dark">
              {t(`results.matchedBy.${m}`)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3">
        <OfficeList council={council} />
      </div>
    </article>
  );
}
