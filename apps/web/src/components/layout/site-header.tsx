import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

const navLink = 'inline-flex min-h-11 items-center px-2 font-bold text-white no-underline hover:text-white hover:underline';

/** `account`: the account area next to the language switch (sign-in, or the signed-in user's menu). */
export function SiteHeader({ account }: { account?: ReactNode } = {}) {
  const { t } = useTranslation();
  const { t: tf } = useTranslation('finance');
  const { t: ti } = useTranslation('intake');
  return (
    <header className="bg-key text-white">
      <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
        <Link to="/" className="flex flex-col text-white no-underline hover:text-white">
          <span className="text-xl font-bold tracking-wide">{t('site.name')}</span>
          <span className="text-sm">
            {t('site.brand')} · {t('site.tagline')}
          </span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <nav aria-label={t('nav.label')}>
            <ul className="flex flex-wrap gap-2">
              <li>
                <Link
                  to="/"
                  className={navLink}
                  activeOptions={{ exact: true }}
                  activeProps={{ 'aria-current': 'page', className: 'underline' }}
                >
                  {t('nav.home')}
                </Link>
              </li>
              <li>
                <Link to="/councils" className={navLink} activeProps={{ 'aria-current': 'page', className: 'underline' }}>
                  {t('nav.councils')}
                </Link>
              </li>
              <li>
                <Link to="/tools/quick-check" className={navLink} activeProps={{ 'aria-current': 'page', className: 'underline' }}>
                  {tf('nav.quickCheck')}
                </Link>
              </li>
              <li>
                <Link to="/tools/plan" className={navLink} activeProps={{ 'aria-current': 'page', className: 'underline' }}>
                  {tf('nav.plan')}
                </Link>
              </li>
              <li>
                <Link to="/consultation" className={navLink} activeProps={{ 'aria-current': 'page', className: 'underline' }}>
                  {ti('nav.consult')}
                </Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
          {account}
        </div>
      </div>
    </header>
  );
}
