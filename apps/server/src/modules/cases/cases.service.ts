import {
  type AccessLog,
  type CaseDetail,
  type CaseGrantList,
  type CaseList,
  type CaseListQuery,
  type CaseTransitionList,
  type TransitionBody,
} from '@kasseika/contracts';
import { availableTransitions, checkTransition } from '@kasseika/domain';
import { CASE_ACCESS_EVENT_TYPES } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, staffCouncilOf, tenantContextOf, type Actor } from '../../authz/actor';
import type { CaseResource } from '../../authz/actions';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import { DEFAULT_GRANT_SCOPES, type Role } from '../../authz/roles';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, conflict, notFound } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseFacts, type CaseFactsLoader } from './case-facts';
import type { CaseTransitionHook } from './case-transition-hooks';
import { endOfJstDay, jstYear } from './jst-dates';
import { listCasesInTx, presentCase } from './case-list';
import type { InvitationService } from '../auth/invitations.service';
import {
  bankConsentInForce,
  caseAccessLog,
  findGrant,
  findVisibleCase,
  insertCase,
  insertTransition,
  listGrants,
  listTransitions,
  moveCase,
  liveGrantsOf,
  nextReferenceNo,
  pendingCaseInvitations,
  revokeGrant,
  type CaseRow,
} from './cases.repository';

/** For modules that contribute workflow facts (ADR 0011). */
export type { CaseRow } from './cases.repository';
export type { CaseFactsLoader } from './case-facts';

export type { CaseTransitionHook, CaseTransitionNotice } from './case-transition-hooks';

export interface CasesServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly invitations: InvitationService;
  readonly cipher: FieldCipher;
  /** Contributors of workflow facts (see case-facts.ts). */
  readonly facts: readonly CaseFactsLoader[];
  readonly now: () => Date;
  /** Called in the transaction of every recorded transition, after its audit record (see case-transition-hooks.ts). */
  readonly onTransition?: readonly CaseTransitionHook[];
}

/** Where a transition reason is sealed (binds the ciphertext to its case). */
export const transitionReasonPlace = (caseId: string): string => `case_transitions.reason:${caseId}`;

const CASE = { ja: '指定された案件', en: 'The case' };
/** REFERENCE §1.3: no bank learns of the case before the company has lifted confidentiality towards it. */
const NO_BANK_CONSENT = {
  ja: '会社がこの金融機関への守秘義務の解除に同意していません。同意の後で招待できます',
  en: 'The company has not consented to share the case with this bank. Invite it after the consent',
};

const ROLE_FOR_CASE_ROLE: Record<'company' | 'expert' | 'bank' | 'lawyer', Role> = {
  company: 'company_member',
  expert: 'expert',
  bank: 'bank_officer',
  lawyer: 'lawyer',
};

const ORG_KIND_FOR_CASE_ROLE = { company: 'company', expert: 'expert_firm', bank: 'bank', lawyer: 'law_firm' } as const;

/**
 * Opens a case in the caller's transaction with the council's next reference number (the intake module's
 * verification of a consultation request). A concurrent number is a unique violation: the caller retries.
 */
export async function openCaseInTx(
  tx: Tx,
  values: Omit<Parameters<typeof insertCase>[1], 'referenceNo'>,
  at: Date,
): Promise<{ id: string; referenceNo: string }> {
  const referenceNo = await nextReferenceNo(tx, values.councilId, jstYear(at));
  const { id } = await insertCase(tx, { ...values, referenceNo });
  return { id, referenceNo };
}

/**
 * Loads a case the transaction can see (RLS) with the actor's grant scopes on it — for other modules that act on a
 * case (documents, …). Throws 404 when the case is not visible.
 */
