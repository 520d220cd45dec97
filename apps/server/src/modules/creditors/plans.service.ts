import type {
  CasePlan,
  CreditorResponseBody,
  PlanCommentBody,
  PlanVersion,
  PlanVersionContent,
  SubmitPlanVersionBody,
} from '@kasseika/contracts';
import { checkCreditorResponse, consentOutcome, type ResponseRefusal } from '@kasseika/domain';
import type { AuditEventType } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, hasRole, rolesOf, tenantContextOf, type Actor } from '../../authz/actor';
import type { CaseResource } from '../../authz/actions';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, conflict, notFound } from '../../errors/app-error';
import type { Mailer } from '../../providers/mail/mailer';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseForActor, type CaseRow } from '../cases/cases.service';
import { buildPlanContent, planVersionSha256 } from './plans.content';
import { buildConsentFormPdf } from './plans.pdf';
import {
  bankCodesOf,
  insertComment,
  insertResponse,
  insertVersion,
  latestBaseline,
  listComments,
  listVersions,
  liveGranteeEmails,
  liveResponses,
  voidResponsesExcept,
  type PlanVersionRow,
} from './plans.repository';

export interface PlansServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly mailer: Mailer;
  readonly publicUrl: string;
  readonly now: () => Date;
}

/** Where a version's content and a comment are sealed (binds the ciphertext to its case and version). */
export const planContentPlace = (caseId: string, versionNo: number): string => `case_plan_versions.content:${caseId}:${versionNo}`;
export const planCommentPlace = (versionId: string): string => `case_plan_comments.body:${versionId}`;

const REFUSALS: Record<ResponseRefusal, { ja: string; en: string }> = {
  no_version: { ja: 'まだ計画の版が提示されていません', en: 'No plan version has been submitted yet' },
  stale_version: {
    ja: 'この版は最新ではありません。新しい版が提示されたため、以前の版への回答は受け付けられません。最新の版を確認してください',
    en: 'This is not the current version. A newer version has been submitted; answers to earlier versions are not accepted. Review the current version',
  },
  not_a_target: {
    ja: '貴行はこの計画の対象債権者ではないため、回答できません',
    en: 'Your bank is not a target creditor of this plan, so it cannot answer',
  },
  already_consented: { ja: 'この版にはすでに同意しています', en: 'You have already consented to this version' },
};

const CASE_OR_NO_CONSENT = {
  ja: '案件が見つかりません（会社が貴行への守秘義務の解除に同意していない場合、または同意が撤回された場合を含みます）',
  en: 'The case was not found (this includes a case whose company has not consented, or has revoked its consent, to share it with your bank)',
};

/**
 * Plan versions and unanimous consent (ADR 0019): council case workers submit immutable versions (SHA-256 of RFC 8785
 * JSON); PM/SM comment on them; target creditors with a consent in force state a stance and consent to a specific
 * hash; a new version voids earlier answers and notifies everyone with a grant; the plan takes effect when every
 * target creditor consents to the current version, and the agreed version becomes the monitoring baseline.
 */
