import {
  CASE_LIST_COUNT_CAP,
  type AccessLog,
  type CaseDetail,
  type CaseGrantList,
  type CaseList,
  type CaseListQuery,
  type CaseTransitionList,
  type TransitionBody,
} from '@kasseika/contracts';
import { availableTransitions, caseSearchTerms, checkTransition, type CaseStage } from '@kasseika/domain';
import { CASE_ACCESS_EVENT_TYPES } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, staffCouncilOf, tenantContextOf, type Actor } from '../../authz/actor';
import type { CaseResource } from '../../authz/actions';
import { abilitiesFor, authorize, can, ForbiddenError } from '../../authz/authorize';
import { DEFAULT_GRANT_SCOPES, type Role } from '../../authz/roles';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, conflict, notFound } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseFacts, type CaseFactsLoader } from './case-facts';
import { decodeCaseCursor, encodeCaseCursor } from './case-list-cursor';

export type { CaseFactsLoader } from './case-facts';
import type { InvitationService } from '../auth/invitations.service';
import {
  caseAccessLog,
  findGrant,
  findVisibleCase,
  insertCase,
  insertTransition,
  listGrants,
  listTransitions,
  moveCase,
  countCases,
  councilCaseWorkers,
  listCasePage,
  overdueTaskCounts,
  liveGrantsOf,
  nextReferenceNo,
  pendingCaseInvitations,
  revokeGrant,
  type CaseListFilter,
  type CaseRow,
} from './cases.repository';

export interface CasesServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly invitations: InvitationService;
  readonly cipher: FieldCipher;
  /** Contributors of workflow facts (see case-facts.ts). */
  readonly facts: readonly CaseFactsLoader[];
  readonly now: () => Date;
  /** Called in the transaction of every recorded transition (e.g. the intake module mails the requester). */
  readonly onTransition?: readonly CaseTransitionListener[];
}

/** What a transition listener learns: the case before the move, the event, the new stage and the reason. */
export interface CaseTransitionNotice {
  readonly row: CaseRow;
  readonly event: string;
  readonly to: CaseStage;
  readonly reason: string;
}
export type CaseTransitionListener = (tx: Tx, notice: CaseTransitionNotice) => Promise<void>;

/** Where a transition reason is sealed (binds the ciphertext to its case). */
export const transitionReasonPlace = (caseId: string): string => `case_transitions.reason:${caseId}`;

const CASE = { ja: '指定された案件', en: 'The case' };

const ROLE_FOR_CASE_ROLE: Record<'company' | 'expert' | 'bank' | 'lawyer', Role> = {
  company: 'company_member',
  expert: 'expert',
  bank: 'bank_officer',
  lawyer: 'lawyer',
};

const ORG_KIND_FOR_CASE_ROLE = { company: 'company', expert: 'expert_firm', bank: 'bank', lawyer: 'law_firm' } as const;

/** JST calendar year of a moment (reference numbers). */
function jstYear(at: Date): number {
  return new Date(at.getTime() + 9 * 3600_000).getUTCFullYear();
}

/** The JST calendar date of a moment, YYYY-MM-DD (what "overdue" is measured against). */
function jstDateOf(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** End of a JST calendar day, as a moment (grant expiry dates are inclusive). */
function endOfJstDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999+09:00`);
}

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

  function present(row: CaseRow, roleInCase: CaseDetail['myRoleInCase']) {
    return {
      id: row.id,
      referenceNo: row.referenceNo,
      companyName: row.companyName,
      councilId: row.councilId,
      councilName: row.councilName,
      createdAt: row.createdAt.toISOString(),
      myRoleInCase: roleInCase,
      stage: row.stage,
      track: row.track,
      outcome: row.outcome,
      stageChangedAt: row.stageChangedAt.toISOString(),
    };
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
      ],
      resource,
    );
    const nextTransitions = abilities['case.transition'] ? availableTransitions(row.stage, await loadCaseFacts(tx, row, facts)) : [];
    return {
      ...present(row, roleInCase),
      abilities: {
        readGrants: abilities['case.grants.read'],
        manageGrants: abilities['case.grants.manage'],
        readAccessLog: abilities['case.accessLog.read'],
        transition: abilities['case.transition'],
        readTimeline: abilities['case.timeline.read'],
        readGuarantors: abilities['case.guarantors.read'],
        readDocuments: abilities['case.documents.read'],
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
    for (const listener of onTransition) await listener(tx, { row, event: transition.event, to: transition.to, reason: input.reason });
  }

  return {
    /**
     * A keyset page of the cases visible to the caller, newest first, filtered by track, stage, assignee (an open
     * task of theirs) and overdue tasks, and searched by name, フリガナ, reference number or 法人番号.
     */
    async list(actor: Actor, query: CaseListQuery): Promise<CaseList> {
      const council = staffCouncilOf(actor);
      authorize(actor, 'case.list', council === null ? null : { councilId: council });
      const key = query.cursor === undefined ? null : decodeCaseCursor(query.cursor);
      const today = jstDateOf(now());
      const filter: CaseListFilter = {
        councilId: council,
        track: query.track,
        stage: query.stage,
        assigneeUserId: query.assignee === 'me' ? actor.userId : query.assignee,
        overdueBefore: query.overdue === 'true' ? today : undefined,
        search: query.q ? caseSearchTerms(query.q) : null,
      };
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { rows, more } = await listCasePage(tx, filter, key, query.pageSize);
        // A first page that holds every match is its own count (a search usually ends here: no second scan).
        const total = key === null && !more ? rows.length : await countCases(tx, filter, CASE_LIST_COUNT_CAP);
        const ids = rows.map((r) => r.id);
        // RLS already limits outsiders to cases with a live case.read grant; the grants give their role per case.
        const grants = await liveGrantsOf(tx, actor.userId, ids, now());
        const overdue = council === null ? null : await overdueTaskCounts(tx, ids, today);
        await record(tx, actor, 'CASE_LIST_VIEWED', council, null, {
          q: query.q ?? null,
          track: query.track ?? null,
          stage: query.stage ?? null,
          assignee: query.assignee ?? null,
          overdue: query.overdue === 'true',
          paged: key?.direction ?? null,
          shown: rows.length,
        });
        const first = rows[0];
        const last = rows[rows.length - 1];
        const hasNewer = key === null ? false : key.direction === 'after' || more;
        const hasOlder = key?.direction === 'before' || more;
        return {
          items: rows.map((r) => ({
            ...present(r, grants.get(r.id)?.roleInCase ?? null),
            companyNameKana: r.companyNameKana,
            corporateNumber: r.corporateNumber,
            overdueTaskCount: overdue === null ? null : (overdue.get(r.id) ?? 0),
          })),
          total: Math.min(total, CASE_LIST_COUNT_CAP),
          totalCapped: total > CASE_LIST_COUNT_CAP,
          pageSize: query.pageSize,
          nextCursor: hasOlder && last ? encodeCaseCursor({ direction: 'after', createdAt: last.createdAtKey, id: last.id }) : null,
          prevCursor: hasNewer && first ? encodeCaseCursor({ direction: 'before', createdAt: first.createdAtKey, id: first.id }) : null,
          assignees: council === null ? [] : await councilCaseWorkers(tx, council),
          abilities: { create: council !== null && can(actor, 'case.create', { councilId: council }) },
        };
      });
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
