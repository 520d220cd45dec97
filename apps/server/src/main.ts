import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { prepareDatabase } from './bootstrap';
import { loadConfig } from './config/env';
import { openDatabase } from './db/client';
import { seedDemo } from './seed/demo';
import { createServices } from './services';

/**
 * Process entry: configuration → database (PGlite under .data/ unless DATABASE_URL is set) → migrations and
 * master data → demo data (development only) → HTTP. SIGINT/SIGTERM close the listener, let in-flight requests
 * finish, then close the database (PGlite flushes to disk).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const prepared = await prepareDatabase(database);
  const services = createServices(config, database);
  const app = await buildApp({ config, database, services });
  app.log.info(
    { database: database.description, directory: prepared.directoryVersion, updated: prepared.directoryChanged },
    'database ready',
  );
  if (config.env === 'development' && config.seedDemo === 'auto') {
    const seeded = await seedDemo(database, services.cipher);
    app.log.info(seeded, 'demo data ready');
  }

  // Task reminder job (ADR 0016): every 10 minutes, mail the assignees of tasks whose reminder date has come.
  const councilIds = Array.from({ length: 47 }, (_, i) => i + 1);
  const reminders = setInterval(() => {
    services.tasks.sendDueReminders(councilIds).catch((err: unknown) => app.log.error({ err }, 'task reminders failed'));
  }, 10 * 60_000);
  reminders.unref();
  // Purge job (issue 5, data minimisation): every hour, delete consultation requests whose verification link expired
  // unconfirmed (audited per council as CONSULTATION_REQUESTS_PURGED), and log how many went.
  const purgeExpiredRequests = () =>
    services.intake
      .purgeExpiredRequests(councilIds)
      .then((purged) => {
        if (purged > 0) app.log.info({ purged }, 'expired unverified consultation requests purged');
      })
      .catch((err: unknown) => app.log.error({ err }, 'consultation request purge failed'));
  void purgeExpiredRequests();
  const purge = setInterval(() => void purgeExpiredRequests(), 60 * 60_000);
  purge.unref();

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    clearInterval(reminders);
    clearInterval(purge);
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
  });

  await app.listen({ host: config.host, port: config.port });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
