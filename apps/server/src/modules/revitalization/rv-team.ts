import type { AddRvStaffMemberBody, AppointRvExpertBody, SaveRvProfileBody } from '@kasseika/contracts';
import { checkConflictDeclaration, staffNeedsDeclaration } from '@kasseika/domain';
import { tenantContextOf, type Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { withTenantTx } from '../../db/tenant-tx';
import { conflict, invalid, notFound } from '../../errors/app-error';
import { loadCaseForActor } from '../cases/cases.service';
import { endTeamMember, expertOnTeam, insertTeamMember, listCaseWorkers, staffOnTeam, upsertProfile } from './revitalization.repository';
import { endOfJstDay, issuesToProblem, jstDate, type RevitalizationServiceDeps, type RvHelpers } from './rv-shared';

/**
 * The individual support team (個別支援チーム, REFERENCE §3.2): type, council staff (a declaration when seconded from a
 * creditor bank), external experts appointed by invitation into a case grant with scopes and an end date, each with
 * its conflict-of-interest declaration; memberships end, never disappear.
 */
export function createTeamCommands(
  { db, invitations, now }: Pick<RevitalizationServiceDeps, 'db' | 'invitations' | 'now'>,
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

    /** Ends a membership (the row stays, with its declaration). An expert's case grant is revoked on the team page. */
    async endMember(actor: Actor, caseId: string, memberId: string): Promise<void> {
      const u = user(actor, 'case.revitalization.write');
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        const ended = await endTeamMember(tx, row.id, memberId, now());
        if (!ended) throw notFound({ ja: '指定されたチームメンバー', en: 'The team member' });
        await record(tx, u, 'CASE_RV_MEMBER_ENDED', {
          councilId: row.councilId,
          caseId: row.id,
          targetType: 'case_rv_team_member',
          targetId: memberId,
        });
      });
    },
  };
}