export async function loadCaseForActor(
  tx: Tx,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<{ row: CaseRow; resource: CaseResource; roleInCase: CaseDetail['myRoleInCase'] }> {
  const row = await findVisibleCase(tx, caseId);
  if (!row) throw notFound(CASE);
  const mine = actor.kind === 'user' ? (await liveGrantsOf(tx, actor.userId, [row.id], now)).get(row.id) : undefined;
  return {
    row,
    resource: { councilId: row.councilId, caseId: row.id, grantScopes: mine?.scopes ?? [] },
    roleInCase: mine?.roleInCase ?? null,
  };
}

/**
 * Cases as the identity issue needs them: list and search (RLS shows the council's own cases, or the granted ones),
 * detail, creation by council case workers, grants and invitations of outsiders, and the access log. Every read of a
 * case is audited in the same transaction.
 */
export function createCasesService({ db, audit, invitations, cipher, facts, now, onTransition = [] }: CasesServiceDeps) {
  async function load(
    tx: Tx,
    actor: Actor,
    caseId: string,
  ): Promise<{ row: CaseRow; resource: CaseResource; roleInCase: CaseDetail['myRoleInCase'] }> {
    const row = await findVisibleCase(tx, caseId);
    if (!row) throw notFound(CASE);
    const mine = actor.kind === 'user' ? (await liveGrantsOf(tx, actor.userId, [row.id], now())).get(row.id) : undefined;
    return {
      row,
      resource: { councilId: row.councilId, caseId: row.id, grantScopes: mine?.scopes ?? [] },
      roleInCase: mine?.roleInCase ?? null,
    };
  }

  function record(
    tx: Tx,
    actor: Actor,
    type: Parameters<AuditRecorder['record']>[1]['type'],
    councilId: number | null,
    caseId: string | null,
    details: Record<string, unknown> = {},
  ) {
    return audit.record(tx, {
      type,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actorLabel(actor),
      actorRoles: rolesOf(actor),
      councilId,
      caseId,
      targetType: 'case',
      targetId: caseId,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }

  /** The case detail with the caller's abilities and, for those who may move it, the next transitions. */
  async function detail(tx: Tx, actor: Actor, loaded: Awaited<ReturnType<typeof load>>): Promise<CaseDetail> {
    const { row, resource, roleInCase } = loaded;
    const abilities = abilitiesFor(
      actor,
      [
        'case.grants.read',
        'case.grants.manage',
        'case.accessLog.read',
        'case.transition',
        'case.timeline.read',
        'case.guarantors.read',
        'case.documents.read',
        'case.creditors.read',
        'case.confidentiality.read',
        'case.plan.read',
        'case.statements.read',
      ],
      resource,
    );
    const nextTransitions = abilities['case.transition'] ? availableTransitions(row.stage, await loadCaseFacts(tx, row, facts)) : [];
    return {
      ...presentCase(row, roleInCase),
      abilities: {
        readGrants: abilities['case.grants.read'],
        manageGrants: abilities['case.grants.manage'],
        readAccessLog: abilities['case.accessLog.read'],
        transition: abilities['case.transition'],
        readTimeline: abilities['case.timeline.read'],
        readGuarantors: abilities['case.guarantors.read'],
        readDocuments: abilities['case.documents.read'],
        // The creditors page: the council's table, the bank portal, or the company's consents (守秘義務の解除).
        readCreditors: abilities['case.creditors.read'] || abilities['case.confidentiality.read'] || abilities['case.plan.read'],
        readStatements: abilities['case.statements.read'],
      },
      nextTransitions: nextTransitions.map((t) => ({ ...t, reasons: [...t.reasons] })),
    };
  }

  /**
   * Moves the case along its workflow: the event must be legal at the stage the user saw (`expectedStage`), every
   * guard must hold, and the move, its reason (encrypted) and the audit record land in the caller's transaction.
   */
  async function transitionWithin(tx: Tx, actor: Actor, caseId: string, input: TransitionBody): Promise<void> {
    if (actor.kind !== 'user') throw new ForbiddenError('case.transition', null, null);
    const loaded = await load(tx, actor, caseId);
    const { row, resource } = loaded;
    authorize(actor, 'case.transition', resource);
    if (row.stage !== input.expectedStage)
      throw conflict({
        ja: 'この案件は他の方の操作で段階が変わりました。画面を更新してからもう一度お試しください',
        en: 'Someone else has moved this case meanwhile. Reload and try again',
      });
    const check = checkTransition(row.stage, input.event, await loadCaseFacts(tx, row, facts));
    if (!check.ok) {
      throw new AppError('TRANSITION_NOT_ALLOWED', {
        detail: { ja: check.reasons.map((r) => r.ja).join('。'), en: check.reasons.map((r) => r.en).join('. ') },
        issues: check.reasons.map((r) => ({ pointer: '/body/event', code: `transition.${check.code}`, message: r })),
      });
    }
    const at = now();
    const { transition, track } = check;
    const moved = await moveCase(tx, row.id, row.stage, { stage: transition.to, track, outcome: transition.outcome ?? null, at });
    if (!moved)
      throw conflict({
        ja: 'この案件は他の方の操作で段階が変わりました。画面を更新してからもう一度お試しください',
        en: 'Someone else has moved this case meanwhile. Reload and try again',
      });
    await insertTransition(tx, {
      councilId: row.councilId,
      caseId: row.id,
      event: transition.event,
      fromStage: row.stage,
      toStage: transition.to,
      actorUserId: actor.userId,
      reasonEnc: await cipher.encrypt(row.councilId, input.reason, transitionReasonPlace(row.id)),
      at,
    });
    await record(tx, actor, 'CASE_TRANSITIONED', row.councilId, row.id, {
      event: transition.event,
      from: row.stage,
      to: transition.to,
      outcome: transition.outcome ?? null,
    });
    const notice = {
      row,
      event: transition.event,
      from: row.stage,
      to: transition.to,
      at,
      reason: input.reason,
      actorUserId: actor.userId,
    };
    for (const hook of onTransition) await hook(tx, notice);
  }

  return {
    /**
     * A keyset page of the cases visible to the caller, newest first, filtered by track, stage, assignee (an open
     * task of theirs) and overdue tasks, and searched by name, フリガナ, reference number or 法人番号.
     */
    async list(actor: Actor, query: CaseListQuery): Promise<CaseList> {
      const council = staffCouncilOf(actor);
      authorize(actor, 'case.list', council === null ? null : { councilId: council });
      return withTenantTx(db, tenantContextOf(actor), (tx) =>
        listCasesInTx(tx, actor, council, query, now(), (type, details) => record(tx, actor, type, council, null, details)),
      );
    },

    async create(actor: Actor, input: { companyName: string }): Promise<CaseDetail> {
      const council = staffCouncilOf(actor);
      if (council === null) throw new ForbiddenError('case.create', null, null);
      authorize(actor, 'case.create', { councilId: council });
      for (let attempt = 0; ; attempt++) {
        try {
          return await withTenantTx(db, tenantContextOf(actor), async (tx) => {
            const referenceNo = await nextReferenceNo(tx, council, jstYear(now()));
            const { id } = await insertCase(tx, { councilId: council, referenceNo, companyName: input.companyName });
            await record(tx, actor, 'CASE_CREATED', council, id, { referenceNo });
            return detail(tx, actor, await load(tx, actor, id));
          });
        } catch (e) {
          // Two staff creating cases at the same moment may take the same number: take the next one.
          if (pgErrorOf(e)?.code === PG.uniqueViolation && attempt < 3) continue;
          throw e;
        }
      }
    },

    async get(actor: Actor, caseId: string): Promise<CaseDetail> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const loaded = await load(tx, actor, caseId);
        authorize(actor, 'case.read', loaded.resource);
        await record(tx, actor, 'CASE_VIEWED', loaded.row.councilId, loaded.row.id);
        return detail(tx, actor, loaded);
      });
    },

    async grants(actor: Actor, caseId: string): Promise<CaseGrantList> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.grants.read', resource);
        const rows = await listGrants(tx, caseId);
        const seen = new Set<string>();
        const items = rows
          .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
          .map((r) => ({
            ...r,
            grantedAt: r.grantedAt.toISOString(),
            expiresAt: r.expiresAt?.toISOString() ?? null,
            revokedAt: r.revokedAt?.toISOString() ?? null,
          }));
        const pending = await pendingCaseInvitations(tx, caseId, now());
        return {
          items,
          pendingInvitations: pending.flatMap((p) =>
            p.roleInCase ? [{ email: p.email, roleInCase: p.roleInCase, expiresAt: p.expiresAt.toISOString() }] : [],
          ),
        };
      });
    },

    async invite(
      actor: Actor,
      caseId: string,
      input: {
        email: string;
        displayName: string;
        roleInCase: 'company' | 'expert' | 'bank' | 'lawyer';
        organizationName: string;
        bankCode?: string | undefined;
        expiresAt?: string | undefined;
      },
    ): Promise<{ status: 'invited'; email: string; expiresAt: string }> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.grants.manage', resource);
        const issues = [];
        if (input.roleInCase === 'bank' && !input.bankCode) {
          issues.push({
            pointer: '/body/bankCode',
            code: 'bankCode.format',
            message: { ja: '金融機関コード（4桁）を入力してください', en: 'Enter the 4-digit bank code' },
          });
        }
        // REFERENCE §1.3: no bank learns of the case before the company has lifted confidentiality towards it.
        if (input.roleInCase === 'bank' && input.bankCode && !(await bankConsentInForce(tx, row.id, input.bankCode)))
          issues.push({ pointer: '/body/bankCode', code: 'bankCode.noConsent', message: NO_BANK_CONSENT });
        if (input.expiresAt && endOfJstDay(input.expiresAt).getTime() <= now().getTime()) {
          issues.push({
            pointer: '/body/expiresAt',
            code: 'expiresAt.past',
            message: { ja: '期限は今日以降の日付にしてください', en: 'The end date must be today or later' },
          });
        }
        if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
        const organization =
          input.roleInCase === 'company' && row.companyOrganizationId
            ? { id: row.companyOrganizationId, kind: 'company' as const, name: input.organizationName }
            : { kind: ORG_KIND_FOR_CASE_ROLE[input.roleInCase], name: input.organizationName, bankCode: input.bankCode ?? null };
        const result = await invitations.issue(tx, actor, {
          councilId: row.councilId,
          caseId: row.id,
          caseReferenceNo: row.referenceNo,
          email: input.email,
          displayName: input.displayName,
          organization,
          roles: [ROLE_FOR_CASE_ROLE[input.roleInCase]],
          roleInCase: input.roleInCase,
          scopes: DEFAULT_GRANT_SCOPES[input.roleInCase],
          grantExpiresAt: input.expiresAt ? endOfJstDay(input.expiresAt) : null,
        });
        return { status: 'invited' as const, ...result };
      });
    },

    async revokeGrant(actor: Actor, caseId: string, grantId: string, reason: string): Promise<void> {
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.grants.manage', resource);
        const grant = await findGrant(tx, caseId, grantId);
        if (!grant) throw notFound({ ja: '指定された権限', en: 'The grant' });
        if (grant.revokedAt)
          throw new AppError('CONFLICT', { detail: { ja: 'この権限はすでに取り消されています', en: 'This grant is already revoked' } });
        await revokeGrant(tx, grantId, actor.userId, reason, now());
        await record(tx, actor, 'CASE_GRANT_REVOKED', row.councilId, row.id, { grantId, userId: grant.userId, reason });
      });
    },

    /**
     * Moves the case along its workflow: the event must be legal at the stage the user saw (`expectedStage`), every
     * guard must hold, and the move, its reason (encrypted) and the audit record land in one transaction.
     */
    async transition(actor: Actor, caseId: string, input: TransitionBody): Promise<CaseDetail> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.transition', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        await transitionWithin(tx, actor, caseId, input);
        return detail(tx, actor, await load(tx, actor, caseId));
      });
    },

    /** The same move inside the caller's transaction (triage records its decision and moves the case atomically). */
    transitionWithin,

    /** The workflow history with reasons (council case workers only; audited read). */
    async timeline(actor: Actor, caseId: string): Promise<CaseTransitionList> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.timeline.read', resource);
        const rows = await listTransitions(tx, caseId);
        await record(tx, actor, 'CASE_TIMELINE_VIEWED', row.councilId, row.id);
        return {
          items: await Promise.all(
            rows.map(async (r) => ({
              id: r.id,
              event: r.event,
              fromStage: r.fromStage,
              toStage: r.toStage,
              actorName: r.actorName,
              reason: await cipher.decrypt(row.councilId, r.reasonEnc, transitionReasonPlace(row.id)),
              at: r.at.toISOString(),
            })),
          ),
        };
      });
    },

    async accessLog(actor: Actor, caseId: string): Promise<AccessLog> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.accessLog.read', resource);
        const items = await caseAccessLog(tx, caseId, CASE_ACCESS_EVENT_TYPES);
        await record(tx, actor, 'CASE_ACCESS_LOG_VIEWED', row.councilId, row.id);
        return { items: items.map((i) => ({ ...i, at: new Date(i.at).toISOString() })) };
      });
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
