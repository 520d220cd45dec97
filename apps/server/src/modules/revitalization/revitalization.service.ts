import type {
  AddRvStaffMemberBody,
  AppointRvExpertBody,
  Revitalization,
  RvTeamMember,
  SaveBusinessPlanBody,
  SaveRealBalanceSheetBody,
  SaveRvProfileBody,
  SaveSupportDesignBody,
} from '@kasseika/contracts';
import {
  checkBusinessPlanYears,
  checkConflictDeclaration,
  firstProfitableYear,
  staffNeedsDeclaration,
  teamCompositionNotes,
  type BusinessPlanYear,
  type ConflictDeclaration,
  type DomainIssue,
  type ForgivenessRequirementSet,
  type LiquidationComparison,
} from '@kasseika/domain';
import type { AuditEventType } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, rolesOf, tenantContextOf, type Actor, type UserActor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { conflict, invalid, notFound, type AppError } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import type { InvitationService } from '../auth/invitations.service';
import type { CalculationsService } from '../calculations/calculations.service';
import { loadCaseForActor, type CaseFactsLoader } from '../cases/cases.service';
import {
  businessPlanExists,
  endTeamMember,
  expertGrants,
  expertOnTeam,
  findProfile,
  hasCurrentExpert,
  insertBusinessPlan,
  insertRealBalanceSheet,
  insertSupportDesign,
  insertTeamMember,
  listBusinessPlans,
  listCaseWorkers,
  listRealBalanceSheets,
  listSupportDesigns,
  listTeamMembers,
  nextSupportDesignVersion,
  nextVersion,
  realBalanceSheetExists,
  staffOnTeam,
  upsertProfile,
} from './revitalization.repository';
import { checkSupportDesign } from './support-design';
import { buildSurveyReportPdf } from './survey-report.pdf';
import type { FileDownload } from '../calculations/calculations.service';

export interface RevitalizationServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly invitations: InvitationService;
  /** The finance engine's 実態BS (validation and computation), shared with the calculators. */
  readonly calculations: Pick<CalculationsService, 'realBalanceSheet'>;
  /** The extra requirements for debt forgiveness (configuration: data/revitalization/forgiveness-requirements.v<date>.json). */
  readonly requirements: ForgivenessRequirementSet;
  readonly now: () => Date;
}

