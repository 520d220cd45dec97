import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../authz/actor';
import { actorLabel, rolesOf } from '../../authz/actor';
import { isRole, ROLE_IN_CASE_OF, type Role } from '../../authz/roles';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { withAuthTx } from '../../db/auth-tx';
import type { Db, Tx } from '../../db/client';
import { caseGrants, invitations, memberships, organizations, userCredentials, users } from '../../db/schema';
import { AppError, invalid } from '../../errors/app-error';
import type { Mailer } from '../../providers/mail/mailer';
import { hashPassword } from '../../security/passwords';
import { randomToken, sha256Hex } from '../../security/secrets';
import { normalizeEmail, type RequestOrigin, type SignInStep } from './auth.service';
import { checkPasswordPolicy } from './password-policy';
import { createSession, loadMemberships } from './session-store';

export const INVITATION_HOURS = 72;

/** `invited_by` of invitations issued on a council's behalf without a signed-in user (public consultation intake). */
export const SYSTEM_INVITER = '00000000-0000-0000-0000-000000000000';

const ROLE_TEXT: Record<Role, { ja: string; en: string }> = {
  council_pm: { ja: '統括責任者（PM）', en: 'project manager (PM)' },
  council_sm: { ja: '統括責任者補佐（SM）', en: 'sub-manager (SM)' },
  council_staff: { ja: '協議会職員', en: 'council staff' },
  council_admin: { ja: '協議会管理者', en: 'council administrator' },
  hq_analyst: { ja: '全国本部 分析担当', en: 'HQ analyst' },
  hq_admin: { ja: '全国本部 管理者', en: 'HQ administrator' },
  platform_operator: { ja: '運用担当', en: 'platform operator' },
  company_member: { ja: '相談企業のご担当者', en: 'company member' },
  expert: { ja: '外部専門家（認定支援機関）', en: 'external expert' },
  bank_officer: { ja: '金融機関のご担当者', en: 'bank officer' },
  lawyer: { ja: '弁護士', en: 'lawyer' },
};

export interface InvitationInput {
  readonly councilId: number;
  readonly caseId?: string;
  readonly caseReferenceNo?: string;
  readonly email: string;
  readonly displayName: string;
  readonly organization: {
    id?: string;
    kind: 'council' | 'company' | 'expert_firm' | 'bank' | 'law_firm';
    name: string;
    bankCode?: string | null;
  };
  readonly roles: readonly Role[];
  readonly roleInCase?: 'company' | 'expert' | 'bank' | 'lawyer';
  readonly scopes?: readonly string[];
  readonly grantExpiresAt?: Date | null;
  /** Who the mail names as inviting (default: the actor); e.g. the council for a verified consultation request. */
  readonly inviterLabel?: string;
}

export interface InvitationDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly mailer: Mailer;
  readonly publicUrl: string;
  readonly now: () => Date;
}

/**
 * Invitations: issued by authorised council members in their council's transaction (RLS: invitations of their
 * council only), carried out by the identity subsystem when the invitee accepts with the single-use token.
 */
