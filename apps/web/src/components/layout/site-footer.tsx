import { useTranslation } from 'react-i18next';
import type { DirectoryInfo } from '@kasseika/contracts';

function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(`${iso}T00:00:00+09:00`));
}

export function SiteFooter({ info }: { info: DirectoryInfo | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <footer className="mt-16 border-t-4 border-key bg-surface">
      <div className="container-page grid gap-6 py-8 md:grid-cols-2">
        {info ? (
          <section aria-labelledby="footer-hq">
            <h2 id="footer-hq" className="text-base font-bold">
              {t('footer.hqHeading')}
            </h2>
            <address className="mt-2 not-italic" lang="ja">
              {info.headquarters.organization}
              <br />
              {info.headquarters.department}（{info.headquarters.name}）
              <br />〒{info.headquarters.postalCode} {info.headquarters.address}
              <br />
              <span lang={i18n.language}>{t('footer.tel')}</span> <a href={info.headquarters.telUri}>{info.headquarters.phone}</a> /{' '}
              <span lang={i18n.language}>{t('footer.fax')}</span> {info.headquarters.fax}
            </address>
          </section>
        ) : null}
        <div className="text-sm text-ink-sub">
          {info ? <p>{t('footer.source', { title: info.source.title, asOf: formatDate(info.source.asOf, i18n.language) })}</p> : null}
          <p className="mt-2">
            <a href="/api/docs/">{t('nav.apiDocs')}</a>
          </p>
          <p className="mt-2">{t('footer.copyright')}</p>
        </div>
      </div>
    </footer>
  );
}
