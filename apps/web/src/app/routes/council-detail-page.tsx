import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { ErrorNotice, Loading } from '../../components/ui/status';
import { useCouncil } from '../../features/directory/api/get-council';
import { useDirectoryInfo } from '../../features/directory/api/get-directory-info';
import { councilDisplayName, prefectureDisplayName } from '../../features/directory/components/council-names';
import { OfficeList } from '../../features/directory/components/office-list';
import { useDocumentTitle } from '../../lib/use-document-title';
import { NotFoundPage } from './not-found-page';

export function CouncilDetailPage() {
  const { t, i18n } = useTranslation('directory');
  const { t: tc } = useTranslation('common');
  const { councilId } = useParams({ from: '/councils/$councilId' });
  const council = useCouncil(councilId);
  const info = useDirectoryInfo();
  const name = council.data ? councilDisplayName(council.data, i18n.language) : null;
  useDocumentTitle(name);

  if (council.isPending) return <Loading />;
  if (council.isError) {
    if (council.error instanceof ApiError && (council.error.status === 404 || council.error.status === 422)) return <NotFoundPage />;
    return <ErrorNotice onRetry={() => void council.refetch()} />;
  }
  const c = council.data;
  return (
    <div>
      <nav aria-label={t('detail.breadcrumb')} className="text-sm">
        <ol className="flex flex-wrap gap-2">
          <li>
            <Link to="/">{tc('nav.home')}</Link> ›
          </li>
          <li>
            <Link to="/councils">{t('title')}</Link> ›
          </li>
          <li aria-current="page">{name}</li>
        </ol>
      </nav>
      <h1 className="mt-4 text-3xl">{name}</h1>
      {i18n.language === 'en' ? (
        <p lang="ja" className="text-ink-sub">
          {c.name}
        </p>
      ) : null}
      <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="text-ink-sub">{t('detail.prefecture')}</dt>
        <dd>{prefectureDisplayName(c.prefectureCode, i18n.language)}</dd>
        <dt className="text-ink-sub">{t('council.operatingBody')}</dt>
        <dd lang="ja" data-testid="operating-body">
          {c.operatingBody}
        </dd>
      </dl>
      <div className="mt-8 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="offices-heading">
          <h2 id="offices-heading" className="text-2xl">
            {t('council.offices')}
          </h2>
          <div className="mt-3">
            <OfficeList council={c} />
          </div>
        </section>
        <aside aria-labelledby="before-heading" className="rounded-12 bg-notice-bg p-5">
          <h2 id="before-heading" className="text-xl">
            {t('detail.beforeHeading')}
          </h2>
          <ul className="mt-3 list-disc space-y-2 pl-5">
            <li>{t('detail.before1')}</li>
            <li>{t('detail.before2')}</li>
            <li>{t('detail.before3')}</li>
          </ul>
          {info.data ? (
            <div className="mt-5 border-t border-line-light pt-4">
              <h3 className="font-bold">{t('detail.hqHeading')}</h3>
              <p lang="ja" className="mt-1 text-sm">
                {info.data.headquarters.name}（{info.data.headquarters.organization}）
                <br />
                <a href={info.data.headquarters.telUri}>{info.data.headquarters.phone}</a>
              </p>
            </div>
          ) : null}
        </aside>
      </div>
      <p className="mt-8">
        <Link to="/councils">{t('detail.backToList')}</Link>
      </p>
    </div>
  );
}