export function createInvitationService(deps: InvitationDeps) {
  const { db, audit, mailer, publicUrl, now } = deps;

  async function findOpen(tx: Tx, token: string) {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, sha256Hex(token)))
      .for('update');
    if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt.getTime() <= now().getTime()) throw new AppError('TOKEN_INVALID');
    return inv;
  }

  /** Finds or creates the organisation the invitee joins (identity role). */
  async function resolveOrganization(tx: Tx, inv: typeof invitations.$inferSelect): Promise<string> {
    const o = inv.organization;
    if (o.id) return o.id;
    if (o.kind === 'bank' && o.bankCode) {
      const [byCode] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.bankCode, o.bankCode));
      if (byCode) return byCode.id;
    }
    const [byName] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        and(
          eq(organizations.kind, o.kind as 'company' | 'expert_firm' | 'bank' | 'law_firm'),
          eq(organizations.name, o.name),
          o.kind === 'company' ? eq(organizations.councilId, inv.councilId) : isNull(organizations.councilId),
        ),
      );
    if (byName) return byName.id;
    const [created] = await tx
      .insert(organizations)
      .values({
        kind: o.kind as 'company' | 'expert_firm' | 'bank' | 'law_firm',
        name: o.name,
        councilId: o.kind === 'company' ? inv.councilId : null,
        bankCode: o.kind === 'bank' ? (o.bankCode ?? null) : null,
      })
      .returning({ id: organizations.id });
    if (!created) throw new Error('organisation not created');
    return created.id;
  }

  return {
    /** Issues an invitation in the caller's (council) transaction: row, mail and audit commit together. */
    async issue(tx: Tx, actor: Actor, input: InvitationInput): Promise<{ email: string; expiresAt: string }> {
      const token = randomToken(32);
      const email = normalizeEmail(input.email);
      const expiresAt = new Date(now().getTime() + INVITATION_HOURS * 3600_000);
      const inviter = input.inviterLabel ?? actorLabel(actor) ?? '';
      // An anonymous actor (the public consultation form) invites on the council's behalf: no granting user.
      await tx.insert(invitations).values({
        councilId: input.councilId,
        caseId: input.caseId ?? null,
        caseReferenceNo: input.caseReferenceNo ?? null,
        email,
        displayName: input.displayName,
        organization: input.organization,
        roles: [...input.roles],
        roleInCase: input.roleInCase ?? null,
        scopes: [...(input.scopes ?? [])],
        grantExpiresAt: input.grantExpiresAt ?? null,
        tokenHash: sha256Hex(token),
        invitedBy: actor.kind === 'user' ? actor.userId : SYSTEM_INVITER,
        inviterLabel: inviter,
        expiresAt,
      });
      const role = input.roles[0] ?? 'council_staff';
      await mailer.enqueue(tx, email, {
        kind: 'invitation',
        link: `${publicUrl}/invitations/accept#token=${token}`,
        inviter,
        organization: input.organization.name,
        roleJa: ROLE_TEXT[role].ja,
        roleEn: ROLE_TEXT[role].en,
        expiresHours: INVITATION_HOURS,
      });
      await audit.record(tx, {
        type: 'INVITATION_CREATED',
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        actorLabel: inviter,
        actorRoles: rolesOf(actor),
        councilId: input.councilId,
        caseId: input.caseId ?? null,
        targetType: 'invitation',
        targetId: email,
        ip: actor.ip,
        requestId: actor.requestId,
        details: { roles: input.roles, roleInCase: input.roleInCase ?? null, organization: input.organization.name },
      });
      return { email, expiresAt: expiresAt.toISOString() };
    },

    /** What the invitee sees before accepting. */
    async preview(token: string) {
      return withAuthTx(db, null, async (tx) => {
        const inv = await findOpen(tx, token);
        const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
        return {
          email: inv.email,
          displayName: inv.displayName,
          organizationName: inv.organization.name,
          roles: inv.roles.filter(isRole),
          inviter: inv.inviterLabel,
          caseReferenceNo: inv.caseReferenceNo,
          expiresAt: inv.expiresAt.toISOString(),
          accountExists: Boolean(existing),
        };
      });
    },

    /**
     * Accepts: a new account (name and password required, then a second factor is registered) or, for an existing
     * account, the signed-in user of that email. Creates the membership and, for a case invitation, the grant.
     */
    async accept(
      input: { token: string; displayName?: string | undefined; password?: string | undefined },
      signedInUserId: string | null,
      origin: RequestOrigin,
    ): Promise<{ state: 'enrol_mfa' | 'active'; step: SignInStep | null }> {
      return withAuthTx(db, signedInUserId, async (tx) => {
        const inv = await findOpen(tx, input.token);
        const [existing] = await tx.select().from(users).where(eq(users.email, inv.email));
        let userId: string;
        let newAccount = false;
        if (existing) {
          if (existing.id !== signedInUserId) {
            throw new AppError('UNAUTHENTICATED', {
              detail: {
                ja: `招待されたアカウント（${inv.email}）でサインインしてから受諾してください`,
                en: `Sign in as ${inv.email} first, then accept`,
              },
            });
          }
          userId = existing.id;
        } else {
          const issues = [
            ...(input.displayName
              ? []
              : [
                  {
                    pointer: '/body/displayName',
                    code: 'displayName.length',
                    message: { ja: '氏名を入力してください', en: 'Enter your name' },
                  },
                ]),
            ...(input.password
              ? checkPasswordPolicy(input.password, inv.email)
              : [
                  {
                    pointer: '/body/password',
                    code: 'password.required',
                    message: { ja: 'パスワードを設定してください', en: 'Set a password' },
                  },
                ]),
          ];
          if (issues.length > 0) throw invalid(issues);
          const [u] = await tx
            .insert(users)
            .values({ email: inv.email, displayName: input.displayName ?? inv.displayName, emailVerifiedAt: now() })
            .returning({ id: users.id });
          if (!u) throw new Error('user not created');
          userId = u.id;
          newAccount = true;
          await tx
            .insert(userCredentials)
            .values({ userId, passwordHash: await hashPassword(input.password ?? ''), passwordChangedAt: now() });
        }
        const organizationId = await resolveOrganization(tx, inv);
        const roles = inv.roles.filter(isRole);
        const [membership] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId), isNull(memberships.revokedAt)));
        const orgKind = inv.organization.kind;
        const membershipCouncil = orgKind === 'council' || orgKind === 'company' ? inv.councilId : null;
        if (membership) {
          await tx
            .update(memberships)
            .set({ roles: [...new Set([...membership.roles, ...roles])] })
            .where(eq(memberships.id, membership.id));
        } else {
          await tx.insert(memberships).values({
            userId,
            organizationId,
            councilId: membershipCouncil,
            roles,
            createdBy: inv.invitedBy === SYSTEM_INVITER ? null : inv.invitedBy,
          });
        }
        const roleInCase = inv.roleInCase ?? (roles[0] ? ROLE_IN_CASE_OF[roles[0]] : undefined);
        if (inv.caseId && roleInCase) {
          await tx.insert(caseGrants).values({
            councilId: inv.councilId,
            caseId: inv.caseId,
            userId,
            roleInCase,
            scopes: inv.scopes,
            grantedBy: inv.invitedBy === SYSTEM_INVITER ? null : inv.invitedBy,
            expiresAt: inv.grantExpiresAt,
          });
        }
        await tx.update(invitations).set({ acceptedAt: now(), acceptedUserId: userId }).where(eq(invitations.id, inv.id));
        const label = `${input.displayName ?? existing?.displayName ?? inv.displayName}（${inv.organization.name}）`;
        const ms = await loadMemberships(tx, userId);
        for (const type of inv.caseId ? (['INVITATION_ACCEPTED', 'CASE_GRANT_CREATED'] as const) : (['INVITATION_ACCEPTED'] as const)) {
          await audit.record(tx, {
            type,
            actorUserId: userId,
            actorLabel: label,
            actorRoles: ms.flatMap((m) => m.roles),
            councilId: inv.councilId,
            caseId: inv.caseId,
            targetType: 'invitation',
            targetId: inv.id,
            ip: origin.ip,
            requestId: origin.requestId,
            details: { roles, roleInCase: roleInCase ?? null },
          });
        }
        if (!newAccount) return { state: 'active' as const, step: null };
        const { token } = await createSession(
          tx,
          {
            userId,
            state: 'enrol_mfa',
            authMethods: ['password'],
            activeMembershipId: ms[0]?.id ?? null,
            mfaAt: null,
            ip: origin.ip,
            userAgent: origin.userAgent,
          },
          now(),
        );
        return { state: 'enrol_mfa' as const, step: { sessionToken: token, state: 'enrol_mfa' as const, methods: [] } };
      });
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
