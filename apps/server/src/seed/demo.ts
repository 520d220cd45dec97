import { and, eq, isNull } from 'drizzle-orm';
import { DEFAULT_GRANT_SCOPES, ROLE_IN_CASE_OF, ROLE_ORGANIZATION_KIND } from '../authz/roles';
import { withAuthTx } from '../db/auth-tx';
import type { Database, Tx } from '../db/client';
import type { GuarantorInput } from '@kasseika/contracts';
import {
  caseConfidentialityLifts,
  caseCreditors,
  caseGrants,
  caseGuarantorSets,
  caseLoans,
  memberships,
  organizations,
  supportCases,
  userCredentials,
  users,
} from '../db/schema';
import { withTenantTx } from '../db/tenant-tx';
import type { FieldCipher } from '../security/field-cipher';
import { guarantorsPlace } from '../modules/guarantors/guarantors.service';
import { hashPassword } from '../security/passwords';
import { seedCaseworkDemo } from './casework-demo';
import {
  DEMO_ACCOUNTS,
  DEMO_CASES,
  DEMO_CASE_STAGES,
  DEMO_CONFIDENTIALITY_LIFTS,
  DEMO_CREDITORS,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  type DemoAccount,
} from './demo-accounts';
import { DEMO_REQUESTS, seedDemoIntake } from './demo-intake';

export interface SeedResult {
  readonly created: number;
  readonly existing: number;
}

/**
 * Creates the demo data idempotently: the demo cases, then one account per role in two councils (東京都, 大阪府) plus
 * HQ, the platform operator and outsiders with grants on demo cases. Written through the same roles as the app
 * (identity role for accounts, request role with the council's context for cases and grants), so RLS applies.
 * Refused in production by the callers.
 */
export async function seedDemo(database: Database, cipher: FieldCipher): Promise<SeedResult> {
  let created = 0;
  let existing = 0;
  const caseIds = new Map<string, { id: string; councilId: number }>();
  for (const demo of DEMO_CASES) {
    const id = await withTenantTx(database.db, { councilId: demo.councilId, userId: null, roles: ['council_staff'] }, async (tx) => {
      const [found] = await tx
        .select({ id: supportCases.id })
        .from(supportCases)
        .where(and(eq(supportCases.councilId, demo.councilId), eq(supportCases.referenceNo, demo.referenceNo)));
      if (found) {
        existing++;
        return found.id;
      }
      const [row] = await tx
        .insert(supportCases)
        .values({ ...demo })
        .returning({ id: supportCases.id });
      created++;
      return row?.id ?? '';
    });
    caseIds.set(demo.referenceNo, { id, councilId: demo.councilId });
  }
  // Public consultation intake (issue 5): verified requests awaiting the councils' decision. Seeded before the
  // accounts, so that a demo company member can be granted on a case still at intake (as the request's invitation does).
  const intake = await seedDemoIntake(database, cipher);
  for (const r of DEMO_REQUESTS) {
    const id = await withTenantTx(database.db, { councilId: r.councilId, userId: null, roles: ['council_staff'] }, async (tx) => {
      const [found] = await tx
        .select({ id: supportCases.id })
        .from(supportCases)
        .where(and(eq(supportCases.councilId, r.councilId), eq(supportCases.referenceNo, r.caseReferenceNo)));
      return found?.id;
    });
    if (id) caseIds.set(r.caseReferenceNo, { id, councilId: r.councilId });
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const userId = await withAuthTx(database.db, null, async (tx) => {
      const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email));
      if (found) {
        existing++;
        return found.id;
      }
      const organizationId = await organizationFor(tx, account);
      const [u] = await tx
        .insert(users)
        .values({ email: account.email, displayName: account.displayName, emailVerifiedAt: new Date() })
        .returning({ id: users.id });
      if (!u) throw new Error(`demo user ${account.email} not created`);
      await tx.insert(userCredentials).values({
        userId: u.id,
        passwordHash,
        passwordChangedAt: new Date(),
        totpSecret: await cipher.encrypt(0, DEMO_TOTP_SECRET, `user_credentials.totp_secret:${u.id}`),
        totpEnabledAt: new Date(),
      });
      const kind = ROLE_ORGANIZATION_KIND[account.role];
      await tx.insert(memberships).values({
        userId: u.id,
        organizationId,
        councilId: kind === 'council' || kind === 'company' ? (account.councilId ?? null) : null,
        roles: [account.role],
      });
      created++;
      return u.id;
    });
    const target = account.grantOn ? caseIds.get(account.grantOn) : undefined;
    const roleInCase = ROLE_IN_CASE_OF[account.role];
    if (target && roleInCase) {
      await withTenantTx(database.db, { councilId: target.councilId, userId: null, roles: ['council_staff'] }, async (tx) => {
        const [grant] = await tx
          .select({ id: caseGrants.id })
          .from(caseGrants)
          .where(and(eq(caseGrants.caseId, target.id), eq(caseGrants.userId, userId), isNull(caseGrants.revokedAt)));
        if (!grant) {
          await tx.insert(caseGrants).values({
            councilId: target.councilId,
            caseId: target.id,
            userId,
            roleInCase,
            scopes: [...DEFAULT_GRANT_SCOPES[roleInCase]],
          });
        }
        if (roleInCase === 'company') {
          const [org] = await tx
            .select({ organizationId: memberships.organizationId })
            .from(memberships)
            .where(and(eq(memberships.userId, userId), isNull(memberships.revokedAt)));
          if (org) await tx.update(supportCases).set({ companyOrganizationId: org.organizationId }).where(eq(supportCases.id, target.id));
        }
      });
    }
  }
  created += await seedDemoGuarantors(database, cipher, caseIds);
  // council case work (issue 6): desk records and tasks on 有限会社サンプル食品
  const foods = caseIds.get('DEMO-13-0002');
  if (foods) await seedCaseworkDemo(database, cipher, foods.id);
  // Creditor coordination (issue 7): the companies' consents and the creditor tables.
  await seedConfidentialityLifts(database, caseIds);
  await seedCreditors(database, caseIds);
  return { created: created + intake.created, existing: existing + intake.existing };
}

