import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, loadConfig } from './env';
import { repoRoot } from './paths';

describe('configuration', () => {
  it('documents every environment variable in the README configuration table', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    for (const name of ENV_VARIABLES) expect(readme, `README lacks ${name}`).toMatch(new RegExp(`\\| \`${name}\` \\|`));
  });

  it('defaults to the embedded database under .data and Japanese-first development settings', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'pglite', dataDir: join(repoRoot, '.data/pglite') });
    expect(c).toMatchObject({ env: 'development', port: 3000, host: 'localhost', logFormat: 'pretty', seedDemo: 'auto', trustProxy: [] });
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, and treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/k' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/k' });
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
    expect(loadConfig({ KASSEIKA_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8']);
  });

  it('refuses invalid settings with a message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
});
