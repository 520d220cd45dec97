import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PREFECTURES } from '@kasseika/domain';
import { ButtonLink } from '../../components/ui/button-link';
import { useDirectoryInfo } from '../../features/directory/api/get-directory-info';
import { useDocumentTitle } from '../../lib/use-document-title';

const RELATED_EN: Record<string, { name: string; description: string }> = {
  yorozu: {
    name: 'Yorozu Support Center (よろず支援拠点)',
    description:
      'Handles every kind of business worry of SMEs, small businesses and people planning to start a business, such as growing sales or improving management.',
  },
  'business-succession': {
    name: 'Business Succession Support Center (事業承継・引継ぎ支援センター)',
    description: 'Handles every kind of question about SME business succession, whether to family members or to a third party.',
  },
};

function PrefectureQuickFind() {
  const { t, i18n } = useTranslation('home');
  const navigate = useNavigate();
  const id = useId();
  const [code, setCode] = useState('');
  const handleSubmit = (e: SyntheticEvent) => {
    e.preventDefault();
    const pref = PREFECTURES.find((p) => p.code === code);
    if (pref) void navigate({ to: '/councils/$councilId', params: { councilId: pref.slug } });
    else document.getElementById(id)?.focus();
  };
  return (
    <form onSubmit={handleSubmit} className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-end" aria-label={t('hero.findCouncil')}>
      <div className="grow">
        <label htmlFor={id} className="block font-bold">
          {t('hero.selectPrefecture')}
        </label>
        <select
          id={id}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          className="mt-1 block min-h-12 w-full rounded-8 border border-line bg-surface px-3 text-base text-ink"
        >
          <option value="">{t('hero.selectPlaceholder')}</option>
          {PREFECTURES.map((p) => (
            <option key={p.code} value={p.code}>
              {i18n.language === 'en' ? p.nameEn : p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-12 rounded-8 bg-key px-6 font-bold text-white hover:bg-key-dark">
        {t('hero.go')}
      </button>
    </form>
  );
}

export function HomePage() {
  const { t, i18n } = useTranslation('home');
  const info = useDirectoryInfo();
  useDocumentTitle(null);
  const tracks = ['earnings', 'revitalization', 'rechallenge'] as const;
  return (
    <div className="grid gap-12">
      <section aria-labelledby="hero-heading" className="rounded-16 bg-surface p-6 shadow-1 md:p-10">
        <p className="font-bold text-key">{t('hero.eyebrow')}</p>
        <h1 id="hero-heading" className="mt-2 text-3xl md:text-4xl">
          {t('hero.heading')}
        </h1>
        <p className="mt-4 max-w-3xl text-lg">{t('hero.lead')}</p>
        <p className="mt-2 max-w-3xl text-lg font-bold">{t('hero.advice')}</p>
        <PrefectureQuickFind />
        <p className="mt-4">
          <ButtonLink to="/councils" variant="secondary">
            {t('hero.findCouncil')}
          </ButtonLink>
        </p>
      </section>

      <section aria-labelledby="promises-heading">
        <h2 id="promises-heading" className="text-2xl">
          {t('promises.heading')}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {(['neutral', 'confidential', 'experts', 'region'] as const).map((k) => (
            <li key={k} className="rounded-12 border-t-4 border-key bg-surface p-5 shadow-1">
              <h3 className="text-lg">{t(`promises.${k}.title`)}</h3>
              <p className="mt-2">{t(`promises.${k}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="about-heading" className="prose-ja max-w-4xl">
        <h2 id="about-heading" className="text-2xl">
          {t('about.heading')}
        </h2>
        <p className="mt-4">{t('about.p1')}</p>
        <p>{t('about.p2')}</p>
        <p>{t('about.p3')}</p>
      </section>

      <section aria-labelledby="flow-heading">
        <h2 id="flow-heading" className="text-2xl">
          {t('flow.heading')}
        </h2>
        <ol className="mt-4 grid gap-6">
          <li className="rounded-12 bg-surface p-5 shadow-1">
            <p className="text-sm font-bold text-key">{t('flow.stage1.label')}</p>
            <h3 className="text-xl">{t('flow.stage1.title')}</h3>
            <p className="mt-2">{t('flow.stage1.body')}</p>
          </li>
          <li className="rounded-12 bg-surface p-5 shadow-1">
            <p className="text-sm font-bold text-key">{t('flow.stage2.label')}</p>
            <h3 className="text-xl">{t('flow.stage2.title')}</h3>
            <ul className="mt-4 grid gap-4 lg:grid-cols-3">
              {tracks.map((k) => (
                <li key={k} className="rounded-8 border border-line-light p-4">
                  <h4 className="text-lg font-bold">{t(`flow.${k}.title`)}</h4>
                  <p className="text-sm font-bold text-ink-sub">{t(`flow.${k}.metaphor`)}</p>
                  <p className="mt-2">{t(`flow.${k}.body`)}</p>
                  {k !== 'earnings' ? <p className="mt-2 text-sm text-ink-sub">{t(`flow.${k}.steps`)}</p> : null}
                </li>
              ))}
            </ul>
            <div className="mt-4 rounded-8 border border-line-light p-4">
              <h4 className="text-lg font-bold">{t('flow.referral.title')}</h4>
              <p className="mt-2">{t('flow.referral.body')}</p>
            </div>
            <p className="mt-4 font-bold">※ {t('flow.noLoans')}</p>
          </li>
        </ol>
      </section>

      <section aria-labelledby="subsidy-heading" className="max-w-4xl">
        <h2 id="subsidy-heading" className="text-2xl">
          {t('subsidy.heading')}
        </h2>
        <p className="mt-4">{t('subsidy.body')}</p>
      </section>

      {info.data ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading" className="text-2xl">
            {t('related.heading')}
          </h2>
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {info.data.relatedBodies.map((b) => {
              const en = i18n.language === 'en' ? RELATED_EN[b.id] : undefined;
              return (
                <li key={b.id} className="rounded-12 bg-surface p-5 shadow-1">
                  <h3 className="text-lg">{en?.name ?? b.name}</h3>
                  <p className="mt-2">{en?.description ?? b.description}</p>
                  <p className="mt-2 text-sm text-ink-sub">{t('related.searchHint', { name: b.name })}</p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