/** The owner of the Osaka demo company (a 再チャレンジ case with a lawyer): guarantees and personal assets. */
async function seedDemoGuarantors(database: Database, cipher: FieldCipher, caseIds: Map<string, { id: string; councilId: number }>) {
  const target = caseIds.get('DEMO-27-0001');
  if (!target) return 0;
  const [pm] = await withAuthTx(database.db, null, (tx) =>
    tx.select({ id: users.id }).from(users).where(eq(users.email, 'pm.osaka@demo.kasseika.jp')),
  );
  if (!pm) return 0;
  return withTenantTx(database.db, { councilId: target.councilId, userId: pm.id, roles: ['council_pm'] }, async (tx) => {
    const [found] = await tx.select({ id: caseGuarantorSets.id }).from(caseGuarantorSets).where(eq(caseGuarantorSets.caseId, target.id));
    if (found) return 0;
    const guarantors: GuarantorInput[] = [
      {
        name: '見本 一郎',
        relationship: 'owner',
        birthDate: '1968-09-12',
        workoutType: 'standalone',
        assumedBenefitDays: null,
        keepsHome: true,
        guarantees: [
          { creditorName: 'デモ銀行', amount: 48_000_000 },
          { creditorName: '大阪デモ信用金庫', amount: 15_000_000 },
        ],
        assets: [
          { kind: 'deposits', description: '普通預金・定期預金', value: 5_400_000 },
          { kind: 'home', description: '堺市、築28年', value: 14_000_000 },
          { kind: 'insurance', description: '終身保険', value: 1_200_000 },
        ],
        note: '自宅の維持を希望。代理人弁護士と単独型で検討中。',
      },
    ];
    await tx.insert(caseGuarantorSets).values({
      councilId: target.councilId,
      caseId: target.id,
      revision: 1,
      guarantorCount: guarantors.length,
      guarantorsEnc: await cipher.encrypt(target.councilId, JSON.stringify(guarantors), guarantorsPlace(target.id, 1)),
      enteredBy: pm.id,
    });
    return 1;
  });
}

