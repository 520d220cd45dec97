import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { councils } from './directory';
import { appRole, authRole } from './roles';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** RLS helpers (defined in migration 0003, SECURITY INVOKER): the transaction's council, user and roles. */
export const currentCouncil = sql`app.council_id()`;
export const currentUser = sql`app.user_id()`;

/**
 * Organisations: the 47 councils, HQ, the platform operator, companies (相談企業), expert firms (認定支援機関), banks
 * (金融機関 incl. 信用保証協会 and 日本政策金融公庫) and law firms. A company belongs to the council it consults
 * (`council_id`): its existence is confidential to that council.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['council', 'hq', 'platform', 'company', 'expert_firm', 'bank', 'law_firm'] }).notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana'),
    councilId: smallint('council_id').references(() => councils.id),
    /** 金融機関コード (4 digits) for banks. */
    bankCode: text('bank_code'),
    /** 法人番号 (13 digits) for companies and firms. */
    corporateNumber: text('corporate_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('organizations_council_kind', sql`(${t.kind} in ('council', 'company')) = (${t.councilId} is not null)`),
    uniqueIndex('organizations_one_per_council')
      .on(t.councilId)
      .where(sql`${t.kind} = 'council'`),
    uniqueIndex('organizations_bank_code_key').on(t.bankCode),
    pgPolicy('organizations_app_read', {
      for: 'select',
      to: appRole,
      using: sql`${t.kind} not in ('company') or ${t.councilId} = ${currentCouncil}
        or exists (select 1 from memberships m where m.organization_id = ${t.id} and m.user_id = ${currentUser} and m.revoked_at is null)`,
    }),
    pgPolicy('organizations_app_write_company', {
      for: 'insert',
      to: appRole,
      withCheck: sql`${t.kind} = 'company' and ${t.councilId} = ${currentCouncil}`,
    }),
    pgPolicy('organizations_auth_all', { for: 'all', to: authRole, using: sql`true`, withCheck: sql`true` }),
  ],
).enableRLS();

/** People. Secrets live in `user_credentials` (identity role only). */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased; unique. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    locale: text('locale', { enum: ['ja', 'en'] })
      .notNull()
      .default('ja'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [
    unique('users_email_key').on(t.email),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    pgPolicy('users_app_read', {
      for: 'select',
      to: appRole,
      using: sql`${t.id} = ${currentUser}
        or exists (select 1 from memberships m where m.user_id = ${t.id} and m.council_id = ${currentCouncil})
        or exists (select 1 from case_grants g where g.user_id = ${t.id} and g.council_id = ${currentCouncil})`,
    }),
    pgPolicy('users_auth_all', { for: 'all', to: authRole, using: sql`true`, withCheck: sql`true` }),
  ],
).enableRLS();

