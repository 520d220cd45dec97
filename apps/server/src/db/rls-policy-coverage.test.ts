import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { createCase, createUser, grantCase, type TestUser } from '../../test/factories';
import { createFieldCipher } from '../security/field-cipher';
import { createDataKeyStore } from '../security/data-key-store';
import { queryRows, type Tx } from './client';
import { APP_ROLE_NAME, AUTH_ROLE_NAME } from './schema/roles';

/**
 * Every row-level-security policy, when removed, makes at least one of these probes fail. Each probe exercises one
 * thing a policy allows (and that no other policy allows): the test drops one policy at a time inside a transaction,
 * runs every probe in its own savepoint, and rolls back. Runs on PGlite and, in the server suite, on PostgreSQL.
 */
interface Probe {
  readonly name: string;
  readonly role: 'app' | 'auth';
  readonly ctx: () => { councilId: number | null; userId: string | null; roles: readonly string[] };
  /** Passes when the statement succeeds and, for a query, returns at least one row. */
  readonly statement: () => SQL;
  readonly needsRows: boolean;
}

let database: TestDatabase;
let staff13: TestUser;
let admin13: TestUser;
let bank: TestUser;
let company: TestUser;
let caseA: { id: string };
let invitationId: string;
let bankGrantId: string;
let companyOrgId: string;
let bankOrgId: string;
let creditorId: string;
let caseB: { id: string };
let bankCode: string;
let versionId: string;

const probes: Probe[] = [];
const CASEWORK_TABLES = [
  'case_interviews',
  'case_issues',
  'case_internal_notes',
  'case_triage_decisions',
  'case_tasks',
  'case_governance_checks',
  'case_action_items',
  'case_earnings_plans',
  'case_rc_advice',
  'case_rc_proceedings',
  'case_rc_consultations',
  'case_rv_profiles',
  'case_rv_team_members',
  'case_real_balance_sheets',
  'case_rv_business_plans',
  'case_rv_support_designs',
] as const;
function probe(p: Probe): void {
  probes.push(p);
}

class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

/** Runs `fn` in a transaction that is always rolled back, and returns its result. */
async function inRolledBackTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await database.db.transaction(async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (e: unknown) {
    if (e instanceof Rollback) return e.value as T;
    throw e;
  }
  throw new Error('unreachable: the transaction always rolls back');
}

