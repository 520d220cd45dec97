import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { expectPgError } from '../../test/expect-pg-error';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { queryRows } from './client';
import { supportCases } from './schema';
import { APP_ROLE_NAME } from './schema/roles';
import { ANONYMOUS, withTenantTx, type TenantContext } from './tenant-tx';

const TOKYO: TenantContext = { councilId: 13, userId: null, roles: ['test'] };
const OSAKA: TenantContext = { councilId: 27, userId: null, roles: ['test'] };

/**
 * Tables that carry council_id but are not tenant data, each for a stated reason:
 * - council_offices: public master data (the directory);
 * - council_data_keys: wrapped encryption keys, useless without the master key, needed by every role that may
 *   decrypt a council's data (including outsiders with a grant).
 */
const PUBLIC_TABLES_WITH_COUNCIL_ID = new Set(['council_offices', 'council_data_keys']);

let database: TestDatabase;
const ref = `RLS-${Date.now()}`;

beforeAll(async () => {
  database = await createTestDatabase();
  await withTenantTx(database.db, TOKYO, (tx) =>
    tx.insert(supportCases).values({ councilId: 13, referenceNo: `${ref}-T1`, companyName: '東京の会社A' }),
  );
  await withTenantTx(database.db, TOKYO, (tx) =>
    tx.insert(supportCases).values({ councilId: 13, referenceNo: `${ref}-T2`, companyName: '東京の会社B' }),
  );
  await withTenantTx(database.db, OSAKA, (tx) =>
    tx.insert(supportCases).values({ councilId: 27, referenceNo: `${ref}-O1`, companyName: '大阪の会社' }),
  );
});

afterAll(async () => {
  await database.close();
});

const mine = (ctx: TenantContext) =>
  withTenantTx(database.db, ctx, (tx) =>
    tx
      .select()
      .from(supportCases)
      .where(sql`${supportCases.referenceNo} like ${`${ref}%`}`),
  );

describe(`row-level security on ${process.env.KASSEIKA_TEST_DATABASE_URL ? 'PostgreSQL server' : 'PGlite'}`, () => {
  it('shows a council only its own rows', async () => {
    expect((await mine(TOKYO)).map((r) => r.referenceNo).sort()).toEqual([`${ref}-T1`, `${ref}-T2`]);
    expect((await mine(OSAKA)).map((r) => r.referenceNo)).toEqual([`${ref}-O1`]);
  });

  it('hides another council even when asked for by id', async () => {
    const rows = await withTenantTx(database.db, TOKYO, (tx) => tx.select().from(supportCases).where(eq(supportCases.councilId, 27)));
    expect(rows).toEqual([]);
  });

  it('returns nothing without a tenant context (fails closed, no error)', async () => {
    expect(await mine(ANONYMOUS)).toEqual([]);
  });

  it('refuses to insert a row for another council', async () => {
    await expectPgError(
      withTenantTx(database.db, TOKYO, (tx) =>
        tx.insert(supportCases).values({ councilId: 27, referenceNo: `${ref}-X`, companyName: '侵入' }),
      ),
      /row-level security/,
    );
    expect((await mine(OSAKA)).map((r) => r.referenceNo)).toEqual([`${ref}-O1`]);
  });

  it('refuses to insert anything without a tenant context', async () => {
    await expectPgError(
      withTenantTx(database.db, ANONYMOUS, (tx) =>
        tx.insert(supportCases).values({ councilId: 13, referenceNo: `${ref}-Y`, companyName: '匿名' }),
      ),
      /row-level security/,
    );
  });

  it("cannot update or delete another council's rows", async () => {
    const updated = await withTenantTx(database.db, TOKYO, (tx) =>
      tx
        .update(supportCases)
        .set({ companyName: '改ざん' })
        .where(eq(supportCases.referenceNo, `${ref}-O1`))
        .returning(),
    );
    expect(updated).toEqual([]);
    const deleted = await withTenantTx(database.db, TOKYO, (tx) =>
      tx
        .delete(supportCases)
        .where(eq(supportCases.referenceNo, `${ref}-O1`))
        .returning(),
    );
    expect(deleted).toEqual([]);
    expect((await mine(OSAKA))[0]?.companyName).toBe('大阪の会社');
  });

  it('cannot move its own row to another council', async () => {
    await expectPgError(
      withTenantTx(database.db, TOKYO, (tx) =>
        tx
          .update(supportCases)
          .set({ councilId: 27 })
          .where(eq(supportCases.referenceNo, `${ref}-T1`)),
      ),
      /row-level security/,
    );
  });

  it('leaves no tenant context or role behind after the transaction', async () => {
    await mine(TOKYO);
    const [row] = await queryRows<{ u: string; c: string }>(
      database.db,
      sql`select current_user as u, coalesce(current_setting('app.council_id', true), '') as c`,
    );
    expect(row?.u).not.toBe(APP_ROLE_NAME);
    expect(row?.c).toBe('');
  });

  it('runs requests as a role that is neither superuser, BYPASSRLS nor owner of any table', async () => {
    const role = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean }>(
      database.db,
      sql`select rolsuper, rolbypassrls from pg_roles where rolname = ${APP_ROLE_NAME}`,
    );
    expect(role).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const owned = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = ${APP_ROLE_NAME}`,
    );
    expect(owned[0]?.n).toBe(0);
    const inTx = await withTenantTx(
      database.db,
      TOKYO,
      async (tx) => (await queryRows<{ u: string }>(tx, sql`select current_user as u`))[0]?.u,
    );
    expect(inTx).toBe(APP_ROLE_NAME);
  });

  it('has RLS enabled and forced on every tenant table (every table with a council_id column)', async () => {
    const tables = await queryRows<{ name: string; enabled: boolean; forced: boolean; policies: number }>(
      database.db,
      sql`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'council_id' and not a.attisdropped)
      order by 1`,
    );
    const tenantTables = tables.filter((t) => !PUBLIC_TABLES_WITH_COUNCIL_ID.has(t.name));
    expect(tenantTables.length).toBeGreaterThan(0);
    for (const t of tenantTables) {
      expect({ table: t.name, enabled: t.enabled, forced: t.forced, hasPolicy: t.policies > 0 }).toEqual({
        table: t.name,
        enabled: true,
        forced: true,
        hasPolicy: true,
      });
    }
  });

  it('lets the app role read public master data but not write it', async () => {
    const rows = await withTenantTx(database.db, ANONYMOUS, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from councils`),
    );
    expect(rows[0]?.n).toBe(47);
    await expectPgError(
      withTenantTx(database.db, TOKYO, (tx) => tx.execute(sql`update councils set name = 'x' where id = 13`)),
      /permission denied/,
    );
  });
});
