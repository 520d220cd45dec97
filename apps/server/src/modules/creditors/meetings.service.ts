import type {
  BankMeeting,
  BankMeetingBody,
  BankMeetingCancelBody,
  BankMeetingList,
  BankMeetingRecordBody,
  PlanVersionContent,
} from '@kasseika/contracts';
import type { AuditEventType } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, hasRole, rolesOf, tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, invalid, notFound } from '../../errors/app-error';
import type { Mailer } from '../../providers/mail/mailer';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseForActor, type CaseRow } from '../cases/cases.service';
import { buildMeetingMaterialsPdf, type MeetingMaterialsInput } from './meetings.pdf';
import { buildMeetingWorkbook } from './meetings.xlsx';
import { mailInvitedBanks, whenWhereChanged, whenWhereOf } from './meetings.mail';
import { findMeeting, insertMeeting, listMeetings, updateMeeting, type MeetingRow } from './meetings.repository';
import { planContentPlace } from './plans.service';
import { listVersions, type PlanVersionRow } from './plans.repository';

export interface MeetingsServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly mailer: Mailer;
  readonly publicUrl: string;
  readonly now: () => Date;
}

/** Where a meeting's minutes are sealed (binds the ciphertext to its meeting). */
export const meetingMinutesPlace = (meetingId: string): string => `case_bank_meetings.minutes:${meetingId}`;
/** Where a meeting's cancellation reason is sealed. */
export const meetingCancelReasonPlace = (meetingId: string): string => `case_bank_meetings.cancel_reason:${meetingId}`;

const JST_OFFSET_MS = 9 * 3600_000;
/** `YYYY-MM-DDTHH:mm` in Japan time → the instant. */
export const fromJst = (local: string): Date => new Date(`${local}:00+09:00`);
/** The instant → `YYYY-MM-DDTHH:mm` in Japan time. */
export const toJst = (at: Date): string => new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16);

const CASE_OR_NO_CONSENT = {
  ja: '案件が見つかりません（会社が貴行への守秘義務の解除に同意していない場合、または同意が撤回された場合を含みます）',
  en: 'The case was not found (this includes a case whose company has not consented, or has revoked its consent, to share it with your bank)',
};
const MEETING = { ja: '指定されたバンクミーティング', en: 'The bank meeting' };
const CANCELLED = {
  ja: 'このバンクミーティングは中止されたため、変更・記録・中止はできません',
  en: 'This bank meeting has been cancelled, so it can no longer be changed, recorded or cancelled',
};

/** A cancelled meeting is read-only (409). */
function refuseCancelled(m: MeetingRow): void {
  if (m.cancelledAt) throw new AppError('CONFLICT', { detail: CANCELLED });
}

/**
 * バンクミーティング (issue 7): council case workers schedule a meeting about a plan version (by SHA-256), whose
 * target creditors are invited; they edit it, and after it record attendance and the minutes (議事録, encrypted).
 * An invited bank with a `plan.read` grant and the company's consent in force reads the meeting, its materials
 * (PDF with the pro-rata table of the version) and the minutes; anyone else gets 404 (RLS agrees).
 */
