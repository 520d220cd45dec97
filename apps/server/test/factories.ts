import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { ROLE_IN_CASE_OF, ROLE_ORGANIZATION_KIND, DEFAULT_GRANT_SCOPES, type Role } from '../src/authz/roles';
import { withAuthTx } from '../src/db/auth-tx';
import type { Db } from '../src/db/client';
import type { Tx } from '../src/db/client';
import {
  caseConfidentialityLifts,
  caseGrants,
  mailOutbox,
  memberships,
  organizations,
  supportCases,
  userCredentials,
  users,
} from '../src/db/schema';
import { withTenantTx } from '../src/db/tenant-tx';
import { currentTotp, newTotpSecret } from '../src/modules/auth/totp';
import type { FieldCipher } from '../src/security/field-cipher';
import { hashPassword } from '../src/security/passwords';
import type { TestClient } from './http-client';

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly totpSecret: string | null;
  readonly organizationId: string;
  readonly role: Role;
  readonly councilId: number | null;
}

const PASSWORD = 'correct horse battery staple';
let hashed: Promise<string> | null = null;

/**
 * A user with one membership. Council roles join the council's organisation; a company member joins a company of
 * `councilId` (a new one unless `organizationId` is given); other outsiders join a new firm of their kind.
 * A missing council means council 13 (東京都). TOTP is enrolled unless `totp: false`.
 */
export async function createUser(
  db: Db,
  cipher: FieldCipher,
  opts: { role: Role; councilId?: number; organizationId?: string; email?: string; totp?: boolean; displayName?: string },
): Promise<TestUser> {
  const kind = ROLE_ORGANIZATION_KIND[opts.role];
  const councilId = kind === 'council' || kind === 'company' ? (opts.councilId ?? 13) : null;
  const email = opts.email ?? `${opts.role.replace('_', '-')}-${randomUUID().slice(0, 8)}@test.kasseika.invalid`;
  const totpSecret = opts.totp === false ? null : newTotpSecret();
  hashed ??= hashPassword(PASSWORD);
  const passwordHash = await hashed;
  const id = await withAuthTx(db, null, async (tx) => {
    let organizationId = opts.organizationId;
    if (!organizationId && kind === 'council') {
      const [org] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.kind, 'council'), eq(organizations.councilId, councilId ?? 13)));
      organizationId = org?.id;
    } else if (!organizationId && (kind === 'hq' || kind === 'platform')) {
      const [org] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.kind, kind), isNull(organizations.councilId)));
      organizationId = org?.id;
    } else if (!organizationId) {
      const [org] = await tx
        .insert(organizations)
        .values({
          kind,
          name: `テスト${kind}-${randomUUID().slice(0, 6)}`,
          councilId: kind === 'company' ? councilId : null,
          // Test banks get a unique (non-official) code: confidentiality lifts name banks by code.
          bankCode: kind === 'bank' ? `x${randomUUID().slice(0, 7)}` : null,
        })
        .returning({ id: organizations.id });
      organizationId = org?.id;
    }
    if (!organizationId) throw new Error('organisation not found');
    const [u] = await tx
      .insert(users)
      .values({ email, displayName: opts.displayName ?? `テスト ${opts.role}`, emailVerifiedAt: new Date() })
      .returning({ id: users.id });
    if (!u) throw new Error('user not created');
    await tx.insert(userCredentials).values({
      userId: u.id,
      passwordHash,
      ...(totpSecret
        ? { totpSecret: await cipher.encrypt(0, totpSecret, `user_credentials.totp_secret:${u.id}`), totpEnabledAt: new Date() }
        : {}),
    });
    await tx.insert(memberships).values({ userId: u.id, organizationId, councilId, roles: [opts.role] });
    return { userId: u.id, organizationId };
  });
  return { id: id.userId, email, password: PASSWORD, totpSecret, organizationId: id.organizationId, role: opts.role, councilId };
}

/** Signs a client in through the real API: password, then the current TOTP code. */
export async function signIn(client: TestClient, user: TestUser, at: Date): Promise<void> {
  const first = await client.post('/api/v1/auth/sign-in', { email: user.email, password: user.password });
  if (first.statusCode !== 200) throw new Error(`sign-in failed: ${first.statusCode} ${first.body}`);
  if (!user.totpSecret) return;
  const second = await client.post('/api/v1/auth/second-factor', { method: 'totp', code: await currentTotp(user.totpSecret, at) });
  if (second.statusCode !== 200) throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
}

let seq = 0;

/** A case of a council, written as that council's staff (RLS applies). */
export async function createCase(db: Db, councilId: number, companyName = 'テスト株式会社'): Promise<{ id: string; referenceNo: string }> {
  seq++;
  const referenceNo = `T-${councilId}-${Date.now().toString(36)}-${seq}`;
  const [row] = await withTenantTx(db, { councilId, userId: null, roles: ['council_staff'] }, (tx) =>
    tx.insert(supportCases).values({ councilId, referenceNo, companyName }).returning({ id: supportCases.id }),
  );
  if (!row) throw new Error('case not created');
  return { id: row.id, referenceNo };
}

/**
 * Grants an outsider the default scopes of their role on a case (as the case's council). A bank officer's grant comes
 * with the company's confidentiality lift for the officer's bank (the invitation flow requires one), unless
 * `lift: false`.
 */
export async function grantCase(
  db: Db,
  user: TestUser,
  c: { id: string },
  councilId: number,
  scopes?: string[],
  opts: { lift?: boolean } = {},
): Promise<void> {
  const roleInCase = ROLE_IN_CASE_OF[user.role];
  if (!roleInCase) throw new Error(`${user.role} does not take case grants`);
  await withTenantTx(db, { councilId, userId: null, roles: ['council_staff'] }, async (tx) => {
    await tx
      .insert(caseGrants)
      .values({ councilId, caseId: c.id, userId: user.id, roleInCase, scopes: scopes ?? [...DEFAULT_GRANT_SCOPES[roleInCase]] });
    if (roleInCase === 'bank' && opts.lift !== false) await liftFor(tx, user, c.id, councilId);
  });
}

/** Records the company's consent (all document sets) for the bank of a bank officer on a case, as the council. */
export async function liftConfidentiality(db: Db, bankUser: TestUser, c: { id: string }, councilId: number): Promise<void> {
  await withTenantTx(db, { councilId, userId: null, roles: ['council_staff'] }, (tx) => liftFor(tx, bankUser, c.id, councilId));
}

async function liftFor(tx: Tx, bankUser: TestUser, caseId: string, councilId: number): Promise<void> {
  const [org] = await tx
    .select({ bankCode: organizations.bankCode })
    .from(organizations)
    .where(eq(organizations.id, bankUser.organizationId));
  if (!org?.bankCode) throw new Error('the bank officer’s organisation has no bank code');
  await tx
    .insert(caseConfidentialityLifts)
    .values({
      councilId,
      caseId,
      bankCode: org.bankCode,
      bankName: 'テスト銀行',
      documentSets: ['plan', 'creditor_documents'],
      consentedBy: bankUser.id,
    })
    .onConflictDoNothing();
}

/** The token of the newest invitation mailed to `email`, read from the mail outbox as the recipient would. */
export async function latestInvitationToken(db: Db, email: string): Promise<string> {
  const [m] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(desc(mailOutbox.createdAt)).limit(1);
  const token = /invitations\/accept#token=([A-Za-z0-9_-]+)/.exec(m?.textBody ?? '')?.[1];
  if (!token) throw new Error(`no invitation mail for ${email}`);
  return token;
}
