import type {
  ConsultationForm,
  ConsultationReceipt,
  ConsultationRequestBody,
  ConsultationVerified,
  FieldIssue,
  IntakeInbox,
  PostalAddressList,
} from '@kasseika/contracts';
import { VALIDATION_MESSAGES, type ValidationMessageKey } from '@kasseika/contracts';
import {
  checkCorporateNumber,
  companyDuplicateKeys,
  normalizeCompanyName,
  normalizeKana,
  parsePostalCode,
  PREFECTURES,
} from '@kasseika/domain';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { rolesOf, staffCouncilOf, tenantContextOf, type Actor } from '../../authz/actor';
import { authorize, can } from '../../authz/authorize';
import { DEFAULT_GRANT_SCOPES } from '../../authz/roles';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, invalid, notFound } from '../../errors/app-error';
import type { Mailer } from '../../providers/mail/mailer';
import type { PostalLookup } from '../../providers/postal-lookup';
import type { FieldCipher } from '../../security/field-cipher';
import { hmacHex, randomToken, safeEqual, sha256Hex } from '../../security/secrets';
import type { InvitationService } from '../auth/invitations.service';
import { openCaseInTx, type CaseTransitionHook } from '../cases/cases.service';
import type { IntakeData } from './intake-data';
import {
  councilName,
  findRequestByTokenHash,
  findRequestOfCase,
  insertCompany,
  insertRequest,
  listInbox,
  markVerified,
  possibleDuplicates,
  purgeExpiredUnverified,
} from './intake.repository';

/** How long the verification link works. */
export const VERIFICATION_HOURS = 48;
/** A form sent sooner than this after it was opened is refused (people take longer; scripts do not). */
export const MINIMUM_FILL_SECONDS = 5;
/** A form token older than this is refused (the form asks for a fresh one and keeps what was typed). */
const FORM_TOKEN_MAX_AGE_MS = 24 * 3600_000;

/** The details sealed with the council's data key. */
export interface SealedDetails {
  readonly company: Omit<ConsultationRequestBody['company'], 'name' | 'nameKana' | 'corporateNumber'>;
  readonly contact: ConsultationRequestBody['contact'];
  readonly needs: readonly string[];
  readonly message: string;
  readonly preferredContact: ConsultationRequestBody['preferredContact'];
  readonly councilOverrideReason: string | null;
}

/** Where the sealed columns of a request are bound (FieldCipher places). */
export const emailPlace = (id: string) => `consultation_requests.email:${id}`;
export const detailsPlace = (id: string) => `consultation_requests.details:${id}`;

function issue(pointer: string, key: ValidationMessageKey): FieldIssue {
  return { pointer, code: key, message: VALIDATION_MESSAGES[key] };
}

/** Reference numbers people can read out on the phone: R-XXXX-XXXX without 0/O/1/I. */
function newReferenceNo(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = Buffer.from(randomToken(12), 'base64url');
  let s = '';
  for (let i = 0; i < 8; i++) s += alphabet.charAt((bytes[i] ?? 0) % alphabet.length);
  return `R-${s.slice(0, 4)}-${s.slice(4)}`;
}

export interface IntakeServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly mailer: Mailer;
  readonly cipher: FieldCipher;
  readonly postal: PostalLookup;
  readonly invitations: InvitationService;
  readonly data: IntakeData;
  /** HMAC key of the form tokens. */
  readonly formKey: Buffer;
  readonly publicUrl: string;
  readonly now: () => Date;
}

/**
 * The public consultation request and the council's intake inbox.
 * - `form` issues a signed form token (its issue time enforces a minimum fill time) with the form's choices;
 * - `submit` checks everything (every field issue at once), stores the request for the chosen council and mails the
 *   verification link — nothing reaches the council before the requester confirms their address;
 * - `verify` (single use, 48 h) creates the company, the support case at `intake`, the company's account invitation
 *   (which carries the case grant) and the acknowledgement mail, in one transaction;
 * - `inbox` lists the council's verified requests still at `intake`, with possible duplicates;
 * - accepting or declining is a case transition; `transitionListener` mails the requester.
 *
 * @see ../../../../../docs/adr/0012-public-consultation-intake.md
 */
