/**
 * The `kasseika` command-line tool. Every command uses the same configuration as the server (DATABASE_URL or the
 * embedded PGlite under KASSEIKA_DATA_DIR).
 *
 *   kasseika migrate     apply pending migrations and load the newest master data
 *   kasseika seed-demo   create the demo data (refused in production)
 *   kasseika help
 */
import { prepareDatabase } from '../bootstrap';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/client';
import { seedDemo } from '../seed/demo';

const USAGE = `Usage: kasseika <command>

Commands:
  migrate     Apply pending database migrations and load the newest master data (council directory).
  seed-demo   Create the demo data. Refused when KASSEIKA_ENV=production.
  help        Show this help.

The database is DATABASE_URL when set, otherwise the embedded PGlite under KASSEIKA_DATA_DIR (default .data).`;

export async function runCli(argv: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? 0 : 2;
  }
  if (command !== 'migrate' && command !== 'seed-demo') {
    out(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if (command === 'seed-demo' && config.env === 'production') {
    out('Refused: demo data is never created in production (KASSEIKA_ENV=production).');
    return 1;
  }
  const database = await openDatabase(config.database);
  try {
    const prepared = await prepareDatabase(database);
    out(
      `Database ${database.description}: migrations applied; council directory ${prepared.directoryVersion}${prepared.directoryChanged ? ' loaded' : ' already current'}.`,
    );
    if (command === 'seed-demo') {
      const seeded = await seedDemo(database);
      out(`Demo data: ${seeded.created} created, ${seeded.existing} already present.`);
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
