import { and, eq, isNull } from 'drizzle-orm';
import { withAuthTx } from '../../db/auth-tx';
import type { Db } from '../../db/client';
import { councils, organizations } from '../../db/schema';

export const HQ_ORGANIZATION_NAME = '中小企業活性化全国本部';
export const PLATFORM_ORGANIZATION_NAME = 'Kasseika 運用事業者';

/**
 * One organisation per council (from the directory), the national HQ and the platform operator — created
 * idempotently at start, through the identity role (never as a privileged owner, so RLS applies).
 */
export async function syncOrganizations(db: Db): Promise<void> {
  await withAuthTx(db, null, async (tx) => {
    const all = await tx.select({ id: councils.id, name: councils.name }).from(councils);
    const existing = await tx.select({ councilId: organizations.councilId }).from(organizations).where(eq(organizations.kind, 'council'));
    const have = new Set(existing.map((e) => e.councilId));
    const missing = all.filter((c) => !have.has(c.id));
    if (missing.length > 0)
      await tx.insert(organizations).values(missing.map((c) => ({ kind: 'council' as const, name: c.name, councilId: c.id })));
    for (const [kind, name] of [
      ['hq', HQ_ORGANIZATION_NAME],
      ['platform', PLATFORM_ORGANIZATION_NAME],
    ] as const) {
      const [found] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.kind, kind), isNull(organizations.councilId)));
      if (!found) await tx.insert(organizations).values({ kind, name });
    }
  });
}