export function createPlansService({ db, audit, cipher, mailer, publicUrl, now }: PlansServiceDeps) {
  function record(tx: Tx, actor: Actor, type: AuditEventType, row: CaseRow, targetId: string, details: Record<string, unknown> = {}) {
    return audit.record(tx, {
      type,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actorLabel(actor),
      actorRoles: rolesOf(actor),
      councilId: row.councilId,
      caseId: row.id,
      targetType: 'case_plan',
      targetId,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }

  /** Loads the case; a bank officer who cannot see it gets a 404 that also names a missing or revoked consent. */
  async function load(tx: Tx, actor: Actor, caseId: string) {
    try {
      return await loadCaseForActor(tx, actor, caseId, now());
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND' && hasRole(actor, 'bank_officer'))
        throw new AppError('NOT_FOUND', { detail: CASE_OR_NO_CONSENT });
      throw e;
    }
  }

  async function myBanks(tx: Tx, actor: Actor): Promise<string[]> {
    if (actor.kind !== 'user' || !hasRole(actor, 'bank_officer')) return [];
    return bankCodesOf(
      tx,
      actor.memberships.filter((m) => m.organizationKind === 'bank').map((m) => m.organizationId),
    );
  }

  async function decrypt(row: PlanVersionRow): Promise<PlanVersionContent> {
    return JSON.parse(
      await cipher.decrypt(row.councilId, row.contentEnc, planContentPlace(row.caseId, row.versionNo)),
    ) as PlanVersionContent;
  }

  async function presentVersion(tx: Tx, row: PlanVersionRow, withComments: boolean): Promise<PlanVersion> {
    const comments = withComments
      ? await Promise.all(
          (await listComments(tx, row.id)).map(async (c) => ({
            id: c.id,
            authorName: c.authorName,
            body: await cipher.decrypt(row.councilId, c.bodyEnc, planCommentPlace(row.id)),
            at: c.createdAt.toISOString(),
          })),
        )
      : [];
    return {
      versionNo: row.versionNo,
      sha256: row.sha256,
      submittedAt: row.submittedAt.toISOString(),
      submittedByName: row.submittedByName,
      targetBankCodes: row.targetBankCodes,
      content: await decrypt(row),
      comments,
    };
  }

  async function plan(tx: Tx, actor: Actor, row: CaseRow, resource: CaseResource): Promise<CasePlan> {
    const versions = await listVersions(tx, row.id);
    const current = versions.at(-1) ?? null;
    const abilities = abilitiesFor(actor, ['case.plan.submit', 'case.plan.comment', 'case.plan.respond'], resource);
    const mine = await myBanks(tx, actor);
    const content = current ? await decrypt(current) : null;
    const names = new Map(content?.creditors.map((c) => [c.bankCode, c.bankName]) ?? []);
    const outcome = consentOutcome(
      current?.targetBankCodes ?? [],
      (await liveResponses(tx, row.id)).map((r) => ({
        bankCode: r.bankCode,
        versionSha256: r.versionSha256,
        kind: r.kind,
        stance: r.stance,
        conditions: r.conditions,
        at: r.respondedAt,
      })),
      current?.sha256 ?? null,
    );
    const isBank = hasRole(actor, 'bank_officer');
    const baseline = await latestBaseline(tx, row.id);
    return {
      versions: versions.map((v) => ({ versionNo: v.versionNo, sha256: v.sha256, submittedAt: v.submittedAt.toISOString() })),
      current: current ? await presentVersion(tx, current, abilities['case.plan.comment'] || !isBank) : null,
      consent: {
        // A bank sees its own answer only; the council sees everyone's.
        targets: outcome.targets
          .filter((t) => !isBank || mine.includes(t.bankCode))
          .map((t) => ({
            bankCode: t.bankCode,
            bankName: names.get(t.bankCode) ?? t.bankCode,
            stance: t.stance,
            conditions: t.conditions,
            consented: t.consented,
            consentedAt: t.consentedAt?.toISOString() ?? null,
          })),
        outstanding: isBank ? outcome.outstanding.filter((b) => mine.includes(b)) : [...outcome.outstanding],
        allConsented: outcome.allConsented,
      },
      baseline: baseline
        ? {
            versionNo: versions.find((v) => v.id === baseline.versionId)?.versionNo ?? 0,
            sha256: baseline.sha256,
            agreedAt: baseline.agreedAt.toISOString(),
          }
        : null,
      abilities: {
        submit: abilities['case.plan.submit'] && row.stage !== 'closed',
        comment: abilities['case.plan.comment'] && current !== null,
        respond: abilities['case.plan.respond'] && current !== null && mine.some((b) => current.targetBankCodes.includes(b)),
      },
      myBankCode: mine[0] ?? null,
    };
  }

  return {
    async get(actor: Actor, caseId: string): Promise<CasePlan> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.plan.read', resource);
        await record(tx, actor, 'PLAN_VIEWED', row, row.id);
        return plan(tx, actor, row, resource);
      });
    },

    async version(actor: Actor, caseId: string, versionNo: number): Promise<PlanVersion> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.plan.read', resource);
        const v = (await listVersions(tx, row.id)).find((x) => x.versionNo === versionNo);
        if (!v) throw notFound({ ja: '指定された版', en: 'The plan version' });
        await record(tx, actor, 'PLAN_VIEWED', row, v.id, { versionNo });
        return presentVersion(tx, v, abilitiesFor(actor, ['case.plan.comment'], resource)['case.plan.comment']);
      });
    },

    /**
     * Submits a new version: content canonicalised and hashed; refused (409) when identical to the current version;
     * every live answer to earlier versions is voided and everyone with a grant on the case is notified by mail.
     */
    async submit(actor: Actor, caseId: string, body: SubmitPlanVersionBody): Promise<CasePlan> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.plan.submit', null, null);
      try {
        return await withTenantTx(db, tenantContextOf(actor), async (tx) => {
          const { row, resource } = await load(tx, actor, caseId);
          authorize(actor, 'case.plan.submit', resource);
          if (row.stage === 'closed') throw conflict({ ja: '終了した案件です', en: 'This case is closed' });
          const content = await buildPlanContent(tx, row, body);
          const sha256 = planVersionSha256(content);
          const versions = await listVersions(tx, row.id);
          const latest = versions.at(-1);
          if (latest?.sha256 === sha256)
            throw conflict({
              ja: `内容が現在の版（第${latest.versionNo}版）と同じため、新しい版は作成しませんでした`,
              en: `The content is identical to the current version (${latest.versionNo}); no new version was made`,
            });
          const versionNo = (latest?.versionNo ?? 0) + 1;
          const at = now();
          const versionId = await insertVersion(tx, {
            councilId: row.councilId,
            caseId: row.id,
            versionNo,
            sha256,
            contentEnc: await cipher.encrypt(row.councilId, JSON.stringify(content), planContentPlace(row.id, versionNo)),
            targetBankCodes: content.creditors.filter((c) => c.isTarget).map((c) => c.bankCode),
            submittedBy: actor.userId,
            submittedAt: at,
          });
          const voided = await voidResponsesExcept(tx, row.id, versionId, `superseded by version ${versionNo}`, at);
          for (const { email } of await liveGranteeEmails(tx, row.id, at))
            await mailer.enqueue(tx, email, {
              kind: 'plan_version_submitted',
              caseReferenceNo: row.referenceNo,
              versionNo,
              sha256,
              link: `${publicUrl}/creditors/${row.id}`,
            });
          await record(tx, actor, 'PLAN_VERSION_SUBMITTED', row, versionId, { versionNo, sha256, voided });
          return plan(tx, actor, row, resource);
        });
      } catch (e) {
        if (pgErrorOf(e)?.code === PG.uniqueViolation)
          throw conflict({
            ja: '他の方が同時に新しい版を提示しました。画面を更新してください',
            en: 'Someone submitted a version at the same time. Reload',
          });
        throw e;
      }
    },

    /**
     * The 同意書 PDF of one target creditor for the current version: the council for any target creditor (query
     * `bankCode`), a bank officer for its own bank only.
     */
    async consentForm(actor: Actor, caseId: string, bankCode: string | undefined): Promise<{ body: Buffer; filename: string }> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.plan.read', resource);
        const current = (await listVersions(tx, row.id)).at(-1);
        if (!current) throw notFound({ ja: '計画の版', en: 'A plan version' });
        const mine = await myBanks(tx, actor);
        const bank = hasRole(actor, 'bank_officer') ? (bankCode ?? mine[0]) : bankCode;
        if (!bank)
          throw new AppError('VALIDATION_FAILED', {
            issues: [
              {
                pointer: '/query/bankCode',
                code: 'bankCode.format',
                message: { ja: '金融機関コードを指定してください', en: 'Give the bank code' },
              },
            ],
          });
        if (hasRole(actor, 'bank_officer') && !mine.includes(bank)) throw new ForbiddenError('case.plan.read', null, null);
        if (!current.targetBankCodes.includes(bank))
          throw notFound({ ja: 'この版の対象債権者', en: 'The target creditor of this version' });
        await record(tx, actor, 'PLAN_VIEWED', row, current.id, { versionNo: current.versionNo, consentForm: bank });
        const body = await buildConsentFormPdf({
          councilName: row.councilName,
          content: await decrypt(current),
          versionNo: current.versionNo,
          sha256: current.sha256,
          bankCode: bank,
        });
        return { body, filename: `同意書_${row.referenceNo}_第${current.versionNo}版_${bank}.pdf` };
      });
    },

    /** A PM/SM review comment (意見・助言) on a version (council-internal, encrypted). */
    async comment(actor: Actor, caseId: string, versionNo: number, body: PlanCommentBody): Promise<PlanVersion> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.plan.comment', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.plan.comment', resource);
        const v = (await listVersions(tx, row.id)).find((x) => x.versionNo === versionNo);
        if (!v) throw notFound({ ja: '指定された版', en: 'The plan version' });
        await insertComment(tx, {
          councilId: row.councilId,
          caseId: row.id,
          versionId: v.id,
          authorId: actor.userId,
          bodyEnc: await cipher.encrypt(row.councilId, body.body, planCommentPlace(v.id)),
          createdAt: now(),
        });
        await record(tx, actor, 'PLAN_COMMENTED', row, v.id, { versionNo });
        return presentVersion(tx, v, true);
      });
    },

    /**
     * A target creditor's stance or consent, bound to the hash it names. A stale hash, a bank that is not a target
     * creditor, or a second consent is refused (409 with the reason) and changes nothing; without the company's
     * consent in force the case is invisible (404).
     */
    async respond(actor: Actor, caseId: string, body: CreditorResponseBody): Promise<CasePlan> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.plan.respond', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.plan.respond', resource);
        const current = (await listVersions(tx, row.id)).at(-1) ?? null;
        const banks = await myBanks(tx, actor);
        const bankCode = banks.find((b) => current?.targetBankCodes.includes(b)) ?? banks[0] ?? '';
        const live = await liveResponses(tx, row.id);
        const check = checkCreditorResponse({
          currentSha256: current?.sha256 ?? null,
          targetBankCodes: current?.targetBankCodes ?? [],
          bankCode,
          versionSha256: body.versionSha256,
          kind: body.kind,
          alreadyConsented:
            body.kind === 'consent' && live.some((r) => r.kind === 'consent' && r.bankCode === bankCode && r.versionId === current?.id),
        });
        if (!check.ok || !current) {
          const reason = check.ok ? REFUSALS.no_version : REFUSALS[check.reason];
          throw new AppError('CONFLICT', {
            detail: reason,
            issues: [{ pointer: '/body/versionSha256', code: `response.${check.ok ? 'no_version' : check.reason}`, message: reason }],
          });
        }
        await insertResponse(tx, {
          councilId: row.councilId,
          caseId: row.id,
          versionId: current.id,
          versionSha256: current.sha256,
          bankCode,
          kind: body.kind,
          stance: body.kind === 'stance' ? (body.stance ?? null) : null,
          conditions: body.kind === 'stance' && body.stance === 'conditional' ? (body.conditions ?? null) : null,
          respondedBy: actor.userId,
          respondedAt: now(),
        });
        await record(tx, actor, body.kind === 'consent' ? 'PLAN_CONSENTED' : 'PLAN_STANCE_RECORDED', row, current.id, {
          versionNo: current.versionNo,
          sha256: current.sha256,
          bankCode,
          stance: body.stance ?? null,
        });
        return plan(tx, actor, row, resource);
      });
    },
  };
}

export { planVersionSha256 };

export type PlansService = ReturnType<typeof createPlansService>;