async function runProbe(tx: Tx, p: Probe): Promise<boolean> {
  await tx.execute(sql`savepoint probe`);
  try {
    const c = p.ctx();
    await tx.execute(sql.raw(`set local role ${p.role === 'app' ? APP_ROLE_NAME : AUTH_ROLE_NAME}`));
    await tx.execute(sql`select set_config('app.council_id', ${c.councilId === null ? '' : String(c.councilId)}, true),
      set_config('app.user_id', ${c.userId ?? ''}, true), set_config('app.roles', ${c.roles.join(',')}, true)`);
    const rows = await queryRows<Record<string, unknown>>(tx, p.statement());
    return p.needsRows ? rows.length > 0 : true;
  } catch {
    return false;
  } finally {
    await tx.execute(sql`rollback to savepoint probe`);
    await tx.execute(sql`reset role`);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const cipher = createFieldCipher(Buffer.alloc(32, 7), createDataKeyStore(db));
  await cipher.warmUp([0]);
  staff13 = await createUser(db, cipher, { role: 'council_staff', councilId: 13 });
  admin13 = await createUser(db, cipher, { role: 'council_admin', councilId: 13 });
  bank = await createUser(db, cipher, { role: 'bank_officer' });
  company = await createUser(db, cipher, { role: 'company_member', councilId: 13 });
  caseA = await createCase(db, 13, 'ポリシー確認');
  await grantCase(db, bank, caseA, 13);
  await grantCase(db, company, caseA, 13, [
    'case.read',
    'case.accessLog',
    'documents.company',
    'documents.upload',
    'statements.read',
    'statements.write',
    'guarantors.read',
    'guarantors.write',
    'confidentiality.manage',
  ]);
  const ids = await queryRows<{ grant: string; company_org: string; bank_org: string }>(
    db,
    sql`select (select id from case_grants where user_id = ${bank.id}) as grant,
               (select organization_id from memberships where user_id = ${company.id}) as company_org,
               (select organization_id from memberships where user_id = ${bank.id}) as bank_org`,
  );
  bankGrantId = ids[0]!.grant;
  companyOrgId = ids[0]!.company_org;
  bankOrgId = ids[0]!.bank_org;
  const inv = await queryRows<{ id: string }>(
    db,
    sql`insert into invitations (council_id, email, display_name, organization, roles, token_hash, invited_by, inviter_label, expires_at)
        values (13, 'probe@example.jp', 'probe', '{"kind":"council","name":"x"}', '{council_staff}', 'probe-hash', ${admin13.id}, 'admin', now() + interval '1 day')
        returning id`,
  );
  invitationId = inv[0]!.id;
  await queryRows(
    db,
    sql`insert into audit_events (chain, seq, occurred_at, event_type, outcome, actor_user_id, actor_roles, council_id, case_id, details, prev_hash, hash)
        values (99, 1, now(), 'CASE_VIEWED', 'success', ${bank.id}, '{bank_officer}', 13, ${caseA.id}, '{}', 'x', 'y'),
               (98, 1, now(), 'SIGN_IN_SUCCEEDED', 'success', ${bank.id}, '{bank_officer}', null, null, '{}', 'x', 'y')`,
  );

  const docs = await queryRows<{ id: string }>(
    db,
    sql`insert into documents (council_id, case_id, doc_type, title, visibility, created_by)
        values (13, ${caseA.id}, 'other', '債権者向け', 'creditors', ${staff13.id}) returning id`,
  );
  const creditorsDocId = docs[0]!.id;
  await queryRows(
    db,
    sql`insert into document_versions (document_id, council_id, version, filename, media_type, size_bytes, sha256, storage_key, uploaded_by)
        values (${creditorsDocId}, 13, 1, 'a.pdf', 'application/pdf', 1, 'x', 'k', ${staff13.id})`,
  );

  await queryRows(
    db,
    sql`insert into case_statement_sets (council_id, case_id, revision, years, latest_fiscal_year_end, statements_enc, source, entered_by)
        values (13, ${caseA.id}, 1, 1, '2026-03-31', 'x', 'council', ${staff13.id})`,
  );
  await queryRows(
    db,
    sql`insert into case_guarantor_sets (council_id, case_id, revision, guarantor_count, guarantors_enc, entered_by)
        values (13, ${caseA.id}, 1, 1, 'x', ${staff13.id})`,
  );

  // Council case work (窓口相談, triage, tasks): one row in each table.
  for (const insert of [
    sql`insert into case_interviews (council_id, case_id, held_on, attendees_enc, notes_enc, recorded_by) values (13, ${caseA.id}, '2026-11-20', 'x', 'x', ${staff13.id})`,
    sql`insert into case_issues (council_id, case_id, issue_enc, created_by) values (13, ${caseA.id}, 'x', ${staff13.id})`,
    sql`insert into case_internal_notes (council_id, case_id, body_enc, author_id) values (13, ${caseA.id}, 'x', ${staff13.id})`,
    sql`insert into case_triage_decisions (council_id, case_id, decision, reasons_enc, decided_by) values (13, ${caseA.id}, 'earnings_improvement', 'x', ${staff13.id})`,
    sql`insert into case_tasks (council_id, case_id, stage, title, due_on, created_by) values (13, ${caseA.id}, 'desk_consultation', 'x', '2026-11-20', ${staff13.id})`,
    sql`insert into case_governance_checks (council_id, case_id, item_key, status, checked_by) values (13, ${caseA.id}, 'a.b', 'met', ${staff13.id})`,
    sql`insert into case_action_items (council_id, case_id, what_enc, owner, due_on, created_by) values (13, ${caseA.id}, 'x', 'x', '2027-03-31', ${staff13.id})`,
    sql`insert into case_earnings_plans (council_id, case_id, plan_years, rescheduling_requested, starts_on, summary_enc, adopted_by) values (13, ${caseA.id}, 1, true, '2027-04-01', 'x', ${staff13.id})`,
    // 再チャレンジ支援 (council-only tables)
    sql`insert into case_rc_advice (council_id, case_id, advised_on, topic, text_enc, created_by) values (13, ${caseA.id}, '2026-11-20', 'orderly_closure', 'x', ${staff13.id})`,
    sql`insert into case_rc_proceedings (council_id, case_id, kind, route, status, created_by, updated_by) values (13, ${caseA.id}, 'corporate', 'bankruptcy', 'considering', ${staff13.id}, ${staff13.id})`,
    sql`insert into case_rc_consultations (council_id, case_id, held_on, lawyer_name, fee_yen, fee_supported, recorded_by) values (13, ${caseA.id}, '2026-12-01', 'x', 0, false, ${staff13.id})`,
    sql`insert into case_rv_profiles (council_id, case_id, team_type, support_kind, updated_by) values (13, ${caseA.id}, 'conventional', 'revitalization', ${staff13.id})`,
    sql`insert into case_rv_team_members (council_id, case_id, kind, staff_user_id, position, appointed_by) values (13, ${caseA.id}, 'staff', ${staff13.id}, 'pm', ${staff13.id})`,
    sql`insert into case_real_balance_sheets (council_id, case_id, version, as_of, payload_enc, created_by) values (13, ${caseA.id}, 1, '2026-03-31', 'x', ${staff13.id})`,
    sql`insert into case_rv_business_plans (council_id, case_id, version, plan_years, starts_on, payload_enc, created_by) values (13, ${caseA.id}, 1, 3, '2027-04-01', 'x', ${staff13.id})`,
    sql`insert into case_rv_support_designs (council_id, case_id, version, seeks_forgiveness, requirements_version, payload_enc, created_by) values (13, ${caseA.id}, 1, false, '2026-11-24', 'x', ${staff13.id})`,
  ])
    await queryRows(db, insert);
  // The lawyer referral: the company reads and consents; the referred lawyer reads it once consented.
  const rcLawyer = await createUser(db, cipher, { role: 'lawyer' });
  await queryRows(
    db,
    sql`insert into case_rc_referrals (council_id, case_id, lawyer_user_id, lawyer_name, lawyer_firm, package_enc, package_hash, prepared_by, consented_at, consented_by)
        values (13, ${caseA.id}, ${rcLawyer.id}, 'x', 'x', 'x', 'x', ${staff13.id}, now(), ${company.id})`,
  );

  // creditors (issue 7): a creditor with a loan on case A (the bank's lift comes with its grant, see factories); case B
  // granted to the bank without the company's consent, with a document for creditors.
  const cred = await queryRows<{ id: string }>(
    db,
    sql`insert into case_creditors (council_id, case_id, bank_code, bank_name) values (13, ${caseA.id}, '0001', 'みずほ') returning id`,
  );
  creditorId = cred[0]!.id;
  await queryRows(
    db,
    sql`insert into case_loans (council_id, case_id, creditor_id, label, balance, annual_rate_percent, monthly_repayment)
        values (13, ${caseA.id}, ${creditorId}, '運転資金', 1000, 1.5, 10)`,
  );
  await queryRows(
    db,
    sql`insert into case_confidentiality_lifts (council_id, case_id, bank_code, bank_name, document_sets, consented_by)
        values (13, ${caseA.id}, '0005', '三菱ＵＦＪ', '{plan}', ${company.id})`,
  );
  // plan version 1 of case A with the test bank as target creditor, and its consent
  const [bankOrg] = await queryRows<{ bank_code: string }>(db, sql`select bank_code from organizations where id = ${bank.organizationId}`);
  bankCode = bankOrg!.bank_code;
  await queryRows(
    db,
    sql`insert into case_creditors (council_id, case_id, bank_code, bank_name, is_target) values (13, ${caseA.id}, ${bankCode}, 'テスト銀行', true)`,
  );
  const ver = await queryRows<{ id: string }>(
    db,
    sql`insert into case_plan_versions (council_id, case_id, version_no, sha256, content_enc, target_bank_codes, submitted_by)
        values (13, ${caseA.id}, 1, ${'a'.repeat(64)}, 'x', array[${bankCode}], ${staff13.id}) returning id`,
  );
  versionId = ver[0]!.id;
  await queryRows(
    db,
    sql`insert into case_creditor_responses (council_id, case_id, version_id, version_sha256, bank_code, kind, stance, responded_by)
        values (13, ${caseA.id}, ${versionId}, ${'a'.repeat(64)}, ${bankCode}, 'stance', 'support', ${bank.id})`,
  );
  // a bank meeting on version 1 to which the test bank is invited (issue 7)
  await queryRows(
    db,
    sql`insert into case_bank_meetings (council_id, case_id, version_id, version_sha256, scheduled_at, mode, place, agenda, invited_bank_codes, created_by)
        values (13, ${caseA.id}, ${versionId}, ${'a'.repeat(64)}, now(), 'in_person', '協議会会議室', '{計画の説明}', array[${bankCode}], ${staff13.id})`,
  );
  caseB = await createCase(db, 13, '未同意');
  await grantCase(db, bank, caseB, 13, undefined, { lift: false });
  await queryRows(
    db,
    sql`insert into documents (council_id, case_id, doc_type, title, visibility, created_by)
        values (13, ${caseB.id}, 'other', '債権者向け（未同意）', 'creditors', ${staff13.id})`,
  );

  const staff = () => ({ councilId: 13, userId: staff13.id, roles: ['council_staff'] });
  const bankCtx = () => ({ councilId: null, userId: bank.id, roles: ['bank_officer'] });
  const companyCtx = () => ({ councilId: null, userId: company.id, roles: ['company_member'] });

  // support_cases
  probe({
    name: 'staff read their council’s case',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from support_cases where id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'staff open a case',
    role: 'app',
    ctx: staff,
    statement: () => sql`insert into support_cases (council_id, reference_no, company_name) values (13, 'PROBE-1', 'x') returning id`,
    needsRows: true,
  });
  probe({
    name: 'a granted bank reads the case',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from support_cases where id = ${caseA.id}`,
    needsRows: true,
  });
  // case_search_terms (kept by the trigger on support_cases, which writes them under the same tenant policy)
  probe({
    name: 'staff read the search grams of their council’s case',
    role: 'app',
    ctx: staff,
    statement: () => sql`select term from case_search_terms where case_id = ${caseA.id}`,
    needsRows: true,
  });
  // organizations
  probe({
    name: 'staff read a company of their council',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from organizations where id = ${companyOrgId}`,
    needsRows: true,
  });
  probe({
    name: 'a company member reads their company',
    role: 'app',
    ctx: companyCtx,
    statement: () => sql`select id from organizations where id = ${companyOrgId}`,
    needsRows: true,
  });
  probe({
    name: 'anyone signed in reads a bank',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from organizations where id = ${bankOrgId}`,
    needsRows: true,
  });
  probe({
    name: 'staff register a company of their council',
    role: 'app',
    ctx: staff,
    statement: () => sql`insert into organizations (kind, name, council_id) values ('company', 'プローブ社', 13) returning id`,
    needsRows: true,
  });
  probe({
    name: 'identity role reads organisations',
    role: 'auth',
    ctx: bankCtx,
    statement: () => sql`select id from organizations where id = ${bankOrgId}`,
    needsRows: true,
  });
  // users
  probe({
    name: 'a user reads themself',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from users where id = ${bank.id}`,
    needsRows: true,
  });
  probe({
    name: 'staff read users of their council',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from users where id = ${admin13.id}`,
    needsRows: true,
  });
  probe({
    name: 'staff read outsiders granted on their cases',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from users where id = ${bank.id}`,
    needsRows: true,
  });
  probe({
    name: 'identity role reads users',
    role: 'auth',
    ctx: staff,
    statement: () => sql`select id from users where id = ${company.id}`,
    needsRows: true,
  });
  // memberships
  probe({
    name: 'an outsider reads their own membership',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from memberships where user_id = ${bank.id}`,
    needsRows: true,
  });
  probe({
    name: 'staff read the membership of a granted outsider',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from memberships where user_id = ${bank.id}`,
    needsRows: true,
  });
  probe({
    name: 'the council admin changes roles in their council',
    role: 'app',
    ctx: () => ({ councilId: 13, userId: admin13.id, roles: ['council_admin'] }),
    statement: () => sql`update memberships set roles = '{council_staff}' where user_id = ${staff13.id} returning id`,
    needsRows: true,
  });
  probe({
    name: 'identity role reads memberships',
    role: 'auth',
    ctx: bankCtx,
    statement: () => sql`select id from memberships where user_id = ${admin13.id}`,
    needsRows: true,
  });
  // case_grants
  probe({
    name: 'staff read grants of their council',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from case_grants where id = ${bankGrantId}`,
    needsRows: true,
  });
  probe({
    name: 'an outsider reads their own grant',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from case_grants where id = ${bankGrantId}`,
    needsRows: true,
  });
  probe({
    name: 'staff grant an outsider',
    role: 'app',
    ctx: staff,
    statement: () =>
      sql`insert into case_grants (council_id, case_id, user_id, role_in_case, scopes) values (13, ${caseA.id}, ${company.id}, 'company', '{case.read}') returning id`,
    needsRows: true,
  });
  probe({
    name: 'staff revoke a grant',
    role: 'app',
    ctx: staff,
    statement: () => sql`update case_grants set revoked_at = now() where id = ${bankGrantId} returning id`,
    needsRows: true,
  });
  probe({
    name: 'identity role reads grants',
    role: 'auth',
    ctx: bankCtx,
    statement: () => sql`select id from case_grants where id = ${bankGrantId}`,
    needsRows: true,
  });
  probe({
    name: 'identity role creates a grant on acceptance',
    role: 'auth',
    ctx: bankCtx,
    statement: () =>
      sql`insert into case_grants (council_id, case_id, user_id, role_in_case, scopes) values (13, ${caseA.id}, ${bank.id}, 'bank', '{case.read}') returning id`,
    needsRows: true,
  });
  // invitations
  probe({
    name: 'staff read their council’s invitations',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from invitations where id = ${invitationId}`,
    needsRows: true,
  });
  probe({
    name: 'identity role reads invitations',
    role: 'auth',
    ctx: bankCtx,
    statement: () => sql`select id from invitations where id = ${invitationId}`,
    needsRows: true,
  });
  // documents and their versions
  probe({
    name: 'staff read their council’s documents',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from documents where id = ${creditorsDocId}`,
    needsRows: true,
  });
  probe({
    name: 'a granted bank reads a creditors document',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from documents where id = ${creditorsDocId}`,
    needsRows: true,
  });
  probe({
    name: 'the company uploads a company document to its case',
    role: 'app',
    ctx: companyCtx,
    statement: () =>
      sql`insert into documents (council_id, case_id, doc_type, title, visibility, created_by) values (13, ${caseA.id}, 'other', '会社', 'company', ${company.id})`,
    needsRows: false,
  });
  probe({
    name: 'staff read versions',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from document_versions where document_id = ${creditorsDocId}`,
    needsRows: true,
  });
  probe({
    name: 'staff add a version',
    role: 'app',
    ctx: staff,
    statement: () =>
      sql`insert into document_versions (document_id, council_id, version, filename, media_type, size_bytes, sha256, storage_key, uploaded_by)
          values (${creditorsDocId}, 13, 2, 'b.pdf', 'application/pdf', 1, 'y', 'k2', ${staff13.id})`,
    needsRows: false,
  });
  // the company's statements
  probe({
    name: 'staff read their council’s statements',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from case_statement_sets where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'the granted company reads its statements',
    role: 'app',
    ctx: companyCtx,
    statement: () => sql`select id from case_statement_sets where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'the granted company saves a revision of its statements',
    role: 'app',
    ctx: companyCtx,
    statement: () =>
      sql`insert into case_statement_sets (council_id, case_id, revision, years, latest_fiscal_year_end, statements_enc, source, entered_by)
          values (13, ${caseA.id}, 7, 1, '2026-03-31', 'x', 'company', ${company.id})`,
    needsRows: false,
  });
  // case_guarantor_sets
  probe({
    name: 'staff read their council’s guarantors',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from case_guarantor_sets where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'the granted company reads its guarantors',
    role: 'app',
    ctx: companyCtx,
    statement: () => sql`select id from case_guarantor_sets where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'the granted company saves a revision of its guarantors',
    role: 'app',
    ctx: companyCtx,
    statement: () =>
      sql`insert into case_guarantor_sets (council_id, case_id, revision, guarantor_count, guarantors_enc, entered_by)
          values (13, ${caseA.id}, 7, 1, 'x', ${company.id})`,
    needsRows: false,
  });
  // creditors and confidentiality lifts (issue 7)
  probe({
    name: 'staff add a creditor to their council’s case',
    role: 'app',
    ctx: staff,
    statement: () =>
      sql`insert into case_creditors (council_id, case_id, bank_code, bank_name) values (13, ${caseA.id}, '0009', '三井住友')`,
    needsRows: false,
  });
  probe({
    name: 'staff add a loan',
    role: 'app',
    ctx: staff,
    statement: () =>
      sql`insert into case_loans (council_id, case_id, creditor_id, label, balance, annual_rate_percent, monthly_repayment)
          values (13, ${caseA.id}, ${creditorId}, '設備資金', 1, 1, 1)`,
    needsRows: false,
  });
  probe({
    name: 'a consented target creditor reads the creditor table',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from case_creditors where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'a consented target creditor reads the loans',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from case_loans where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'staff read the company’s consents',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from case_confidentiality_lifts where bank_code = '0005'`,
    needsRows: true,
  });
  probe({
    name: 'the company reads its consents',
    role: 'app',
    ctx: companyCtx,
    statement: () => sql`select id from case_confidentiality_lifts where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'the company consents for a bank',
    role: 'app',
    ctx: companyCtx,
    statement: () =>
      sql`insert into case_confidentiality_lifts (council_id, case_id, bank_code, bank_name, document_sets, consented_by)
          values (13, ${caseA.id}, '0010', 'りそな', '{plan}', ${company.id})`,
    needsRows: false,
  });
  probe({
    name: 'the company revokes its consent',
    role: 'app',
    ctx: companyCtx,
    statement: () =>
      sql`update case_confidentiality_lifts set revoked_at = now(), revoked_by = ${company.id}
          where case_id = ${caseA.id} and bank_code = '0005' returning id`,
    needsRows: true,
  });
  probe({
    name: 'a bank reads the consent naming it',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from case_confidentiality_lifts where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'a granted bank without the company’s consent does not see the case',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select 1 as hidden where not exists (select 1 from support_cases where id = ${caseB.id})`,
    needsRows: true,
  });
  probe({
    name: 'a granted bank without the company’s consent sees no document for creditors',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select 1 as hidden where not exists (select 1 from documents where case_id = ${caseB.id})`,
    needsRows: true,
  });
  // plan versions, comments, answers and the monitoring baseline (issue 7)
  probe({
    name: 'staff submit a plan version',
    role: 'app',
    ctx: staff,
    statement: () =>
      sql`insert into case_plan_versions (council_id, case_id, version_no, sha256, content_enc, target_bank_codes, submitted_by)
          values (13, ${caseA.id}, 2, ${'b'.repeat(64)}, 'x', '{}', ${staff13.id})`,
    needsRows: false,
  });
  probe({
    name: 'a consented target creditor reads the plan versions',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from case_plan_versions where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'staff read their council’s bank meetings',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from case_bank_meetings where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'an invited, consented target creditor reads the bank meeting',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from case_bank_meetings where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'staff comment on a version',
    role: 'app',
    ctx: staff,
    statement: () =>
      sql`insert into case_plan_comments (council_id, case_id, version_id, author_id, body_enc) values (13, ${caseA.id}, ${versionId}, ${staff13.id}, 'x')`,
    needsRows: false,
  });
  probe({
    name: 'staff void a creditor’s answer',
    role: 'app',
    ctx: staff,
    statement: () => sql`update case_creditor_responses set voided_at = now() where case_id = ${caseA.id} returning id`,
    needsRows: true,
  });
  probe({
    name: 'a target creditor reads its own answers',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from case_creditor_responses where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'a target creditor consents to the version',
    role: 'app',
    ctx: bankCtx,
    statement: () =>
      sql`insert into case_creditor_responses (council_id, case_id, version_id, version_sha256, bank_code, kind, responded_by)
          values (13, ${caseA.id}, ${versionId}, ${'a'.repeat(64)}, ${bankCode}, 'consent', ${bank.id})`,
    needsRows: false,
  });
  probe({
    name: 'staff freeze the agreed version as the monitoring baseline',
    role: 'app',
    ctx: staff,
    statement: () =>
      sql`insert into case_monitoring_baselines (council_id, case_id, version_id, sha256, recorded_by)
          values (13, ${caseA.id}, ${versionId}, ${'a'.repeat(64)}, ${staff13.id})`,
    needsRows: false,
  });
  // case workflow history
  probe({
    name: 'staff record a transition of their council’s case',
    role: 'app',
    ctx: staff,
    statement: () =>
      sql`insert into case_transitions (council_id, case_id, event, from_stage, to_stage, actor_user_id, reason_enc)
          values (13, ${caseA.id}, 'withdraw', 'desk_consultation', 'closed', ${staff13.id}, 'x')`,
    needsRows: false,
  });
  // consultation requests (issue 5): the public form and the verification link act in the chosen council's context
  probe({
    name: 'the public form stores a request for the council and reads it back',
    role: 'app',
    ctx: () => ({ councilId: 13, userId: null, roles: [] }),
    statement: () =>
      sql`insert into consultation_requests (council_id, reference_no, token_hash, company_name, company_name_kana, prefecture_code,
            duplicate_keys, email_enc, details_enc, consented_at, expires_at)
          values (13, 'R-PROB-E001', 'probe-hash', 'x', 'エックス', '13', '{}', 'x', 'x', now(), now()) returning id`,
    needsRows: true,
  });
  // audit_events
  const auditInsert = (chain: number) =>
    sql`insert into audit_events (chain, seq, occurred_at, event_type, outcome, actor_roles, details, prev_hash, hash) values (${chain}, 1, now(), 'CASE_VIEWED', 'success', '{}', '{}', 'a', 'b')`;
  probe({ name: 'requests append audit events', role: 'app', ctx: bankCtx, statement: () => auditInsert(97), needsRows: false });
  probe({ name: 'the identity role appends audit events', role: 'auth', ctx: bankCtx, statement: () => auditInsert(96), needsRows: false });
  probe({
    name: 'staff read their council’s audit',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from audit_events where chain = 99`,
    needsRows: true,
  });
  probe({
    name: 'a user reads their own events',
    role: 'app',
    ctx: bankCtx,
    statement: () => sql`select id from audit_events where chain = 98`,
    needsRows: true,
  });
  probe({
    name: 'the company reads its case’s access log',
    role: 'app',
    ctx: companyCtx,
    statement: () => sql`select id from audit_events where chain = 99`,
    needsRows: true,
  });
  probe({
    name: 'the verifier reads every chain',
    role: 'app',
    ctx: () => ({ councilId: null, userId: null, roles: ['audit_verifier'] }),
    statement: () => sql`select id from audit_events where chain = 98`,
    needsRows: true,
  });
  probe({
    name: 'the identity role reads a user’s own events',
    role: 'auth',
    ctx: bankCtx,
    statement: () => sql`select id from audit_events where chain = 98`,
    needsRows: true,
  });
  // 再チャレンジ: the referral
  probe({
    name: 'staff read their council’s lawyer referral',
    role: 'app',
    ctx: staff,
    statement: () => sql`select id from case_rc_referrals where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'the granted company reads the proposed lawyer referral',
    role: 'app',
    ctx: companyCtx,
    statement: () => sql`select id from case_rc_referrals where case_id = ${caseA.id}`,
    needsRows: true,
  });
  probe({
    name: 'the granted company records its consent to the lawyer referral',
    role: 'app',
    ctx: companyCtx,
    statement: () => sql`update case_rc_referrals set consented_by = ${company.id} where case_id = ${caseA.id} returning id`,
    needsRows: true,
  });
  probe({
    name: 'the referred lawyer reads the consented referral',
    role: 'app',
    ctx: () => ({ councilId: null, userId: rcLawyer.id, roles: ['lawyer'] }),
    statement: () => sql`select id from case_rc_referrals where case_id = ${caseA.id}`,
    needsRows: true,
  });
  // council case work: the tenant policy is the only one (no grant opens these tables)
  for (const table of CASEWORK_TABLES)
    probe({
      name: `staff read their council’s ${table}`,
      role: 'app',
      ctx: staff,
      statement: () => sql`select id from ${sql.raw(table)} where case_id = ${caseA.id}`,
      needsRows: true,
    });
});

