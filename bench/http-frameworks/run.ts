/**
 * Fastify vs Hono on this machine: the measurement behind docs/adr/0001-http-framework.md.
 *
 *   npx tsx bench/http-frameworks/run.ts [--duration 8] [--warmup 3] [--connections 50] [--rounds 2] [--json out.json]
 *
 * Each server runs in its own child process (so the load generator does not share its event loop) on 127.0.0.1
 * and is driven by autocannon's programmatic API. Per workload: one discarded warm-up run per server, then the
 * frameworks alternate A, B, A, B (A = Fastify, the baseline). Every Hono number is reported as a ratio to the
 * Fastify run measured next to it in the same process run; absolute numbers depend on the machine and its load
 * and are never asserted. Before measuring, the two servers must answer every workload identically (status,
 * content type, body apart from the random request id), otherwise the run stops.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import type { ChildMessage, ParentMessage } from './child-ipc';
import { WORKLOADS, type Workload } from './workload';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    json: { type: 'string' },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);
for (const [name, v] of Object.entries({ DURATION, WARMUP, CONNECTIONS, ROUNDS })) {
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name.toLowerCase()} must be a positive number`);
}

type FrameworkId = 'fastify' | 'hono';
interface Framework {
  readonly id: FrameworkId;
  readonly label: string;
  readonly entry: string;
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
/** Installed version of a package (some, like hono, do not export their package.json, so read it from disk). */
const version = (pkg: string): string => {
  for (const dir of ['../node_modules/', '../../node_modules/']) {
    const file = here(`${dir}${pkg}/package.json`);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '?';
};

/** A = the baseline (what apps/server is built on), B = the challenger. */
const BASELINE: Framework = { id: 'fastify', label: `Fastify ${version('fastify')}`, entry: here('./server-fastify.ts') };
const CHALLENGER: Framework = {
  id: 'hono',
  label: `Hono ${version('hono')} (@hono/node-server ${version('@hono/node-server')})`,
  entry: here('./server-hono.ts'),
};
const FRAMEWORKS = [BASELINE, CHALLENGER] as const;

// ---------------------------------------------------------------------------------------------------------------
// Child processes

interface RunningServer {
  readonly framework: Framework;
  readonly child: ChildProcess;
  readonly port: number;
  readonly rssAtStart: number;
  readonly base: string;
}

const children = new Set<ChildProcess>();
const TSX_LOADER = import.meta.resolve('tsx');

function startServer(framework: Framework): Promise<RunningServer> {
  const child = fork(framework.entry, [], {
    execArgv: ['--import', TSX_LOADER],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${framework.label} did not start within 30 s`)), 30_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${framework.label} exited early with code ${code}`)));
    child.on('message', (msg: ChildMessage) => {
      if (msg.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ framework, child, port: msg.port, rssAtStart: msg.rss, base: `http://127.0.0.1:${msg.port}` });
    });
  });
}

