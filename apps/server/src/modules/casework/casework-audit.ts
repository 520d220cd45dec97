import type { AuditEventType } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, type Actor } from '../../authz/actor';
import type { Tx } from '../../db/client';

/** Records a case-work audit event on a case (same transaction as the act). */
export function recordCasework(
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
