import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgPolicy, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { appRole, authRole } from './roles';

/**
 * Append-only audit trail. One HMAC hash chain per council (chain = council id; chain 0 = platform events such as
 * sign-ins of users without a council). A trigger rejects UPDATE, DELETE and TRUNCATE (migration 0005);
 * `kasseika verify-audit` recomputes every chain and names the first row that was altered or removed.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chain: smallint('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    eventType: text('event_type').notNull(),
    outcome: text('outcome', { enum: ['success', 'denied', 'failure'] }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    actorRoles: text('actor_roles').array().notNull(),
    councilId: smallint('council_id'),
    caseId: uuid('case_id'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('audit_events_chain_seq_key').on(t.chain, t.seq),
    index('audit_events_case_idx').on(t.caseId, t.occurredAt),
    index('audit_events_actor_idx').on(t.actorUserId, t.occurredAt),
    pgPolicy('audit_events_app_append', { for: 'insert', to: appRole, withCheck: sql`true` }),
    pgPolicy('audit_events_app_read', {
      for: 'select',
      to: appRole,
      using: sql`${t.councilId} = app.council_id()
        or ${t.actorUserId} = app.user_id()
        or app.has_role('audit_verifier')
        or (${t.caseId} is not null and ${t.caseId} in (select g.case_id from case_grants g
             where g.user_id = app.user_id() and g.revoked_at is null and (g.expires_at is null or g.expires_at > now())
               and 'case.accessLog' = any(g.scopes)))`,
    }),
    pgPolicy('audit_events_auth_append', { for: 'insert', to: authRole, withCheck: sql`true` }),
    pgPolicy('audit_events_auth_read_own', { for: 'select', to: authRole, using: sql`${t.actorUserId} = app.user_id()` }),
  ],
).enableRLS();

/** The head of each chain (last sequence number and hash), locked FOR UPDATE while appending. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: smallint('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Per-council data keys for field encryption, wrapped (AES-256-GCM) under the master key. */
export const councilDataKeys = pgTable('council_data_keys', {
  councilId: smallint('council_id').primaryKey(),
  keyVersion: smallint('key_version').notNull(),
  wrappedKey: text('wrapped_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
