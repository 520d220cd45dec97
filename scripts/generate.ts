/**
 * Regenerates every generated artefact, or with --check verifies they are up to date (CI drift check):
 * - data/directory/<version>/directory.json  from the pamphlet (data/seeds/)
 * - docs/openapi.json                         from the route registry and zod schemas
 * - docs/authorization-matrix.md              from the permission matrix (apps/server/test/permission-matrix.ts)
 * - data/banks/financial-institutions.json   from the zengin-code package + local codes (scripts/banks/)
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDirectoryDataset } from './directory/build-directory-dataset';
import { buildOpenApiDocument } from '../apps/server/src/http/openapi';
import { allRoutes } from '../apps/server/src/routes';
import { API_VERSION } from '../apps/server/src/app';
import { renderAuthorizationMatrix } from './authorization-matrix';
import { buildBankDataset } from './banks/build-bank-dataset';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

interface Artefact {
  readonly path: string;
  readonly content: string;
}

function artefacts(): Artefact[] {
  const openapi = buildOpenApiDocument(allRoutes, { version: API_VERSION });
  return [
    buildDirectoryDataset(root),
    { path: 'docs/openapi.json', content: `${JSON.stringify(openapi, null, 2)}\n` },
    { path: 'docs/authorization-matrix.md', content: renderAuthorizationMatrix() },
    buildBankDataset(),
  ];
}

let stale = 0;
for (const a of artefacts()) {
  const target = resolve(root, a.path);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (current === a.content) {
    console.log(`up to date  ${a.path}`);
    continue;
  }
  if (check) {
    console.error(`STALE       ${a.path} — run \`npm run generate\` and commit the result`);
    stale++;
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, a.content);
    console.log(`written     ${a.path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
