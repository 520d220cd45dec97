import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - unit: pure packages and scripts, no database (fast, parallel).
 * - integration: the server against a real PostgreSQL — embedded PGlite by default, or the server named by
 *   KASSEIKA_TEST_DATABASE_URL (the PostgreSQL suite run by `npm test` when a server is reachable).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['apps/server/test/global-setup.ts'],
          env: { TZ: 'Asia/Tokyo' },
        },
      },
    ],
  },
});
