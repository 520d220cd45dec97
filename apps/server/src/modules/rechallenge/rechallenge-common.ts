import type { RcPackage } from '@kasseika/contracts';
import type { AuditEventType } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, type Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { AppError, conflict } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseForActor } from '../cases/cases.service';
import type { FeeSupportRule } from '@kasseika/domain';
import type { Db, Tx } from '../../db/client';
import type { DocumentsService } from '../documents/documents.service';
import type { FinancialsService } from '../financials/financials.service';
import type { GuarantorsService } from '../guarantors/guarantors.service';
import type { findReferral } from './rechallenge.repository';

export interface RechallengeServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  /** Lawyer-consultation fee support, dated (data/rechallenge/fee-support.v<date>.json). */
  readonly feeRules: readonly FeeSupportRule[];
  readonly documents: DocumentsService;
  readonly guarantors: GuarantorsService;
  readonly financials: FinancialsService;
  readonly now: () => Date;
}

/** Shared by the 再チャレンジ services: where ciphertexts are sealed, the writable-case check, audit, presenters. */

export const place = (column: string, caseId: string) => `${column}:${caseId}`;

export const NOT_RC = {
  ja: '再チャレンジ支援の段階にある案件でのみ記録できます',
  en: 'Only a case in re-challenge support takes these records',
};

export function invalid(pointer: string, code: string, message: { ja: string; en: string }): AppError {
  return new AppError('VALIDATION_FAILED', { issues: [{ pointer, code, message }] });
}

/** The case, when the actor may write the council's 再チャレンジ record and the case is on the track (409 otherwise). */
export async function writableCase(tx: Tx, actor: Actor, caseId: string, now: Date) {
  const loaded = await loadCaseForActor(tx, actor, caseId, now);
  authorize(actor, 'case.rechallenge.write', loaded.resource);
  if (!loaded.row.stage.startsWith('rc_')) throw conflict(NOT_RC);
  return loaded.row;
}

export async function readPackage(cipher: FieldCipher, councilId: number, caseId: string, enc: string): Promise<RcPackage> {
  return JSON.parse(await cipher.decrypt(councilId, enc, place('case_rc_referrals.package', caseId))) as RcPackage;
}

export function consentOf(r: NonNullable<Awaited<ReturnType<typeof findReferral>>>) {
  return {
    consentedAt: r.r.consentedAt?.toISOString() ?? null,
    consentedByName: r.r.consentedAt ? (r.consentedByName ?? null) : null,
    revokedAt: r.r.consentRevokedAt?.toISOString() ?? null,
    revokedByName: r.r.consentRevokedAt ? (r.revokedByName ?? null) : null,
  };
}

/** Records a 再チャレンジ audit event on a case (same transaction as the act). */
export function recordRechallenge(
  audit: AuditRecorder,
  tx: Tx,
  actor: Actor,
  type: AuditEventType,
  target: { councilId: number; caseId: string; targetType: string; targetId: string },
  details: Record<string, unknown> = {},
) {
  return audit.record(tx, {
    type,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
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
