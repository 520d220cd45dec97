import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { allRoutes } from '../src/routes';
import { ROLES, type Role } from '../src/authz/roles';
import {
  caseActionItems,
  caseConfidentialityLifts,
  caseCreditors,
  caseGrants,
  caseInterviews,
  caseIssues,
  caseLoans,
  caseRvTeamMembers,
  caseTasks,
  caseTriageDecisions,
  memberships,
  organizations,
  supportCases,
} from '../src/db/schema';
import { withTenantTx } from '../src/db/tenant-tx';
import { currentTotp } from '../src/modules/auth/totp';
import { createCase, createUser, grantCase, signIn, type TestUser } from './factories';
import { caseRcProceedings, caseRcReferrals } from '../src/db/schema';
import { TestClient } from './http-client';
import {
  CELLS,
  MATRIX_PLAN_TERMS,
  pdfUpload,
  MATRIX_ROLES,
  PERMISSION_MATRIX,
  type Cell,
  type MatrixEntry,
  type MatrixRequest,
  type MatrixTarget,
  type Outcome,
  type RoleOrAnonymous,
} from './permission-matrix';
import { createTestApp, type TestApp } from './test-app';

const OWN = { councilId: 13, slug: 'tokyo' } as const;
const OTHER = { councilId: 27, slug: 'osaka' } as const;

let t: TestApp;
const users = new Map<Role, TestUser>();
const clients = new Map<RoleOrAnonymous, TestClient>();
const ips = new Map<RoleOrAnonymous, string>();
let cases: Record<Cell, { id: string; referenceNo: string; councilId: number }>;
let staffMembership: { own: string; other: string };
let bystander: TestUser;
/** Staff clients of both councils, to upload target documents through the API. */
const uploaders = new Map<number, TestClient>();
let emailSeq = 0;
/** Authenticator secrets that replaced the original ones (confirmTotpEnrolment registers a new app). */
const replacedSecrets = new Map<Role, string>();
let lastPendingSecret: string | null = null;

function cellTarget(cell: Cell) {
  const own = cell.startsWith('own');
  return { council: own ? OWN : OTHER, case: cases[cell] };
}

async function fresh(role: RoleOrAnonymous): Promise<TestClient> {
  const c = new TestClient(t.app).withIp(ips.get(role) ?? '192.0.2.1');
  if (role === 'anonymous') return c;
  t.clock.advance(31_000); // a new TOTP step: codes are single-use
  const user = users.get(role)!;
  await signIn(c, { ...user, totpSecret: replacedSecrets.get(role) ?? user.totpSecret }, t.clock.now());
  return c;
}

async function execute(client: TestClient, req: MatrixRequest) {
  if (req.raw)
    return client.request({ method: req.method, url: req.url, payload: req.raw.payload, headers: { 'content-type': req.raw.contentType } });
  if (req.body === undefined) return client.request({ method: req.method, url: req.url });
  return client.request({
    method: req.method,
    url: req.url,
    payload: JSON.stringify(req.body),
    headers: { 'content-type': 'application/json' },
  });
}

function outcomeOf(status: number, body: string, expected: Outcome, caseId: string): Outcome {
  if (expected === 'listed' || expected === 'unlisted') {
    if (status !== 200) return status as Outcome;
    const items = (JSON.parse(body) as { items: { id: string }[] }).items;
    return items.some((i) => i.id === caseId) ? 'listed' : 'unlisted';
  }
  return status as Outcome;
}

