import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { supportCases } from '../db/schema';
import { withTenantTx } from '../db/tenant-tx';

/** Demo rows per council, written through the same tenant transaction as the app (RLS applies). */
const DEMO_CASES: readonly { councilId: number; referenceNo: string; companyName: string }[] = [
  { councilId: 13, referenceNo: 'DEMO-13-0001', companyName: '株式会社デモ精工（東京）' },
  { councilId: 13, referenceNo: 'DEMO-13-0002', companyName: '有限会社サンプル食品（東京）' },
  { councilId: 27, referenceNo: 'DEMO-27-0001', companyName: '株式会社見本工業（大阪）' },
];

export interface SeedResult {
  readonly created: number;
  readonly existing: number;
}

/** Creates the demo data idempotently. Refused in production by the callers. */
export async function seedDemo(database: Database): Promise<SeedResult> {
  let created = 0;
  let existing = 0;
  for (const demo of DEMO_CASES) {
    await withTenantTx(database.db, { councilId: demo.councilId, userId: null, roles: ['system'] }, async (tx) => {
      const [found] = await tx
        .select({ id: supportCases.id })
        .from(supportCases)
        .where(and(eq(supportCases.councilId, demo.councilId), eq(supportCases.referenceNo, demo.referenceNo)));
      if (found) existing++;
      else {
        await tx.insert(supportCases).values(demo);
        created++;
      }
    });
  }
  return { created, existing };
}
