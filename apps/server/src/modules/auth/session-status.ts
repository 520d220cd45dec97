import { count, eq } from 'drizzle-orm';
import { prefectureByCode } from '@kasseika/domain';
import type { SessionStatus } from '@kasseika/contracts';
import { can } from '../../authz/authorize';
import { staffCouncilOf } from '../../authz/actor';
import { withAuthTx } from '../../db/auth-tx';
import type { Db } from '../../db/client';
import { userCredentials, webauthnCredentials } from '../../db/schema';
import type { RequestAuth } from '../../http/authenticate';
import { IDLE_TIMEOUT_MS } from './session-store';

/** The in-page warning appears this long before the idle timeout. */
export const WARN_BEFORE_IDLE_MS = 5 * 60 * 1000;

export interface SessionStatusService {
  describe(auth: RequestAuth, csrfToken: string): Promise<SessionStatus>;
}

function councilSlug(councilId: number | null): string | null {
  return councilId === null ? null : (prefectureByCode(String(councilId).padStart(2, '0'))?.slug ?? null);
}

/**
 * What the web app needs to know about the caller, including the abilities it shows menus from (computed by the
 * same policy table the server enforces; the web app never re-implements a rule).
 */
export function createSessionStatusService(db: Db): SessionStatusService {
  return {
    async describe(auth, csrfToken) {
      const s = auth.session;
      const base = {
        csrfToken,
        idleTimeoutSeconds: IDLE_TIMEOUT_MS / 1000,
        warnBeforeSeconds: WARN_BEFORE_IDLE_MS / 1000,
      };
      if (!s) {
        return {
          ...base,
          state: 'anonymous' as const,
          user: null,
          memberships: [],
          activeMembershipId: null,
          idleExpiresAt: null,
          absoluteExpiresAt: null,
          secondFactor: null,
          abilities: {},
        };
      }
      const factors = await withAuthTx(db, s.userId, async (tx) => {
        const [cred] = await tx.select().from(userCredentials).where(eq(userCredentials.userId, s.userId));
        const [pk] = await tx.select({ n: count() }).from(webauthnCredentials).where(eq(webauthnCredentials.userId, s.userId));
        return {
          totpEnabled: Boolean(cred?.totpEnabledAt),
          passkeys: pk?.n ?? 0,
          recoveryCodesRemaining: cred?.recoveryCodeHashes.length ?? 0,
        };
      });
      const actor = auth.actor;
      const council = staffCouncilOf(actor);
      const abilities: Record<string, boolean> = {
        'cases.list': can(actor, 'case.list', council === null ? null : { councilId: council }),
        'cases.create': council !== null && can(actor, 'case.create', { councilId: council }),
        'members.read': council !== null && can(actor, 'council.members.read', { councilId: council }),
        'members.invite': council !== null && can(actor, 'council.members.invite', { councilId: council }),
        'account.manage': actor.kind === 'user',
      };
      return {
        ...base,
        state: s.state,
        user: { id: s.userId, email: s.email, displayName: s.displayName, locale: s.locale },
        memberships: s.memberships.map((m) => ({ ...m, roles: [...m.roles], councilSlug: councilSlug(m.councilId) })),
        activeMembershipId: s.activeMembershipId,
        idleExpiresAt: s.idleExpiresAt.toISOString(),
        absoluteExpiresAt: s.absoluteExpiresAt.toISOString(),
        secondFactor: factors,
        abilities,
      };
    },
  };
}