export function createMeetingsService({ db, audit, cipher, mailer, publicUrl, now }: MeetingsServiceDeps) {
  const pageLink = (caseId: string) => `${publicUrl}/cases/${caseId}/meetings`;
  /** Mail is only about meetings still to come: correcting a past meeting's record tells nobody. */
  const upcoming = (at: Date) => at.getTime() > now().getTime();

  function record(tx: Tx, actor: Actor, type: AuditEventType, row: CaseRow, targetId: string, details: Record<string, unknown> = {}) {
    return audit.record(tx, {
      type,
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actorLabel(actor),
      actorRoles: rolesOf(actor),
      councilId: row.councilId,
      caseId: row.id,
      targetType: 'case_bank_meeting',
      targetId,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }

  async function load(tx: Tx, actor: Actor, caseId: string) {
    try {
      return await loadCaseForActor(tx, actor, caseId, now());
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND' && hasRole(actor, 'bank_officer'))
        throw new AppError('NOT_FOUND', { detail: CASE_OR_NO_CONSENT });
      throw e;
    }
  }

  async function decryptContent(v: PlanVersionRow): Promise<PlanVersionContent> {
    return JSON.parse(await cipher.decrypt(v.councilId, v.contentEnc, planContentPlace(v.caseId, v.versionNo))) as PlanVersionContent;
  }

  async function present(m: MeetingRow, versions: readonly PlanVersionRow[], names: Map<string, string>): Promise<BankMeeting> {
    const attendance = new Map((m.attendance ?? []).map((a) => [a.bankCode, a]));
    return {
      id: m.id,
      scheduledAt: toJst(m.scheduledAt),
      mode: m.mode,
      place: m.place,
      agenda: m.agenda,
      versionNo: m.versionNo,
      versionSha256: m.versionSha256,
      isCurrentVersion: versions.at(-1)?.id === m.versionId,
      invited: m.invitedBankCodes.map((bankCode) => ({
        bankCode,
        bankName: names.get(bankCode) ?? bankCode,
        attended: attendance.get(bankCode)?.attended ?? null,
        attendees: attendance.get(bankCode)?.attendees ?? '',
      })),
      minutes: m.minutesEnc ? await cipher.decrypt(m.councilId, m.minutesEnc, meetingMinutesPlace(m.id)) : null,
      recordedAt: m.recordedAt?.toISOString() ?? null,
      recordedByName: m.recordedAt ? m.recordedByName : null,
      cancelledAt: m.cancelledAt?.toISOString() ?? null,
      cancelReason: m.cancelReasonEnc ? await cipher.decrypt(m.councilId, m.cancelReasonEnc, meetingCancelReasonPlace(m.id)) : null,
      createdAt: m.createdAt.toISOString(),
      updatedAt: m.updatedAt.toISOString(),
    };
  }

  /** Bank names from the versions' content (the creditor table the banks were shown). */
  async function bankNames(versions: readonly PlanVersionRow[], meetings: readonly MeetingRow[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const ids = new Set(meetings.map((m) => m.versionId));
    for (const v of versions.filter((x) => ids.has(x.id)))
      for (const c of (await decryptContent(v)).creditors) if (!names.has(c.bankCode)) names.set(c.bankCode, c.bankName);
    return names;
  }

  async function one(tx: Tx, caseId: string, meetingId: string) {
    const m = await findMeeting(tx, caseId, meetingId);
    if (!m) throw notFound(MEETING);
    const versions = await listVersions(tx, caseId);
    return { m, versions, meeting: await present(m, versions, await bankNames(versions, [m])) };
  }

  /** The version named by its hash, or a 422 on `versionSha256`. */
  function versionBySha(versions: readonly PlanVersionRow[], sha256: string): PlanVersionRow {
    const v = versions.find((x) => x.sha256 === sha256);
    if (!v)
      throw invalid([
        {
          pointer: '/body/versionSha256',
          code: 'meeting.version',
          message: { ja: 'この案件にその SHA-256 の計画の版はありません', en: 'The case has no plan version with that SHA-256' },
        },
      ]);
    return v;
  }

  function attendanceIssues(m: MeetingRow, body: BankMeetingRecordBody) {
    const seen = new Set<string>();
    return body.attendance.flatMap((a, i) => {
      const bad = !m.invitedBankCodes.includes(a.bankCode) || seen.has(a.bankCode);
      seen.add(a.bankCode);
      return bad
        ? [
            {
              pointer: `/body/attendance/${i}/bankCode`,
              code: 'meeting.attendance',
              message: {
                ja: '招集した債権者を1行ずつ指定してください（招集していない金融機関、または重複があります）',
                en: 'Give each invited creditor once (a bank was not invited, or is listed twice)',
              },
            },
          ]
        : [];
    });
  }

  return {
    async list(actor: Actor, caseId: string): Promise<BankMeetingList> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.meetings.read', resource);
        const meetings = await listMeetings(tx, row.id);
        const versions = await listVersions(tx, row.id);
        const names = await bankNames(versions, meetings);
        await record(tx, actor, 'BANK_MEETING_VIEWED', row, row.id, { meetings: meetings.length });
        const current = versions.at(-1);
        return {
          meetings: await Promise.all(meetings.map((m) => present(m, versions, names))),
          currentVersion: current ? { versionNo: current.versionNo, sha256: current.sha256 } : null,
          abilities: { manage: abilitiesFor(actor, ['case.meetings.manage'], resource)['case.meetings.manage'] && row.stage !== 'closed' },
        };
      });
    },

    async get(actor: Actor, caseId: string, meetingId: string): Promise<BankMeeting> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.meetings.read', resource);
        const { meeting } = await one(tx, row.id, meetingId);
        await record(tx, actor, 'BANK_MEETING_VIEWED', row, meetingId);
        return meeting;
      });
    },

    /** Schedules a meeting about the version named by its SHA-256; its target creditors are invited. */
    async schedule(actor: Actor, caseId: string, body: BankMeetingBody): Promise<BankMeeting> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.meetings.manage', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.meetings.manage', resource);
        const v = versionBySha(await listVersions(tx, row.id), body.versionSha256);
        const at = now();
        const id = await insertMeeting(tx, {
          councilId: row.councilId,
          caseId: row.id,
          versionId: v.id,
          versionSha256: v.sha256,
          scheduledAt: fromJst(body.scheduledAt),
          mode: body.mode,
          place: body.place,
          agenda: body.agenda,
          invitedBankCodes: v.targetBankCodes,
          createdBy: actor.userId,
          createdAt: at,
          updatedAt: at,
        });
        const scheduledAt = fromJst(body.scheduledAt);
        const mailed = upcoming(scheduledAt)
          ? await mailInvitedBanks(tx, mailer, row.id, v.targetBankCodes, at, {
              kind: 'bank_meeting_scheduled',
              caseReferenceNo: row.referenceNo,
              meeting: whenWhereOf({ scheduledAt, mode: body.mode, place: body.place }),
              link: pageLink(row.id),
            })
          : [];
        await record(tx, actor, 'BANK_MEETING_SCHEDULED', row, id, {
          versionNo: v.versionNo,
          sha256: v.sha256,
          scheduledAt: body.scheduledAt,
          mailed,
        });
        return (await one(tx, row.id, id)).meeting;
      });
    },

    /**
     * Edits the date, place, agenda or version of a meeting. Changing the version re-invites its target creditors;
     * it is refused (409) once attendance and minutes are recorded against the earlier version.
     */
    async update(actor: Actor, caseId: string, meetingId: string, body: BankMeetingBody): Promise<BankMeeting> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.meetings.manage', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.meetings.manage', resource);
        const { m, versions } = await one(tx, row.id, meetingId);
        refuseCancelled(m);
        const v = versionBySha(versions, body.versionSha256);
        if (v.id !== m.versionId && m.recordedAt)
          throw new AppError('CONFLICT', {
            detail: {
              ja: '議事録を記録済みのため、対象とする計画の版は変更できません',
              en: 'The minutes are recorded, so the plan version of the meeting cannot change',
            },
          });
        const scheduledAt = fromJst(body.scheduledAt);
        const invited = v.id === m.versionId ? m.invitedBankCodes : v.targetBankCodes;
        await updateMeeting(tx, m.id, {
          versionId: v.id,
          versionSha256: v.sha256,
          scheduledAt,
          mode: body.mode,
          place: body.place,
          agenda: body.agenda,
          invitedBankCodes: invited,
          updatedAt: now(),
        });
        const before = whenWhereOf(m);
        const after = whenWhereOf({ scheduledAt, mode: body.mode, place: body.place });
        const link = pageLink(row.id);
        const mailed: string[] = [];
        if (upcoming(scheduledAt)) {
          // Still invited: told of a new date, time or place. Newly invited (another version): a first invitation.
          const stayed = invited.filter((b) => m.invitedBankCodes.includes(b));
          const added = invited.filter((b) => !m.invitedBankCodes.includes(b));
          if (whenWhereChanged(before, after))
            mailed.push(
              ...(await mailInvitedBanks(tx, mailer, row.id, stayed, now(), {
                kind: 'bank_meeting_changed',
                caseReferenceNo: row.referenceNo,
                meeting: after,
                before,
                link,
              })),
            );
          mailed.push(
            ...(await mailInvitedBanks(tx, mailer, row.id, added, now(), {
              kind: 'bank_meeting_scheduled',
              caseReferenceNo: row.referenceNo,
              meeting: after,
              link,
            })),
          );
        }
        await record(tx, actor, 'BANK_MEETING_UPDATED', row, m.id, {
          versionNo: v.versionNo,
          scheduledAt: body.scheduledAt,
          mailed,
        });
        return (await one(tx, row.id, m.id)).meeting;
      });
    },

    /** Records (or corrects) attendance and the minutes after the meeting; the minutes are sealed. */
    async recordMinutes(actor: Actor, caseId: string, meetingId: string, body: BankMeetingRecordBody): Promise<BankMeeting> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.meetings.manage', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.meetings.manage', resource);
        const { m } = await one(tx, row.id, meetingId);
        refuseCancelled(m);
        const issues = attendanceIssues(m, body);
        if (issues.length > 0) throw invalid(issues);
        if (m.scheduledAt.getTime() > now().getTime())
          throw new AppError('CONFLICT', {
            detail: {
              ja: 'まだ開催日時前のため、出欠と議事録は記録できません',
              en: 'The meeting has not taken place yet, so attendance and minutes cannot be recorded',
            },
          });
        const at = now();
        await updateMeeting(tx, m.id, {
          attendance: body.attendance.map((a) => ({
            bankCode: a.bankCode,
            attended: a.attended,
            attendees: a.attended ? a.attendees : '',
          })),
          minutesEnc: await cipher.encrypt(row.councilId, body.minutes, meetingMinutesPlace(m.id)),
          recordedBy: actor.userId,
          recordedAt: at,
          updatedAt: at,
        });
        await record(tx, actor, 'BANK_MEETING_RECORDED', row, m.id, {
          attended: body.attendance.filter((a) => a.attended).map((a) => a.bankCode),
        });
        return (await one(tx, row.id, m.id)).meeting;
      });
    },

    /**
     * Cancels (中止) a meeting with a reason (sealed): it stays in the list, read-only. Refused (409) once cancelled or
     * once its minutes are recorded (it took place). The invited banks that can see it are told by mail if it was
     * still to come.
     */
    async cancel(actor: Actor, caseId: string, meetingId: string, body: BankMeetingCancelBody): Promise<BankMeeting> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.meetings.manage', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.meetings.manage', resource);
        const { m } = await one(tx, row.id, meetingId);
        refuseCancelled(m);
        if (m.recordedAt)
          throw new AppError('CONFLICT', {
            detail: {
              ja: '議事録を記録済みの（開催された）バンクミーティングは中止できません',
              en: 'The minutes of this bank meeting are recorded (it took place), so it cannot be cancelled',
            },
          });
        const at = now();
        await updateMeeting(tx, m.id, {
          cancelledAt: at,
          cancelledBy: actor.userId,
          cancelReasonEnc: await cipher.encrypt(row.councilId, body.reason, meetingCancelReasonPlace(m.id)),
          updatedAt: at,
        });
        const mailed = upcoming(m.scheduledAt)
          ? await mailInvitedBanks(tx, mailer, row.id, m.invitedBankCodes, at, {
              kind: 'bank_meeting_cancelled',
              caseReferenceNo: row.referenceNo,
              meeting: whenWhereOf(m),
              link: pageLink(row.id),
            })
          : [];
        await record(tx, actor, 'BANK_MEETING_CANCELLED', row, m.id, { scheduledAt: toJst(m.scheduledAt), mailed });
        return (await one(tx, row.id, m.id)).meeting;
      });
    },

    /** The meeting materials: a PDF (the meeting, the version it discusses and its pro-rata table) or a workbook. */
    async materials(
      actor: Actor,
      caseId: string,
      meetingId: string,
      format: 'pdf' | 'xlsx' = 'pdf',
    ): Promise<{ body: Buffer; filename: string }> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await load(tx, actor, caseId);
        authorize(actor, 'case.meetings.read', resource);
        const { m, versions } = await one(tx, row.id, meetingId);
        const v = versions.find((x) => x.id === m.versionId);
        if (!v) throw notFound(MEETING);
        await record(tx, actor, 'BANK_MEETING_VIEWED', row, m.id, { materials: format, versionNo: v.versionNo });
        const input: MeetingMaterialsInput = {
          councilName: row.councilName,
          content: await decryptContent(v),
          versionNo: v.versionNo,
          sha256: v.sha256,
          scheduledAtJst: toJst(m.scheduledAt),
          mode: m.mode,
          place: m.place,
          agenda: m.agenda,
        };
        const body = format === 'pdf' ? await buildMeetingMaterialsPdf(input) : await buildMeetingWorkbook(input);
        return {
          body,
          filename: `バンクミーティング資料_${row.referenceNo}_第${v.versionNo}版_${toJst(m.scheduledAt).slice(0, 10)}.${format}`,
        };
      });
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
