import { createHash } from 'node:crypto';
import type { PrepareRcReferralBody, RcConsentView, RcLawyerPackage, RcPackage } from '@kasseika/contracts';
import { isCaseWorker, tenantContextOf, type Actor } from '../../authz/actor';
import { authorize, can, ForbiddenError } from '../../authz/authorize';
import { RC_LAWYER_GRANT_SCOPES } from '../../authz/roles';
import { withAuthTx } from '../../db/auth-tx';
import { withTenantTx } from '../../db/tenant-tx';
import { conflict, notFound } from '../../errors/app-error';
import { loadCaseForActor } from '../cases/cases.service';
import { consentOf, invalid, place, readPackage, recordRechallenge, writableCase, type RechallengeServiceDeps } from './rechallenge-common';
import {
  findLawyer,
  findReferral,
  inCouncilContext,
  insertLawyerGrant,
  listAdvice,
  markConsent,
  markRevocation,
  revokeLawyerGrant,
  setReferralGrant,
  upsertReferral,
} from './rechallenge.repository';

export type RcReferralServiceDeps = Omit<RechallengeServiceDeps, 'feeRules'>;

const NOT_REFERRAL_STAGE = {
  ja: '弁護士紹介の段階（再チャレンジ：弁護士紹介）でのみ行えます',
  en: 'Only possible at the lawyer-referral stage of re-challenge support',
};
const REFERRAL = { ja: '弁護士紹介の引継ぎ資料', en: 'The lawyer handover package' };
const REVOKE_REASON = '会社が引継ぎ資料への同意を撤回 / The company revoked its consent to the handover package';
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * The lawyer referral (REFERENCE §4 "Lawyer handover"): the council prepares the referral with a sealed handover
 * package; the company consents (bound to the package's SHA-256) or revokes in its workspace; the consent creates the
 * referred lawyer's case grant (scopes `case.read`, `rechallenge.package`) and the revocation revokes it, in the same
 * transaction; the lawyer reads the consented package and downloads exactly the document versions it names.
 */
export function createRcReferralService({ db, audit, cipher, documents, guarantors, financials, now }: RcReferralServiceDeps) {
  return {
    /**
     * Prepares (or re-prepares, while no consent stands) the referral: the lawyer (an account with the lawyer role,
     * found by e-mail) and the package — a snapshot of the chosen documents (listed with their latest version) and
     * figures, sealed (encrypted) with its SHA-256. A new proposal clears an earlier, revoked consent.
     */
    async prepareReferral(actor: Actor, caseId: string, body: PrepareRcReferralBody): Promise<{ packageHash: string }> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.rechallenge.write', null, null);
      // Authorise before reading anything else of the case (the other services authorise again on their own).
      await withTenantTx(db, tenantContextOf(actor), (tx) => writableCase(tx, actor, caseId, now()));
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
        const row = await writableCase(tx, actor, caseId, now());
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
        await recordRechallenge(
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
                package: await readPackage(cipher, row.councilId, row.id, referral.r.packageEnc),
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
        await recordRechallenge(audit, tx, actor, 'CASE_RC_CONSENT_GIVEN', target, { packageHash, lawyerUserId: referral.r.lawyerUserId });
        await recordRechallenge(audit, tx, actor, 'CASE_GRANT_CREATED', target, {
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
        await recordRechallenge(audit, tx, actor, 'CASE_RC_CONSENT_REVOKED', target, { lawyerUserId: referral.r.lawyerUserId });
        if (grantId)
          await recordRechallenge(audit, tx, actor, 'CASE_GRANT_REVOKED', target, {
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
        await recordRechallenge(audit, tx, actor, 'CASE_RC_PACKAGE_VIEWED', {
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
          package: await readPackage(cipher, row.councilId, row.id, referral.r.packageEnc),
        };
      });
    },

    /**
     * Downloads one document version of the consented package (the referred lawyer; the council). Only a document and
     * version the package the company consented to names (its hash), and only while that consent stands: anything
     * else, and everything after a revocation, is 404. The bytes, checksum check, attachment answer and the
     * `DOCUMENT_DOWNLOADED` audit event (in the company's access log) are the documents module's.
     */
    async packageDocument(
      actor: Actor,
      caseId: string,
      documentId: string,
      version: number,
    ): Promise<{ body: Buffer; filename: string; contentType: string }> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await loadCaseForActor(tx, actor, caseId, now());
        authorize(actor, 'case.rechallenge.package', resource);
        const referral = await findReferral(tx, row.id);
        if (!referral?.r.consentedAt || referral.r.consentRevokedAt) throw notFound(REFERRAL);
        const pkg = await readPackage(cipher, row.councilId, row.id, referral.r.packageEnc);
        if (!pkg.documents.some((d) => d.id === documentId && d.version === version))
          throw notFound({ ja: '引継ぎ資料にない書類', en: 'A document outside the handover package' });
        const details = { via: 'rechallenge_package', packageHash: referral.r.packageHash };
        const open = () => documents.downloadAuthorised(tx, actor, resource, documentId, version, details);
        // The lawyer holds no documents scope (RLS hides the case's documents from it): the one version the consented
        // package names is read in the council's context, inside this transaction. The council reads in its own.
        return isCaseWorker(actor, row.councilId) ? open() : inCouncilContext(tx, row.councilId, open);
      });
    },
  };
}
