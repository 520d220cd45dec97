import type { TenantContext } from '../db/tenant-tx';
import { COUNCIL_CASE_ROLES, type Role } from './roles';

export interface Membership {
  readonly id: string;
  readonly organizationId: string;
  readonly organizationKind: 'council' | 'hq' | 'platform' | 'company' | 'expert_firm' | 'bank' | 'law_firm';
  readonly organizationName: string;
  /** The council of a council or company organisation. */
  readonly councilId: number | null;
  readonly roles: readonly Role[];
}

export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly sessionId: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'ja' | 'en';
  readonly memberships: readonly Membership[];
  /** The membership the session acts in (a person with several picks one). */
  readonly active: Membership | null;
  readonly ip: string;
  readonly requestId: string;
}

export interface AnonymousActor {
  readonly kind: 'anonymous';
  readonly ip: string;
  readonly requestId: string;
}

export type Actor = UserActor | AnonymousActor;

export function rolesOf(actor: Actor): readonly Role[] {
  return actor.kind === 'user' ? (actor.active?.roles ?? []) : [];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  const mine = rolesOf(actor);
  return roles.some((r) => mine.includes(r));
}

/** The council whose staff the actor is (only council organisations; company members act through grants). */
export function staffCouncilOf(actor: Actor): number | null {
  return actor.kind === 'user' && actor.active?.organizationKind === 'council' ? actor.active.councilId : null;
}

export function isCaseWorker(actor: Actor, councilId: number): boolean {
  return staffCouncilOf(actor) === councilId && hasRole(actor, ...COUNCIL_CASE_ROLES);
}

/**
 * The tenant context of a request: the council only for council staff, the user for everyone signed in, and the
 * roles of the active membership. Row-level security reads exactly these.
 */
export function tenantContextOf(actor: Actor): TenantContext {
  if (actor.kind === 'anonymous') return { councilId: null, userId: null, roles: [] };
  return { councilId: staffCouncilOf(actor), userId: actor.userId, roles: rolesOf(actor) };
}

/** How the actor appears in audit trails and access logs. */
export function actorLabel(actor: Actor): string | null {
  if (actor.kind === 'anonymous') return null;
  return actor.active ? `${actor.displayName}（${actor.active.organizationName}）` : actor.displayName;
}
