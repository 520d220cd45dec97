/**
 * THE PERMISSION MATRIX: for every route of the registry, the expected outcome for every role (and anonymous) ×
 * {own council, other council} × {granted, not granted}. Written by hand from the policy — independently of the code
 * that enforces it — so the test (permission-matrix.test.ts) fails when the code and this table disagree, and fails
 * when a route has no entry. `npm run generate` renders it as docs/authorization-matrix.md.
 *
 * Cells, by the kind of target the route acts on:
 * - case routes: own = a case of the actor's council (council roles: their council; outsiders: council A, where they
 *   hold other grants); granted = the actor holds a grant on that case (outsiders only — staff never need one);
 * - council routes: own = the actor's council, other = another council (grants do not apply);
 * - routes without a target: the same outcome in all four cells.
 * Outcomes: an HTTP status, or `listed` / `unlisted` (200, and the target case appears / does not appear).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../src/authz/roles';
import { ROLES } from '../src/authz/roles';
import { baseYear, planDocument } from './calculation-fixtures';

export type RoleOrAnonymous = Role | 'anonymous';
export const MATRIX_ROLES: readonly RoleOrAnonymous[] = ['anonymous', ...ROLES];

export const CELLS = ['own.granted', 'own.notGranted', 'other.granted', 'other.notGranted'] as const;
export type Cell = (typeof CELLS)[number];

export type Outcome = 200 | 201 | 202 | 204 | 302 | 400 | 401 | 403 | 404 | 409 | 422 | 'listed' | 'unlisted';

export type Expected = Record<RoleOrAnonymous, Record<Cell, Outcome>>;

/** What a request builder gets: the target of the cell and a few helpers. */
export interface MatrixTarget {
  readonly caseId: string;
  readonly caseReferenceNo: string;
  readonly councilSlug: string;
  readonly membershipId: string;
  /** A fresh grant (of a bystander) on the target case, to revoke. */
  freshGrantId(): Promise<string>;
  /** The current TOTP code of the acting role (for step-up). */
  totp(): Promise<string>;
  /** Registers a pending authenticator with the acting client and returns a valid code for it. */
  pendingTotpCode(): Promise<string>;
  /** A fresh document (visibility `company`, one PDF version) on the target case, uploaded by that council's staff. */
  freshDocumentId(): Promise<string>;
  /**
   * A fresh case in the cell's council at `desk_consultation`, granted to the acting outsider when the cell is a
   * granted one — for routes that change a case's state (each cell needs its own).
   */
  freshCaseId(): Promise<string>;
  /** A fresh 問題点・課題 on the target case (council case work). */
  freshIssueId(): Promise<string>;
  /** A fresh interview record on the target case (council case work). */
  freshInterviewId(): Promise<string>;
  /** Like `freshCaseId`, with a recorded triage decision `refer` (so a referral letter exists). */
  referredCaseId(): Promise<string>;
  /** A fresh open task on the target case. */
  freshTaskId(): Promise<string>;
  /** Like `freshCaseId`, at stage ei_planning, with one action item. */
  freshEarningsCase(): Promise<{ caseId: string; actionItemId: string }>;
  /** A fresh case (granted like freshCaseId) with one creditor (みずほ) and one loan, written by its council. */
  freshCreditor(): Promise<{ caseId: string; creditorId: string; loanId: string }>;
  /** A fresh case (granted like freshCaseId) with a confidentiality lift in force for みずほ. */
  freshLift(): Promise<{ caseId: string; liftId: string }>;
  /** A fresh case (granted like freshCaseId) whose target creditors are the matrix's bank and みずほ (0001), with plan version 1. */
  freshPlan(): Promise<{ caseId: string; sha256: string }>;
  /** Like `freshPlan`, with a bank meeting about version 1 held yesterday (both target creditors invited). */
  freshMeeting(): Promise<{ caseId: string; sha256: string; meetingId: string }>;
  /**
   * Like `freshCaseId`, at stage rc_lawyer_referral (再チャレンジ支援), optionally with a referral prepared or consented
   * to (a lawyer bystander) and one tracked route. With `withDocument`, the package names one uploaded document
   * (`documentId`, version 1).
   */
  freshRechallengeCase(
    referral: 'none' | 'prepared' | 'consented',
    opts?: { withDocument?: boolean },
  ): Promise<{ caseId: string; packageHash: string; proceedingId: string; documentId: string | null }>;
  /** The e-mail of an account with the lawyer role (a referral names one). */
  readonly lawyerEmail: string;
  /**
   * Like `freshCaseId`, at stage rv_bank_consent (再生支援), with one staff team member (`memberId`), and another case
   * worker of that council not on the team (`staffUserId`).
   */
  freshRevitalizationCase(): Promise<{ caseId: string; memberId: string; staffUserId: string }>;
  /** Credentials of a bystander account (for the sign-in route). */
  readonly bystander: { readonly email: string; readonly password: string };
  readonly uniqueEmail: () => string;
}

export interface MatrixRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly body?: unknown;
  /** Raw payload with its content type (uploads). */
  readonly raw?: { readonly payload: Buffer; readonly contentType: string };
}

export interface MatrixEntry {
  readonly target: 'none' | 'case' | 'council';
  /** Changes the caller's session (sign-in, sign-out, enrolment): run with a freshly signed-in client. */
  readonly freshSession?: boolean;
  readonly request: (t: MatrixTarget) => MatrixRequest | Promise<MatrixRequest>;
  readonly expected: Expected;
}

// ── helpers to write expectations compactly ───────────────────────────────────

type CellMap = Record<Cell, Outcome>;
const same = (o: Outcome): CellMap => ({ 'own.granted': o, 'own.notGranted': o, 'other.granted': o, 'other.notGranted': o });
const byCouncil = (own: Outcome, other: Outcome): CellMap => ({
  'own.granted': own,
  'own.notGranted': own,
  'other.granted': other,
  'other.notGranted': other,
});
const byGrant = (granted: Outcome, notGranted: Outcome): CellMap => ({
  'own.granted': granted,
  'own.notGranted': notGranted,
  'other.granted': granted,
  'other.notGranted': notGranted,
});

