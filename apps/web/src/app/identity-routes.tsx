import { createRoute, lazyRouteComponent, redirect, type AnyRootRoute, type ParsedLocation } from '@tanstack/react-router';
import { OIDC_ERROR_CODES, type OidcErrorCode } from '@kasseika/contracts';
import { landingPath, safeNext, sessionQueryOptions } from '../features/auth/api/session';
import { signInStepPath } from '../features/auth/api/sign-in';
import { parseCaseListSearch, type CaseListParams } from '../features/cases/api/cases';
import { queryClient } from '../lib/query-client';
import { AcceptInvitationPage } from './routes/accept-invitation-page';
import { AccountPage } from './routes/account-page';
import { CaseAccessLogPage } from './routes/case-access-log-page';
import { CaseDetailPage } from './routes/case-detail-page';
import { CasesPage } from './routes/cases-page';
import { CouncilMembersPage } from './routes/council-members-page';
import { ForgotPasswordPage } from './routes/forgot-password-page';
import { ResetPasswordPage } from './routes/reset-password-page';
import { SignInEnrolPage } from './routes/sign-in-enrol-page';
import { SignInPage } from './routes/sign-in-page';
import { SignInVerifyPage } from './routes/sign-in-verify-page';
import { VerifyEmailPage } from './routes/verify-email-page';
import { CouncilIntakePage } from './routes/council-intake-page';

const SIGN_OUT_REASONS = ['idle', 'expired', 'signedOut', 'signedOutEverywhere'] as const;
type SignOutReason = (typeof SIGN_OUT_REASONS)[number];

interface SignInSearch {
  next?: string;
  reason?: SignOutReason;
  /** Why a sign-in with the OpenID Connect provider failed (the server redirects here with it). */
  oidc?: OidcErrorCode;
}

function validateSignInSearch(raw: Record<string, unknown>): SignInSearch {
  const next = safeNext(raw.next);
  const reason = SIGN_OUT_REASONS.find((r) => r === raw.reason);
  const oidc = OIDC_ERROR_CODES.find((c) => c === raw.oidc);
  return { ...(next ? { next } : {}), ...(reason ? { reason } : {}), ...(oidc ? { oidc } : {}) };
}

function validateNext(raw: Record<string, unknown>): { next?: string } {
  const next = safeNext(raw.next);
  return next ? { next } : {};
}

function validateCaseSearch(raw: Record<string, unknown>): CaseListParams {
  return parseCaseListSearch(raw);
}

const session = () => queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' });

/** Pages that need a full sign-in: otherwise to the step the user is at, and back here afterwards. */
export async function requireSignedIn({ location }: { location: ParsedLocation }) {
  const s = await session();
  if (s.state === 'active') return;
  redirect({ to: signInStepPath(s.state) ?? '/sign-in', search: { next: location.href }, throw: true });
}

/** A sign-in step page only makes sense in its state; elsewhere go where the state says. */
function requireState(state: 'pending_mfa' | 'enrol_mfa') {
  return async ({ location }: { location: ParsedLocation }) => {
    const s = await session();
    if (s.state === state) return;
    const next = safeNext(new URLSearchParams(location.searchStr).get('next'));
    if (s.state === 'active') redirect({ href: landingPath(s, next), throw: true });
    redirect({ to: signInStepPath(s.state) ?? '/sign-in', search: next ? { next } : {}, throw: true });
  };
}

/** The sign-in page of a signed-in user leads on to the work (or the pending step). */
async function skipWhenSignedIn({ location }: { location: ParsedLocation }) {
  const s = await session();
  const next = safeNext(new URLSearchParams(location.searchStr).get('next'));
  if (s.state === 'active') redirect({ href: landingPath(s, next), throw: true });
}

