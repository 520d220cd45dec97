/**
 * The `kasseika` command-line tool. Every command uses the same configuration as the server (DATABASE_URL or the
 * embedded PGlite under KASSEIKA_DATA_DIR).
 *
 *   kasseika migrate     apply pending migrations and load the newest master data
 *   kasseika seed-demo   create the demo data (refused in production)
 *   kasseika demo-code   the current TOTP code of the demo accounts (development only)
 *   kasseika verify-audit  check the audit hash chains
 *   kasseika help
 */
import { prepareDatabase } from '../bootstrap';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/client';
import { seedDemo } from '../seed/demo';
import { DEMO_TOTP_SECRET } from '../seed/demo-accounts';
import { currentTotp } from '../modules/auth/totp';
import { ALL_DATA_KEY_IDS, createServices } from '../services';
import { verifyAuditChains } from '../audit/verify-audit';

const USAGE = `Usage: kasseika <command>

Commands:
  migrate       Apply pending database migrations and load the newest master data (council directory).
  seed-demo     Create the demo data and demo accounts. Refused when KASSEIKA_ENV=production.
  demo-code     Print the current authenticator code of the demo accounts (development only).
  verify-audit  Recompute every audit hash chain; exit 1 and name the row when one was altered or removed.
  help          Show this help.

The database is DATABASE_URL when set, otherwise the embedded PGlite under KASSEIKA_DATA_DIR (default .data).`;

export async function runCli(argv: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? 0 : 2;
  }
  if (!['migrate', 'seed-demo', 'demo-code', 'verify-audit'].includes(command)) {
    out(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if ((command === 'seed-demo' || command === 'demo-code') && config.env === 'production') {
    out('Refused: demo accounts never exist in production (KASSEIKA_ENV=production).');
    return 1;
  }
  if (command === 'demo-code') {
    out(`${await currentTotp(DEMO_TOTP_SECRET, new Date())}  (valid for the current 30-second step; secret ${DEMO_TOTP_SECRET})`);
    return 0;
  }
  const database = await openDatabase(config.database);
  try {
    const prepared = await prepareDatabase(database);
    out(
      `Database ${database.description}: migrations applied; council directory ${prepared.directoryVersion}${prepared.directoryChanged ? ' loaded' : ' already current'}.`,
    );
    const services = createServices(config, database);
    if (command === 'seed-demo') {
      await services.cipher.warmUp(ALL_DATA_KEY_IDS);
      const seeded = await seedDemo(database, services.cipher);
      out(`Demo data: ${seeded.created} created, ${seeded.existing} already present.`);
    }
    if (command === 'verify-audit') {
      const result = await verifyAuditChains(database.db, services.keys.auditChainKey);
      out(`Audit: ${result.events} events in ${result.chains} chains.`);
      for (const p of result.problems) out(`TAMPERED ${p.kind}: ${p.detail}`);
      out(result.problems.length === 0 ? 'All chains verify.' : `${result.problems.length} problem(s) found.`);
      return result.problems.length === 0 ? 0 : 1;
    }
    return 0;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