function table(rows: Partial<Record<RoleOrAnonymous, CellMap>> & { default: CellMap }): Expected {
  return Object.fromEntries(MATRIX_ROLES.map((r) => [r, rows[r] ?? rows.default])) as Expected;
}
const everyone = (o: Outcome): Expected => table({ default: same(o) });
const signedInOnly = (o: Outcome): Expected => table({ anonymous: same(401), default: same(o) });

const workers = ['council_pm', 'council_sm', 'council_staff'] as const;
const outsiders = ['company_member', 'expert', 'bank_officer', 'lawyer'] as const;
const centre = ['hq_analyst', 'hq_admin', 'platform_operator'] as const;
const each = <K extends RoleOrAnonymous>(roles: readonly K[], cells: CellMap) =>
  Object.fromEntries(roles.map((r) => [r, cells])) as Record<K, CellMap>;

/** A case route only the council's case workers may use (outsiders with a grant see the case but not this). */
const caseWorkersOnly = (ok: Outcome): Expected =>
  table({
    anonymous: same(401),
    ...each(workers, byCouncil(ok, 404)),
    council_admin: byCouncil(403, 404),
    ...each(outsiders, byGrant(403, 404)),
    ...each(centre, same(404)),
    default: same(404),
  });

/** A council route: the council's own staff (by role) get `ok` / 403, everyone else 404. */
const councilRoute = (allowed: readonly Role[], ok: Outcome): Expected =>
  table({
    anonymous: same(401),
    ...each(['council_pm', 'council_sm', 'council_staff', 'council_admin'] as const, byCouncil(403, 404)),
    ...each(allowed, byCouncil(ok, 404)),
    default: same(404),
  });

/** A case route only the company itself may use (its own consents); the council reads but does not act for it. */
const companyOnly = (ok: Outcome): Expected =>
  table({
    anonymous: same(401),
    ...each(workers, byCouncil(403, 404)),
    council_admin: byCouncil(403, 404),
    company_member: byGrant(ok, 404),
    ...each(['expert', 'bank_officer', 'lawyer'] as const, byGrant(403, 404)),
    default: same(404),
  });

export const MATRIX_PLAN_TERMS = {
  title: 'マトリクス計画',
  summary: '確認用',
  supportMeasures: ['reschedule'],
  planYears: 3,
  monthlyRepaymentTotal: 10_000,
  proRataMethod: 'balance',
  roundingUnit: 1,
};

const matrixLoan = { label: '運転資金', balance: 1_000_000, annualRatePercent: 1.5, monthlyRepayment: 10_000 };

