import { type BusinessPlanYear, type ConflictDeclaration, type DomainIssue, type ForgivenessRequirementSet } from '@kasseika/domain';
import type { AuditEventType } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, type Actor, type UserActor } from '../../authz/actor';
import { authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { conflict, invalid, type AppError } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import type { InvitationService } from '../auth/invitations.service';
import type { CalculationsService } from '../calculations/calculations.service';
import { loadCaseForActor } from '../cases/cases.service';

export interface RevitalizationServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly invitations: InvitationService;
  /** The finance engine's 実態BS (validation and computation), shared with the calculators. */
  readonly calculations: Pick<CalculationsService, 'realBalanceSheet'>;
  /** The extra requirements for debt forgiveness (configuration: data/revitalization/forgiveness-requirements.v<date>.json). */
  readonly requirements: ForgivenessRequirementSet;
  readonly now: () => Date;
}

/** JST calendar date of a moment (appointment end dates are JST days, inclusive). */
export function jstDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** End of a JST calendar day, as a moment (the grant expires after the appointment's last day). */
export function endOfJstDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999+09:00`);
}

export const NOT_RV = {
  ja: '再生支援・プレ再生支援の段階にある案件でのみ記録できます',
  en: 'Only a case in (pre-)revitalization support takes these records',
};

export const place = (column: string, caseId: string, version?: number) =>
  version === undefined ? `${column}:${caseId}` : `${column}:${caseId}:${version}`;

export function issuesToProblem(issues: readonly DomainIssue[], prefix: string): AppError {
  return invalid(issues.map((i) => ({ pointer: `/body/${prefix}${i.field.replace('.', '/')}`, code: i.code, message: i.message })));
}

export interface StoredPlan {
  causesOfDistress: string;
  measures: string;
  years: BusinessPlanYear[];
}

/** The helpers every part of the 再生支援 service shares: the writable case, the audit record, sealed declarations. */
export function createRvHelpers({ audit, cipher, now }: Pick<RevitalizationServiceDeps, 'audit' | 'cipher' | 'now'>) {
  async function writable(tx: Tx, actor: Actor, caseId: string) {
    const loaded = await loadCaseForActor(tx, actor, caseId, now());
    authorize(actor, 'case.revitalization.write', loaded.resource);
    if (!loaded.row.stage.startsWith('rv_')) throw conflict(NOT_RV);
    return loaded.row;
  }

  function record(
    tx: Tx,
    actor: UserActor,
    type: AuditEventType,
    target: { councilId: number; caseId: string; targetType: string; targetId: string },
    details: Record<string, unknown> = {},
  ) {
    return audit.record(tx, {
      type,
      actorUserId: actor.userId,
      actorLabel: actorLabel(actor),
      actorRoles: rolesOf(actor),
      councilId: target.councilId,
      caseId: target.caseId,
      targetType: target.targetType,
      targetId: target.targetId,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }

  async function sealDeclaration(councilId: number, caseId: string, d: ConflictDeclaration | undefined) {
    if (!d) return { hasConflict: null, conflictDetailsEnc: null, declaredAt: null };
    const details = d.hasConflict ? d.details?.trim() : undefined;
    return {
      hasConflict: d.hasConflict,
      conflictDetailsEnc: details ? await cipher.encrypt(councilId, details, place('case_rv_team_members.conflict_details', caseId)) : null,
      declaredAt: now(),
    };
  }

  function user(actor: Actor, action: 'case.revitalization.write'): UserActor {
    if (actor.kind !== 'user') throw new ForbiddenError(action, null, null);
    return actor;
  }

  return { writable, record, sealDeclaration, user };
}

export type RvHelpers = ReturnType<typeof createRvHelpers>;
