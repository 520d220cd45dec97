import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const PORT = Number(process.env.KASSEIKA_E2E_PORT ?? 3210);
const root = join(import.meta.dirname, '..');
const dataDir = join('.tmp', `e2e-${process.pid}-${Date.now()}`);

/**
 * Browser journeys in Debian's Chromium (never a downloaded browser) against the real server on a fresh PGlite
 * database, started exactly as `npm start` starts it.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: join(root, '.tmp/e2e-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI_JSON_REPORT ? [['list'], ['json', { outputFile: process.env.CI_JSON_REPORT }]] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'npx tsx apps/server/src/main.ts',
    cwd: root,
    url: `http://localhost:${PORT}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      KASSEIKA_ENV: 'development',
      KASSEIKA_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      KASSEIKA_PUBLIC_URL: `http://localhost:${PORT}`,
    },
  },
});