/** The 借入金一覧 CSV fixture (Shift_JIS) as a multipart upload to a case. */
function creditorCsvUpload(caseId: string): MatrixRequest {
  const boundary = '----kasseika-matrix-creditors';
  const csv = readFileSync(join(import.meta.dirname, '../src/modules/creditors/fixtures/creditors-sjis.csv'));
  return {
    method: 'POST',
    url: `/api/v1/cases/${caseId}/creditors/import`,
    raw: {
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="loans.csv"\r\nContent-Type: text/csv\r\n\r\n`),
        csv,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    },
  };
}

const json = (method: MatrixRequest['method'], url: string, body?: unknown): MatrixRequest => ({
  method,
  url,
  ...(body !== undefined ? { body } : {}),
});

const keyFigures = (fiscalYearEnd: string, netSales: number) => ({
  fiscalYearEnd,
  employees: 20,
  netSales,
  operatingProfit: 4_000_000,
  depreciation: 3_000_000,
  ordinaryProfit: 3_500_000,
  incomeTaxes: 1_050_000,
  cashAndDeposits: 15_000_000,
  tradeReceivables: 12_000_000,
  inventories: 8_000_000,
  tradePayables: 9_000_000,
  borrowings: 60_000_000,
  netAssets: 25_000_000,
  totalAssets: 100_000_000,
});

/** The Shift_JIS CSV fixture of the import tests, uploaded as a file. */
function csvUpload(): MatrixRequest {
  const boundary = '----kasseika-matrix';
  const csv = readFileSync(join(import.meta.dirname, '../src/modules/calculations/fixtures/statements-sjis.csv'));
  return {
    method: 'POST',
    url: '/api/v1/calculations/statements/import',
    raw: {
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="statements.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        csv,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    },
  };
}

const MATRIX_PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

/** A multipart upload of a small PDF, with the document fields first. */
export function pdfUpload(url: string, fields: Record<string, string>): MatrixRequest {
  const boundary = '----kasseika-matrix-doc';
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'),
  );
  return {
    method: 'POST',
    url,
    raw: {
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: Buffer.concat([
        ...parts,
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="matrix.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        MATRIX_PDF,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    },
  };
}

const RANDOM_TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_';
const RANDOM_UUID = '00000000-0000-4000-8000-000000000000';
/** A well-formed passkey credential id and authenticator answers that no ceremony asked for (no challenge cookie). */
const RANDOM_CREDENTIAL_ID = 'Q3JlZGVudGlhbElkT2ZOb2JvZHk';
const STRAY_ASSERTION = {
  id: RANDOM_CREDENTIAL_ID,
  rawId: RANDOM_CREDENTIAL_ID,
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' },
  clientExtensionResults: {},
};
const STRAY_ATTESTATION = {
  id: RANDOM_CREDENTIAL_ID,
  rawId: RANDOM_CREDENTIAL_ID,
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'AAAA' },
  clientExtensionResults: {},
};

export const PERMISSION_MATRIX: Record<string, MatrixEntry> = {
  // ── system and public directory ──
  getHealth: { target: 'none', request: () => json('GET', '/healthz'), expected: everyone(200) },
  getReadiness: { target: 'none', request: () => json('GET', '/readyz'), expected: everyone(200) },
  getOpenApiDocument: { target: 'none', request: () => json('GET', '/api/openapi.json'), expected: everyone(200) },
  listCouncils: { target: 'none', request: () => json('GET', '/api/v1/councils?prefecture=13'), expected: everyone(200) },
  getCouncil: { target: 'none', request: () => json('GET', '/api/v1/councils/osaka'), expected: everyone(200) },
  getDirectoryInfo: { target: 'none', request: () => json('GET', '/api/v1/directory'), expected: everyone(200) },
  getDevOutbox: { target: 'none', request: () => json('GET', '/api/v1/dev/outbox'), expected: everyone(200) },

  // ── sign-in and account (self-service: the caller acts on their own account only) ──
  getSessionStatus: { target: 'none', request: () => json('GET', '/api/v1/auth/session'), expected: everyone(200) },
  // OpenID Connect for SMEs (the matrix app has no provider configured: the flow routes answer as when disabled;
  // who may finish a sign-in is decided by the account-linking rules, tested in oidc.routes.test.ts).
  getOidcConfig: { target: 'none', request: () => json('GET', '/api/v1/auth/oidc/config'), expected: everyone(200) },
  startOidcSignIn: { target: 'none', request: () => json('GET', '/api/v1/auth/oidc/start?next=/cases'), expected: everyone(404) },
  finishOidcSignIn: {
    target: 'none',
    request: () => json('GET', `/api/v1/auth/oidc/callback?code=abc&state=${RANDOM_TOKEN}`),
    expected: everyone(302),
  },
  signIn: {
    target: 'none',
    freshSession: true,
    request: (t) => json('POST', '/api/v1/auth/sign-in', { email: t.bystander.email, password: t.bystander.password }),
    expected: everyone(200),
  },
  verifySecondFactor: {
    target: 'none',
    request: () => json('POST', '/api/v1/auth/second-factor', { method: 'totp', code: '123456' }),
    // Only a sign-in waiting for its second factor may call this; a finished session may not.
    expected: everyone(401),
  },
  stepUp: {
    target: 'none',
    freshSession: true,
    request: async (t) => json('POST', '/api/v1/auth/step-up', { code: await t.totp() }),
    expected: signedInOnly(200),
  },
  extendSession: { target: 'none', request: () => json('POST', '/api/v1/auth/session/extend', {}), expected: signedInOnly(200) },
  signOut: { target: 'none', freshSession: true, request: () => json('POST', '/api/v1/auth/sign-out', {}), expected: signedInOnly(200) },
  signOutEverywhere: {
    target: 'none',
    freshSession: true,
    request: () => json('POST', '/api/v1/auth/sign-out-everywhere', {}),
    expected: signedInOnly(200),
  },
  requestPasswordReset: {
    target: 'none',
    request: (t) => json('POST', '/api/v1/auth/password-reset', { email: t.uniqueEmail() }),
    expected: everyone(202),
  },
  completePasswordReset: {
    target: 'none',
    request: () => json('POST', '/api/v1/auth/password-reset/confirm', { token: RANDOM_TOKEN, password: 'a perfectly fine passphrase' }),
    expected: everyone(400),
  },
  verifyEmail: {
    target: 'none',
    request: () => json('POST', '/api/v1/auth/email-verification', { token: RANDOM_TOKEN }),
    expected: everyone(400),
  },
  listOwnSessions: { target: 'none', request: () => json('GET', '/api/v1/account/sessions'), expected: signedInOnly(200) },
  revokeOwnSession: {
    target: 'none',
    request: () => json('DELETE', `/api/v1/account/sessions/${RANDOM_UUID}`),
    expected: signedInOnly(404),
  },
  startTotpEnrolment: {
    target: 'none',
    freshSession: true,
    request: () => json('POST', '/api/v1/account/totp/setup', {}),
    expected: signedInOnly(200),
  },
  confirmTotpEnrolment: {
    target: 'none',
    freshSession: true,
    request: async (t) => json('POST', '/api/v1/account/totp/confirm', { code: await t.pendingTotpCode() }),
    expected: signedInOnly(200),
  },
  removeTotp: {
    target: 'none',
    freshSession: true,
    request: () => json('DELETE', '/api/v1/account/totp'),
    // Signed in, freshly verified, but the authenticator is the only second factor: refused as a conflict.
    expected: signedInOnly(409),
  },
  // Passkeys (WebAuthn): a verification without a ceremony started in the same browser (its challenge cookie) is
  // refused like a wrong code; the ceremonies themselves are driven in passkeys.routes.test.ts.
  startPasskeySignIn: {
    target: 'none',
    request: () => json('POST', '/api/v1/auth/passkeys/authentication/options', {}),
    expected: everyone(200),
  },
  finishPasskeySignIn: {
    target: 'none',
    request: () => json('POST', '/api/v1/auth/passkeys/authentication/verify', { response: STRAY_ASSERTION }),
    expected: everyone(401),
  },
  startPasskeyStepUp: {
    target: 'none',
    request: () => json('POST', '/api/v1/auth/step-up/passkey/options', {}),
    // Signed in, but no passkey to step up with.
    expected: signedInOnly(409),
  },
  finishPasskeyStepUp: {
    target: 'none',
    request: () => json('POST', '/api/v1/auth/step-up/passkey/verify', { response: STRAY_ASSERTION }),
    expected: everyone(401),
  },
  startPasskeyRegistration: {
    target: 'none',
    freshSession: true,
    request: () => json('POST', '/api/v1/account/passkeys/registration/options', {}),
    expected: signedInOnly(200),
  },
  finishPasskeyRegistration: {
    target: 'none',
    request: () => json('POST', '/api/v1/account/passkeys/registration/verify', { response: STRAY_ATTESTATION }),
    expected: everyone(401),
  },
  listPasskeys: { target: 'none', request: () => json('GET', '/api/v1/account/passkeys'), expected: signedInOnly(200) },
  removePasskey: {
    target: 'none',
    freshSession: true,
    request: () => json('DELETE', `/api/v1/account/passkeys/${RANDOM_CREDENTIAL_ID}`),
    expected: signedInOnly(404),
  },
  previewInvitation: {
    target: 'none',
    request: () => json('POST', '/api/v1/invitations/preview', { token: RANDOM_TOKEN }),
    expected: everyone(400),
  },
  acceptInvitation: {
    target: 'none',
    request: () =>
      json('POST', '/api/v1/invitations/accept', {
        token: RANDOM_TOKEN,
        displayName: '招待 太郎',
        password: 'a perfectly fine passphrase',
      }),
    expected: everyone(400),
  },

  // ── calculators (public; the quick check is also anonymous, rate-limited) ──
  calculateIndicators: {
    target: 'none',
    request: () =>
      json('POST', '/api/v1/calculations/indicators', {
        source: 'keyFigures',
        industryCode: '0201',
        sizeClass: 'medium',
        years: [keyFigures('2024-03-31', 100_000_000), keyFigures('2025-03-31', 105_000_000)],
      }),
    expected: everyone(200),
  },
  calculateRealBalanceSheet: {
    target: 'none',
    request: () =>
      json('POST', '/api/v1/calculations/real-balance-sheet', {
        balanceSheet: baseYear().balanceSheet,
        adjustments: planDocument().adjustments,
      }),
    expected: everyone(200),
  },
  calculateProjection: {
    target: 'none',
    request: () => json('POST', '/api/v1/calculations/projection', { base: baseYear(), drivers: planDocument().drivers }),
    expected: everyone(200),
  },
  calculateCriteria: {
    target: 'none',
    request: () => {
      const doc = planDocument();
      return json('POST', '/api/v1/calculations/criteria', {
        base: baseYear(),
        drivers: doc.drivers,
        criteria: doc.criteria,
        adjustments: doc.adjustments,
      });
    },
    expected: everyone(200),
  },
  calculateProRata: {
    target: 'none',
    request: () =>
      json('POST', '/api/v1/calculations/pro-rata', {
        amount: 1_000_000,
        creditors: [
          { id: 'A', balance: 50_000_000 },
          { id: 'B', balance: 30_000_000 },
        ],
        method: { kind: 'balance' },
        guaranteeCoverTreatment: 'secured',
        rounding: { unit: 1, residual: 'largestRemainder' },
      }),
    expected: everyone(200),
  },
  calculateRepaymentSchedule: {
    target: 'none',
    request: () =>
      json('POST', '/api/v1/calculations/repayment-schedule', {
        fiscalYearEndMonth: 3,
        schedule: {
          loanId: 'L1',
          principal: 1_200_000,
          firstPaymentMonth: '2026-04',
          termMonths: 12,
          graceMonths: 0,
          annualRate: 0.012,
          interestConvention: 'monthlyRate',
          method: { kind: 'equalPrincipal' },
        },
      }),
    expected: everyone(200),
  },
  calculateSubsidy: {
    target: 'none',
    request: () =>
      json('POST', '/api/v1/calculations/subsidy', {
        program: '405-standard',
        acceptanceDate: '2026-04-01',
        costLines: [{ id: '1', category: 'planFormulation', amount: 3_300_000, workDate: '2026-05-01' }],
      }),
    expected: everyone(200),
  },
  calculatePlan: { target: 'none', request: () => json('POST', '/api/v1/calculations/plan', planDocument()), expected: everyone(200) },
  exportPlanWorkbook: {
    target: 'none',
    request: () => json('POST', '/api/v1/calculations/plan/workbook', planDocument()),
    expected: everyone(200),
  },
  exportPlanSummaryPdf: {
    target: 'none',
    request: () => json('POST', '/api/v1/calculations/plan/summary.pdf', planDocument()),
    expected: everyone(200),
  },
  downloadStatementsTemplate: {
    target: 'none',
    request: () => json('GET', '/api/v1/calculations/statements/template.xlsx'),
    expected: everyone(200),
  },
  importStatements: { target: 'none', request: () => csvUpload(), expected: everyone(200) },

  // ── cases ──
  listCases: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases?q=${encodeURIComponent(t.caseReferenceNo)}`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil('listed', 'unlisted')),
      council_admin: same(403),
      ...each(outsiders, byGrant('listed', 'unlisted')),
      default: same(403),
    }),
  },
  createCase: {
    target: 'none',
    request: () => json('POST', '/api/v1/cases', { companyName: '株式会社マトリクス' }),
    expected: table({ anonymous: same(401), ...each(workers, same(201)), default: same(403) }),
  },
  getCase: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      ...each(outsiders, byGrant(200, 404)),
      default: same(404),
    }),
  },
  listCaseGrants: { target: 'case', request: (t) => json('GET', `/api/v1/cases/${t.caseId}/grants`), expected: caseWorkersOnly(200) },
  inviteToCase: {
    target: 'case',
    request: (t) =>
      json('POST', `/api/v1/cases/${t.caseId}/invitations`, {
        email: t.uniqueEmail(),
        displayName: '招待 専門家',
        roleInCase: 'expert',
        organizationName: 'マトリクス税理士法人',
      }),
    expected: caseWorkersOnly(201),
  },
  transitionCase: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${await t.freshCaseId()}/transitions`, {
        event: 'withdraw',
        expectedStage: 'desk_consultation',
        reason: 'マトリクス確認',
      }),
    expected: caseWorkersOnly(200),
  },
  getCaseStatements: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/financial-statements`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      ...each(['company_member', 'expert'] as const, byGrant(200, 404)),
      ...each(['bank_officer', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  saveCaseStatements: {
    target: 'case',
    request: async (t) =>
      json('PUT', `/api/v1/cases/${await t.freshCaseId()}/financial-statements`, { statements: [baseYear()], expectedRevision: null }),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      ...each(['company_member', 'expert'] as const, byGrant(200, 404)),
      ...each(['bank_officer', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  getCaseGuarantors: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/guarantors`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      ...each(['company_member', 'lawyer'] as const, byGrant(200, 404)),
      ...each(['expert', 'bank_officer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  saveCaseGuarantors: {
    target: 'case',
    request: async (t) => json('PUT', `/api/v1/cases/${await t.freshCaseId()}/guarantors`, { guarantors: [], expectedRevision: null }),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      ...each(['company_member', 'lawyer'] as const, byGrant(200, 404)),
      ...each(['expert', 'bank_officer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  getCaseTimeline: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/timeline`),
    expected: caseWorkersOnly(200),
  },
  revokeCaseGrant: {
    target: 'case',
    request: async (t) => json('POST', `/api/v1/cases/${t.caseId}/grants/${await t.freshGrantId()}/revoke`, { reason: 'マトリクス確認' }),
    expected: caseWorkersOnly(204),
  },
  getCaseAccessLog: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/access-log`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      company_member: byGrant(200, 404),
      ...each(['expert', 'bank_officer', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },

  // ── case documents (target documents have the class `company`) ──
  listCaseDocuments: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/documents`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      ...each(outsiders, byGrant(200, 404)),
      default: same(404),
    }),
  },
  uploadCaseDocument: {
    target: 'case',
    request: (t) => pdfUpload(`/api/v1/cases/${t.caseId}/documents`, { docType: 'other', title: 'マトリクス書類', visibility: 'company' }),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(201, 404)),
      council_admin: byCouncil(403, 404),
      ...each(['company_member', 'expert'] as const, byGrant(201, 404)),
      ...each(['bank_officer', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  addDocumentVersion: {
    target: 'case',
    request: async (t) => pdfUpload(`/api/v1/cases/${t.caseId}/documents/${await t.freshDocumentId()}/versions`, {}),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(201, 404)),
      council_admin: byCouncil(403, 404),
      ...each(['company_member', 'expert'] as const, byGrant(201, 404)),
      lawyer: byGrant(403, 404),
      // The class `company` is not one a bank can see: the document does not exist for it.
      bank_officer: same(404),
      default: same(404),
    }),
  },
  downloadDocumentVersion: {
    target: 'case',
    request: async (t) => json('GET', `/api/v1/cases/${t.caseId}/documents/${await t.freshDocumentId()}/versions/1/content`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(200, 404)),
      bank_officer: same(404),
      default: same(404),
    }),
  },
  changeDocumentVisibility: {
    target: 'case',
    request: async (t) => json('PATCH', `/api/v1/cases/${t.caseId}/documents/${await t.freshDocumentId()}`, { visibility: 'team' }),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      bank_officer: same(404),
      default: same(404),
    }),
  },

  // ── council members ──
  listCouncilMembers: {
    target: 'council',
    request: (t) => json('GET', `/api/v1/councils/${t.councilSlug}/members`),
    expected: councilRoute(['council_admin', 'council_pm', 'council_sm'], 200),
  },
  inviteCouncilMember: {
    target: 'council',
    request: (t) =>
      json('POST', `/api/v1/councils/${t.councilSlug}/invitations`, {
        email: t.uniqueEmail(),
        displayName: '新任 職員',
        roles: ['council_staff'],
      }),
    expected: councilRoute(['council_admin'], 201),
  },
  updateCouncilMember: {
    target: 'council',
    request: (t) => json('PATCH', `/api/v1/councils/${t.councilSlug}/members/${t.membershipId}`, { roles: ['council_staff'] }),
    expected: councilRoute(['council_admin'], 204),
  },

  // ── public consultation intake (issue 5) ──
  lookUpPostalAddress: {
    target: 'none',
    request: () => json('GET', '/api/v1/consultation-requests/addresses?postalCode=100-0005'),
    expected: everyone(200),
  },
  getConsultationForm: { target: 'none', request: () => json('GET', '/api/v1/consultation-requests/form'), expected: everyone(200) },
  // Public: anyone may send; a form token that was never issued is refused as a field issue (nothing stored).
  submitConsultationRequest: {
    target: 'none',
    request: (t) =>
      json('POST', '/api/v1/consultation-requests', {
        formToken: 'kp0.forged-nonce.00000000000000000000000000000000',
        company: {
          name: 'マトリクス商事',
          nameKana: 'マトリクスショウジ',
          postalCode: '100-0005',
          prefectureCode: '13',
          address: '千代田区丸の内1-1',
          industryCode: '55',
          employees: 5,
          capitalYen: null,
          fiscalYearEndMonth: 3,
          annualSalesYen: 10_000_000,
        },
        contact: { name: 'マトリクス 太郎', email: t.uniqueEmail(), phone: '03-1234-5678' },
        needs: [],
        message: '',
        preferredContact: 'email',
        privacyConsent: true,
      }),
    expected: everyone(422),
  },
  verifyConsultationRequest: {
    target: 'none',
    request: () => json('POST', '/api/v1/consultation-requests/verify', { token: `13.${RANDOM_TOKEN}` }),
    expected: everyone(400),
  },
  listIntakeInbox: {
    target: 'council',
    request: (t) => json('GET', `/api/v1/councils/${t.councilSlug}/intake`),
    expected: councilRoute(['council_pm', 'council_sm', 'council_staff'], 200),
  },
  // ── council case work: 窓口相談, triage, tasks (council only: outsiders with a grant get 403, RLS shows them nothing) ──
  getDeskConsultation: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/desk-consultation`),
    expected: caseWorkersOnly(200),
  },
  recordInterview: {
    target: 'case',
    request: (t) =>
      json('POST', `/api/v1/cases/${t.caseId}/interviews`, { heldOn: '2026-11-20', attendees: '代表者、PM', notes: 'マトリクス面談' }),
    expected: caseWorkersOnly(201),
  },
  recordCaseIssue: {
    target: 'case',
    request: (t) => json('POST', `/api/v1/cases/${t.caseId}/issues`, { issue: 'マトリクス課題', advice: '助言' }),
    expected: caseWorkersOnly(201),
  },
  downloadInterviewSummary: {
    target: 'case',
    request: async (t) => json('GET', `/api/v1/cases/${t.caseId}/interviews/${await t.freshInterviewId()}/summary.pdf`),
    expected: caseWorkersOnly(200),
  },
  recordIssueAdvice: {
    target: 'case',
    request: async (t) => json('PUT', `/api/v1/cases/${t.caseId}/issues/${await t.freshIssueId()}/advice`, { advice: 'マトリクス助言' }),
    expected: caseWorkersOnly(204),
  },
  addInternalNote: {
    target: 'case',
    request: (t) => json('POST', `/api/v1/cases/${t.caseId}/internal-notes`, { body: 'マトリクス内部メモ' }),
    expected: caseWorkersOnly(201),
  },
  triageCase: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${await t.freshCaseId()}/triage`, {
        decision: 'resolve_by_advice',
        reasons: 'マトリクス確認',
        expectedStage: 'desk_consultation',
      }),
    expected: table({
      anonymous: same(401),
      ...each(['council_pm', 'council_sm'] as const, byCouncil(204, 404)),
      ...each(['council_staff', 'council_admin'] as const, byCouncil(403, 404)),
      ...each(outsiders, byGrant(403, 404)),
      default: same(404),
    }),
  },
  // ── creditors and confidentiality lifts (issue 7) ──
  searchFinancialInstitutions: {
    target: 'none',
    request: () => json('GET', '/api/v1/financial-institutions?q=0001'),
    expected: signedInOnly(200),
  },
  downloadCreditorTemplate: { target: 'none', request: () => json('GET', '/api/v1/creditors/template.xlsx'), expected: signedInOnly(200) },
  getCreditorTable: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/creditors`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      bank_officer: byGrant(200, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  addCreditor: {
    target: 'case',
    request: async (t) => json('POST', `/api/v1/cases/${await t.freshCaseId()}/creditors`, { bankCode: '0005' }),
    expected: caseWorkersOnly(201),
  },
  importCreditors: {
    target: 'case',
    request: async (t) => creditorCsvUpload(await t.freshCaseId()),
    expected: caseWorkersOnly(200),
  },
  updateCreditor: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshCreditor();
      return json('PATCH', `/api/v1/cases/${f.caseId}/creditors/${f.creditorId}`, { isMainBank: true });
    },
    expected: caseWorkersOnly(200),
  },
  removeCreditor: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshCreditor();
      return json('DELETE', `/api/v1/cases/${f.caseId}/creditors/${f.creditorId}`);
    },
    expected: caseWorkersOnly(200),
  },
  addLoan: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshCreditor();
      return json('POST', `/api/v1/cases/${f.caseId}/creditors/${f.creditorId}/loans`, matrixLoan);
    },
    expected: caseWorkersOnly(201),
  },
  updateLoan: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshCreditor();
      return json('PUT', `/api/v1/cases/${f.caseId}/loans/${f.loanId}`, matrixLoan);
    },
    expected: caseWorkersOnly(200),
  },
  removeLoan: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshCreditor();
      return json('DELETE', `/api/v1/cases/${f.caseId}/loans/${f.loanId}`);
    },
    expected: caseWorkersOnly(200),
  },
  listConfidentialityLifts: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/confidentiality-lifts`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      company_member: byGrant(200, 404),
      ...each(['expert', 'bank_officer', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  liftConfidentiality: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${await t.freshCaseId()}/confidentiality-lifts`, { bankCode: '0001', documentSets: ['plan'] }),
    expected: companyOnly(201),
  },
  revokeConfidentialityLift: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshLift();
      return json('POST', `/api/v1/cases/${f.caseId}/confidentiality-lifts/${f.liftId}/revoke`);
    },
    expected: companyOnly(200),
  },
  getCasePlan: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/plan`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      bank_officer: byGrant(200, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  submitPlanVersion: {
    target: 'case',
    request: async (t) => json('POST', `/api/v1/cases/${(await t.freshCreditor()).caseId}/plan/versions`, MATRIX_PLAN_TERMS),
    expected: caseWorkersOnly(201),
  },
  getPlanVersion: {
    target: 'case',
    request: async (t) => json('GET', `/api/v1/cases/${(await t.freshPlan()).caseId}/plan/versions/1`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      bank_officer: byGrant(200, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  commentPlanVersion: {
    target: 'case',
    request: async (t) => json('POST', `/api/v1/cases/${(await t.freshPlan()).caseId}/plan/versions/1/comments`, { body: '意見' }),
    expected: table({
      anonymous: same(401),
      ...each(['council_pm', 'council_sm'] as const, byCouncil(201, 404)),
      ...each(['council_staff', 'council_admin'] as const, byCouncil(403, 404)),
      ...each(outsiders, byGrant(403, 404)),
      default: same(404),
    }),
  },
  downloadReferralLetter: {
    target: 'case',
    request: async (t) => json('GET', `/api/v1/cases/${await t.referredCaseId()}/triage/referral-letter.pdf`),
    expected: caseWorkersOnly(200),
  },
  listCaseTasks: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/tasks`),
    expected: caseWorkersOnly(200),
  },
  createCaseTask: {
    target: 'case',
    request: (t) => json('POST', `/api/v1/cases/${t.caseId}/tasks`, { title: 'マトリクスタスク', businessDays: 3 }),
    expected: caseWorkersOnly(201),
  },
  updateCaseTask: {
    target: 'case',
    request: async (t) => json('PATCH', `/api/v1/cases/${t.caseId}/tasks/${await t.freshTaskId()}`, { status: 'done' }),
    expected: caseWorkersOnly(200),
  },
  listOverdueTasks: {
    target: 'council',
    request: (t) => json('GET', `/api/v1/councils/${t.councilSlug}/overdue-tasks`),
    expected: councilRoute(workers, 200),
  },
  // ── 収益力改善支援 (council only) ──
  getEarningsImprovement: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/earnings-improvement`),
    expected: caseWorkersOnly(200),
  },
  saveGovernanceCheck: {
    target: 'case',
    request: async (t) =>
      json('PUT', `/api/v1/cases/${(await t.freshEarningsCase()).caseId}/earnings-improvement/governance/transparency.statements`, {
        status: 'met',
      }),
    expected: caseWorkersOnly(204),
  },
  createActionItem: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${(await t.freshEarningsCase()).caseId}/earnings-improvement/action-items`, {
        what: '商品別原価の把握',
        owner: '経理部長',
        dueOn: '2027-03-31',
      }),
    expected: caseWorkersOnly(201),
  },
  updateActionItem: {
    target: 'case',
    request: async (t) => {
      const e = await t.freshEarningsCase();
      return json('PATCH', `/api/v1/cases/${e.caseId}/earnings-improvement/action-items/${e.actionItemId}`, { status: 'done' });
    },
    expected: caseWorkersOnly(204),
  },
  adoptEarningsPlan: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${(await t.freshEarningsCase()).caseId}/earnings-improvement/plan`, {
        planYears: 3,
        reschedulingRequested: false,
        startsOn: '2027-04-01',
        summary: 'マトリクス計画',
      }),
    expected: caseWorkersOnly(204),
  },
  respondToPlan: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshPlan();
      return json('POST', `/api/v1/cases/${f.caseId}/plan/responses`, { versionSha256: f.sha256, kind: 'consent' });
    },
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(403, 404)),
      council_admin: byCouncil(403, 404),
      bank_officer: byGrant(201, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  downloadConsentForm: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshPlan();
      // みずほ's form: the council may print it; the matrix's bank (another bank) may not.
      return json('GET', `/api/v1/cases/${f.caseId}/plan/consent-form.pdf?bankCode=0001`);
    },
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      bank_officer: byGrant(403, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  // ── 再チャレンジ支援: council record; the company consents; the referred lawyer reads the package ──
  getRechallenge: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/rechallenge`),
    expected: caseWorkersOnly(200),
  },
  createRcAdvice: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${(await t.freshRechallengeCase('none')).caseId}/rechallenge/advice`, {
        advisedOn: '2026-11-20',
        topic: 'orderly_closure',
        text: 'マトリクス助言',
      }),
    expected: caseWorkersOnly(201),
  },
  prepareRcReferral: {
    target: 'case',
    request: async (t) =>
      json('PUT', `/api/v1/cases/${(await t.freshRechallengeCase('none')).caseId}/rechallenge/referral`, {
        lawyerEmail: t.lawyerEmail,
        documentIds: [],
        figures: ['advice'],
        message: '',
      }),
    expected: caseWorkersOnly(200),
  },
  getRcConsent: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/rechallenge/consent`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      ...each(outsiders, byGrant(403, 404)),
      company_member: byGrant(200, 404),
      default: same(404),
    }),
  },
  giveRcConsent: {
    target: 'case',
    request: async (t) => {
      const c = await t.freshRechallengeCase('prepared');
      return json('POST', `/api/v1/cases/${c.caseId}/rechallenge/consent`, { packageHash: c.packageHash });
    },
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(403, 404)),
      council_admin: byCouncil(403, 404),
      ...each(outsiders, byGrant(403, 404)),
      company_member: byGrant(204, 404),
      default: same(404),
    }),
  },
  revokeRcConsent: {
    target: 'case',
    request: async (t) => json('DELETE', `/api/v1/cases/${(await t.freshRechallengeCase('consented')).caseId}/rechallenge/consent`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(403, 404)),
      council_admin: byCouncil(403, 404),
      ...each(outsiders, byGrant(403, 404)),
      company_member: byGrant(204, 404),
      default: same(404),
    }),
  },
  getRcPackage: {
    target: 'case',
    // A lawyer holding an ordinary grant (no `rechallenge.package` scope from a consent) is refused.
    request: async (t) => json('GET', `/api/v1/cases/${(await t.freshRechallengeCase('consented')).caseId}/rechallenge/package`),
    expected: caseWorkersOnly(200),
  },
  downloadRcPackageDocument: {
    target: 'case',
    // Like the package: a lawyer holding an ordinary grant (no `rechallenge.package` scope from a consent) is refused.
    request: async (t) => {
      const c = await t.freshRechallengeCase('consented', { withDocument: true });
      return json('GET', `/api/v1/cases/${c.caseId}/rechallenge/package/documents/${c.documentId}/versions/1/content`);
    },
    expected: caseWorkersOnly(200),
  },
  createRcProceeding: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${(await t.freshRechallengeCase('none')).caseId}/rechallenge/proceedings`, {
        route: 'private_workout',
        guarantorName: null,
        status: 'considering',
        startedOn: null,
        endedOn: null,
        note: '',
      }),
    expected: caseWorkersOnly(201),
  },
  updateRcProceeding: {
    target: 'case',
    request: async (t) => {
      const c = await t.freshRechallengeCase('none');
      return json('PATCH', `/api/v1/cases/${c.caseId}/rechallenge/proceedings/${c.proceedingId}`, {
        status: 'in_progress',
        startedOn: '2026-12-01',
        endedOn: null,
      });
    },
    expected: caseWorkersOnly(204),
  },
  createRcConsultation: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${(await t.freshRechallengeCase('none')).caseId}/rechallenge/consultations`, {
        heldOn: '2026-12-01',
        lawyerName: '弁護士 マトリクス',
        feeYen: 55000,
        feeSupported: true,
        note: '',
      }),
    expected: caseWorkersOnly(201),
  },
  // 再生支援 / プレ再生支援
  getRevitalization: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/revitalization`),
    expected: caseWorkersOnly(200),
  },
  saveRevitalizationProfile: {
    target: 'case',
    request: async (t) =>
      json('PUT', `/api/v1/cases/${(await t.freshRevitalizationCase()).caseId}/revitalization/profile`, {
        teamType: 'conventional',
        supportKind: 'revitalization',
        forgivenessExpected: false,
      }),
    expected: caseWorkersOnly(204),
  },
  addRevitalizationStaff: {
    target: 'case',
    request: async (t) => {
      const r = await t.freshRevitalizationCase();
      return json('POST', `/api/v1/cases/${r.caseId}/revitalization/team/staff`, {
        userId: r.staffUserId,
        position: 'sm',
        secondedFromBank: 'マトリクス銀行',
        bankIsCreditor: true,
        conflict: { hasConflict: false },
      });
    },
    expected: caseWorkersOnly(201),
  },
  appointRevitalizationExpert: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${(await t.freshRevitalizationCase()).caseId}/revitalization/team/experts`, {
        email: t.uniqueEmail(),
        displayName: '専門 マトリクス',
        organizationName: 'マトリクス監査法人',
        qualification: 'cpa',
        duty: 'financial_dd',
        scopes: ['case.read', 'documents.team'],
        expiresOn: '2099-12-31',
        conflict: { hasConflict: false },
      }),
    expected: caseWorkersOnly(201),
  },
  endRevitalizationMember: {
    target: 'case',
    request: async (t) => {
      const r = await t.freshRevitalizationCase();
      // The member row was appointed at the database's now(): end it that JST day (the test clock only runs ahead).
      return json('POST', `/api/v1/cases/${r.caseId}/revitalization/team/${r.memberId}/end`, {
        endedOn: new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10),
        endKind: 'term_ended',
        reason: 'マトリクス：任期終了',
      });
    },
    expected: caseWorkersOnly(204),
  },
  saveRealBalanceSheet: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${(await t.freshRevitalizationCase()).caseId}/revitalization/real-balance-sheets`, {
        asOf: '2026-03-31',
        balanceSheet: baseYear().balanceSheet,
        adjustments: [],
        treatOfficerLoansAsEquity: false,
      }),
    expected: caseWorkersOnly(201),
  },
  saveRevitalizationBusinessPlan: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${(await t.freshRevitalizationCase()).caseId}/revitalization/business-plans`, {
        planYears: 3,
        startsOn: '2027-04-01',
        causesOfDistress: 'マトリクス原因',
        measures: 'マトリクス施策',
        years: [1, 2, 3].map(() => ({ sales: 100, ordinaryProfit: 1 })),
      }),
    expected: caseWorkersOnly(201),
  },
  saveRevitalizationSupportDesign: {
    target: 'case',
    request: async (t) =>
      json('POST', `/api/v1/cases/${(await t.freshRevitalizationCase()).caseId}/revitalization/support-designs`, {
        measures: ['rescheduling'],
        reschedulingGraceMonths: 12,
        requirements: [],
      }),
    expected: caseWorkersOnly(201),
  },
  downloadRevitalizationSurveyReport: {
    target: 'case',
    // The target case has no 実態BS or business plan: the report is refused (409) — for those allowed to ask.
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/revitalization/survey-report.pdf`),
    expected: caseWorkersOnly(409),
  },
  // ── バンクミーティング (issue 7): the council manages; invited target creditors with consent in force read ──
  listBankMeetings: {
    target: 'case',
    request: (t) => json('GET', `/api/v1/cases/${t.caseId}/meetings`),
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      bank_officer: byGrant(200, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  scheduleBankMeeting: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshPlan();
      return json('POST', `/api/v1/cases/${f.caseId}/meetings`, {
        scheduledAt: '2026-12-10T14:00',
        mode: 'in_person',
        place: 'マトリクス会議室',
        agenda: ['計画案の説明'],
        versionSha256: f.sha256,
      });
    },
    expected: caseWorkersOnly(201),
  },
  getBankMeeting: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshMeeting();
      return json('GET', `/api/v1/cases/${f.caseId}/meetings/${f.meetingId}`);
    },
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      bank_officer: byGrant(200, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  updateBankMeeting: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshMeeting();
      return json('PUT', `/api/v1/cases/${f.caseId}/meetings/${f.meetingId}`, {
        scheduledAt: '2026-12-11T10:00',
        mode: 'online',
        place: 'オンライン',
        agenda: ['質疑応答'],
        versionSha256: f.sha256,
      });
    },
    expected: caseWorkersOnly(200),
  },
  cancelBankMeeting: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshMeeting();
      return json('POST', `/api/v1/cases/${f.caseId}/meetings/${f.meetingId}/cancel`, { reason: 'マトリクス都合により中止' });
    },
    expected: caseWorkersOnly(200),
  },
  recordBankMeeting: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshMeeting();
      return json('PUT', `/api/v1/cases/${f.caseId}/meetings/${f.meetingId}/record`, {
        attendance: [{ bankCode: '0001', attended: true, attendees: '融資部' }],
        minutes: 'マトリクス議事録',
      });
    },
    expected: caseWorkersOnly(200),
  },
  downloadBankMeetingMaterials: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshMeeting();
      return json('GET', `/api/v1/cases/${f.caseId}/meetings/${f.meetingId}/materials.pdf`);
    },
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      bank_officer: byGrant(200, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
  downloadBankMeetingWorkbook: {
    target: 'case',
    request: async (t) => {
      const f = await t.freshMeeting();
      return json('GET', `/api/v1/cases/${f.caseId}/meetings/${f.meetingId}/materials.xlsx`);
    },
    expected: table({
      anonymous: same(401),
      ...each(workers, byCouncil(200, 404)),
      council_admin: byCouncil(403, 404),
      bank_officer: byGrant(200, 404),
      ...each(['company_member', 'expert', 'lawyer'] as const, byGrant(403, 404)),
      default: same(404),
    }),
  },
};
