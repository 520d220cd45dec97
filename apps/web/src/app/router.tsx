import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import type { z } from 'zod';
import { councilSearchQuerySchema } from '@kasseika/contracts';
import { queryClient } from '../lib/query-client';
import { CouncilDetailPage } from './routes/council-detail-page';
import { CouncilsPage } from './routes/councils-page';
import { HomePage } from './routes/home-page';
import { NotFoundPage } from './routes/not-found-page';
import { RootLayout } from './routes/root-layout';
import { identityRoutes, requireSignedIn } from './identity-routes';

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });

/** Search params from the URL: keep only the valid ones (a hand-edited URL never breaks the page). */
function validateCouncilSearch(raw: Record<string, unknown>): z.output<typeof councilSearchQuerySchema> {
  const out: Record<string, string> = {};
  for (const key of ['q', 'prefecture', 'postalCode', 'city'] as const) {
    const value = raw[key];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const one = councilSearchQuerySchema.safeParse({ [key]: String(value) });
    if (one.success && one.data[key]) out[key] = one.data[key];
  }
  return out;
}

const councilsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/councils',
  validateSearch: validateCouncilSearch,
  component: CouncilsPage,
});

const councilDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/councils/$councilId',
  component: CouncilDetailPage,
});

// The finance tools (and ECharts) load only when visited.
const quickCheckRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tools/quick-check',
  component: lazyRouteComponent(() => import('./routes/quick-check-page'), 'QuickCheckPage'),
});
const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tools/plan',
  component: lazyRouteComponent(() => import('./routes/plan-page'), 'PlanPage'),
});

// Public consultation intake (issue 5): self-check, request form, verification link.
const consultationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/consultation',
  component: lazyRouteComponent(() => import('./routes/consultation-page'), 'ConsultationPage'),
});
const consultationRequestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/consultation/request',
  component: lazyRouteComponent(() => import('./routes/consultation-request-page'), 'ConsultationRequestPage'),
});
const consultationVerifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/consultation/verify',
  component: lazyRouteComponent(() => import('./routes/consultation-verify-page'), 'ConsultationVerifyPage'),
});
// council case work (issue 6)
const overdueTasksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/council/overdue-tasks',
  beforeLoad: requireSignedIn,
  component: lazyRouteComponent(() => import('./routes/casework-overdue-page'), 'CaseworkOverduePage'),
});
// Creditors and the plan of a case (issue 7).
const creditorsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId/creditors',
  beforeLoad: requireSignedIn,
  component: lazyRouteComponent(() => import('./routes/creditors-page'), 'CreditorsPage'),
});
// バンクミーティング of a case (issue 7).
const caseMeetingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId/meetings',
  beforeLoad: requireSignedIn,
  component: lazyRouteComponent(() => import('./routes/case-meetings-page'), 'CaseMeetingsPage'),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  councilsRoute,
  councilDetailRoute,
  quickCheckRoute,
  planRoute,
  ...identityRoutes(rootRoute),
  consultationRoute,
  consultationRequestRoute,
  consultationVerifyRoute,
  overdueTasksRoute,
  creditorsRoute,
  caseMeetingsRoute,
]);

export const router = createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
