import type { AddRvStaffMemberBody, AppointRvExpertBody, EndRvMemberBody, SaveRvProfileBody } from '@kasseika/contracts';
import { checkConflictDeclaration, staffNeedsDeclaration } from '@kasseika/domain';
import { tenantContextOf, type Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { withTenantTx } from '../../db/tenant-tx';
import { conflict, invalid, notFound } from '../../errors/app-error';
import { loadCaseForActor } from '../cases/cases.service';
import {
  endTeamMember,
  expertOnTeam,
  findTeamMemberForUpdate,
  insertTeamMember,
  listCaseWorkers,
  revokeExpertGrants,
  staffOnTeam,
  upsertProfile,
  withdrawExpertInvitations,
} from './revitalization.repository';
import { endOfJstDay, issuesToProblem, jstDate, place, type RevitalizationServiceDeps, type RvHelpers } from './rv-shared';

/** The reason written on the revoked case grant (the council's own reason stays encrypted on the team row). */
const END_GRANT_REASON = {
  dismissed: '再生支援チームの選任終了（解任） / appointment ended (dismissed)',
  term_ended: '再生支援チームの選任終了（任期終了） / appointment ended (end of term)',
} as const;

/**
 * The individual support team (個別支援チーム, REFERENCE §3.2): type, council staff (a declaration when seconded from a
 * creditor bank), external experts appointed by invitation into a case grant with scopes and an end date, each with
 * its conflict-of-interest declaration; memberships end, never disappear.
 */
export function createTeamCommands(
  { db, cipher, invitations, now }: Pick<RevitalizationServiceDeps, 'db' | 'cipher' | 'invitations' | 'now'>,
  { writable, record, sealDeclaration, user }: RvHelpers,
) {
  return {
    async saveProfile(actor: Actor, caseId: string, body: SaveRvProfileBody): Promise<void> {
      const u = user(actor, 'case.revitalization.write');
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        await upsertProfile(tx, { councilId: row.councilId, caseId: row.id, ...body, updatedBy: u.userId, updatedAt: now() });
        await record(
          tx,
          u,
          'CASE_RV_PROFILE_SAVED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id },
          body,
        );
      });
    },

    async addStaff(actor: Actor, caseId: string, body: AddRvStaffMemberBody): Promise<{ id: string }> {
      const u = user(actor, 'case.revitalization.write');
      const issues = checkConflictDeclaration(body.conflict, staffNeedsDeclaration(body.secondedFromBank, body.bankIsCreditor));
      if (issues.length > 0) throw issuesToProblem(issues, '');
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        if (!(await listCaseWorkers(tx, row.councilId)).some((w) => w.id === body.userId))
          throw invalid([
            {
              pointer: '/body/userId',
              code: 'rvTeam.staff',
              message: { ja: '協議会の案件担当者（PM・SM・職員）から選んでください', en: 'Choose among the council’s case workers' },
            },
          ]);
        if (await staffOnTeam(tx, row.id, body.userId))
          throw conflict({ ja: 'この職員はすでにチームのメンバーです', en: 'This staff member is already on the team' });
        const created = await insertTeamMember(tx, {
          councilId: row.councilId,
          caseId: row.id,
          kind: 'staff',
          staffUserId: body.userId,
          position: body.position,
          secondedFromBank: body.secondedFromBank?.trim() || null,
          bankIsCreditor: Boolean(body.secondedFromBank?.trim()) && body.bankIsCreditor,
          ...(await sealDeclaration(row.councilId, row.id, body.conflict)),
          appointedBy: u.userId,
          appointedAt: now(),
        });
        await record(
          tx,
          u,
          'CASE_RV_STAFF_ADDED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case_rv_team_member', targetId: created.id },
          {
            userId: body.userId,
            position: body.position,
            conflictDeclared: body.conflict !== undefined,
            hasConflict: body.conflict?.hasConflict ?? null,
          },
        );
        return created;
      });
    },

    /**
     * Appoints an external expert: the declaration is required; the invitation (mailed) becomes a case grant with the
     * chosen scopes that ends with the appointment's last day. The expert then sees this case only.
     */
    async appointExpert(actor: Actor, caseId: string, body: AppointRvExpertBody): Promise<{ id: string }> {
      const u = user(actor, 'case.revitalization.write');
      const issues = checkConflictDeclaration(body.conflict, true);
      if (body.expiresOn < jstDate(now()))
        issues.push({
          field: 'expiresOn',
          code: 'rvTeam.expiresOn',
          message: { ja: '選任の期限は今日以降の日付にしてください', en: 'The appointment must end today or later' },
        });
      if (issues.length > 0) throw issuesToProblem(issues, '');
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        const { resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.grants.manage', resource);
        const email = body.email.trim().toLowerCase();
        if (await expertOnTeam(tx, row.id, email))
          throw conflict({ ja: 'この専門家はすでに選任されています', en: 'This expert is already appointed' });
        const created = await insertTeamMember(tx, {
          councilId: row.councilId,
          caseId: row.id,
          kind: 'expert',
          expertEmail: email,
          expertName: body.displayName,
          expertOrganization: body.organizationName,
          qualification: body.qualification,
          duty: body.duty,
          scopes: [...new Set(body.scopes)],
          expiresOn: body.expiresOn,
          ...(await sealDeclaration(row.councilId, row.id, body.conflict)),
          appointedBy: u.userId,
          appointedAt: now(),
        });
        await invitations.issue(tx, actor, {
          councilId: row.councilId,
          caseId: row.id,
          caseReferenceNo: row.referenceNo,
          email,
          displayName: body.displayName,
          organization: { kind: 'expert_firm', name: body.organizationName },
          roles: ['expert'],
          roleInCase: 'expert',
          scopes: [...new Set(body.scopes)],
          grantExpiresAt: endOfJstDay(body.expiresOn),
        });
        await record(
          tx,
          u,
          'CASE_RV_EXPERT_APPOINTED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case_rv_team_member', targetId: created.id },
          {
            email,
            qualification: body.qualification,
            duty: body.duty,
            scopes: body.scopes,
            expiresOn: body.expiresOn,
            hasConflict: body.conflict.hasConflict,
          },
        );
        return created;
      });
    },

    /**
     * Ends a membership (解任 or 任期終了): the row stays with its declaration and gains who, when, the end date and the
     * reason (encrypted). For an expert the same transaction withdraws the outstanding invitation and revokes the case
     * grant, so the expert's next request no longer reaches the case. Ending twice is refused (409), nothing changes.
     */
    async endMember(actor: Actor, caseId: string, memberId: string, body: EndRvMemberBody): Promise<void> {
      const u = user(actor, 'case.revitalization.write');
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        const member = await findTeamMemberForUpdate(tx, row.id, memberId);
        if (!member) throw notFound({ ja: '指定されたチームメンバー', en: 'The team member' });
        if (member.endedAt)
          throw conflict({
            ja: 'このメンバーの選任はすでに終了しています',
            en: 'This membership has already ended',
          });
        if (member.kind === 'expert') {
          const { resource } = await loadCaseForActor(tx, actor, caseId, now());
          authorize(actor, 'case.grants.manage', resource);
        }
        const at = now();
        const appointedOn = jstDate(member.appointedAt);
        const today = jstDate(at);
        if (body.endedOn < appointedOn || body.endedOn > today)
          throw invalid([
            {
              pointer: '/body/endedOn',
              code: 'rvTeam.endedOnRange',
              message: {
                ja: `終了日は選任日（${appointedOn}）から今日（${today}）までの日付にしてください`,
                en: `The end date must lie between the appointment day (${appointedOn}) and today (${today})`,
              },
            },
          ]);
        const ended = await endTeamMember(tx, row.id, member.id, {
          endedAt: at,
          endedBy: u.userId,
          endedOn: body.endedOn,
          endKind: body.endKind,
          endReasonEnc: await cipher.encrypt(row.councilId, body.reason, place('case_rv_team_members.end_reason', row.id)),
        });
        if (!ended) throw conflict({ ja: 'このメンバーの選任はすでに終了しています', en: 'This membership has already ended' });
        let invitationsWithdrawn = 0;
        let grantsRevoked: { id: string; userId: string }[] = [];
        if (member.kind === 'expert' && member.expertEmail) {
          invitationsWithdrawn = await withdrawExpertInvitations(tx, row.id, member.expertEmail, at);
          const reason = END_GRANT_REASON[body.endKind];
          grantsRevoked = await revokeExpertGrants(tx, row.id, member.expertEmail, u.userId, reason, at);
          for (const g of grantsRevoked)
            await record(
              tx,
              u,
              'CASE_GRANT_REVOKED',
              { councilId: row.councilId, caseId: row.id, targetType: 'case_grant', targetId: g.id },
              { grantId: g.id, userId: g.userId, reason, teamMemberId: member.id },
            );
        }
        await record(
          tx,
          u,
          'CASE_RV_MEMBER_ENDED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case_rv_team_member', targetId: member.id },
          {
            kind: member.kind,
            endedOn: body.endedOn,
            endKind: body.endKind,
            grantsRevoked: grantsRevoked.length,
            invitationsWithdrawn,
          },
        );
      });
    },
  };
}
