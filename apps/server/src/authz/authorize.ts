import { AppError } from '../errors/app-error';
import type { Actor, UserActor } from './actor';
import type { Action, ActionResources } from './actions';
import { POLICY_TABLE } from './policy-table';

/** Whether the actor may perform the action on the resource. Deny by default; anonymous is always denied. */
export function can<A extends Action>(actor: Actor, action: A, resource: ActionResources[A]): actor is UserActor {
  if (actor.kind !== 'user') return false;
  const rule = POLICY_TABLE[action] as (a: UserActor, r: ActionResources[A]) => boolean;
  return rule(actor, resource);
}

export class ForbiddenError extends AppError {
  constructor(
    readonly action: Action,
    readonly councilId: number | null,
    readonly caseId: string | null,
  ) {
    super('FORBIDDEN');
  }
}

/** Throws 403 FORBIDDEN (recorded as ACCESS_DENIED by the error handler) unless allowed. */
export function authorize<A extends Action>(actor: Actor, action: A, resource: ActionResources[A]): asserts actor is UserActor {
  if (can(actor, action, resource)) return;
  const r = resource as { councilId?: number; caseId?: string } | null;
  throw new ForbiddenError(action, r?.councilId ?? null, r?.caseId ?? null);
}

/** The subset of actions the actor may perform on one resource, for presenters (`abilities` in responses). */
export function abilitiesFor<A extends Action>(actor: Actor, actions: readonly A[], resource: ActionResources[A]): Record<A, boolean> {
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, resource)])) as Record<A, boolean>;
}
