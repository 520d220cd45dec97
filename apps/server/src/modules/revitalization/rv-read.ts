import type { Revitalization, RvTeamMember, SaveRealBalanceSheetBody, SaveSupportDesignBody } from '@kasseika/contracts';
import { firstProfitableYear, teamCompositionNotes, type LiquidationComparison } from '@kasseika/domain';
import { tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize } from '../../authz/authorize';
import { withTenantTx } from '../../db/tenant-tx';
import { loadCaseForActor } from '../cases/cases.service';
import {
  expertGrants,
  findProfile,
  hasCurrentExpert,
  listBusinessPlans,
  listCaseWorkers,
  listRealBalanceSheets,
  listSupportDesigns,
  listTeamMembers,
} from './revitalization.repository';
import { jstDate, place, type RevitalizationServiceDeps, type StoredPlan } from './rv-shared';

/** The 再生支援 record of a case as the council sees it (team, 実態BS, plan, design, requirements, facts, abilities). */
export function createRevitalizationReader({
  db,
  cipher,
  calculations,
  requirements,
  now,
}: Pick<RevitalizationServiceDeps, 'db' | 'cipher' | 'calculations' | 'requirements' | 'now'>) {
  return {
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
          members.map(async ({ m, staffName, appointedByName, endedByName }) => {
            let grantStatus: RvTeamMember['grantStatus'] = null;
            if (m.kind === 'expert') {
              // Not the grants revoked before this appointment (an expert appointed again after an earlier one ended).
              const mine = grants.filter((g) => g.email === m.expertEmail && !(g.revokedAt && g.revokedAt <= m.appointedAt));
              const live = mine.find((g) => !g.revokedAt && (!g.expiresAt || g.expiresAt > now()));
              grantStatus = m.endedAt
                ? 'ended'
                : live
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
              ended: m.endedAt
                ? {
                    endedOn: m.endedOn,
                    endKind: m.endKind,
                    reason: m.endReasonEnc
                      ? await cipher.decrypt(c, m.endReasonEnc, place('case_rv_team_members.end_reason', row.id))
                      : null,
                    endedByName,
                    endedAt: m.endedAt.toISOString(),
                  }
                : null,
            };
          }),
        );
        const current = team.filter((m) => m.ended === null);
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
            current.map((m) => ({ kind: m.kind, qualification: m.qualification ?? undefined })),
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
  };
}
