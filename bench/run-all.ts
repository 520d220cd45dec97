/**
 * `npm run bench`: runs every benchmark in turn. Each prints its own ratios against a baseline measured in the same
 * run (absolute times on these shared machines are noise).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BENCHMARKS = ['finance/recompute.bench.ts', 'http-frameworks/run.ts', 'cases/case-list.bench.ts'];
let failed = 0;
for (const b of BENCHMARKS) {
  const file = join(import.meta.dirname, b);
  if (!existsSync(file)) continue;
  console.log(`\n== ${b}`);
  const r = spawnSync('npx', ['tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
