import { createHash } from 'node:crypto';
import type {
  CreateRcAdviceBody,
  CreateRcConsultationBody,
  CreateRcProceedingBody,
  PrepareRcReferralBody,
  RcConsentView,
  RcConsultationCreated,
  RcLawyerPackage,
  RcPackage,
  Rechallenge,
  UpdateRcProceedingBody,
} from '@kasseika/contracts';
import {
  checkProceeding,
  decideFeeSupport,
  feeSupportRuleOn,
  proceedingKindOf,
  type FeeSupportRule,
  type ProceedingInput,
} from '@kasseika/domain';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, can, ForbiddenError } from '../../authz/authorize';
import { RC_LAWYER_GRANT_SCOPES } from '../../authz/roles';
import { withAuthTx } from '../../db/auth-tx';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, conflict, notFound } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseForActor, type CaseFactsLoader } from '../cases/cases.service';
import { recordCasework } from '../casework/casework-audit';
import type { DocumentsService } from '../documents/documents.service';
import type { FinancialsService } from '../financials/financials.service';
import { japanDate, type GuarantorsService } from '../guarantors/guarantors.service';
import {
  consentStands,
  countSupportedConsultations,
  findLawyer,
  findProceeding,
  findReferral,
  inCouncilContext,
  insertAdvice,
  insertConsultation,
  insertLawyerGrant,
  insertProceeding,
  listAdvice,
  listConsultations,
  listProceedings,
  markConsent,
  markRevocation,
  revokeLawyerGrant,
  setReferralGrant,
  updateProceeding,
  upsertReferral,
} from './rechallenge.repository';

export interface RechallengeServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  /** Lawyer-consultation fee support, dated (data/rechallenge/fee-support.v<date>.json). */
  readonly feeRules: readonly FeeSupportRule[];
  readonly documents: DocumentsService;
  readonly guarantors: GuarantorsService;
  readonly financials: FinancialsService;
  readonly now: () => Date;
}

/** The fact `lawyerHandoverConsented`: the company's consent to the lawyer handover package stands. */
export const rechallengeFactsLoader: CaseFactsLoader = async (tx, row) => ({ lawyerHandoverConsented: await consentStands(tx, row.id) });

const NOT_RC = {
  ja: '再チャレンジ支援の段階にある案件でのみ記録できます',
  en: 'Only a case in re-challenge support takes these records',
};
const NOT_REFERRAL_STAGE = {
  ja: '弁護士紹介の段階（再チャレンジ：弁護士紹介）でのみ行えます',
  en: 'Only possible at the lawyer-referral stage of re-challenge support',
};
const REFERRAL = { ja: '弁護士紹介の引継ぎ資料', en: 'The lawyer handover package' };
const REVOKE_REASON = '会社が引継ぎ資料への同意を撤回 / The company revoked its consent to the handover package';

const place = (column: string, caseId: string) => `${column}:${caseId}`;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function invalid(pointer: string, code: string, message: { ja: string; en: string }): AppError {
  return new AppError('VALIDATION_FAILED', { issues: [{ pointer, code, message }] });
}

/**
 * 再チャレンジ支援 (REFERENCE §4). The council records advice on 円滑な廃業, prepares the lawyer referral with a sealed
 * handover package, tracks the exit route and guarantor workouts and counts lawyer consultations against the fee
 * support. The company consents (or revokes) in its workspace: the consent binds to the package's SHA-256 and creates
 * the referred lawyer's case grant (scopes `case.read`, `rechallenge.package`); the revocation revokes it.
 */