function targetFor(role: RoleOrAnonymous, cell: Cell, client: TestClient): MatrixTarget {
  const { council, case: c } = cellTarget(cell);
  const user = role === 'anonymous' ? null : users.get(role)!;
  const target: MatrixTarget = {
    caseId: c.id,
    caseReferenceNo: c.referenceNo,
    councilSlug: council.slug,
    membershipId: council.councilId === OWN.councilId ? staffMembership.own : staffMembership.other,
    freshGrantId: async () => {
      await grantCase(t.database.db, bystander, c, c.councilId);
      const [g] = await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: [] }, (tx) =>
        tx
          .select({ id: caseGrants.id })
          .from(caseGrants)
          .where(and(eq(caseGrants.caseId, c.id), eq(caseGrants.userId, bystander.id), isNull(caseGrants.revokedAt)))
          .orderBy(desc(caseGrants.grantedAt)),
      );
      return g!.id;
    },
    totp: () => {
      // The sign-in just used this step's code: a step-up needs the next one (codes are single-use).
      t.clock.advance(31_000);
      const secret = role === 'anonymous' ? null : (replacedSecrets.get(role) ?? user?.totpSecret ?? null);
      return secret ? currentTotp(secret, t.clock.now()) : Promise.resolve('123456');
    },
    pendingTotpCode: async () => {
      const setup = await client.post('/api/v1/account/totp/setup', {});
      if (setup.statusCode !== 200) return '123456';
      lastPendingSecret = setup.json<{ secret: string }>().secret;
      return currentTotp(lastPendingSecret, t.clock.now());
    },
    freshDocumentId: async () => {
      const up = await execute(
        uploaders.get(c.councilId)!,
        pdfUpload(`/api/v1/cases/${c.id}/documents`, { docType: 'other', title: '対象書類', visibility: 'company' }),
      );
      if (up.statusCode !== 201) throw new Error(`target document not uploaded: ${up.body}`);
      return up.json<{ id: string }>().id;
    },
    freshCaseId: async () => {
      const created = await createCase(t.database.db, c.councilId, 'マトリクス 状態変更');
      const outsider = role !== 'anonymous' && ['company_member', 'expert', 'bank_officer', 'lawyer'].includes(role);
      if (outsider && cell.endsWith('.granted')) await grantCase(t.database.db, user!, created, c.councilId);
      return created.id;
    },
    freshIssueId: async () => {
      const issueEnc = await t.services.cipher.encrypt(c.councilId, 'マトリクス課題', `case_issues.issue:${c.id}`);
      const [row] = await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: [] }, (tx) =>
        tx
          .insert(caseIssues)
          .values({ councilId: c.councilId, caseId: c.id, issueEnc, createdBy: bystander.id })
          .returning({ id: caseIssues.id }),
      );
      return row!.id;
    },
    freshInterviewId: async () => {
      const attendeesEnc = await t.services.cipher.encrypt(c.councilId, '代表者、PM', `case_interviews.attendees:${c.id}`);
      const notesEnc = await t.services.cipher.encrypt(c.councilId, 'マトリクス面談', `case_interviews.notes:${c.id}`);
      const [row] = await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: [] }, (tx) =>
        tx
          .insert(caseInterviews)
          .values({ councilId: c.councilId, caseId: c.id, heldOn: '2026-11-20', attendeesEnc, notesEnc, recordedBy: bystander.id })
          .returning({ id: caseInterviews.id }),
      );
      return row!.id;
    },
    freshTaskId: async () => {
      const [row] = await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: [] }, (tx) =>
        tx
          .insert(caseTasks)
          .values({
            councilId: c.councilId,
            caseId: c.id,
            stage: 'desk_consultation',
            title: 'マトリクスタスク',
            dueOn: '2026-12-01',
            createdBy: bystander.id,
          })
          .returning({ id: caseTasks.id }),
      );
      return row!.id;
    },
    freshEarningsCase: async () => {
      const created = await createCase(t.database.db, c.councilId, 'マトリクス 収益力改善');
      const outsider = role !== 'anonymous' && ['company_member', 'expert', 'bank_officer', 'lawyer'].includes(role);
      if (outsider && cell.endsWith('.granted')) await grantCase(t.database.db, user!, created, c.councilId);
      const whatEnc = await t.services.cipher.encrypt(c.councilId, '既存アクション', `case_action_items.what:${created.id}`);
      const [item] = await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: [] }, async (tx) => {
        await tx.update(supportCases).set({ stage: 'ei_planning', track: 'earnings_improvement' }).where(eq(supportCases.id, created.id));
        return tx
          .insert(caseActionItems)
          .values({ councilId: c.councilId, caseId: created.id, whatEnc, owner: '代表者', dueOn: '2027-03-31', createdBy: bystander.id })
          .returning({ id: caseActionItems.id });
      });
      return { caseId: created.id, actionItemId: item!.id };
    },
    freshRevitalizationCase: async () => {
      const created = await createCase(t.database.db, c.councilId, 'マトリクス 再生');
      const outsider = role !== 'anonymous' && ['company_member', 'expert', 'bank_officer', 'lawyer'].includes(role);
      if (outsider && cell.endsWith('.granted')) await grantCase(t.database.db, user!, created, c.councilId);
      const onTeam = await createUser(t.database.db, t.services.cipher, { role: 'council_pm', councilId: c.councilId });
      const other = await createUser(t.database.db, t.services.cipher, { role: 'council_sm', councilId: c.councilId });
      const [member] = await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: [] }, async (tx) => {
        await tx.update(supportCases).set({ stage: 'rv_bank_consent', track: 'revitalization' }).where(eq(supportCases.id, created.id));
        return tx
          .insert(caseRvTeamMembers)
          .values({
            councilId: c.councilId,
            caseId: created.id,
            kind: 'staff',
            staffUserId: onTeam.id,
            position: 'pm',
            appointedBy: onTeam.id,
          })
          .returning({ id: caseRvTeamMembers.id });
      });
      return { caseId: created.id, memberId: member!.id, staffUserId: other.id };
    },
    referredCaseId: async () => {
      const created = await createCase(t.database.db, c.councilId, 'マトリクス 紹介');
      const outsider = role !== 'anonymous' && ['company_member', 'expert', 'bank_officer', 'lawyer'].includes(role);
      if (outsider && cell.endsWith('.granted')) await grantCase(t.database.db, user!, created, c.councilId);
      const reasonsEnc = await t.services.cipher.encrypt(c.councilId, '紹介理由', `case_triage_decisions.reasons:${created.id}`);
      await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: [] }, (tx) =>
        tx.insert(caseTriageDecisions).values({
          councilId: c.councilId,
          caseId: created.id,
          decision: 'refer',
          referralBody: 'yorozu',
          reasonsEnc,
          decidedBy: bystander.id,
        }),
      );
      return created.id;
    },
    freshCreditor: async () => {
      const created = await createCase(t.database.db, c.councilId, 'マトリクス 債権者');
      const outsider = role !== 'anonymous' && ['company_member', 'expert', 'bank_officer', 'lawyer'].includes(role);
      if (outsider && cell.endsWith('.granted')) await grantCase(t.database.db, user!, created, c.councilId);
      return withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: ['council_staff'] }, async (tx) => {
        const [cr] = await tx
          .insert(caseCreditors)
          .values({ councilId: c.councilId, caseId: created.id, bankCode: '0001', bankName: 'みずほ' })
          .returning({ id: caseCreditors.id });
        const [ln] = await tx
          .insert(caseLoans)
          .values({
            councilId: c.councilId,
            caseId: created.id,
            creditorId: cr!.id,
            label: '運転資金',
            balance: 1_000_000,
            annualRatePercent: '1.000',
            monthlyRepayment: 10_000,
          })
          .returning({ id: caseLoans.id });
        return { caseId: created.id, creditorId: cr!.id, loanId: ln!.id };
      });
    },
    freshLift: async () => {
      const created = await createCase(t.database.db, c.councilId, 'マトリクス 守秘解除');
      const outsider = role !== 'anonymous' && ['company_member', 'expert', 'bank_officer', 'lawyer'].includes(role);
      if (outsider && cell.endsWith('.granted')) await grantCase(t.database.db, user!, created, c.councilId);
      const [lift] = await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: ['council_staff'] }, (tx) =>
        tx
          .insert(caseConfidentialityLifts)
          .values({
            councilId: c.councilId,
            caseId: created.id,
            bankCode: '0001',
            bankName: 'みずほ',
            documentSets: ['plan'],
            consentedBy: bystander.id,
          })
          .returning({ id: caseConfidentialityLifts.id }),
      );
      return { caseId: created.id, liftId: lift!.id };
    },
    freshPlan: async () => {
      const created = await createCase(t.database.db, c.councilId, 'マトリクス 計画');
      const outsider = role !== 'anonymous' && ['company_member', 'expert', 'bank_officer', 'lawyer'].includes(role);
      if (outsider && cell.endsWith('.granted')) await grantCase(t.database.db, user!, created, c.councilId);
      // The matrix's bank officer is the target creditor of every fresh plan.
      const [bank] = await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: ['council_staff'] }, (tx) =>
        tx
          .select({ bankCode: organizations.bankCode })
          .from(organizations)
          .where(eq(organizations.id, users.get('bank_officer')!.organizationId)),
      );
      // ... and みずほ (0001) the other one.
      for (const [code, name] of [
        [bank!.bankCode!, 'マトリクス銀行'],
        ['0001', 'みずほ'],
      ] as const) {
        await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: ['council_staff'] }, async (tx) => {
          const [cr] = await tx
            .insert(caseCreditors)
            .values({ councilId: c.councilId, caseId: created.id, bankCode: code, bankName: name })
            .returning({ id: caseCreditors.id });
          await tx.insert(caseLoans).values({
            councilId: c.councilId,
            caseId: created.id,
            creditorId: cr!.id,
            label: '運転資金',
            balance: 1_000_000,
            annualRatePercent: '1.000',
            monthlyRepayment: 10_000,
          });
        });
      }
      const res = await execute(uploaders.get(c.councilId)!, {
        method: 'POST',
        url: `/api/v1/cases/${created.id}/plan/versions`,
        body: MATRIX_PLAN_TERMS,
      });
      if (res.statusCode !== 201) throw new Error(`fresh plan not submitted: ${res.body}`);
      return { caseId: created.id, sha256: res.json<{ current: { sha256: string } }>().current.sha256 };
    },
    freshRechallengeCase: async (referral, opts) => {
      const created = await createCase(t.database.db, c.councilId, 'マトリクス 再チャレンジ');
      const outsider = role !== 'anonymous' && ['company_member', 'expert', 'bank_officer', 'lawyer'].includes(role);
      if (outsider && cell.endsWith('.granted')) await grantCase(t.database.db, user!, created, c.councilId);
      let documentId: string | null = null;
      if (opts?.withDocument) {
        const up = await execute(
          uploaders.get(c.councilId)!,
          pdfUpload(`/api/v1/cases/${created.id}/documents`, { docType: 'other', title: '引継ぎ書類', visibility: 'council_internal' }),
        );
        if (up.statusCode !== 201) throw new Error(`package document not uploaded: ${up.body}`);
        documentId = up.json<{ id: string }>().id;
      }
      const packageHash = 'a'.repeat(64);
      const packageEnc = await t.services.cipher.encrypt(
        c.councilId,
        JSON.stringify({
          preparedAt: '2026-11-24T00:00:00.000Z',
          message: '',
          documents: documentId
            ? [{ id: documentId, title: '引継ぎ書類', docType: 'other', version: 1, uploadedAt: '2026-11-24T00:00:00.000Z' }]
            : [],
          guarantors: null,
          guarantorsReferenceDate: null,
          statements: null,
          advice: null,
        }),
        `case_rc_referrals.package:${created.id}`,
      );
      const proceedingId = await withTenantTx(t.database.db, { councilId: c.councilId, userId: null, roles: [] }, async (tx) => {
        await tx.update(supportCases).set({ stage: 'rc_lawyer_referral', track: 'rechallenge' }).where(eq(supportCases.id, created.id));
        if (referral !== 'none')
          await tx.insert(caseRcReferrals).values({
            councilId: c.councilId,
            caseId: created.id,
            lawyerUserId: bystander.id,
            lawyerName: '弁護士 傍観',
            lawyerFirm: '傍観法律事務所',
            packageEnc,
            packageHash,
            preparedBy: bystander.id,
            ...(referral === 'consented' ? { consentedAt: new Date(), consentedBy: bystander.id } : {}),
          });
        const [p] = await tx
          .insert(caseRcProceedings)
          .values({
            councilId: c.councilId,
            caseId: created.id,
            kind: 'corporate',
            route: 'bankruptcy',
            status: 'considering',
            createdBy: bystander.id,
            updatedBy: bystander.id,
          })
          .returning({ id: caseRcProceedings.id });
        return p!.id;
      });
      return { caseId: created.id, packageHash, proceedingId, documentId };
    },
    lawyerEmail: users.get('lawyer')!.email,
    bystander: { email: bystander.email, password: bystander.password },
    uniqueEmail: () => `matrix-${++emailSeq}-${Date.now()}@example.jp`,
    freshMeeting: async () => {
      const f = await target.freshPlan();
      // Held yesterday (so attendance and minutes may be recorded), about version 1.
      const res = await execute(uploaders.get(c.councilId)!, {
        method: 'POST',
        url: `/api/v1/cases/${f.caseId}/meetings`,
        body: {
          scheduledAt: new Date(t.clock.now().getTime() + 9 * 3600_000 - 86_400_000).toISOString().slice(0, 16),
          mode: 'online',
          place: 'マトリクス会議',
          agenda: ['計画案の説明'],
          versionSha256: f.sha256,
        },
      });
      if (res.statusCode !== 201) throw new Error(`fresh meeting not scheduled: ${res.body}`);
      return { ...f, meetingId: res.json<{ id: string }>().id };
    },
  };
  return target;
}

