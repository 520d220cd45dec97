/**
 * Import boundaries (CONVENTIONS §7.3), checked in CI by `npm run boundaries`.
 * Pure packages import nothing but themselves (domain) or the domain (finance); contracts add zod; the server and
 * the web app never import each other; web features never import each other; no cycles anywhere.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'packages/domain imports only itself: no npm packages, no node: built-ins, no other workspace.',
      severity: 'error',
      from: { path: '^packages/domain/src', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^packages/domain/src' },
    },
    {
      name: 'finance-is-pure',
      comment: 'packages/finance imports only itself and the domain package.',
      severity: 'error',
      from: { path: '^packages/finance/src', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^packages/(finance|domain)/src' },
    },
    {
      name: 'contracts-only-zod-and-domain',
      severity: 'error',
      from: { path: '^packages/contracts/src', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^packages/(contracts|domain)/src', '^node_modules/zod/'] },
    },
    {
      name: 'tests-of-pure-packages-stay-pure',
      comment: 'Tests of pure packages may add the test tools and master data, nothing else.',
      severity: 'error',
      from: { path: '^packages/(domain|finance)/src/.*\\.test\\.ts$' },
      to: { pathNot: ['^packages/(domain|finance)/src', '^node_modules/(vitest|fast-check|@vitest)/', '^data/'] },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^apps/server' },
      to: { path: '^apps/web' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      from: { path: '^apps/web' },
      to: { path: ['^apps/server', '^node_modules/(drizzle-orm|pg|@electric-sql|fastify|@fastify)/'] },
    },
    {
      name: 'web-features-independent',
      comment: 'A feature never imports another feature or the app layer; routes in app/ compose features.',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: ['^apps/web/src/features/', '^apps/web/src/app/'], pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'web-shared-not-features',
      severity: 'error',
      from: { path: '^apps/web/src/(components|lib)/' },
      to: { path: '^apps/web/src/(features|app)/' },
    },
    {
      name: 'server-modules-through-services',
      comment: 'A server module reaches another module only through its *.service.ts (never its repository or routes).',
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^apps/server/src/modules/', pathNot: ['^apps/server/src/modules/$1/', '\\.service\\.ts$'] },
    },
    {
      name: 'db-below-modules',
      severity: 'error',
      from: { path: '^apps/server/src/db/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^apps/server/src/(modules|http)/'] },
    },
    {
      name: 'no-deps-outside-package-json',
      severity: 'error',
      from: { path: '^(packages|apps)/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.data', '/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    combinedDependencies: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