afterAll(async () => {
  await database.close();
});

describe(`RLS policy coverage on ${process.env.KASSEIKA_TEST_DATABASE_URL ? 'PostgreSQL server' : 'PGlite'}`, () => {
  it('passes every probe with all policies in place', async () => {
    // Probes run in one transaction that is always rolled back (they insert and update).
    const failing = await inRolledBackTx(async (tx) => {
      const out: string[] = [];
      for (const p of probes) if (!(await runProbe(tx, p))) out.push(p.name);
      return out;
    });
    expect(failing).toEqual([]);
  });

  it('fails at least one probe when any single policy is removed', async () => {
    const policies = await queryRows<{ table: string; policy: string }>(
      database.db,
      sql`select tablename as table, policyname as policy from pg_policies where schemaname = 'public' order by 1, 2`,
    );
    expect(policies.length).toBeGreaterThan(20);
    const baseline = await inRolledBackTx(async (tx) => {
      const ok: boolean[] = [];
      for (const p of probes) ok.push(await runProbe(tx, p));
      return ok;
    });
    expect(baseline.every(Boolean), 'every probe passes before a policy is removed').toBe(true);
    const uncaught: string[] = [];
    for (const { table, policy } of policies) {
      const failed = await inRolledBackTx(async (tx) => {
        await tx.execute(sql.raw(`drop policy "${policy}" on "${table}"`));
        let n = 0;
        for (const p of probes) if (!(await runProbe(tx, p))) n++;
        return n;
      });
      if (failed <= 0) uncaught.push(`${table}.${policy}`);
    }
    expect(uncaught).toEqual([]);
  }, 120_000);

  it('shows council case work to no outside role, even one granted on the case, nor to another council', async () => {
    const seen = await inRolledBackTx(async (tx) => {
      const out: string[] = [];
      const contexts = [
        { councilId: null, userId: company.id, roles: ['company_member'] },
        { councilId: null, userId: bank.id, roles: ['bank_officer'] },
        { councilId: 27, userId: null, roles: ['council_staff'] },
      ];
      for (const table of CASEWORK_TABLES)
        for (const ctx of contexts) {
          const p: Probe = {
            name: `${table} as ${ctx.roles[0]}`,
            role: 'app',
            ctx: () => ctx,
            statement: () => sql`select id from ${sql.raw(table)} where case_id = ${caseA.id}`,
            needsRows: true,
          };
          if (await runProbe(tx, p)) out.push(p.name);
        }
      return out;
    });
    expect(seen).toEqual([]);
  });
});
