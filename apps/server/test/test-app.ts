import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig, type AppConfig } from '../src/config/env';
import { createServices, type Services } from '../src/services';
import { createTestDatabase, type TestDatabase } from './test-db';

/** A clock tests can move (idle timeouts, token expiry, TOTP steps). */
export interface TestClock {
  now(): Date;
  set(date: Date): void;
  advance(ms: number): void;
}

export function createTestClock(start = new Date()): TestClock {
  let t = start.getTime();
  return { now: () => new Date(t), set: (d) => (t = d.getTime()), advance: (ms) => (t += ms) };
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  readonly config: AppConfig;
  readonly services: Services;
  readonly clock: TestClock;
  close(): Promise<void>;
}

/** The real application on a test database, driven with `app.inject()` (no socket). */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'kasseika-files-'));
  const config: AppConfig = {
    ...loadConfig({
      KASSEIKA_ENV: 'test',
      LOG_LEVEL: 'silent',
      KASSEIKA_MASTER_KEY: randomBytes(32).toString('base64'),
      KASSEIKA_PUBLIC_URL: 'http://localhost:3000',
    }),
    filesDir,
    ...overrides,
  };
  const clock = createTestClock();
  const services = createServices(config, database, () => clock.now());
  const app = await buildApp({ config, database, services, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    services,
    clock,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