function memoryOf(server: RunningServer): Promise<{ rss: number; heapUsed: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${server.framework.label} did not report its memory`)), 5_000);
    const onMessage = (msg: ChildMessage) => {
      if (msg.type !== 'memory') return;
      clearTimeout(timer);
      server.child.off('message', onMessage);
      resolve({ rss: msg.rss, heapUsed: msg.heapUsed });
    };
    server.child.on('message', onMessage);
    server.child.send({ type: 'memory' } satisfies ParentMessage);
  });
}

async function stopServer(server: RunningServer): Promise<void> {
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.send({ type: 'stop' } satisfies ParentMessage);
  await Promise.race([exited, sleep(5_000).then(() => void server.child.kill('SIGKILL'))]);
}

function killChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Equivalence check: both servers must give the same answer before their speed is compared.

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly requestId: string | null;
  readonly body: string;
  readonly bytes: number;
}

async function ask(server: RunningServer, workload: Workload): Promise<Answer> {
  const res = await fetch(server.base + workload.path);
  const raw = await res.text();
  const requestId = res.headers.get('x-request-id');
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    requestId,
    // The request id is random per request; everything else must match byte for byte.
    body: requestId ? raw.replaceAll(requestId, '<request-id>') : raw,
    bytes: Buffer.byteLength(raw),
  };
}

const essence = (contentType: string): string => contentType.split(';')[0]?.trim() ?? '';

async function checkEquivalence(servers: readonly RunningServer[]): Promise<Map<Workload['id'], number>> {
  const sizes = new Map<Workload['id'], number>();
  for (const workload of WORKLOADS) {
    const answers = await Promise.all(servers.map((s) => ask(s, workload)));
    for (const [i, a] of answers.entries()) {
      const who = servers[i]?.framework.label;
      if (a.status !== workload.expectStatus)
        throw new Error(`${who} ${workload.path}: status ${a.status}, expected ${workload.expectStatus}`);
      if (!a.type.startsWith(workload.expectType)) throw new Error(`${who} ${workload.path}: content-type ${a.type}`);
      if (workload.id !== 'hello' && !a.requestId) throw new Error(`${who} ${workload.path}: no x-request-id`);
    }
    const [first, ...rest] = answers;
    if (!first) continue;
    for (const other of rest) {
      // /hello uses each framework's own JSON reply, which differ only in the charset parameter.
      if (essence(other.type) !== essence(first.type) || other.body !== first.body) {
        throw new Error(
          `the servers answer ${workload.path} differently:\n${first.type}\n${first.body}\n---\n${other.type}\n${other.body}`,
        );
      }
    }
    sizes.set(workload.id, first.bytes);
  }
  return sizes;
}

// ---------------------------------------------------------------------------------------------------------------
// Load

interface Measurement {
  readonly workload: Workload['id'];
  readonly framework: FrameworkId;
  readonly round: number;
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly latencyMean: number;
  readonly requests: number;
  /** Socket errors + timeouts + responses with another status than the workload expects. */
  readonly errors: number;
}

async function load(server: RunningServer, workload: Workload, duration: number): Promise<Result> {
  return autocannon({ url: server.base + workload.path, connections: CONNECTIONS, duration, pipelining: 1, timeout: 10 });
}

function toMeasurement(result: Result, workload: Workload, framework: FrameworkId, round: number): Measurement {
  const expected = result.statusCodeStats[String(workload.expectStatus)]?.count ?? 0;
  const answered = Object.values(result.statusCodeStats).reduce((n, s) => n + s.count, 0);
  return {
    workload: workload.id,
    framework,
    round,
    reqPerSec: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    latencyMean: result.latency.mean,
    requests: answered,
    errors: result.errors + (answered - expected),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
/** autocannon records latency in whole milliseconds (0 ms = under 1 ms); means over rounds may be fractional. */
const ms = (n: number): string => `${Number.isInteger(n) || n >= 10 ? Math.round(n) : n.toFixed(1)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ratio = (n: number): string => `${n.toFixed(2)}×`;
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const log = (line = ''): void => void process.stdout.write(`${line}\n`);

function table(header: readonly string[], rows: readonly (readonly string[])[], alignRight: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (s: string, i: number) => (alignRight[i] ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0));
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (alignRight[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const cpus = os.cpus();
  log('HTTP framework benchmark — Fastify (baseline A) vs Hono (B)');
  log(
    `date ${new Date().toISOString()} · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · ${mb(os.totalmem())} RAM`,
  );
  log(`${BASELINE.label} · ${CHALLENGER.label} · zod ${version('zod')} · autocannon ${version('autocannon')}`);
  log(
    `connections ${CONNECTIONS} · ${DURATION} s per run · ${WARMUP} s warm-up per server and workload (discarded) · ${ROUNDS} rounds A,B,…`,
  );
  log(
    `load average at start: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  log();

  const servers: RunningServer[] = [];
  for (const fw of FRAMEWORKS) servers.push(await startServer(fw));
  const byId = (id: FrameworkId): RunningServer => {
    const s = servers.find((x) => x.framework.id === id);
    if (!s) throw new Error(`no server ${id}`);
    return s;
  };

  const sizes = await checkEquivalence(servers);
  log(`equivalence check passed: ${WORKLOADS.map((w) => `${w.id} ${sizes.get(w.id) ?? 0} B`).join(' · ')}`);
  log();

  const measurements: Measurement[] = [];
  for (const workload of WORKLOADS) {
    log(`▶ ${workload.label}`);
    for (const fw of FRAMEWORKS) await load(byId(fw.id), workload, WARMUP);
    for (let round = 1; round <= ROUNDS; round++) {
      const pair: Measurement[] = [];
      for (const fw of FRAMEWORKS) {
        await sleep(500);
        const m = toMeasurement(await load(byId(fw.id), workload, DURATION), workload, fw.id, round);
        pair.push(m);
        measurements.push(m);
        log(
          `  round ${round} ${fw.id.padEnd(7)} ${int(m.reqPerSec).padStart(7)} req/s · p50 ${ms(m.p50)} · p99 ${ms(m.p99)} · ` +
            `${int(m.requests)} requests · ${m.errors} errors`,
        );
      }
      const [a, b] = pair;
      if (a && b) log(`  round ${round} ratio Hono/Fastify ${ratio(b.reqPerSec / a.reqPerSec)}`);
    }
    log();
  }

  const memory = new Map<FrameworkId, { rss: number; heapUsed: number }>();
  for (const s of servers) memory.set(s.framework.id, await memoryOf(s));
  const loadEnd = os.loadavg();
  for (const s of servers) await stopServer(s);

  // Per run
  const runRows = measurements.map((m) => [
    m.workload,
    String(m.round),
    m.framework,
    int(m.reqPerSec),
    ms(m.p50),
    ms(m.p99),
    String(m.errors),
  ]);
  log('Runs');
  log(
    table(['workload', 'round', 'framework', 'req/s (mean)', 'p50', 'p99', 'errors'], runRows, [
      false,
      true,
      false,
      true,
      true,
      true,
      true,
    ]),
  );
  log();

  // Compact summary: means over rounds; the ratio of the means and the range of the per-round ratios.
  const rows: string[][] = [];
  const summary = [];
  for (const workload of WORKLOADS) {
    const of = (fw: FrameworkId) => measurements.filter((m) => m.workload === workload.id && m.framework === fw);
    const fa = of('fastify');
    const ho = of('hono');
    const perRound = fa.map((a, i) => (ho[i]?.reqPerSec ?? NaN) / a.reqPerSec);
    const r = mean(ho.map((m) => m.reqPerSec)) / mean(fa.map((m) => m.reqPerSec));
    const cells = (ms_: Measurement[]) => [
      int(mean(ms_.map((m) => m.reqPerSec))),
      `${ms(mean(ms_.map((m) => m.p50)))} / ${ms(mean(ms_.map((m) => m.p99)))}`,
    ];
    const errors = [...fa, ...ho].reduce((n, m) => n + m.errors, 0);
    rows.push([
      workload.id,
      `${sizes.get(workload.id) ?? 0} B`,
      ...cells(fa),
      ...cells(ho),
      ratio(r),
      `${ratio(Math.min(...perRound))}–${ratio(Math.max(...perRound))}`,
      String(errors),
    ]);
    summary.push({ workload: workload.id, bytes: sizes.get(workload.id), ratio: r, perRound });
  }
  log(`Summary (mean of ${ROUNDS} rounds; latency p50 / p99 in whole ms; ratio = Hono req/s ÷ Fastify req/s)`);
  log(
    table(
      ['workload', 'body', 'Fastify req/s', 'Fastify p50 / p99', 'Hono req/s', 'Hono p50 / p99', 'Hono/Fastify', 'per round', 'errors'],
      rows,
      [false, true, true, true, true, true, true, true, true],
    ),
  );
  log();
  log('Server memory after the run');
  log(
    table(
      ['server', 'RSS at start', 'RSS after run', 'heap used after run'],
      servers.map((s) => {
        const m = memory.get(s.framework.id);
        return [s.framework.label, mb(s.rssAtStart), m ? mb(m.rss) : '?', m ? mb(m.heapUsed) : '?'];
      }),
      [false, true, true, true],
    ),
  );
  log();
  log(`load average at end: ${loadEnd.map((n) => n.toFixed(2)).join(' ')} (client and servers share ${cpus.length} cores)`);

  if (args.json) {
    writeFileSync(
      args.json,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cpus: cpus.length,
          settings: { DURATION, WARMUP, CONNECTIONS, ROUNDS },
          frameworks: FRAMEWORKS.map((f) => f.label),
          measurements,
          summary,
          memory: Object.fromEntries(servers.map((s) => [s.framework.id, { rssAtStart: s.rssAtStart, ...memory.get(s.framework.id) }])),
        },
        null,
        2,
      )}\n`,
    );
    log(`raw results written to ${args.json}`);
  }
}

main().catch((error: unknown) => {
  killChildren();
  console.error(error);
  process.exitCode = 1;
});
