import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { auditChainHeads, auditEvents } from '../db/schema';
import type { AuditEventType } from './audit-event-types';
import { GENESIS_HASH, chainHash, type ChainedFields } from './audit-hash';

/** What a caller states about an event; the recorder adds chain, sequence, time and hashes. */
export interface AuditEventInput {
  readonly type: AuditEventType;
  readonly outcome?: 'success' | 'denied' | 'failure';
  readonly actorUserId: string | null;
  readonly actorLabel: string | null;
  readonly actorRoles: readonly string[];
  /** The council the event belongs to (its chain); null → the platform chain 0. */
  readonly councilId: number | null;
  readonly caseId?: string | null;
  readonly targetType?: string | null;
  readonly targetId?: string | null;
  readonly ip?: string | null;
  readonly requestId?: string | null;
  readonly details?: Record<string, unknown>;
}

export interface AuditRecorder {
  /** Appends the event in the caller's transaction, so it commits (or rolls back) with the act it records. */
  record(tx: Tx, event: AuditEventInput): Promise<void>;
}

/**
 * Appends to the council's HMAC hash chain: locks the chain head (FOR UPDATE), computes
 * hash_n = HMAC(key, hash_{n−1} ‖ canonical(event)), inserts the row and moves the head.
 */
export function createAuditRecorder(chainKey: Buffer, now: () => Date = () => new Date()): AuditRecorder {
  return {
    async record(tx, e) {
      const chain = e.councilId ?? 0;
      await tx.insert(auditChainHeads).values({ chain, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
      const [head] = await tx.select().from(auditChainHeads).where(eq(auditChainHeads.chain, chain)).for('update');
      if (!head) throw new Error(`audit chain ${chain} has no head`);
      const outcome = e.outcome ?? 'success';
      const fields: ChainedFields = {
        chain,
        seq: head.seq + 1,
        occurredAt: now().toISOString(),
        eventType: e.type,
        outcome,
        actorUserId: e.actorUserId,
        actorLabel: e.actorLabel,
        actorRoles: e.actorRoles,
        councilId: e.councilId,
        caseId: e.caseId ?? null,
        targetType: e.targetType ?? null,
        targetId: e.targetId ?? null,
        ip: e.ip ?? null,
        requestId: e.requestId ?? null,
        details: e.details ?? {},
      };
      const hash = chainHash(chainKey, head.hash, fields);
      await tx.insert(auditEvents).values({
        ...fields,
        outcome,
        actorRoles: [...fields.actorRoles],
        details: fields.details,
        prevHash: head.hash,
        hash,
      });
      await tx
        .update(auditChainHeads)
        .set({ seq: fields.seq, hash })
        .where(sql`${auditChainHeads.chain} = ${chain}`);
    },
  };
}
