import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { TestClient } from '../../test/http-client';
import { createCase, createUser, signIn, type TestUser } from '../../test/factories';
import { expectPgError } from '../../test/expect-pg-error';
import { queryRows } from '../db/client';
import { auditEvents } from '../db/schema';
import { withTenantTx } from '../db/tenant-tx';
import { verifyAuditChains } from './verify-audit';

let t: TestApp;
let pm: TestUser;
let client: TestClient;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  pm = await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 13 });
  client = new TestClient(t.app);
  await signIn(client, pm, t.clock.now());
  caseId = (await createCase(t.database.db, 13, '監査確認株式会社')).id;
  for (let i = 0; i < 4; i++) expect((await client.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const verify = () => verifyAuditChains(t.database.db, t.services.keys.auditChainKey);

async function councilEvents() {
  return t.database.db.select().from(auditEvents).where(eq(auditEvents.chain, 13)).orderBy(asc(auditEvents.seq));
}

/** What a DBA with superuser rights could do: switch the trigger off, change history, switch it back on. */
async function asTamperingDba(statement: ReturnType<typeof sql>): Promise<void> {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

describe('the audit trail', () => {
  it('records sign-ins, reads and denials in hash chains that verify', async () => {
    const events = await councilEvents();
    const types = events.map((e) => e.eventType);
    expect(types).toContain('SIGN_IN_SUCCEEDED');
    expect(types.filter((x) => x === 'CASE_VIEWED').length).toBeGreaterThanOrEqual(4);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(events[i]?.prevHash).toBe(events[i - 1]?.hash);
    const result = await verify();
    expect(result.problems).toEqual([]);
    expect(result.events).toBeGreaterThan(4);
  });

  it('refuses UPDATE and DELETE, for the request role and the owner alike', async () => {
    await expectPgError(
      withTenantTx(t.database.db, { councilId: 13, userId: pm.id, roles: ['council_pm'] }, (tx) =>
        tx.execute(sql`update audit_events set details = '{}' where chain = 13`),
      ),
      /permission denied/,
    );
    await expectPgError(t.database.db.execute(sql`update audit_events set details = '{"x":1}' where chain = 13`), /append-only/);
    await expectPgError(t.database.db.execute(sql`delete from audit_events where chain = 13`), /append-only/);
    await expectPgError(t.database.db.execute(sql`truncate audit_events`), /append-only/);
    expect((await verify()).problems).toEqual([]);
  });

  it('names the exact row that was altered', async () => {
    const target = (await councilEvents()).find((e) => e.eventType === 'CASE_VIEWED' && e.seq > 2)!;
    await asTamperingDba(sql`update audit_events set actor_label = '改ざん者' where id = ${target.id}`);
    const result = await verify();
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'modified', chain: 13, seq: target.seq, id: target.id })]);
    // Undo (restore the original value), so the next test starts from a verifying chain.
    await asTamperingDba(sql`update audit_events set actor_label = ${target.actorLabel} where id = ${target.id}`);
    expect((await verify()).problems).toEqual([]);
  });

  it('names where rows were deleted from the middle and from the end', async () => {
    const events = await councilEvents();
    const middle = events[2]!;
    await asTamperingDba(sql`delete from audit_events where id = ${middle.id}`);
    const afterMiddle = await verify();
    expect(afterMiddle.problems).toEqual([
      expect.objectContaining({ kind: 'missing', chain: 13, afterSeq: middle.seq - 1, expectedSeq: middle.seq }),
    ]);

    const last = events.at(-1)!;
    await asTamperingDba(sql`delete from audit_events where id = ${last.id}`);
    const afterTail = await verify();
    expect(afterTail.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'truncated', chain: 13, lastSeq: last.seq - 1, headSeq: last.seq })]),
    );
  });

  it('cannot be forged without the key: recomputing a hash with another key is detected', async () => {
    const other = await verifyAuditChains(t.database.db, Buffer.alloc(32, 1));
    expect(other.problems.filter((p) => p.kind === 'modified').length).toBeGreaterThan(0);
  });

  it('serialises appends per chain (no duplicate sequence numbers under concurrency)', async () => {
    const c = await createCase(t.database.db, 27, '同時実行確認');
    const osakaPm = await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: 27 });
    const osaka = new TestClient(t.app);
    t.clock.advance(31_000);
    await signIn(osaka, osakaPm, t.clock.now());
    const statuses = await Promise.all(Array.from({ length: 8 }, () => osaka.get(`/api/v1/cases/${c.id}`).then((r) => r.statusCode)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const seqs = await queryRows<{ n: number; d: number }>(
      t.database.db,
      sql`select count(*)::int as n, count(distinct seq)::int as d from audit_events where chain = 27`,
    );
    expect(seqs[0]?.n).toBe(seqs[0]?.d);
    expect((await verify()).problems.filter((p) => p.chain === 27)).toEqual([]);
    const views = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, 27), eq(auditEvents.eventType, 'CASE_VIEWED')));
    expect(views).toHaveLength(8);
  });
});
