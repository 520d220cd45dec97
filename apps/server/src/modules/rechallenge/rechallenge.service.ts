import type {
  CreateRcAdviceBody,
  CreateRcConsultationBody,
  CreateRcProceedingBody,
  RcConsultationCreated,
  Rechallenge,
  UpdateRcProceedingBody,
} from '@kasseika/contracts';
import { checkProceeding, decideFeeSupport, feeSupportRuleOn, proceedingKindOf, type ProceedingInput } from '@kasseika/domain';
import { tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, conflict, notFound } from '../../errors/app-error';
import { loadCaseForActor, type CaseFactsLoader } from '../cases/cases.service';
import { createRcReferralService } from './rechallenge-referral.service';
import { consentOf, invalid, place, readPackage, recordRechallenge, writableCase, type RechallengeServiceDeps } from './rechallenge-common';

export type { RechallengeServiceDeps } from './rechallenge-common';

import { japanDate } from '../guarantors/guarantors.service';
import {
  consentStands,
  countSupportedConsultations,
  findProceeding,
  findReferral,
  insertAdvice,
  insertConsultation,
  insertProceeding,
  listAdvice,
  listConsultations,
  listProceedings,
  updateProceeding,
} from './rechallenge.repository';

/** The fact `lawyerHandoverConsented`: the company's consent to the lawyer handover package stands. */
export const rechallengeFactsLoader: CaseFactsLoader = async (tx, row) => ({ lawyerHandoverConsented: await consentStands(tx, row.id) });

/**
 * 再チャレンジ支援 (REFERENCE §4). The council records advice on 円滑な廃業, tracks the exit route and guarantor workouts
 * and counts lawyer consultations against the fee support; the lawyer referral and the company's consent come from
 * rechallenge-referral.service.ts.
 */
