import type { SaveBusinessPlanBody, SaveRealBalanceSheetBody, SaveSupportDesignBody } from '@kasseika/contracts';
import { checkBusinessPlanYears } from '@kasseika/domain';
import { tenantContextOf, type Actor } from '../../authz/actor';
import { ForbiddenError } from '../../authz/authorize';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { conflict, invalid } from '../../errors/app-error';
import { loadCaseForActor, type CaseFactsLoader } from '../cases/cases.service';
import {
  businessPlanExists,
  findProfile,
  hasCurrentExpert,
  insertBusinessPlan,
  insertRealBalanceSheet,
  insertSupportDesign,
  nextSupportDesignVersion,
  nextVersion,
  realBalanceSheetExists,
} from './revitalization.repository';
import { checkSupportDesign } from './support-design';
import { buildSurveyReportPdf } from './survey-report.pdf';
import type { FileDownload } from '../calculations/calculations.service';
import { createRvHelpers, jstDate, place, issuesToProblem, type RevitalizationServiceDeps, type StoredPlan } from './rv-shared';
import { createTeamCommands } from './rv-team';
import { createRevitalizationReader } from './rv-read';

export type { RevitalizationServiceDeps } from './rv-shared';

/** The facts `teamHasExpert`, `realBalanceSheetExists` and `businessPlanExists` (REFERENCE §3.3) for the workflow guards. */
export function revitalizationFactsLoader(now: () => Date): CaseFactsLoader {
  return async (tx, row) => ({
    teamHasExpert: await hasCurrentExpert(tx, row.id, jstDate(now())),
    realBalanceSheetExists: await realBalanceSheetExists(tx, row.id),
    businessPlanExists: await businessPlanExists(tx, row.id),
  });
}

/**
 * 再生支援 / プレ再生支援 (REFERENCE §3): the individual support team — type, council staff and appointed external experts
 * (each appointment an invitation that becomes a case grant with its scopes and end date), every appointment with its
 * conflict-of-interest declaration — the 実態貸借対照表 (finance engine, append-only versions), the company's
 * business-plan drafts, the financial-support design and the 調査報告書. Council case workers only; records are
 * written while the case is on the revitalization track.
 */
export function createRevitalizationService(deps: RevitalizationServiceDeps) {
  const { db, cipher, calculations, requirements, now } = deps;
  const helpers = createRvHelpers(deps);
  const { writable, record, user } = helpers;
  const service = {
    ...createRevitalizationReader(deps),
    ...createTeamCommands(deps, helpers),

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
