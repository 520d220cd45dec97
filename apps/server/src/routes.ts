import type { AnyRoute } from './http/route';
import { directoryRoutes, type DirectoryRouteDeps } from './modules/directory/directory.routes';
import { systemRoutes, type SystemRouteDeps } from './modules/system/system.routes';

/** What route handlers may use: the union of every module's declared dependencies. */
export type AppDeps = SystemRouteDeps & DirectoryRouteDeps;

/**
 * The route registry: every HTTP route of the API. The OpenAPI document, the permission matrix and the
 * validation sweep tests are all generated from this list, so a route cannot exist without appearing in them.
 */
export const allRoutes: readonly AnyRoute<AppDeps>[] = [...systemRoutes, ...directoryRoutes];
