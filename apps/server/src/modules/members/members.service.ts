import { and, eq, gt, isNull } from 'drizzle-orm';
import { PREFECTURES } from '@kasseika/domain';
import type { CouncilMemberList } from '@kasseika/contracts';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, staffCouncilOf, tenantContextOf, type Actor } from '../../authz/actor';
import { authorize, can } from '../../authz/authorize';
import type { Role } from '../../authz/roles';
import type { Db, Tx } from '../../db/client';
import { invitations, memberships, organizations, users } from '../../db/schema';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, notFound } from '../../errors/app-error';
import type { InvitationService } from '../auth/invitations.service';

type CouncilRole = 'council_pm' | 'council_sm' | 'council_staff' | 'council_admin';
const COUNCIL_ROLES: readonly string[] = ['council_pm', 'council_sm', 'council_staff', 'council_admin'];

export interface MembersServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly invitations: InvitationService;
  readonly now: () => Date;
}

const MEMBERS = { ja: '指定された協議会のメンバー情報', en: 'The council’s members' };

/**
 * The council of a URL slug (tokyo → 13). A council's staff list is visible only to its own staff: anyone else gets
 * 404, as for every resource outside the caller's view (its staff may still get 403 for what their role may not do).
 */
export function councilIdOfSlug(slug: string, actor: Actor): number {
  const pref = PREFECTURES.find((p) => p.slug === slug);
  if (!pref || staffCouncilOf(actor) !== Number(pref.code)) throw notFound(MEMBERS);
  return Number(pref.code);
}

async function councilOrganization(tx: Tx, councilId: number): Promise<{ id: string; name: string }> {
  const [org] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.kind, 'council'), eq(organizations.councilId, councilId)));
  if (!org) throw new Error(`council ${councilId} has no organisation`);
  return org;
}

/**
 * The staff of a council, managed by its council admin: list, invite (by email, with roles), change roles, disable
 * and enable. An admin cannot take their own admin role away or disable themselves (no accidental lock-out).
 */
export function createMembersService({ db, audit, invitations: invitationService, now }: MembersServiceDeps) {
  return {
    async list(actor: Actor, slug: string): Promise<CouncilMemberList> {
      const councilId = councilIdOfSlug(slug, actor);
      authorize(actor, 'council.members.read', { councilId });
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const org = await councilOrganization(tx, councilId);
        const rows = await tx
          .select({ m: memberships, u: users })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(memberships.organizationId, org.id))
          .orderBy(memberships.createdAt);
        const pending = await tx
          .select()
          .from(invitations)
          .where(
            and(
              eq(invitations.councilId, councilId),
              isNull(invitations.caseId),
              isNull(invitations.acceptedAt),
              isNull(invitations.revokedAt),
              gt(invitations.expiresAt, now()),
            ),
          );
        const mayUpdate = can(actor, 'council.members.update', { councilId });
        return {
          items: rows.map(({ m, u }) => ({
            membershipId: m.id,
            userId: u.id,
            displayName: u.displayName,
            email: u.email,
            roles: m.roles.filter((r): r is CouncilRole => COUNCIL_ROLES.includes(r)),
            status: m.revokedAt || u.status === 'disabled' ? ('disabled' as const) : ('active' as const),
            joinedAt: m.createdAt.toISOString(),
            abilities: { update: mayUpdate },
          })),
          pendingInvitations: pending.map((p) => ({
            email: p.email,
            roles: p.roles.filter((r): r is CouncilRole => COUNCIL_ROLES.includes(r)),
            expiresAt: p.expiresAt.toISOString(),
          })),
          abilities: { invite: can(actor, 'council.members.invite', { councilId }) },
        };
      });
    },

    async invite(actor: Actor, slug: string, input: { email: string; displayName: string; roles: CouncilRole[] }) {
      const councilId = councilIdOfSlug(slug, actor);
      authorize(actor, 'council.members.invite', { councilId });
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const org = await councilOrganization(tx, councilId);
        const result = await invitationService.issue(tx, actor, {
          councilId,
          email: input.email,
          displayName: input.displayName,
          organization: { id: org.id, kind: 'council', name: org.name },
          roles: [...new Set(input.roles)] as Role[],
        });
        return { status: 'invited' as const, ...result };
      });
    },

    async update(
      actor: Actor,
      slug: string,
      membershipId: string,
      input: { roles?: CouncilRole[] | undefined; status?: 'active' | 'disabled' | undefined },
    ): Promise<void> {
      const councilId = councilIdOfSlug(slug, actor);
      authorize(actor, 'council.members.update', { councilId });
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const org = await councilOrganization(tx, councilId);
        const [m] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, org.id)));
        if (!m) throw notFound({ ja: '指定されたメンバー', en: 'The member' });
        const self = m.userId === actor.userId;
        if (self && (input.status === 'disabled' || (input.roles && !input.roles.includes('council_admin')))) {
          throw new AppError('CONFLICT', {
            detail: {
              ja: '自分自身の管理者権限の削除や無効化はできません',
              en: 'You cannot remove your own admin role or disable yourself',
            },
          });
        }
        const record = (type: 'MEMBERSHIP_ROLES_CHANGED' | 'USER_DISABLED' | 'USER_ENABLED', details: Record<string, unknown>) =>
          audit.record(tx, {
            type,
            actorUserId: actor.userId,
            actorLabel: actorLabel(actor),
            actorRoles: rolesOf(actor),
            councilId,
            targetType: 'membership',
            targetId: m.id,
            ip: actor.ip,
            requestId: actor.requestId,
            details: { userId: m.userId, ...details },
          });
        if (input.roles) {
          const roles = [...new Set(input.roles)];
          await tx.update(memberships).set({ roles }).where(eq(memberships.id, m.id));
          await record('MEMBERSHIP_ROLES_CHANGED', { from: m.roles, to: roles });
        }
        if (input.status === 'disabled' && !m.revokedAt) {
          await tx.update(memberships).set({ revokedAt: now() }).where(eq(memberships.id, m.id));
          await record('USER_DISABLED', {});
        } else if (input.status === 'active' && m.revokedAt) {
          await tx.update(memberships).set({ revokedAt: null }).where(eq(memberships.id, m.id));
          await record('USER_ENABLED', {});
        }
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