export function createIntakeService(deps: IntakeServiceDeps) {
  const { db, audit, mailer, cipher, postal, invitations, data, formKey, publicUrl, now } = deps;

  function signForm(issuedAt: number, nonce: string): string {
    return `${issuedAt.toString(36)}.${nonce}.${hmacHex(formKey, `intake-form:${issuedAt}.${nonce}`).slice(0, 32)}`;
  }

  function checkFormToken(token: string): FieldIssue | null {
    const [at36, nonce, mac] = token.split('.');
    const issuedAt = at36 ? parseInt(at36, 36) : NaN;
    if (!nonce || !mac || !Number.isSafeInteger(issuedAt) || !safeEqual(signForm(issuedAt, nonce), token)) {
      return issue('/body/formToken', 'intake.formToken');
    }
    const age = now().getTime() - issuedAt;
    if (age > FORM_TOKEN_MAX_AGE_MS || age < -60_000) return issue('/body/formToken', 'intake.formToken');
    if (age < MINIMUM_FILL_SECONDS * 1000) return issue('/body/formToken', 'intake.tooFast');
    return null;
  }

  /** Checks that need data: the form token, the honeypot, 〒 against the postal data, industry and checklist ids. */
  function semanticIssues(body: ConsultationRequestBody): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (body.website) issues.push(issue('/body/website', 'intake.honeypot'));
    const token = checkFormToken(body.formToken);
    if (token) issues.push(token);
    const postal7 = parsePostalCode(body.company.postalCode);
    if (postal7) {
      const prefectures = postal.prefecturesOfPostalCode(postal7);
      const known = postal.addressesOfPostalCode(postal7).length > 0;
      if (!known) issues.push(issue('/body/company/postalCode', 'intake.postalCodeUnknown'));
      else if (!prefectures.includes(body.company.prefectureCode))
        issues.push(issue('/body/company/prefectureCode', 'intake.postalCodePrefecture'));
    }
    if (!data.divisionCodes.has(body.company.industryCode)) issues.push(issue('/body/company/industryCode', 'intake.industry'));
    body.needs.forEach((id, i) => {
      if (!data.checklistItemIds.has(id)) issues.push(issue(`/body/needs/${i}`, 'intake.needs'));
    });
    return issues;
  }

  function record(
    tx: Tx,
    actor: Actor,
    type: 'CONSULTATION_REQUESTED' | 'CONSULTATION_VERIFIED' | 'INTAKE_INBOX_VIEWED',
    councilId: number,
    caseId: string | null,
    targetId: string | null,
    details: Record<string, unknown>,
  ) {
    return audit.record(tx, {
      type,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actor.kind === 'user' ? actor.displayName : null,
      actorRoles: rolesOf(actor),
      councilId,
      caseId,
      targetType: 'consultation_request',
      targetId,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }

  return {
    addresses(postalCode: string): PostalAddressList {
      const digits = parsePostalCode(postalCode);
      return { items: digits ? postal.addressesOfPostalCode(digits).slice(0, 20) : [] };
    },

    form(): ConsultationForm {
      return {
        formToken: signForm(now().getTime(), randomToken(12)),
        minimumFillSeconds: MINIMUM_FILL_SECONDS,
        industryEdition: data.industryEdition,
        industries: data.industries,
        checklists: data.checklists,
        documents: data.documents,
        debtRepaymentYearsConcern: data.debtRepaymentYearsConcern,
      };
    },

    async submit(actor: Actor, body: ConsultationRequestBody): Promise<ConsultationReceipt> {
      const issues = semanticIssues(body);
      if (issues.length > 0) throw invalid(issues);
      const override =
        body.councilOverride && body.councilOverride.prefectureCode !== body.company.prefectureCode ? body.councilOverride : null;
      const councilId = Number(override?.prefectureCode ?? body.company.prefectureCode);
      const prefecture = PREFECTURES.find((p) => p.code === body.company.prefectureCode);
      const corporateNumber = body.company.corporateNumber ? checkCorporateNumber(body.company.corporateNumber) : null;
      const name = normalizeCompanyName(body.company.name);
      const kana = normalizeKana(body.company.nameKana) ?? '';
      const at = now();
      const id = crypto.randomUUID();
      const token = randomToken(32);
      const referenceNo = newReferenceNo();
      const details: SealedDetails = {
        company: {
          postalCode: parsePostalCode(body.company.postalCode) ?? body.company.postalCode,
          prefectureCode: body.company.prefectureCode,
          address: body.company.address.normalize('NFKC'),
          industryCode: body.company.industryCode,
          employees: body.company.employees,
          capitalYen: body.company.capitalYen,
          fiscalYearEndMonth: body.company.fiscalYearEndMonth,
          annualSalesYen: body.company.annualSalesYen,
        },
        contact: { ...body.contact, email: body.contact.email.normalize('NFKC').toLowerCase() },
        needs: body.needs,
        message: body.message,
        preferredContact: body.preferredContact,
        councilOverrideReason: override?.reason ?? null,
      };
      const email = details.contact.email;
      return withTenantTx(db, { councilId, userId: null, roles: [] }, async (tx) => {
        const council = (await councilName(tx, councilId)) ?? '';
        // Data minimisation: requests nobody confirmed are gone once their link expired (as the mail says).
        await purgeExpiredUnverified(tx, at);
        await insertRequest(tx, {
          id,
          councilId,
          referenceNo,
          tokenHash: sha256Hex(token),
          companyName: name,
          companyNameKana: kana,
          corporateNumber: corporateNumber?.ok ? corporateNumber.value : null,
          prefectureCode: body.company.prefectureCode,
          duplicateKeys: companyDuplicateKeys({
            corporateNumber: corporateNumber?.ok ? corporateNumber.value : null,
            name,
            address: `${prefecture?.name ?? ''}${details.company.address}`,
          }).map(sha256Hex),
          emailEnc: await cipher.encrypt(councilId, email, emailPlace(id)),
          detailsEnc: await cipher.encrypt(councilId, JSON.stringify(details), detailsPlace(id)),
          consentedAt: at,
          createdAt: at,
          expiresAt: new Date(at.getTime() + VERIFICATION_HOURS * 3600_000),
        });
        await mailer.enqueue(tx, email, {
          kind: 'consultation_verification',
          link: `${publicUrl}/consultation/verify#token=${councilId}.${token}`,
          referenceNo,
          councilName: council,
          expiresHours: VERIFICATION_HOURS,
        });
        await record(tx, actor, 'CONSULTATION_REQUESTED', councilId, null, referenceNo, { override: override !== null });
        return {
          referenceNo,
          councilName: council,
          verifyBy: new Date(at.getTime() + VERIFICATION_HOURS * 3600_000).toISOString(),
        };
      });
    },

    /**
     * The scheduled purge (worker in main.ts): in every council, deletes the requests whose verification link
     * expired unconfirmed (data minimisation, as the acknowledgement mail says). Each council's deletion is
     * audited as a system event with the count and the reference numbers; nothing is recorded where nothing expired.
     * @returns how many requests were deleted in all
     */
    async purgeExpiredRequests(councilIds: readonly number[]): Promise<number> {
      const at = now();
      let purged = 0;
      for (const councilId of councilIds) {
        purged += await withTenantTx(db, { councilId, userId: null, roles: [] }, async (tx) => {
          const gone = await purgeExpiredUnverified(tx, at);
          if (gone.length === 0) return 0;
          await audit.record(tx, {
            type: 'CONSULTATION_REQUESTS_PURGED',
            actorUserId: null,
            actorLabel: 'system',
            actorRoles: [],
            councilId,
            caseId: null,
            targetType: 'consultation_request',
            targetId: null,
            ip: null,
            requestId: null,
            details: { count: gone.length, referenceNos: gone },
          });
          return gone.length;
        });
      }
      return purged;
    },

    async verify(actor: Actor, token: string): Promise<ConsultationVerified> {
      const m = /^(\d{1,2})\.([A-Za-z0-9_-]{20,100})$/.exec(token);
      const councilId = Number(m?.[1]);
      if (!m?.[2] || !PREFECTURES.some((p) => Number(p.code) === councilId)) throw new AppError('TOKEN_INVALID');
      const tokenHash = sha256Hex(m[2]);
      for (let attempt = 0; ; attempt++) {
        try {
          return await withTenantTx(db, { councilId, userId: null, roles: [] }, async (tx) => {
            const request = await findRequestByTokenHash(tx, tokenHash);
            if (!request) throw new AppError('TOKEN_INVALID');
            if (request.verifiedAt)
              throw new AppError('TOKEN_INVALID', {
                detail: {
                  ja: `このお申込み（受付番号 ${request.referenceNo}）は確認済みです。協議会からの連絡をお待ちください`,
                  en: `This request (${request.referenceNo}) is already confirmed. The council will contact you`,
                },
              });
            if (request.expiresAt.getTime() <= now().getTime())
              throw new AppError('TOKEN_INVALID', {
                detail: {
                  ja: `確認の期限（${VERIFICATION_HOURS}時間）が過ぎました。お手数ですが、もう一度お申込みください`,
                  en: `The ${VERIFICATION_HOURS}-hour confirmation period has passed. Please send the request again`,
                },
              });
            const email = await cipher.decrypt(councilId, request.emailEnc, emailPlace(request.id));
            const details = JSON.parse(await cipher.decrypt(councilId, request.detailsEnc, detailsPlace(request.id))) as SealedDetails;
            const council = (await councilName(tx, councilId)) ?? '';
            const companyId = await insertCompany(tx, {
              councilId,
              name: request.companyName,
              nameKana: request.companyNameKana,
              corporateNumber: request.corporateNumber,
            });
            const at = now();
            const { id: caseId, referenceNo: caseReferenceNo } = await openCaseInTx(
              tx,
              {
                councilId,
                companyName: request.companyName,
                stage: 'intake',
                companyOrganizationId: companyId,
                companyNameKana: request.companyNameKana,
                corporateNumber: request.corporateNumber,
              },
              at,
            );
            await markVerified(tx, request.id, caseId, at);
            await invitations.issue(tx, actor, {
              councilId,
              caseId,
              caseReferenceNo,
              email,
              displayName: details.contact.name,
              organization: { id: companyId, kind: 'company', name: request.companyName },
              roles: ['company_member'],
              roleInCase: 'company',
              scopes: DEFAULT_GRANT_SCOPES.company,
              inviterLabel: council,
            });
            await mailer.enqueue(tx, email, {
              kind: 'consultation_received',
              referenceNo: request.referenceNo,
              caseReferenceNo,
              councilName: council,
            });
            await record(tx, actor, 'CONSULTATION_VERIFIED', councilId, caseId, request.referenceNo, { caseReferenceNo });
            return { referenceNo: request.referenceNo, caseReferenceNo, councilName: council, email };
          });
        } catch (e) {
          // Two cases numbered at the same moment: take the next number.
          if (pgErrorOf(e)?.code === PG.uniqueViolation && attempt < 3) continue;
          throw e;
        }
      }
    },

    async inbox(actor: Actor, slug: string): Promise<IntakeInbox> {
      // Another council's inbox does not exist for the caller (404), like every resource outside their view.
      const pref = PREFECTURES.find((p) => p.slug === slug);
      const councilId = Number(pref?.code);
      if (!pref || staffCouncilOf(actor) !== councilId) throw notFound({ ja: '相談受付の一覧', en: 'The intake inbox' });
      authorize(actor, 'intake.read', { councilId });
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const rows = await listInbox(tx);
        const items = await Promise.all(
          rows.map(async ({ request: r, caseReferenceNo, stage }) => {
            const d = JSON.parse(await cipher.decrypt(r.councilId, r.detailsEnc, detailsPlace(r.id))) as SealedDetails;
            const caseId = r.caseId ?? '';
            return {
              caseId,
              caseReferenceNo,
              requestReferenceNo: r.referenceNo,
              companyName: r.companyName,
              companyNameKana: r.companyNameKana,
              corporateNumber: r.corporateNumber,
              prefectureCode: r.prefectureCode,
              industryCode: d.company.industryCode,
              employees: d.company.employees,
              annualSalesYen: d.company.annualSalesYen,
              needs: [...d.needs],
              preferredContact: d.preferredContact,
              contactName: d.contact.name,
              message: d.message,
              councilOverrideReason: d.councilOverrideReason,
              verifiedAt: (r.verifiedAt ?? r.createdAt).toISOString(),
              stage,
              possibleDuplicates: await possibleDuplicates(tx, caseId, r.duplicateKeys, r.corporateNumber),
            };
          }),
        );
        await record(tx, actor, 'INTAKE_INBOX_VIEWED', councilId, null, null, { shown: items.length });
        return { items, abilities: { decide: can(actor, 'case.transition', { councilId, caseId: '', grantScopes: [] }) } };
      });
    },

    /**
     * Mails the requester when the council accepts or declines a case that came from the public form. The decline mail
     * does not quote the reason: the outbox keeps mail bodies in clear, and the reason stays sealed in the transition.
     */
    transitionListener: (async (tx, notice) => {
      if (notice.row.stage !== 'intake' || (notice.event !== 'accept' && notice.event !== 'decline')) return;
      const request = await findRequestOfCase(tx, notice.row.id);
      if (!request) return;
      const email = await cipher.decrypt(request.councilId, request.emailEnc, emailPlace(request.id));
      const council = notice.row.councilName;
      await mailer.enqueue(
        tx,
        email,
        notice.event === 'accept'
          ? { kind: 'consultation_accepted', caseReferenceNo: notice.row.referenceNo, councilName: council }
          : { kind: 'consultation_declined', caseReferenceNo: notice.row.referenceNo, councilName: council },
      );
    }) satisfies CaseTransitionHook,
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
