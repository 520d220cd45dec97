import type { BankMeeting, BankMeetingBody, BankMeetingList, BankMeetingRecordBody, PlanVersionContent } from '@kasseika/contracts';
import type { AuditEventType } from '../../audit/audit-event-types';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { actorLabel, hasRole, rolesOf, tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { withTenantTx } from '../../db/tenant-tx';
import { AppError, invalid, notFound } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import { loadCaseForActor, type CaseRow } from '../cases/cases.service';
import { buildMeetingMaterialsPdf, type MeetingMaterialsInput } from './meetings.pdf';
import { buildMeetingWorkbook } from './meetings.xlsx';
import { findMeeting, insertMeeting, listMeetings, updateMeeting, type MeetingRow } from './meetings.repository';
import { planContentPlace } from './plans.service';
import { listVersions, type PlanVersionRow } from './plans.repository';

export interface MeetingsServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly now: () => Date;
}

/** Where a meeting's minutes are sealed (binds the ciphertext to its meeting). */
export const meetingMinutesPlace = (meetingId: string): string => `case_bank_meetings.minutes:${meetingId}`;

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

/**
 * バンクミーティング (issue 7): council case workers schedule a meeting about a plan version (by SHA-256), whose
 * target creditors are invited; they edit it, and after it record attendance and the minutes (議事録, encrypted).
 * An invited bank with a `plan.read` grant and the company's consent in force reads the meeting, its materials
 * (PDF with the pro-rata table of the version) and the minutes; anyone else gets 404 (RLS agrees).
 */
export function createMeetingsService({ db, audit, cipher, now }: MeetingsServiceDeps) {
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
        await record(tx, actor, 'BANK_MEETING_SCHEDULED', row, id, {
          versionNo: v.versionNo,
          sha256: v.sha256,
          scheduledAt: body.scheduledAt,
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
        const v = versionBySha(versions, body.versionSha256);
        if (v.id !== m.versionId && m.recordedAt)
          throw new AppError('CONFLICT', {
            detail: {
              ja: '議事録を記録済みのため、対象とする計画の版は変更できません',
              en: 'The minutes are recorded, so the plan version of the meeting cannot change',
            },
          });
        await updateMeeting(tx, m.id, {
          versionId: v.id,
          versionSha256: v.sha256,
          scheduledAt: fromJst(body.scheduledAt),
          mode: body.mode,
          place: body.place,
          agenda: body.agenda,
          invitedBankCodes: v.id === m.versionId ? m.invitedBankCodes : v.targetBankCodes,
          updatedAt: now(),
        });
        await record(tx, actor, 'BANK_MEETING_UPDATED', row, m.id, { versionNo: v.versionNo, scheduledAt: body.scheduledAt });
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
