import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { ButtonLink } from '../../components/ui/button-link';
import { Notice } from '../../components/ui/notice';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { useSession } from '../../features/auth/api/session';
import { useCaseList } from '../../features/cases/api/cases';
import { CaseFilters } from '../../features/cases/components/case-search';
import { CaseTable, Pager } from '../../features/cases/components/case-table';
import { CreateCaseForm } from '../../features/cases/components/create-case-form';
import { langOf, problemMessage } from '../../lib/form-errors';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeading, SECTION_CARD } from './page-heading';

export function CasesPage() {
  const { t, i18n } = useTranslation('cases');
  const { t: tw } = useTranslation('casework');
  const search = useSearch({ from: '/cases' });
  const { q } = search;
  const navigate = useNavigate({ from: '/cases' });
  const session = useSession().data;
  const list = useCaseList(search);
  const staff = Boolean(session?.abilities['cases.create']);
  const filtered = Boolean(search.q || search.track || search.stage || search.assignee || search.overdue);
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('list.title'));
  const canCreate = Boolean(session?.abilities['cases.create'] && list.data?.abilities.create);

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeading
        title={t('list.title')}
        lead={<p>{session?.abilities['cases.create'] ? t('list.leadStaff') : t('list.leadOutsider')}</p>}
        actions={
          canCreate && !creating ? (
            <div className="flex flex-wrap gap-2">
              <ButtonLink to="/council/overdue-tasks" variant="secondary">
                {tw('overdue.link')}
              </ButtonLink>
              <Button onClick={() => setCreating(true)}>
                <span aria-hidden="true">＋</span>
                {t('create.open')}
              </Button>
            </div>
          ) : null
        }
      />
      {creating ? (
        <section aria-labelledby="create-heading" className={SECTION_CARD}>
          <h2 id="create-heading" className="text-xl">
            {t('create.heading')}
          </h2>
          <div className="mt-4">
            <CreateCaseForm onCreated={(c) => void navigate({ to: '/cases/$caseId', params: { caseId: c.id } })} />
          </div>
          <Button variant="text" className="mt-2" onClick={() => setCreating(false)}>
            {t('create.cancel')}
          </Button>
        </section>
      ) : null}
      <section className={SECTION_CARD}>
        <CaseFilters
          key={JSON.stringify({ ...search, cursor: undefined })}
          initial={search}
          staff={staff}
          assignees={list.data?.assignees ?? []}
          onApply={(next) => void navigate({ search: next })}
        />
      </section>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="sr-only">
          {t('list.results')}
        </h2>
        <p role="status" aria-live="polite" className="mb-3 font-bold" data-testid="case-count">
          {list.data
            ? list.data.total === 0
              ? q
                ? t('list.noneFor', { q })
                : filtered
                  ? t('list.noneFiltered')
                  : t('list.none')
              : list.data.totalCapped
                ? t('list.countCapped', { n: list.data.total.toLocaleString(i18n.language) })
                : t('list.count', { count: list.data.total })
            : ''}
        </p>
        {list.isPending ? <Loading /> : null}
        {list.isError ? (
          <ErrorNotice message={problemMessage(list.error, langOf(i18n.language))} onRetry={() => void list.refetch()} />
        ) : null}
        {list.data && list.data.total === 0 && !filtered && !session?.abilities['cases.create'] ? (
          <Notice tone="info" title={t('list.noGrantsTitle')}>
            <p>{t('list.noGrantsBody')}</p>
          </Notice>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <CaseTable list={list.data} staff={staff} />
            <Pager list={list.data} onCursor={(cursor) => void navigate({ search: { ...search, cursor } })} />
          </>
        ) : null}
      </section>
    </div>
  );
}
