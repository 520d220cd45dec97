import { asc, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditChainHeads, auditEvents } from '../db/schema';
import { APP_ROLE_NAME } from '../db/schema/roles';
import { GENESIS_HASH, chainHash } from './audit-hash';

export type AuditProblem =
  | { kind: 'modified'; chain: number; seq: number; id: number; detail: string }
  | { kind: 'missing'; chain: number; afterSeq: number; expectedSeq: number; detail: string }
  | { kind: 'truncated'; chain: number; lastSeq: number; headSeq: number; detail: string };

export interface AuditVerification {
  readonly chains: number;
  readonly events: number;
  readonly problems: readonly AuditProblem[];
}

/**
 * Recomputes every chain. A changed row fails its own HMAC (reported as `modified` at exactly that row); a removed
 * row leaves a gap in the sequence and a broken link (`missing` after the row before it); rows removed from the end
 * no longer reach the chain head (`truncated`). Reads as the request role with the `audit_verifier` role set, which
 * the audit read policy admits, so verification never needs a superuser.
 */
export async function verifyAuditChains(db: Db, chainKey: Buffer): Promise<AuditVerification> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local role ${APP_ROLE_NAME}`));
    await tx.execute(sql`select set_config('app.roles', 'audit_verifier', true)`);
    const rows = await tx.select().from(auditEvents).orderBy(asc(auditEvents.chain), asc(auditEvents.seq));
    const heads = await tx.select().from(auditChainHeads);
    const problems: AuditProblem[] = [];
    const lastByChain = new Map<number, { seq: number; hash: string }>();
    for (const r of rows) {
      const last = lastByChain.get(r.chain) ?? { seq: 0, hash: GENESIS_HASH };
      if (r.seq !== last.seq + 1 || r.prevHash !== last.hash) {
        problems.push({
          kind: 'missing',
          chain: r.chain,
          afterSeq: last.seq,
          expectedSeq: last.seq + 1,
          detail: `chain ${r.chain}: event(s) after seq ${last.seq} are missing or out of order (next present is seq ${r.seq}, id ${r.id})`,
        });
      }
      const recomputed = chainHash(chainKey, r.prevHash, {
        chain: r.chain,
        seq: r.seq,
        occurredAt: new Date(r.occurredAt).toISOString(),
        eventType: r.eventType,
        outcome: r.outcome,
        actorUserId: r.actorUserId,
        actorLabel: r.actorLabel,
        actorRoles: r.actorRoles,
        councilId: r.councilId,
        caseId: r.caseId,
        targetType: r.targetType,
        targetId: r.targetId,
        ip: r.ip,
        requestId: r.requestId,
        details: r.details,
      });
      if (recomputed !== r.hash) {
        problems.push({
          kind: 'modified',
          chain: r.chain,
          seq: r.seq,
          id: r.id,
          detail: `chain ${r.chain}: event seq ${r.seq} (id ${r.id}) was altered`,
        });
      }
      lastByChain.set(r.chain, { seq: r.seq, hash: r.hash });
    }
    for (const h of heads) {
      const last = lastByChain.get(h.chain) ?? { seq: 0, hash: GENESIS_HASH };
      if (h.seq !== last.seq || h.hash !== last.hash) {
        problems.push({
          kind: 'truncated',
          chain: h.chain,
          lastSeq: last.seq,
          headSeq: h.seq,
          detail: `chain ${h.chain}: events after seq ${last.seq} up to seq ${h.seq} are missing`,
        });
      }
    }
    return { chains: heads.length, events: rows.length, problems };
  });
}