async function run(opId: string, entry: MatrixEntry): Promise<string[]> {
  const mismatches: string[] = [];
  for (const role of MATRIX_ROLES) {
    const cells: readonly Cell[] = entry.target === 'none' ? ['own.notGranted'] : CELLS;
    for (const cell of cells) {
      const client = entry.freshSession ? await fresh(role) : clients.get(role)!;
      const req = await entry.request(targetFor(role, cell, client));
      const res = await execute(client, req);
      if (opId === 'confirmTotpEnrolment' && res.statusCode === 200 && role !== 'anonymous' && lastPendingSecret) {
        replacedSecrets.set(role, lastPendingSecret);
      }
      const expectedCells: readonly Cell[] = entry.target === 'none' ? CELLS : [cell];
      for (const ec of expectedCells) {
        const expected = entry.expected[role][ec];
        const got = outcomeOf(res.statusCode, res.body, expected, cellTarget(cell).case.id);
        if (got !== expected)
          mismatches.push(
            `${opId} ${role} ${ec}: expected ${String(expected)}, got ${String(got)} ${res.statusCode >= 400 ? res.body.slice(0, 160) : ''}`,
          );
      }
    }
  }
  return mismatches;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const cipher = t.services.cipher;
  MATRIX_ROLES.forEach((r, i) => ips.set(r, `198.18.${Math.floor(i / 200)}.${(i % 200) + 10}`));
  const a1 = await createCase(db, OWN.councilId, 'マトリクス A1');
  const a2 = await createCase(db, OWN.councilId, 'マトリクス A2');
  const b1 = await createCase(db, OTHER.councilId, 'マトリクス B1');
  const b2 = await createCase(db, OTHER.councilId, 'マトリクス B2');
  cases = {
    'own.granted': { ...a1, councilId: OWN.councilId },
    'own.notGranted': { ...a2, councilId: OWN.councilId },
    'other.granted': { ...b1, councilId: OTHER.councilId },
    'other.notGranted': { ...b2, councilId: OTHER.councilId },
  };
  bystander = await createUser(db, cipher, { role: 'expert' });
  const membershipOf = async (u: TestUser, councilId: number) => {
    const [m] = await withTenantTx(db, { councilId, userId: null, roles: [] }, (tx) =>
      tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, u.id)),
    );
    return m!.id;
  };
  staffMembership = {
    own: await membershipOf(await createUser(db, cipher, { role: 'council_staff', councilId: OWN.councilId }), OWN.councilId),
    other: await membershipOf(await createUser(db, cipher, { role: 'council_staff', councilId: OTHER.councilId }), OTHER.councilId),
  };
  for (const role of ROLES) {
    const u = await createUser(db, cipher, { role, councilId: OWN.councilId });
    users.set(role, u);
    if (['company_member', 'expert', 'bank_officer', 'lawyer'].includes(role)) {
      await grantCase(db, u, a1, OWN.councilId);
      await grantCase(db, u, b1, OTHER.councilId);
    }
  }
  for (const role of MATRIX_ROLES) clients.set(role, await fresh(role));
  for (const councilId of [OWN.councilId, OTHER.councilId]) {
    const uploader = new TestClient(t.app).withIp(`198.19.0.${councilId}`);
    t.clock.advance(31_000);
    await signIn(uploader, await createUser(db, cipher, { role: 'council_staff', councilId }), t.clock.now());
    uploaders.set(councilId, uploader);
  }
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('permission matrix', () => {
  it('has exactly one entry for every route of the registry', () => {
    const ids = allRoutes.map((r) => r.operationId);
    const missing = ids.filter((id) => !(id in PERMISSION_MATRIX));
    const unknown = Object.keys(PERMISSION_MATRIX).filter((id) => !ids.includes(id));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });

  // Routes using the long-lived sessions run first; those that sign in afresh move the clock (TOTP steps) after.
  const ordered = Object.entries(PERMISSION_MATRIX).sort(
    ([, a], [, b]) => Number(Boolean(a.freshSession)) - Number(Boolean(b.freshSession)),
  );
  for (const [opId, entry] of ordered) {
    it(`${opId}: every role × own/other council × granted/not granted`, async () => {
      expect(await run(opId, entry)).toEqual([]);
    }, 120_000);
  }
});
