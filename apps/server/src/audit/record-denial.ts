import type { FastifyRequest } from 'fastify';
import { actorLabel, rolesOf, staffCouncilOf } from '../authz/actor';
import { ForbiddenError } from '../authz/authorize';
import type { Database } from '../db/client';
import { withTenantTx } from '../db/tenant-tx';
import { tenantContextOf } from '../authz/actor';
import type { AppError } from '../errors/app-error';
import type { Services } from '../services';

/**
 * Records an authorisation denial (403) in its own transaction — the request's work rolled back, the denial must
 * not. It goes to the chain of the council whose resource was refused when known, else the actor's council.
 */
export async function recordDenial(services: Services, database: Database, req: FastifyRequest, error: AppError): Promise<void> {
  const actor = req.auth.actor;
  const resourceCouncil = error instanceof ForbiddenError ? error.councilId : null;
  await withTenantTx(database.db, tenantContextOf(actor), (tx) =>
    services.audit.record(tx, {
      type: 'ACCESS_DENIED',
      outcome: 'denied',
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actorLabel(actor),
      actorRoles: rolesOf(actor),
      councilId: resourceCouncil ?? staffCouncilOf(actor),
      caseId: error instanceof ForbiddenError ? error.caseId : null,
      targetType: 'route',
      targetId: `${req.method} ${req.routeOptions.url ?? req.url}`,
      ip: req.ip,
      requestId: req.id,
      details: { action: error instanceof ForbiddenError ? error.action : null },
    }),
  );
}