/** JST calendar date of a moment (appointment end dates are JST days, inclusive). */
function jstDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** End of a JST calendar day, as a moment (the grant expires after the appointment's last day). */
function endOfJstDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999+09:00`);
}

/** The facts `teamHasExpert`, `realBalanceSheetExists` and `businessPlanExists` (REFERENCE §3.3) for the workflow guards. */
export function revitalizationFactsLoader(now: () => Date): CaseFactsLoader {
  return async (tx, row) => ({
    teamHasExpert: await hasCurrentExpert(tx, row.id, jstDate(now())),
    realBalanceSheetExists: await realBalanceSheetExists(tx, row.id),
    businessPlanExists: await businessPlanExists(tx, row.id),
  });
}

const NOT_RV = {
  ja: '再生支援・プレ再生支援の段階にある案件でのみ記録できます',
  en: 'Only a case in (pre-)revitalization support takes these records',
};

const place = (column: string, caseId: string, version?: number) =>
  version === undefined ? `${column}:${caseId}` : `${column}:${caseId}:${version}`;

function issuesToProblem(issues: readonly DomainIssue[], prefix: string): AppError {
  return invalid(issues.map((i) => ({ pointer: `/body/${prefix}${i.field.replace('.', '/')}`, code: i.code, message: i.message })));
}

interface StoredPlan {
  causesOfDistress: string;
  measures: string;
  years: BusinessPlanYear[];
}

/**
 * 再生支援 / プレ再生支援 (REFERENCE §3): the individual support team — type, council staff and appointed external experts
 * (each appointment an invitation that becomes a case grant with its scopes and end date), every appointment with its
 * conflict-of-interest declaration — the 実態貸借対照表 (finance engine, append-only versions) and the company's
 * business-plan drafts (append-only). Council case workers only; records are written while the case is on the
 * revitalization track.
 */
export function createRevitalizationService({
  db,
  audit,
  cipher,
  invitations,
  calculations,
  requirements,
  now,
}: RevitalizationServiceDeps) {
  async function writable(tx: Tx, actor: Actor, caseId: string) {
    const loaded = await loadCaseForActor(tx, actor, caseId, now());
    authorize(actor, 'case.revitalization.write', loaded.resource);
    if (!loaded.row.stage.startsWith('rv_')) throw conflict(NOT_RV);
    return loaded.row;
  }

  function record(
    tx: Tx,
    actor: UserActor,
    type: AuditEventType,
    target: { councilId: number; caseId: string; targetType: string; targetId: string },
    details: Record<string, unknown> = {},
  ) {
    return audit.record(tx, {
      type,
      actorUserId: actor.userId,
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

  async function sealDeclaration(councilId: number, caseId: string, d: ConflictDeclaration | undefined) {
    if (!d) return { hasConflict: null, conflictDetailsEnc: null, declaredAt: null };
    const details = d.hasConflict ? d.details?.trim() : undefined;
    return {
      hasConflict: d.hasConflict,
      conflictDetailsEnc: details ? await cipher.encrypt(councilId, details, place('case_rv_team_members.conflict_details', caseId)) : null,
      declaredAt: now(),
    };
  }

  function user(actor: Actor, action: 'case.revitalization.write'): UserActor {
    if (actor.kind !== 'user') throw new ForbiddenError(action, null, null);
    return actor;
  }

  const service = {
    async get(actor: Actor, caseId: string): Promise<Revitalization> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.revitalization.read', resource);
        const c = row.councilId;
        const today = jstDate(now());
        const profile = await findProfile(tx, row.id);
        const members = await listTeamMembers(tx, row.id);
        const grants = await expertGrants(tx, row.id);
        const team: RvTeamMember[] = await Promise.all(
          members
            .filter(({ m }) => m.endedAt === null)
            .map(async ({ m, staffName, appointedByName }) => {
              let grantStatus: RvTeamMember['grantStatus'] = null;
              if (m.kind === 'expert') {
                const mine = grants.filter((g) => g.email === m.expertEmail);
                const live = mine.find((g) => !g.revokedAt && (!g.expiresAt || g.expiresAt > now()));
                grantStatus = live
                  ? 'active'
                  : mine.some((g) => !g.revokedAt)
                    ? 'expired'
                    : mine.length > 0
                      ? 'revoked'
                      : (m.expiresOn ?? '') < today
                        ? 'expired'
                        : 'invited';
              }
              return {
                id: m.id,
                kind: m.kind,
                name: m.kind === 'staff' ? (staffName ?? '—') : (m.expertName ?? m.expertEmail ?? '—'),
                position: m.position,
                secondedFromBank: m.secondedFromBank,
                bankIsCreditor: m.bankIsCreditor,
                email: m.expertEmail,
                organization: m.expertOrganization,
                qualification: m.qualification,
                duty: m.duty,
                scopes: m.scopes,
                expiresOn: m.expiresOn,
                grantStatus,
                conflict:
                  m.hasConflict === null || m.declaredAt === null
                    ? null
                    : {
                        hasConflict: m.hasConflict,
                        details: m.conflictDetailsEnc
                          ? await cipher.decrypt(c, m.conflictDetailsEnc, place('case_rv_team_members.conflict_details', row.id))
                          : null,
                        declaredAt: m.declaredAt.toISOString(),
                      },
                appointedByName,
                appointedAt: m.appointedAt.toISOString(),
              };
            }),
        );
        const sheets = await listRealBalanceSheets(tx, row.id);
        const latestSheet = sheets[0];
        let realBalanceSheet: Revitalization['realBalanceSheet'] = null;
        if (latestSheet) {
          const input = JSON.parse(
            await cipher.decrypt(c, latestSheet.r.payloadEnc, place('case_real_balance_sheets.payload', row.id, latestSheet.r.version)),
          ) as SaveRealBalanceSheetBody;
          realBalanceSheet = {
            version: latestSheet.r.version,
            asOf: latestSheet.r.asOf,
            createdByName: latestSheet.createdByName,
            createdAt: latestSheet.r.createdAt.toISOString(),
            input,
            result: calculations.realBalanceSheet(input),
          };
        }
        const plans = await listBusinessPlans(tx, row.id);
        const latestPlan = plans[0];
        let businessPlan: Revitalization['businessPlan'] = null;
        if (latestPlan) {
          const stored = JSON.parse(
            await cipher.decrypt(c, latestPlan.p.payloadEnc, place('case_rv_business_plans.payload', row.id, latestPlan.p.version)),
          ) as StoredPlan;
          businessPlan = {
            version: latestPlan.p.version,
            planYears: latestPlan.p.planYears,
            startsOn: latestPlan.p.startsOn,
            createdByName: latestPlan.createdByName,
            createdAt: latestPlan.p.createdAt.toISOString(),
            ...stored,
            firstProfitableYear: firstProfitableYear(stored.years),
          };
        }
        const designs = await listSupportDesigns(tx, row.id);
        const latestDesign = designs[0];
        let supportDesign: Revitalization['supportDesign'] = null;
        if (latestDesign) {
          const stored = JSON.parse(
            await cipher.decrypt(c, latestDesign.d.payloadEnc, place('case_rv_support_designs.payload', row.id, latestDesign.d.version)),
          ) as { input: SaveSupportDesignBody; comparison: LiquidationComparison | null };
          supportDesign = {
            version: latestDesign.d.version,
            createdByName: latestDesign.createdByName,
            createdAt: latestDesign.d.createdAt.toISOString(),
            seeksForgiveness: latestDesign.d.seeksForgiveness,
            input: stored.input,
            liquidationComparison: stored.comparison,
          };
        }
        const mayWrite =
          abilitiesFor(actor, ['case.revitalization.write'], resource)['case.revitalization.write'] && row.stage.startsWith('rv_');
        return {
          profile: profile
            ? {
                teamType: profile.p.teamType,
                supportKind: profile.p.supportKind,
                forgivenessExpected: profile.p.forgivenessExpected,
                updatedByName: profile.updatedByName,
                updatedAt: profile.p.updatedAt.toISOString(),
              }
            : null,
          team,
          compositionNotes: teamCompositionNotes(
            profile?.p.teamType ?? null,
            team.map((m) => ({ kind: m.kind, qualification: m.qualification ?? undefined })),
            profile?.p.forgivenessExpected ?? false,
          ),
          staffCandidates: mayWrite ? await listCaseWorkers(tx, c) : [],
          realBalanceSheet,
          realBalanceSheetVersions: sheets.map((s) => ({
            version: s.r.version,
            asOf: s.r.asOf,
            createdByName: s.createdByName,
            createdAt: s.r.createdAt.toISOString(),
          })),
          businessPlan,
          businessPlanVersions: plans.map((p) => ({
            version: p.p.version,
            planYears: p.p.planYears,
            createdByName: p.createdByName,
            createdAt: p.p.createdAt.toISOString(),
          })),
          supportDesign,
          supportDesignVersions: designs.map((d) => ({
            version: d.d.version,
            seeksForgiveness: d.d.seeksForgiveness,
            createdByName: d.createdByName,
            createdAt: d.d.createdAt.toISOString(),
          })),
          forgivenessRequirements: {
            version: requirements.version,
            sources: [...requirements.sources],
            items: requirements.items.map((i) => ({
              key: i.key,
              label: i.label,
              hint: i.hint,
              liquidationComparison: i.liquidationComparison === true,
            })),
          },
          facts: {
            teamHasExpert: await hasCurrentExpert(tx, row.id, today),
            realBalanceSheetExists: sheets.length > 0,
            businessPlanExists: plans.length > 0,
          },
          abilities: {
            write: mayWrite,
            appointExperts: mayWrite && abilitiesFor(actor, ['case.grants.manage'], resource)['case.grants.manage'],
          },
        };
      });
    },

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

    /** Saves a new version of the 実態BS; the finance engine validates it (422 with pointers) and computes it. */
    async saveRealBalanceSheet(actor: Actor, caseId: string, body: SaveRealBalanceSheetBody): Promise<{ version: number }> {
      const u = user(actor, 'case.revitalization.write');
      const result = calculations.realBalanceSheet(body);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        const version = await nextVersion(tx, 'bs', row.id);
        try {
          await insertRealBalanceSheet(tx, {
            councilId: row.councilId,
            caseId: row.id,
            version,
            asOf: body.asOf,
            payloadEnc: await cipher.encrypt(
              row.councilId,
              JSON.stringify(body),
              place('case_real_balance_sheets.payload', row.id, version),
            ),
            createdBy: u.userId,
            createdAt: now(),
          });
        } catch (e) {
          if (pgErrorOf(e)?.code === PG.uniqueViolation)
            throw conflict({
              ja: '同時に別の版が保存されました。もう一度保存してください',
              en: 'Another version was saved at the same time; save again',
            });
          throw e;
        }
        await record(
          tx,
          u,
          'CASE_REAL_BALANCE_SHEET_SAVED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id },
          { version, asOf: body.asOf, adjustments: body.adjustments.length, realNegativeEquity: result.isRealNegativeEquity },
        );
        return { version };
      });
    },

    /** Saves a new version of the company's business-plan draft (period by プレ再生 / 再生). */
    async saveBusinessPlan(actor: Actor, caseId: string, body: SaveBusinessPlanBody): Promise<{ version: number }> {
      const u = user(actor, 'case.revitalization.write');
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        const profile = await findProfile(tx, row.id);
        const issues = checkBusinessPlanYears(profile?.p.supportKind ?? 'revitalization', body.planYears);
        if (issues.length > 0) throw issuesToProblem(issues, '');
        const version = await nextVersion(tx, 'plan', row.id);
        const stored: StoredPlan = { causesOfDistress: body.causesOfDistress, measures: body.measures, years: body.years };
        try {
          await insertBusinessPlan(tx, {
            councilId: row.councilId,
            caseId: row.id,
            version,
            planYears: body.planYears,
            startsOn: body.startsOn,
            payloadEnc: await cipher.encrypt(
              row.councilId,
              JSON.stringify(stored),
              place('case_rv_business_plans.payload', row.id, version),
            ),
            createdBy: u.userId,
            createdAt: now(),
          });
        } catch (e) {
          if (pgErrorOf(e)?.code === PG.uniqueViolation)
            throw conflict({
              ja: '同時に別の版が保存されました。もう一度保存してください',
              en: 'Another version was saved at the same time; save again',
            });
          throw e;
        }
        await record(
          tx,
          u,
          'CASE_RV_BUSINESS_PLAN_SAVED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id },
          { version, planYears: body.planYears },
        );
        return { version };
      });
    },

    /**
     * Saves a new version of the 金融支援策 design: measures and amounts, and — when forgiveness is sought — every
     * configured requirement answered and the liquidation-basis comparison (清算価値保障), all checked before anything
     * is stored.
     */
    async saveSupportDesign(actor: Actor, caseId: string, body: SaveSupportDesignBody): Promise<{ version: number }> {
      const u = user(actor, 'case.revitalization.write');
      const checked = checkSupportDesign(body, requirements);
      if (checked.issues.length > 0) throw invalid(checked.issues);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        const version = await nextSupportDesignVersion(tx, row.id);
        const payload = JSON.stringify({ input: body, comparison: checked.comparison });
        try {
          await insertSupportDesign(tx, {
            councilId: row.councilId,
            caseId: row.id,
            version,
            seeksForgiveness: checked.seeksForgiveness,
            requirementsVersion: requirements.version,
            payloadEnc: await cipher.encrypt(row.councilId, payload, place('case_rv_support_designs.payload', row.id, version)),
            createdBy: u.userId,
            createdAt: now(),
          });
        } catch (e) {
          if (pgErrorOf(e)?.code === PG.uniqueViolation)
            throw conflict({
              ja: '同時に別の版が保存されました。もう一度保存してください',
              en: 'Another version was saved at the same time; save again',
            });
          throw e;
        }
        await record(
          tx,
          u,
          'CASE_RV_SUPPORT_DESIGN_SAVED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id },
          { version, measures: body.measures, seeksForgiveness: checked.seeksForgiveness, requirementsVersion: requirements.version },
        );
        return { version };
      });
    },

    /**
     * 調査報告書（案） as PDF, drawn from the stored records; refused (409) until the 実態BS and a business plan exist.
     * Audited like every export.
     */
    async surveyReport(actor: Actor, caseId: string): Promise<FileDownload> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.revitalization.read', null, null);
      const data = await service.get(actor, caseId);
      if (!data.realBalanceSheet || !data.businessPlan)
        throw conflict({
          ja: '調査報告書を作成するには、実態貸借対照表と事業計画が必要です',
          en: 'The investigation report needs the adjusted balance sheet and a business plan',
        });
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row } = await loadCaseForActor(tx, actor, caseId, now());
        const body = await buildSurveyReportPdf({
          councilName: row.councilName,
          referenceNo: row.referenceNo,
          companyName: row.companyName,
          date: jstDate(now()),
          record: data,
        });
        await record(tx, actor, 'CASE_RV_SURVEY_REPORT_CREATED', {
          councilId: row.councilId,
          caseId: row.id,
          targetType: 'case',
          targetId: row.id,
        });
        return { body, filename: `調査報告書_${row.referenceNo}.pdf` };
      });
    },
  };
  return service;
}

export type RevitalizationService = ReturnType<typeof createRevitalizationService>;