/** The demo creditor table (once: a creditor already there is left as it is), and the stage of the demo case. */
async function seedCreditors(database: Database, caseIds: ReadonlyMap<string, { id: string; councilId: number }>) {
  for (const s of DEMO_CASE_STAGES) {
    const target = caseIds.get(s.referenceNo);
    if (!target) continue;
    await withTenantTx(database.db, { councilId: target.councilId, userId: null, roles: ['council_staff'] }, (tx) =>
      tx
        .update(supportCases)
        .set({ stage: s.stage, track: s.track })
        .where(and(eq(supportCases.id, target.id), eq(supportCases.stage, 'desk_consultation'))),
    );
  }
  for (const c of DEMO_CREDITORS) {
    const target = caseIds.get(c.caseReferenceNo);
    if (!target) continue;
    await withTenantTx(database.db, { councilId: target.councilId, userId: null, roles: ['council_staff'] }, async (tx) => {
      const [creditor] = await tx
        .insert(caseCreditors)
        .values({ councilId: target.councilId, caseId: target.id, bankCode: c.bankCode, bankName: c.bankName, isMainBank: c.isMainBank })
        .onConflictDoNothing()
        .returning({ id: caseCreditors.id });
      if (!creditor) return;
      await tx.insert(caseLoans).values({ councilId: target.councilId, caseId: target.id, creditorId: creditor.id, ...c.loan });
    });
  }
}

/**
 * The companies' consents to share their demo cases with banks (ADR 0018): without one, a bank officer granted on a
 * case sees nothing. Recorded as given by the case's company account.
 */
async function seedConfidentialityLifts(database: Database, caseIds: ReadonlyMap<string, { id: string; councilId: number }>) {
  for (const lift of DEMO_CONFIDENTIALITY_LIFTS) {
    const target = caseIds.get(lift.caseReferenceNo);
    if (!target) continue;
    const consentedBy = await withAuthTx(database.db, null, async (tx) => {
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, lift.consentedByEmail));
      return u?.id ?? null;
    });
    if (!consentedBy) continue;
    await withTenantTx(database.db, { councilId: target.councilId, userId: null, roles: ['council_staff'] }, async (tx) => {
      await tx
        .insert(caseConfidentialityLifts)
        .values({
          councilId: target.councilId,
          caseId: target.id,
          bankCode: lift.bankCode,
          bankName: lift.bankName,
          documentSets: ['plan', 'creditor_documents'],
          consentedBy,
        })
        .onConflictDoNothing();
    });
  }
}

/** The organisation of a demo account: the council's, HQ's or platform's, or the named outsider organisation. */
async function organizationFor(tx: Tx, account: DemoAccount): Promise<string> {
  const kind = ROLE_ORGANIZATION_KIND[account.role];
  if (kind === 'council') {
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, 'council'), eq(organizations.councilId, account.councilId ?? 0)));
    if (!org) throw new Error(`no organisation for council ${String(account.councilId)}`);
    return org.id;
  }
  if (kind === 'hq' || kind === 'platform') {
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kind, kind), isNull(organizations.councilId)));
    if (!org) throw new Error(`no ${kind} organisation`);
    return org.id;
  }
  const o = account.organization;
  if (!o) throw new Error(`${account.email} needs an organisation`);
  const [found] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.kind, o.kind), eq(organizations.name, o.name)));
  if (found) return found.id;
  const [row] = await tx
    .insert(organizations)
    .values({
      kind: o.kind,
      name: o.name,
      councilId: o.kind === 'company' ? (account.councilId ?? null) : null,
      bankCode: o.bankCode ?? null,
    })
    .returning({ id: organizations.id });
  if (!row) throw new Error(`organisation ${o.name} not created`);
  return row.id;
}