export function createRechallengeService(deps: RechallengeServiceDeps) {
  const { db, audit, cipher, feeRules, guarantors, now } = deps;
  function feeSupportToday(supportedSoFar: number): Rechallenge['feeSupport'] {
    const rule = feeSupportRuleOn(feeRules, japanDate(now()));
    const limit = rule?.maxSupportedConsultations ?? 0;
    return {
      ruleId: rule?.id ?? null,
      limit,
      used: supportedSoFar,
      remaining: Math.max(0, limit - supportedSoFar),
      verified: rule?.verified ?? false,
      sources: (rule?.sources ?? []).map((s) => ({ url: s.url, ...(s.note ? { note: s.note } : {}) })),
    };
  }

  return {
    ...createRcReferralService(deps),
    async get(actor: Actor, caseId: string): Promise<Rechallenge> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.rechallenge.read', resource);
        const c = row.councilId;
        const referral = await findReferral(tx, row.id);
        const consultations = await listConsultations(tx, row.id);
        const write = abilitiesFor(actor, ['case.rechallenge.write'], resource)['case.rechallenge.write'] && row.stage.startsWith('rc_');
        return {
          stage: row.stage,
          advice: await Promise.all(
            (await listAdvice(tx, row.id)).map(async (a) => ({
              id: a.id,
              advisedOn: a.advisedOn,
              topic: a.topic,
              text: await cipher.decrypt(c, a.textEnc, place('case_rc_advice.text', row.id)),
              createdByName: a.createdByName,
            })),
          ),
          referral: referral
            ? {
                lawyerName: referral.r.lawyerName,
                lawyerFirm: referral.r.lawyerFirm,
                lawyerEmail: referral.lawyerEmail,
                preparedByName: referral.preparedByName,
                packageHash: referral.r.packageHash,
                package: await readPackage(cipher, c, row.id, referral.r.packageEnc),
                consent: consentOf(referral),
                lawyerHasAccess: referral.r.consentedAt !== null && referral.r.consentRevokedAt === null && referral.r.grantId !== null,
              }
            : null,
          proceedings: await Promise.all(
            (await listProceedings(tx, row.id)).map(async (p) => ({
              id: p.id,
              kind: p.kind,
              route: p.route,
              guarantorName: p.guarantorNameEnc
                ? await cipher.decrypt(c, p.guarantorNameEnc, place('case_rc_proceedings.guarantor_name', row.id))
                : null,
              status: p.status,
              startedOn: p.startedOn,
              endedOn: p.endedOn,
              note: p.noteEnc ? await cipher.decrypt(c, p.noteEnc, place('case_rc_proceedings.note', row.id)) : '',
              updatedAt: p.updatedAt.toISOString(),
            })),
          ),
          consultations: await Promise.all(
            consultations.map(async (k) => ({
              id: k.id,
              heldOn: k.heldOn,
              lawyerName: k.lawyerName,
              feeYen: k.feeYen,
              feeSupported: k.feeSupported,
              supportOrdinal: k.supportOrdinal,
              note: k.noteEnc ? await cipher.decrypt(c, k.noteEnc, place('case_rc_consultations.note', row.id)) : '',
            })),
          ),
          feeSupport: feeSupportToday(consultations.filter((k) => k.feeSupported).length),
          abilities: {
            write,
            prepareReferral: write && row.stage === 'rc_lawyer_referral' && !(referral?.r.consentedAt && !referral.r.consentRevokedAt),
          },
        };
      });
    },

    async addAdvice(actor: Actor, caseId: string, body: CreateRcAdviceBody): Promise<{ id: string }> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.rechallenge.write', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writableCase(tx, actor, caseId, now());
        const id = await insertAdvice(tx, {
          councilId: row.councilId,
          caseId: row.id,
          advisedOn: body.advisedOn,
          topic: body.topic,
          textEnc: await cipher.encrypt(row.councilId, body.text, place('case_rc_advice.text', row.id)),
          createdBy: actor.userId,
          createdAt: now(),
        });
        await recordRechallenge(
          audit,
          tx,
          actor,
          'CASE_RC_ADVICE_RECORDED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case_rc_advice', targetId: id },
          { topic: body.topic, advisedOn: body.advisedOn },
        );
        return { id };
      });
    },

    async addProceeding(actor: Actor, caseId: string, body: CreateRcProceedingBody): Promise<{ id: string }> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.rechallenge.write', null, null);
      await withTenantTx(db, tenantContextOf(actor), (tx) => writableCase(tx, actor, caseId, now()));
      const input: ProceedingInput = { ...body };
      const issues = checkProceeding(input).map((i) => ({ pointer: `/body/${i.field}`, code: i.code, message: i.message }));
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
      const kind = proceedingKindOf(body.route);
      if (kind === 'guarantor' && body.guarantorName) {
        // The guarantor must be one recorded on the guarantors page (経営者保証), where the 残存資産 estimate lives.
        const names = (await guarantors.get(actor, caseId)).guarantors.map((x) => x.name);
        if (!names.includes(body.guarantorName))
          throw invalid('/body/guarantorName', 'rcProceeding.guarantorUnknown', {
            ja: '保証人のページに登録された保証人を選んでください',
            en: 'Choose a guarantor recorded on the guarantors page',
          });
      }
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writableCase(tx, actor, caseId, now());
        const id = await insertProceeding(tx, {
          councilId: row.councilId,
          caseId: row.id,
          kind,
          route: body.route,
          guarantorNameEnc:
            kind === 'guarantor' && body.guarantorName
              ? await cipher.encrypt(row.councilId, body.guarantorName, place('case_rc_proceedings.guarantor_name', row.id))
              : null,
          status: body.status,
          startedOn: body.startedOn,
          endedOn: body.endedOn,
          noteEnc: body.note ? await cipher.encrypt(row.councilId, body.note, place('case_rc_proceedings.note', row.id)) : null,
          createdBy: actor.userId,
          createdAt: now(),
          updatedBy: actor.userId,
          updatedAt: now(),
        });
        await recordRechallenge(
          audit,
          tx,
          actor,
          'CASE_RC_PROCEEDING_RECORDED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case_rc_proceeding', targetId: id },
          { route: body.route, status: body.status, startedOn: body.startedOn, endedOn: body.endedOn },
        );
        return { id };
      });
    },

    async updateProceeding(actor: Actor, caseId: string, proceedingId: string, body: UpdateRcProceedingBody): Promise<void> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.rechallenge.write', null, null);
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writableCase(tx, actor, caseId, now());
        const p = await findProceeding(tx, row.id, proceedingId);
        if (!p) throw notFound({ ja: '指定された手続', en: 'The route' });
        const issues = checkProceeding({ route: p.route, guarantorName: p.guarantorNameEnc ? 'x' : null, ...body }).map((i) => ({
          pointer: `/body/${i.field}`,
          code: i.code,
          message: i.message,
        }));
        if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
        await updateProceeding(tx, p.id, { ...body, updatedBy: actor.userId, updatedAt: now() });
        await recordRechallenge(
          audit,
          tx,
          actor,
          'CASE_RC_PROCEEDING_UPDATED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case_rc_proceeding', targetId: p.id },
          { from: p.status, ...body },
        );
      });
    },

    /**
     * Records a lawyer consultation. Asking for fee support beyond the limit in force on the consultation date is
     * refused (422 on `feeSupported`, nothing recorded); the same consultation can be recorded as not supported.
     */
    async addConsultation(actor: Actor, caseId: string, body: CreateRcConsultationBody): Promise<RcConsultationCreated> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.rechallenge.write', null, null);
      try {
        return await withTenantTx(db, tenantContextOf(actor), async (tx) => {
          const row = await writableCase(tx, actor, caseId, now());
          const rule = feeSupportRuleOn(feeRules, body.heldOn);
          const decision = decideFeeSupport(rule, {
            supportedSoFar: await countSupportedConsultations(tx, row.id),
            supported: body.feeSupported,
            feeYen: body.feeYen,
          });
          if (!decision.ok) throw invalid('/body/feeSupported', decision.code, decision.reason);
          const id = await insertConsultation(tx, {
            councilId: row.councilId,
            caseId: row.id,
            heldOn: body.heldOn,
            lawyerName: body.lawyerName,
            feeYen: body.feeYen,
            feeSupported: body.feeSupported,
            supportOrdinal: decision.ordinal,
            ruleId: body.feeSupported ? (rule?.id ?? null) : null,
            noteEnc: body.note ? await cipher.encrypt(row.councilId, body.note, place('case_rc_consultations.note', row.id)) : null,
            recordedBy: actor.userId,
            recordedAt: now(),
          });
          await recordRechallenge(
            audit,
            tx,
            actor,
            'CASE_RC_CONSULTATION_RECORDED',
            { councilId: row.councilId, caseId: row.id, targetType: 'case_rc_consultation', targetId: id },
            {
              heldOn: body.heldOn,
              feeYen: body.feeYen,
              feeSupported: body.feeSupported,
              supportOrdinal: decision.ordinal,
              ruleId: rule?.id ?? null,
            },
          );
          return { id, supportOrdinal: decision.ordinal, remaining: decision.remaining, warning: decision.warning };
        });
      } catch (e) {
        if (pgErrorOf(e)?.code === PG.uniqueViolation)
          throw conflict({
            ja: '同時に別の相談が記録されました。もう一度記録してください',
            en: 'Another consultation was recorded at the same time. Record it again',
          });
        throw e;
      }
    },
  };
}

export type RechallengeService = ReturnType<typeof createRechallengeService>;