/** Password hash (argon2id), TOTP secret (encrypted), recovery codes (hashed). Identity role only. */
export const userCredentials = pgTable('user_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  passwordHash: text('password_hash'),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  /** Encrypted (AES-256-GCM under the master key); never stored in clear. */
  totpSecret: text('totp_secret'),
  totpPending: text('totp_pending'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** Last accepted TOTP time step: a code is accepted once (replay protection). */
  totpLastStep: integer('totp_last_step'),
  /** SHA-256 hashes of unused recovery codes. */
  recoveryCodeHashes: text('recovery_code_hashes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
});

/** WebAuthn credentials (passkeys). Identity role only. */
export const webauthnCredentials = pgTable(
  'webauthn_credentials',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    publicKey: bytea('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: text('transports')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    deviceType: text('device_type').notNull(),
    backedUp: boolean('backed_up').notNull(),
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('webauthn_credentials_user_idx').on(t.userId)],
);

/** Links to an external OpenID Connect identity (gBizID-compatible). Identity role only. */
export const externalIdentities = pgTable(
  'external_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('external_identities_pk').on(t.issuer, t.subject)],
);

/**
 * A person's role in an organisation. `council_id` repeats the organisation's council (for RLS): council staff
 * see the members of their council, including the members of the companies that consult it.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    councilId: smallint('council_id').references(() => councils.id),
    roles: text('roles').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('memberships_active_key')
      .on(t.userId, t.organizationId)
      .where(sql`${t.revokedAt} is null`),
    index('memberships_council_idx').on(t.councilId),
    pgPolicy('memberships_app_read', {
      for: 'select',
      to: appRole,
      // Staff also see the organisation of every outsider holding a grant on one of their council's cases.
      using: sql`${t.userId} = ${currentUser} or ${t.councilId} = ${currentCouncil}
        or ${t.userId} in (select g.user_id from case_grants g where g.council_id = ${currentCouncil})`,
    }),
    pgPolicy('memberships_app_write', {
      for: 'all',
      to: appRole,
      using: sql`${t.councilId} = ${currentCouncil}`,
      withCheck: sql`${t.councilId} = ${currentCouncil}`,
    }),
    pgPolicy('memberships_auth_all', { for: 'all', to: authRole, using: sql`true`, withCheck: sql`true` }),
  ],
).enableRLS();

/**
 * The only way an outsider (company member, expert, bank officer, lawyer) reaches a case: who, role in the case,
 * scope, granted by, expiry, revocation. Council staff manage the grants of their council's cases.
 */
export const caseGrants = pgTable(
  'case_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    roleInCase: text('role_in_case', { enum: ['company', 'expert', 'bank', 'lawyer'] }).notNull(),
    scopes: text('scopes').array().notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    index('case_grants_user_idx').on(t.userId),
    index('case_grants_case_idx').on(t.caseId),
    pgPolicy('case_grants_app_read', {
      for: 'select',
      to: appRole,
      using: sql`${t.councilId} = ${currentCouncil} or ${t.userId} = ${currentUser}`,
    }),
    pgPolicy('case_grants_app_insert', { for: 'insert', to: appRole, withCheck: sql`${t.councilId} = ${currentCouncil}` }),
    pgPolicy('case_grants_app_update', {
      for: 'update',
      to: appRole,
      using: sql`${t.councilId} = ${currentCouncil}`,
      withCheck: sql`${t.councilId} = ${currentCouncil}`,
    }),
    pgPolicy('case_grants_auth_read', { for: 'select', to: authRole, using: sql`true` }),
    // Accepting an invitation creates the grant that staff authorised when they invited (the token carries it).
    pgPolicy('case_grants_auth_insert', { for: 'insert', to: authRole, withCheck: sql`true` }),
  ],
).enableRLS();

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. Identity role only. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'pending_mfa': password verified, second factor outstanding; 'enrol_mfa': must enrol a second factor first. */
    state: text('state', { enum: ['pending_mfa', 'enrol_mfa', 'active'] }).notNull(),
    activeMembershipId: uuid('active_membership_id'),
    authMethods: text('auth_methods').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end (12 h after sign-in). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Last second-factor verification (step-up). */
    mfaAt: timestamp('mfa_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [unique('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** Single-use, expiring tokens for email verification and password reset (hash stored only). Identity role only. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    purpose: text('purpose', { enum: ['email_verification', 'password_reset'] }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    email: text('email').notNull(),
    payload: jsonb('payload')
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [unique('one_time_tokens_hash_key').on(t.tokenHash)],
);

/** Fixed-window counters for rate limits (per account, per client address, per device). Identity role only. */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [unique('rate_limit_counters_pk').on(t.key, t.windowStart)],
);

/** Outgoing mail. Always written here first (nothing acknowledged is lost); SMTP delivery marks `sent_at`. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    template: text('template').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('mail_outbox_unsent_idx')
      .on(t.createdAt)
      .where(sql`${t.sentAt} is null`),
  ],
);

/**
 * Invitations: council admins invite staff; council case workers invite outsiders to a case. The invitation carries
 * the decision (organisation, roles, grant scopes and expiry) that the identity subsystem carries out when the
 * invitee accepts with the single-use token (only its hash is stored). Tenant data of the inviting council.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: smallint('council_id')
      .notNull()
      .references(() => councils.id),
    caseId: uuid('case_id'),
    caseReferenceNo: text('case_reference_no'),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** The organisation to join: an existing one by id, or one to find or create by kind, name and bank code. */
    organization: jsonb('organization').$type<{ id?: string; kind: string; name: string; bankCode?: string | null }>().notNull(),
    roles: text('roles').array().notNull(),
    roleInCase: text('role_in_case', { enum: ['company', 'expert', 'bank', 'lawyer'] }),
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    grantExpiresAt: timestamp('grant_expires_at', { withTimezone: true }),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    inviterLabel: text('inviter_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedUserId: uuid('accepted_user_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    unique('invitations_token_hash_key').on(t.tokenHash),
    index('invitations_council_idx').on(t.councilId, t.caseId),
    pgPolicy('invitations_app_council', {
      for: 'all',
      to: appRole,
      using: sql`${t.councilId} = ${currentCouncil}`,
      withCheck: sql`${t.councilId} = ${currentCouncil}`,
    }),
    pgPolicy('invitations_auth_all', { for: 'all', to: authRole, using: sql`true`, withCheck: sql`true` }),
  ],
).enableRLS();