/** Identity, account, council administration and case access pages (issue: identity, access and confidentiality). */
export function identityRoutes<R extends AnyRootRoute>(rootRoute: R) {
  const signIn = createRoute({
    getParentRoute: () => rootRoute,
    path: '/sign-in',
    validateSearch: validateSignInSearch,
    beforeLoad: skipWhenSignedIn,
    component: SignInPage,
  });
  const signInVerify = createRoute({
    getParentRoute: () => rootRoute,
    path: '/sign-in/verify',
    validateSearch: validateNext,
    beforeLoad: requireState('pending_mfa'),
    component: SignInVerifyPage,
  });
  const signInEnrol = createRoute({
    getParentRoute: () => rootRoute,
    path: '/sign-in/enrol',
    validateSearch: validateNext,
    beforeLoad: requireState('enrol_mfa'),
    component: SignInEnrolPage,
  });
  const forgotPassword = createRoute({ getParentRoute: () => rootRoute, path: '/forgot-password', component: ForgotPasswordPage });
  const resetPassword = createRoute({ getParentRoute: () => rootRoute, path: '/reset-password', component: ResetPasswordPage });
  const verifyEmail = createRoute({ getParentRoute: () => rootRoute, path: '/verify-email', component: VerifyEmailPage });
  const acceptInvitation = createRoute({ getParentRoute: () => rootRoute, path: '/invitations/accept', component: AcceptInvitationPage });
  const account = createRoute({ getParentRoute: () => rootRoute, path: '/account', beforeLoad: requireSignedIn, component: AccountPage });
  const councilMembers = createRoute({
    getParentRoute: () => rootRoute,
    path: '/council/members',
    beforeLoad: requireSignedIn,
    component: CouncilMembersPage,
  });
  const cases = createRoute({
    getParentRoute: () => rootRoute,
    path: '/cases',
    validateSearch: validateCaseSearch,
    beforeLoad: requireSignedIn,
    component: CasesPage,
  });
  const caseDetail = createRoute({
    getParentRoute: () => rootRoute,
    path: '/cases/$caseId',
    beforeLoad: requireSignedIn,
    component: CaseDetailPage,
  });
  const caseAccessLog = createRoute({
    getParentRoute: () => rootRoute,
    path: '/cases/$caseId/access-log',
    beforeLoad: requireSignedIn,
    component: CaseAccessLogPage,
  });
  const caseGuarantors = createRoute({
    getParentRoute: () => rootRoute,
    path: '/cases/$caseId/guarantors',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./routes/case-guarantors-page'), 'CaseGuarantorsPage'),
  });
  const caseDocuments = createRoute({
    getParentRoute: () => rootRoute,
    path: '/cases/$caseId/documents',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./routes/case-documents-page'), 'CaseDocumentsPage'),
  });
  const caseStatements = createRoute({
    getParentRoute: () => rootRoute,
    path: '/cases/$caseId/statements',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./routes/case-statements-page'), 'CaseStatementsPage'),
  });
  // 再チャレンジ支援 (issue 6): the council's record, the company's consent, the lawyer's package.
  const caseRechallenge = createRoute({
    getParentRoute: () => rootRoute,
    path: '/cases/$caseId/rechallenge',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./routes/case-rechallenge-page'), 'CaseRechallengePage'),
  });
  // 再生支援 / プレ再生支援 (issue 6, item 4)
  const caseRevitalization = createRoute({
    getParentRoute: () => rootRoute,
    path: '/cases/$caseId/revitalization',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./routes/case-revitalization-page'), 'CaseRevitalizationPage'),
  });
  // Public consultation intake (issue 5): the council's inbox.
  const councilIntake = createRoute({
    getParentRoute: () => rootRoute,
    path: '/council/intake',
    beforeLoad: requireSignedIn,
    component: CouncilIntakePage,
  });
  return [
    signIn,
    signInVerify,
    signInEnrol,
    forgotPassword,
    resetPassword,
    verifyEmail,
    acceptInvitation,
    account,
    councilMembers,
    cases,
    caseDetail,
    caseAccessLog,
    caseGuarantors,
    caseDocuments,
    councilIntake,
    caseStatements,
    caseRechallenge,
    caseRevitalization,
  ] as const;
}
