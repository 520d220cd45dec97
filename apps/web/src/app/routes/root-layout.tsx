import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SiteFooter } from '../../components/layout/site-footer';
import { SiteHeader } from '../../components/layout/site-header';
import { HeaderAccount, SessionWatch, WorkBar } from './session-frame';
import { useDirectoryInfo } from '../../features/directory/api/get-directory-info';

/**
 * Page frame: skip link, header with navigation, main landmark, footer. After a client-side navigation, focus
 * moves to the new page's heading so keyboard and screen-reader users land on the new content.
 */
export function RootLayout() {
  const { t } = useTranslation();
  const info = useDirectoryInfo();
  // resolvedLocation changes once the new page has rendered (location changes before, while the old page is still shown).
  const pathname = useRouterState({ select: (s) => s.resolvedLocation?.pathname });
  const previous = useRef<string | undefined>(undefined);
  useEffect(() => {
    const from = previous.current;
    previous.current = pathname;
    // Only after a client-side navigation: on first load the browser's own focus order applies.
    if (from === undefined || pathname === undefined || from === pathname) return;
    const focusHeading = (): boolean => {
      const h1 = document.querySelector<HTMLElement>('main h1');
      if (!h1) return false;
      h1.setAttribute('tabindex', '-1');
      h1.focus();
      return true;
    };
    if (focusHeading()) return;
    // The heading may render only after the page's data arrives: wait for it, briefly.
    const main = document.getElementById('main');
    if (!main) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname]);

  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="skip-link">
        {t('skipLink')}
      </a>
      <SiteHeader account={<HeaderAccount />} />
      <WorkBar />
      <SessionWatch />
      <main id="main" tabIndex={-1} className="container-page flex-1 py-6 outline-none md:py-10">
        <Outlet />
      </main>
      <SiteFooter info={info.data} />
    </div>
  );
}
