import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CouncilSearchQuery } from '@kasseika/contracts';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { useCouncils } from '../../features/directory/api/get-councils';
import { CouncilCard } from '../../features/directory/components/council-card';
import { CouncilSearchForm } from '../../features/directory/components/council-search-form';
import { useDocumentTitle } from '../../lib/use-document-title';

export function CouncilsPage() {
  const { t } = useTranslation('directory');
  const search = useSearch({ from: '/councils' });
  const navigate = useNavigate({ from: '/councils' });
  const query: CouncilSearchQuery = search;
  const result = useCouncils(query);
  useDocumentTitle(t('title'));
  const isFiltered = Boolean(query.q ?? query.prefecture ?? query.postalCode ?? query.city);

  return (
    <div>
      <h1 className="text-3xl">{t('title')}</h1>
      <p className="mt-3 max-w-3xl">{t('lead')}</p>
      <div className="mt-6">
        <CouncilSearchForm key={JSON.stringify(query)} initial={query} onSearch={(next) => void navigate({ search: next })} />
      </div>
      <section aria-labelledby="results-heading" className="mt-8">
        <h2 id="results-heading" className="sr-only">
          {t('results.countAll', { count: result.data?.total ?? 0 })}
        </h2>
        <p role="status" aria-live="polite" className="text-lg font-bold" data-testid="result-count">
          {result.data
            ? result.data.total === 0
              ? t('results.none')
              : isFiltered
                ? t('results.count', { count: result.data.total })
                : t('results.countAll', { count: result.data.total })
            : ''}
        </p>
        {result.isPending ? <Loading /> : null}
        {result.isError ? <ErrorNotice onRetry={() => void result.refetch()} /> : null}
        {result.data ? (
          <ul className="mt-4 grid gap-4 lg:grid-cols-2">
            {result.data.items.map((c) => (
              <li key={c.id}>
                <CouncilCard council={c} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