export function createRechallengeService({ db, audit, cipher, feeRules, documents, guarantors, financials, now }: RechallengeServiceDeps) {
  async function writable(tx: Tx, actor: Actor, caseId: string) {
    const loaded = await loadCaseForActor(tx, actor, caseId, now());
    authorize(actor, 'case.rechallenge.write', loaded.resource);
    if (!loaded.row.stage.startsWith('rc_')) throw conflict(NOT_RC);
    return loaded.row;
  }

  async function readPackage(councilId: number, caseId: string, enc: string): Promise<{ json: string; pkg: RcPackage }> {
    const json = await cipher.decrypt(councilId, enc, place('case_rc_referrals.package', caseId));
    return { json, pkg: JSON.parse(json) as RcPackage };
  }

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

  function consentOf(r: NonNullable<Awaited<ReturnType<typeof findReferral>>>) {
    return {
      consentedAt: r.r.consentedAt?.toISOString() ?? null,
      consentedByName: r.r.consentedAt ? (r.consentedByName ?? null) : null,
      revokedAt: r.r.consentRevokedAt?.toISOString() ?? null,
      revokedByName: r.r.consentRevokedAt ? (r.revokedByName ?? null) : null,
    };
  }

  return {
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
                package: (await readPackage(c, row.id, referral.r.packageEnc)).pkg,
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
        const row = await writable(tx, actor, caseId);
        const id = await insertAdvice(tx, {
          councilId: row.councilId,
          caseId: row.id,
          advisedOn: body.advisedOn,
          topic: body.topic,
          textEnc: await cipher.encrypt(row.councilId, body.text, place('case_rc_advice.text', row.id)),
          createdBy: actor.userId,
          createdAt: now(),
        });
        await recordCasework(
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

    /**
     * Prepares (or re-prepares, while no consent stands) the referral: the lawyer (an account with the lawyer role,
     * found by e-mail) and the package — a snapshot of the chosen documents (listed with their latest version) and
     * figures, sealed (encrypted) with its SHA-256. A new proposal clears an earlier, revoked consent.
     */
    async prepareReferral(actor: Actor, caseId: string, body: PrepareRcReferralBody): Promise<{ packageHash: string }> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.rechallenge.write', null, null);
      // Authorise before reading anything else of the case (the other services authorise again on their own).
      await withTenantTx(db, tenantContextOf(actor), (tx) => writable(tx, actor, caseId));
      const lawyer = await withAuthTx(db, actor.userId, (tx) => findLawyer(tx, body.lawyerEmail));
      if (!lawyer)
        throw invalid('/body/lawyerEmail', 'rcReferral.lawyerUnknown', {
          ja: 'このメールアドレスの弁護士アカウントが見つかりません（弁護士として登録されたアカウントを指定してください）',
          en: 'No lawyer account has this e-mail address (name an account registered as a lawyer)',
        });
      const docs = body.documentIds.length > 0 ? (await documents.list(actor, caseId)).items : [];
      const chosen = body.documentIds.map((id, i) => {
        const d = docs.find((x) => x.id === id);
        if (!d)
          throw invalid(`/body/documentIds/${i}`, 'rcReferral.documentUnknown', {
            ja: '指定された書類はこの案件にありません',
            en: 'The document is not on this case',
          });
        const latest = d.versions.at(-1);
        return {
          id: d.id,
          title: d.title,
          docType: d.docType,
          version: latest?.version ?? 0,
          uploadedAt: latest?.uploadedAt ?? d.createdAt,
        };
      });
      const figures = new Set(body.figures);
      const g = figures.has('guarantors') ? await guarantors.get(actor, caseId) : null;
      const s = figures.has('statements') ? await financials.get(actor, caseId) : null;
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const row = await writable(tx, actor, caseId);
        if (row.stage !== 'rc_lawyer_referral') throw conflict(NOT_REFERRAL_STAGE);
        const existing = await findReferral(tx, row.id);
        if (existing?.r.consentedAt && !existing.r.consentRevokedAt)
          throw conflict({
            ja: '会社の同意がある引継ぎ資料は変更できません（会社が同意を撤回すると作り直せます）',
            en: 'A package the company consented to cannot change (it can be prepared again once the company revokes its consent)',
          });
        const advice = figures.has('advice')
          ? await Promise.all(
              (await listAdvice(tx, row.id)).map(async (a) => ({
                advisedOn: a.advisedOn,
                topic: a.topic,
                text: await cipher.decrypt(row.councilId, a.textEnc, place('case_rc_advice.text', row.id)),
              })),
            )
          : null;
        const pkg: RcPackage = {
          preparedAt: now().toISOString(),
          message: body.message,
          documents: chosen,
          guarantors: g
            ? g.guarantors.map((x) => ({
                name: x.name,
                workoutType: x.workoutType,
                guaranteedTotal: x.estimate.guaranteedTotal,
                assetsTotal: x.estimate.assetsTotal,
                residualAssets: x.estimate.residualAssets,
                remainingGuaranteeDebt: x.estimate.remainingGuaranteeDebt,
                ruleSetId: x.estimate.ruleSetId,
              }))
            : null,
          guarantorsReferenceDate: g ? g.referenceDate : null,
          statements: s
            ? s.statements.map((y) => {
                const b = y.balanceSheet;
                const i = y.incomeStatement;
                return {
                  fiscalYearEnd: y.fiscalYearEnd,
                  netSales: i.netSales ?? 0,
                  ordinaryProfit: i.ordinaryProfit ?? 0,
                  // 借入金 = 短期借入金 + 1年内返済長期借入金 + 長期借入金 (integer yen sums, no rounding)
                  borrowings: (b.shortTermBorrowings ?? 0) + (b.currentPortionOfLongTermBorrowings ?? 0) + (b.longTermBorrowings ?? 0),
                  // 純資産 = 資本金 + 利益剰余金 + その他純資産
                  netAssets: (b.capitalStock ?? 0) + (b.retainedEarnings ?? 0) + (b.otherNetAssets ?? 0),
                };
              })
            : null,
          advice,
        };
        const json = JSON.stringify(pkg);
        const packageHash = sha256(`${lawyer.userId}\n${json}`);
        await upsertReferral(tx, {
          councilId: row.councilId,
          caseId: row.id,
          lawyerUserId: lawyer.userId,
          lawyerName: lawyer.displayName,
          lawyerFirm: lawyer.firm,
          packageEnc: await cipher.encrypt(row.councilId, json, place('case_rc_referrals.package', row.id)),
          packageHash,
          preparedBy: actor.userId,
          preparedAt: now(),
        });
        await recordCasework(
          audit,
          tx,
          actor,
          'CASE_RC_REFERRAL_PREPARED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id },
          { lawyerUserId: lawyer.userId, documents: chosen.length, figures: [...figures], packageHash },
        );
        return { packageHash };
      });
    },

    /** The company's view: the proposed referral and its consent (the council sees it too). */
    async consentView(actor: Actor, caseId: string): Promise<RcConsentView> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        if (!can(actor, 'case.rechallenge.read', resource)) authorize(actor, 'case.rechallenge.consent', resource);
        const referral = await findReferral(tx, row.id);
        return {
          referral: referral
            ? {
                lawyerName: referral.r.lawyerName,
                lawyerFirm: referral.r.lawyerFirm,
                packageHash: referral.r.packageHash,
                package: (await readPackage(row.councilId, row.id, referral.r.packageEnc)).pkg,
                consent: consentOf(referral),
              }
            : null,
          abilities: { consent: can(actor, 'case.rechallenge.consent', resource) && row.stage === 'rc_lawyer_referral' },
        };
      });
    },

    /** The company consents to exactly the package it read (its hash); the referred lawyer is granted the package. */
    async consent(actor: Actor, caseId: string, packageHash: string): Promise<void> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.rechallenge.consent', null, null);
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.rechallenge.consent', resource);
        const referral = await findReferral(tx, row.id);
        if (!referral) throw notFound(REFERRAL);
        if (row.stage !== 'rc_lawyer_referral') throw conflict(NOT_REFERRAL_STAGE);
        if (referral.r.packageHash !== packageHash)
          throw conflict({
            ja: '引継ぎ資料が変更されています。最新の内容を確認してから同意してください',
            en: 'The package has changed. Read the current package before consenting',
          });
        if (referral.r.consentedAt && !referral.r.consentRevokedAt)
          throw conflict({ ja: 'すでに同意しています', en: 'You have already consented' });
        if (referral.r.consentRevokedAt)
          throw conflict({
            ja: '撤回した同意は、協議会が引継ぎ資料を作り直した後に改めて行えます',
            en: 'After a revocation, the council prepares the package again before a new consent',
          });
        if (!(await markConsent(tx, referral.r.id, actor.userId, now())))
          throw conflict({ ja: 'すでに同意しています', en: 'You have already consented' });
        const grantId = await inCouncilContext(tx, row.councilId, async () => {
          const id = await insertLawyerGrant(tx, {
            councilId: row.councilId,
            caseId: row.id,
            userId: referral.r.lawyerUserId,
            roleInCase: 'lawyer',
            scopes: [...RC_LAWYER_GRANT_SCOPES],
            grantedBy: actor.userId,
            grantedAt: now(),
          });
          await setReferralGrant(tx, referral.r.id, id);
          return id;
        });
        const target = { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id };
        await recordCasework(audit, tx, actor, 'CASE_RC_CONSENT_GIVEN', target, { packageHash, lawyerUserId: referral.r.lawyerUserId });
        await recordCasework(audit, tx, actor, 'CASE_GRANT_CREATED', target, {
          grantId,
          userId: referral.r.lawyerUserId,
          roleInCase: 'lawyer',
          scopes: RC_LAWYER_GRANT_SCOPES,
          via: 'rechallenge_consent',
        });
      });
    },

    /** The company revokes its consent: the lawyer's package grant is revoked in the same transaction. */
    async revokeConsent(actor: Actor, caseId: string): Promise<void> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.rechallenge.consent', null, null);
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.rechallenge.consent', resource);
        const referral = await findReferral(tx, row.id);
        if (!referral) throw notFound(REFERRAL);
        if (!(await markRevocation(tx, referral.r.id, actor.userId, now())))
          throw conflict({ ja: '撤回できる同意がありません', en: 'There is no consent to revoke' });
        const grantId = referral.r.grantId;
        if (grantId) await inCouncilContext(tx, row.councilId, () => revokeLawyerGrant(tx, grantId, actor.userId, REVOKE_REASON, now()));
        const target = { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id };
        await recordCasework(audit, tx, actor, 'CASE_RC_CONSENT_REVOKED', target, { lawyerUserId: referral.r.lawyerUserId });
        if (grantId)
          await recordCasework(audit, tx, actor, 'CASE_GRANT_REVOKED', target, {
            grantId,
            userId: referral.r.lawyerUserId,
            reason: REVOKE_REASON,
          });
      });
    },

    /** The consented package of one case: the referred lawyer (through the consent's grant) and the council. */
    async lawyerPackage(actor: Actor, caseId: string): Promise<RcLawyerPackage> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.rechallenge.package', resource);
        const referral = await findReferral(tx, row.id);
        if (!referral?.r.consentedAt || referral.r.consentRevokedAt) throw notFound(REFERRAL);
        await recordCasework(audit, tx, actor, 'CASE_RC_PACKAGE_VIEWED', {
          councilId: row.councilId,
          caseId: row.id,
          targetType: 'case',
          targetId: row.id,
        });
        return {
          lawyerName: referral.r.lawyerName,
          lawyerFirm: referral.r.lawyerFirm,
          consentedAt: referral.r.consentedAt.toISOString(),
          packageHash: referral.r.packageHash,
          package: (await readPackage(row.councilId, row.id, referral.r.packageEnc)).pkg,
        };
      });
    },

    async addProceeding(actor: Actor, caseId: string, body: CreateRcProceedingBody): Promise<{ id: string }> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.rechallenge.write', null, null);
      await withTenantTx(db, tenantContextOf(actor), (tx) => writable(tx, actor, caseId));
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
        const row = await writable(tx, actor, caseId);
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
        await recordCasework(
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
        const row = await writable(tx, actor, caseId);
        const p = await findProceeding(tx, row.id, proceedingId);
        if (!p) throw notFound({ ja: '指定された手続', en: 'The route' });
        const issues = checkProceeding({ route: p.route, guarantorName: p.guarantorNameEnc ? 'x' : null, ...body }).map((i) => ({
          pointer: `/body/${i.field}`,
          code: i.code,
          message: i.message,
        }));
        if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
        await updateProceeding(tx, p.id, { ...body, updatedBy: actor.userId, updatedAt: now() });
        await recordCasework(
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
          const row = await writable(tx, actor, caseId);
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
          await recordCasework(
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
