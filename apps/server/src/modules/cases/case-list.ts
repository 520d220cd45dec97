import { CASE_LIST_COUNT_CAP, type CaseDetail, type CaseList, type CaseListQuery } from '@kasseika/contracts';
import { caseSearchTerms } from '@kasseika/domain';
import type { AuditEventType } from '../../audit/audit-event-types';
import type { UserActor } from '../../authz/actor';
import { can } from '../../authz/authorize';
import type { Tx } from '../../db/client';
import { decodeCaseCursor, encodeCaseCursor } from './case-list-cursor';
import { chooseSearchGrams } from './case-search.repository';
import {
  councilCaseWorkers,
  countCases,
  listCasePage,
  liveGrantsOf,
  overdueTaskCounts,
  type CaseListFilter,
  type CaseRow,
} from './cases.repository';
import { jstDateOf } from './jst-dates';

/** A case as every list and detail shows it, with the caller's role in it (outsiders) or `null` (council staff). */
export function presentCase(row: CaseRow, roleInCase: CaseDetail['myRoleInCase']) {
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

/**
 * One page of the case list (ADR 0020), in the caller's tenant transaction: the filters, keyset cursor paging in
 * both directions, a capped count, and for council staff the overdue task counts and the assignee choices. The
 * caller has authorized `case.list`; `audit` records the read with the filters used.
 */
export async function listCasesInTx(
  tx: Tx,
  actor: UserActor,
  council: number | null,
  query: CaseListQuery,
  at: Date,
  audit: (type: AuditEventType, details: Record<string, unknown>) => Promise<unknown>,
): Promise<CaseList> {
  const key = query.cursor === undefined ? null : decodeCaseCursor(query.cursor);
  const today = jstDateOf(at);
  const search = query.q ? caseSearchTerms(query.q) : null;
  const filter: CaseListFilter = {
    councilId: council,
    track: query.track,
    stage: query.stage,
    assigneeUserId: query.assignee === 'me' ? actor.userId : query.assignee,
    overdueBefore: query.overdue === 'true' ? today : undefined,
    search,
    // Staff lists narrow a search through case_search_terms; an outsider's list is its few granted cases anyway.
    searchGrams: search && council !== null ? await chooseSearchGrams(tx, council, search) : null,
  };
  const { rows, more } = await listCasePage(tx, filter, key, query.pageSize);
  // A first page that holds every match is its own count (a search usually ends here: no second scan).
  const total = key === null && !more ? rows.length : await countCases(tx, filter, CASE_LIST_COUNT_CAP);
  const ids = rows.map((r) => r.id);
  // RLS already limits outsiders to cases with a live case.read grant; the grants give their role per case.
  const grants = await liveGrantsOf(tx, actor.userId, ids, at);
  const overdue = council === null ? null : await overdueTaskCounts(tx, ids, today);
  await audit('CASE_LIST_VIEWED', {
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
      ...presentCase(r, grants.get(r.id)?.roleInCase ?? null),
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
}
