import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { signInStepPath } from '../api/sign-in';

const HEADER_BUTTON =
  'inline-flex min-h-11 items-center gap-2 whitespace-nowrap rounded-8 border border-white/80 px-3 py-1 text-sm font-bold text-white no-underline hover:bg-white/15 hover:text-white';
const ITEM = 'flex min-h-11 w-full items-center px-4 py-2 text-left font-bold text-ink no-underline hover:bg-key-light hover:text-ink';

/**
 * The header's account area. Signed out: "サインイン". Signed in: the user's name and organisation, opening a
 * disclosure with the pages the server's abilities allow (the web app never decides that itself) and sign-out.
 */
export function AccountMenu({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation('auth');
  const session = useSession().data;
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const onSignInPage = useRouterState({ select: (s) => s.location.pathname.startsWith('/sign-in') });
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  if (!session) return null;
  if (session.state === 'anonymous') {
    return (
      <Link to="/sign-in" className={HEADER_BUTTON} data-testid="header-sign-in">
        {t('header.signIn')}
      </Link>
    );
  }
  if (session.state !== 'active') {
    // On the sign-in steps themselves, a "continue" link would only point at the page the user is on.
    if (onSignInPage) return null;
    const step = signInStepPath(session.state);
    return (
      <Link to={step ?? '/sign-in'} className={HEADER_BUTTON}>
        {t('header.continueSignIn')}
      </Link>
    );
  }
  const organization = session.memberships.find((m) => m.id === session.activeMembershipId) ?? session.memberships[0];
  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen((v) => !v)}
        className={`${HEADER_BUTTON} max-w-[16rem] !whitespace-normal text-left`}
        data-testid="account-menu-button"
      >
        <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-white text-key">
          {session.user?.displayName.slice(0, 1)}
        </span>
        <span className="min-w-0">
          <span className="sr-only">{t('header.accountMenu')}: </span>
          <span className="block truncate" lang="ja">
            {session.user?.displayName}
          </span>
          {organization ? (
            <span className="block truncate text-xs font-normal" lang="ja">
              {organization.organizationName}
            </span>
          ) : null}
        </span>
        <span aria-hidden="true">{open ? '▲' : '▼'}</span>
      </button>
      <div
        ref={panelRef}
        id={`${id}-menu`}
        hidden={!open}
        // A choice in the menu closes it (links navigate, sign-out leaves).
        onClickCapture={() => setOpen(false)}
        className="absolute right-0 z-30 mt-2 w-64 overflow-hidden rounded-8 border border-line-light bg-surface py-1 text-ink shadow-2"
      >
        <p className="border-b border-line-light px-4 py-2 text-xs text-ink-sub">
          {t('header.signedInAs')}
          <span className="block truncate text-sm text-ink">{session.user?.email}</span>
        </p>
        <ul>
          {session.abilities['cases.list'] ? (
            <li>
              <Link to="/cases" className={ITEM}>
                {t('header.cases')}
              </Link>
            </li>
          ) : null}
          {session.abilities['members.read'] ? (
            <li>
              <Link to="/council/members" className={ITEM}>
                {t('header.members')}
              </Link>
            </li>
          ) : null}
          {session.abilities['account.manage'] ? (
            <li>
              <Link to="/account" className={ITEM}>
                {t('header.account')}
              </Link>
            </li>
          ) : null}
          <li className="border-t border-line-light">
            <button type="button" className={ITEM} onClick={onSignOut}>
              {t('header.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

const WORK_LINK =
  'inline-flex min-h-12 items-center whitespace-nowrap border-b-4 border-transparent px-3 font-bold text-ink no-underline hover:border-key-100 hover:text-key';

/**
 * The work menu of a signed-in user, under the site header: the pages the server's abilities allow. Wraps and
 * scrolls sideways on narrow screens rather than hiding items.
 */
export function WorkNavBar() {
  const { t } = useTranslation('auth');
  const { t: ti } = useTranslation('intake');
  const session = useSession().data;
  if (session?.state !== 'active') return null;
  const active = { 'aria-current': 'page' as const, className: '!border-key text-key' };
  return (
    <nav aria-label={t('header.workMenu')} className="border-b border-line-light bg-surface shadow-1">
      <ul className="container-page flex flex-wrap gap-x-1">
        {session.abilities['cases.list'] ? (
          <li>
            <Link to="/cases" className={WORK_LINK} activeProps={active}>
              {t('header.cases')}
            </Link>
          </li>
        ) : null}
        {/* Public consultation intake (issue 5): the council's case workers. */}
        {session.abilities['cases.list'] && session.memberships.some((m) => m.organizationKind === 'council') ? (
          <li>
            <Link to="/council/intake" className={WORK_LINK} activeProps={active}>
              {ti('nav.inbox')}
            </Link>
          </li>
        ) : null}
        {session.abilities['members.read'] ? (
          <li>
            <Link to="/council/members" className={WORK_LINK} activeProps={active}>
              {t('header.members')}
            </Link>
          </li>
        ) : null}
        {session.abilities['account.manage'] ? (
          <li>
            <Link to="/account" className={WORK_LINK} activeProps={active}>
              {t('header.account')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
