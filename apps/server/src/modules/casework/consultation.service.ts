import type { CreateInterviewBody, CreateInternalNoteBody, CreateIssueBody, DeskConsultation, TriageBody } from '@kasseika/contracts';
import { eventForTriage, referralBodyName } from '@kasseika/domain';
import type { FinancialStatement } from '@kasseika/finance';
import type { AuditRecorder } from '../../audit/record-audit-event';
import { tenantContextOf, type Actor } from '../../authz/actor';
import { abilitiesFor, authorize, ForbiddenError } from '../../authz/authorize';
import type { Db, Tx } from '../../db/client';
import { pgErrorOf, PG } from '../../db/pg-error';
import { withTenantTx } from '../../db/tenant-tx';
import { conflict, notFound } from '../../errors/app-error';
import type { FieldCipher } from '../../security/field-cipher';
import type { FileDownload } from '../calculations/calculations.service';
import { loadCaseForActor, type CaseFactsLoader, type CasesService } from '../cases/cases.service';
import { latestCaseStatements } from '../financials/financials.service';
import { recordCasework } from './casework-audit';
import {
  findTriage,
  insertInternalNote,
  insertInterview,
  insertIssue,
  insertTriage,
  listInternalNotes,
  listInterviews,
  listIssues,
  setIssueAdvice,
} from './casework.repository';
import { jstDate } from './japanese-calendar';
import { buildReferralLetterPdf } from './referral-letter.pdf';
import { buildInterviewSummaryPdf } from './interview-summary.pdf';

export interface ConsultationServiceDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly cipher: FieldCipher;
  readonly cases: Pick<CasesService, 'transitionWithin'>;
  /** The finance engine's diagnosis of actual years (ロカベン indicators, 債務償還年数), oldest first. */
  readonly diagnose: (statements: readonly FinancialStatement[]) => NonNullable<DeskConsultation['diagnosis']>['years'];
  readonly now: () => Date;
}

/** Where each sealed field lives (binds ciphertext to its table, column and case). */
const place = (column: string, caseId: string) => `${column}:${caseId}`;

/** The fact `triageRecorded`: a triage decision with reasons exists for the case. */
export const triageFactsLoader: CaseFactsLoader = async (tx, row) => ({ triageRecorded: (await findTriage(tx, row.id)) !== null });

const CLOSED = { ja: '終了した案件には記録を追加できません', en: 'Nothing can be added to a closed case' };

/**
 * 窓口相談 (stage 1): interviews, 問題点・課題 with advice, council-internal notes, the automatic diagnosis of the
 * company's latest statements, and the triage decision that moves the case (through the transitions service) — all
 * council-only (no outside role, whatever its grants; RLS has no grant policy on these tables).
 *
 * @see ../shared/domain/REFERENCE.md §1.1, §1.3, §1.4
 */
export function createConsultationService({ db, audit, cipher, cases, diagnose, now }: ConsultationServiceDeps) {
  async function open(tx: Tx, actor: Actor, caseId: string, action: 'case.consultation.read' | 'case.consultation.write' | 'case.triage') {
    const loaded = await loadCaseForActor(tx, actor, caseId, now());
    authorize(actor, action, loaded.resource);
    return loaded;
  }

  async function writable(tx: Tx, actor: Actor, caseId: string) {
    const loaded = await open(tx, actor, caseId, 'case.consultation.write');
    if (loaded.row.stage === 'closed') throw conflict(CLOSED);
    return loaded;
  }

  const dec = (councilId: number, value: string, column: string, caseId: string) => cipher.decrypt(councilId, value, place(column, caseId));
  const enc = (councilId: number, value: string, column: string, caseId: string) => cipher.encrypt(councilId, value, place(column, caseId));

  async function diagnosisOf(tx: Tx, councilId: number, caseId: string): Promise<DeskConsultation['diagnosis']> {
    const stored = await latestCaseStatements(tx, cipher, councilId, caseId);
    if (!stored || stored.statements.length === 0) return null;
    return { statementsRevision: stored.revision, years: diagnose(stored.statements) };
  }

  return {
    async get(actor: Actor, caseId: string): Promise<DeskConsultation> {
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row, resource } = await open(tx, actor, caseId, 'case.consultation.read');
        const c = row.councilId;
        const [interviews, issues, notes, triage] = [
          await listInterviews(tx, row.id),
          await listIssues(tx, row.id),
          await listInternalNotes(tx, row.id),
          await findTriage(tx, row.id),
        ];
        const abilities = abilitiesFor(actor, ['case.consultation.write', 'case.triage'], resource);
        const result: DeskConsultation = {
          stage: row.stage,
          interviews: await Promise.all(
            interviews.map(async (i) => ({
              id: i.id,
              heldOn: i.heldOn,
              attendees: await dec(c, i.attendeesEnc, 'case_interviews.attendees', row.id),
              notes: await dec(c, i.notesEnc, 'case_interviews.notes', row.id),
              recordedByName: i.recordedByName,
              recordedAt: i.recordedAt.toISOString(),
            })),
          ),
          issues: await Promise.all(
            issues.map(async (i) => ({
              id: i.id,
              issue: await dec(c, i.issueEnc, 'case_issues.issue', row.id),
              advice: i.adviceEnc === null ? null : await dec(c, i.adviceEnc, 'case_issues.advice', row.id),
              createdByName: i.createdByName,
              createdAt: i.createdAt.toISOString(),
              adviceAt: i.adviceAt?.toISOString() ?? null,
            })),
          ),
          internalNotes: await Promise.all(
            notes.map(async (n) => ({
              id: n.id,
              body: await dec(c, n.bodyEnc, 'case_internal_notes.body', row.id),
              authorName: n.authorName,
              createdAt: n.createdAt.toISOString(),
            })),
          ),
          triage: triage && {
            decision: triage.decision,
            referralBody: triage.referralBody,
            referralBodyName: triage.referralBodyName,
            reasons: await dec(c, triage.reasonsEnc, 'case_triage_decisions.reasons', row.id),
            decidedByName: triage.decidedByName,
            decidedAt: triage.decidedAt.toISOString(),
          },
          diagnosis: await diagnosisOf(tx, c, row.id),
          abilities: {
            write: abilities['case.consultation.write'] && row.stage !== 'closed',
            triage: abilities['case.triage'] && row.stage === 'desk_consultation' && triage === null,
          },
        };
        await recordCasework(audit, tx, actor, 'CASE_CONSULTATION_VIEWED', {
          councilId: c,
          caseId: row.id,
          targetType: 'case',
          targetId: row.id,
        });
        return result;
      });
    },

    async addInterview(actor: Actor, caseId: string, body: CreateInterviewBody): Promise<{ id: string }> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.consultation.write', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row } = await writable(tx, actor, caseId);
        const id = await insertInterview(tx, {
          councilId: row.councilId,
          caseId: row.id,
          heldOn: body.heldOn,
          attendeesEnc: await enc(row.councilId, body.attendees, 'case_interviews.attendees', row.id),
          notesEnc: await enc(row.councilId, body.notes, 'case_interviews.notes', row.id),
          recordedBy: actor.userId,
          recordedAt: now(),
        });
        await recordCasework(
          audit,
          tx,
          actor,
          'CASE_INTERVIEW_RECORDED',
          { councilId: row.councilId, caseId: row.id, targetType: 'case_interview', targetId: id },
          { heldOn: body.heldOn },
        );
        return { id };
      });
    },

    async addIssue(actor: Actor, caseId: string, body: CreateIssueBody): Promise<{ id: string }> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.consultation.write', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row } = await writable(tx, actor, caseId);
        const at = now();
        const id = await insertIssue(tx, {
          councilId: row.councilId,
          caseId: row.id,
          issueEnc: await enc(row.councilId, body.issue, 'case_issues.issue', row.id),
          adviceEnc: body.advice === undefined ? null : await enc(row.councilId, body.advice, 'case_issues.advice', row.id),
          adviceAt: body.advice === undefined ? null : at,
          createdBy: actor.userId,
          createdAt: at,
        });
        await recordCasework(audit, tx, actor, 'CASE_ISSUE_RECORDED', {
          councilId: row.councilId,
          caseId: row.id,
          targetType: 'case_issue',
          targetId: id,
        });
        return { id };
      });
    },

    async setAdvice(actor: Actor, caseId: string, issueId: string, advice: string): Promise<void> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.consultation.write', null, null);
      await withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row } = await writable(tx, actor, caseId);
        const ok = await setIssueAdvice(tx, row.id, issueId, await enc(row.councilId, advice, 'case_issues.advice', row.id), now());
        if (!ok) throw notFound({ ja: '指定された問題点・課題', en: 'The issue' });
        await recordCasework(audit, tx, actor, 'CASE_ISSUE_ADVICE_RECORDED', {
          councilId: row.councilId,
          caseId: row.id,
          targetType: 'case_issue',
          targetId: issueId,
        });
      });
    },

    async addInternalNote(actor: Actor, caseId: string, body: CreateInternalNoteBody): Promise<{ id: string }> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.consultation.write', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row } = await writable(tx, actor, caseId);
        const id = await insertInternalNote(tx, {
          councilId: row.councilId,
          caseId: row.id,
          bodyEnc: await enc(row.councilId, body.body, 'case_internal_notes.body', row.id),
          authorId: actor.userId,
          createdAt: now(),
        });
        await recordCasework(audit, tx, actor, 'CASE_INTERNAL_NOTE_ADDED', {
          councilId: row.councilId,
          caseId: row.id,
          targetType: 'case_internal_note',
          targetId: id,
        });
        return { id };
      });
    },

    /**
     * Records the triage decision with reasons and moves the case by the matching event, in one transaction: a refusal
     * of the move (wrong stage, closed case) leaves no decision behind, and a second triage is refused.
     */
    async triage(actor: Actor, caseId: string, body: TriageBody): Promise<void> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.triage', null, null);
      try {
        await withTenantTx(db, tenantContextOf(actor), async (tx) => {
          const { row } = await open(tx, actor, caseId, 'case.triage');
          if (await findTriage(tx, row.id))
            throw conflict({ ja: 'この案件はすでに振り分け済みです', en: 'This case has already been triaged' });
          await insertTriage(tx, {
            councilId: row.councilId,
            caseId: row.id,
            decision: body.decision,
            referralBody: body.decision === 'refer' ? (body.referralBody ?? null) : null,
            referralBodyName: body.referralBody === 'other' ? (body.referralBodyName ?? null) : null,
            reasonsEnc: await enc(row.councilId, body.reasons, 'case_triage_decisions.reasons', row.id),
            decidedBy: actor.userId,
            decidedAt: now(),
          });
          await cases.transitionWithin(tx, actor, row.id, {
            event: eventForTriage(body.decision),
            expectedStage: body.expectedStage,
            reason: body.reasons,
          });
          await recordCasework(
            audit,
            tx,
            actor,
            'CASE_TRIAGED',
            { councilId: row.councilId, caseId: row.id, targetType: 'case', targetId: row.id },
            {
              decision: body.decision,
              referralBody: body.referralBody ?? null,
            },
          );
        });
      } catch (e) {
        if (pgErrorOf(e)?.code === PG.uniqueViolation)
          throw conflict({ ja: 'この案件はすでに振り分け済みです', en: 'This case has already been triaged' });
        throw e;
      }
    },

    /** The referral letter (紹介状) PDF of a case triaged as a referral; 404 for any other case. */
    async referralLetter(actor: Actor, caseId: string): Promise<FileDownload> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.consultation.read', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row } = await open(tx, actor, caseId, 'case.consultation.read');
        const triage = await findTriage(tx, row.id);
        if (!triage || triage.decision !== 'refer' || !triage.referralBody)
          throw notFound({ ja: 'この案件の紹介状', en: 'The referral letter of this case' });
        const issues = await Promise.all(
          (await listIssues(tx, row.id)).map(async (i) => ({
            issue: await dec(row.councilId, i.issueEnc, 'case_issues.issue', row.id),
            advice: i.adviceEnc === null ? null : await dec(row.councilId, i.adviceEnc, 'case_issues.advice', row.id),
          })),
        );
        const body = await buildReferralLetterPdf({
          councilName: row.councilName,
          referenceNo: row.referenceNo,
          companyName: row.companyName,
          bodyName: referralBodyName(triage.referralBody, triage.referralBodyName).ja,
          reasons: await dec(row.councilId, triage.reasonsEnc, 'case_triage_decisions.reasons', row.id),
          issues,
          date: jstDate(now()),
          signerName: actor.displayName,
        });
        await recordCasework(audit, tx, actor, 'CASE_REFERRAL_LETTER_CREATED', {
          councilId: row.councilId,
          caseId: row.id,
          targetType: 'case',
          targetId: row.id,
        });
        return { body, filename: `紹介状_${row.referenceNo}.pdf` };
      });
    },

    /** 面談記録（要旨） of one interview as PDF, with the problems and advice recorded so far; 404 for another case's. */
    async interviewSummary(actor: Actor, caseId: string, interviewId: string): Promise<FileDownload> {
      if (actor.kind !== 'user') throw new ForbiddenError('case.consultation.read', null, null);
      return withTenantTx(db, tenantContextOf(actor), async (tx) => {
        const { row } = await open(tx, actor, caseId, 'case.consultation.read');
        const interview = (await listInterviews(tx, row.id)).find((i) => i.id === interviewId);
        if (!interview) throw notFound({ ja: '指定された面談記録', en: 'The interview record' });
        const c = row.councilId;
        const issues = await Promise.all(
          (await listIssues(tx, row.id)).map(async (i) => ({
            issue: await dec(c, i.issueEnc, 'case_issues.issue', row.id),
            advice: i.adviceEnc === null ? null : await dec(c, i.adviceEnc, 'case_issues.advice', row.id),
          })),
        );
        const body = await buildInterviewSummaryPdf({
          councilName: row.councilName,
          referenceNo: row.referenceNo,
          companyName: row.companyName,
          heldOn: interview.heldOn,
          attendees: await dec(c, interview.attendeesEnc, 'case_interviews.attendees', row.id),
          notes: await dec(c, interview.notesEnc, 'case_interviews.notes', row.id),
          issues,
          date: jstDate(now()),
          preparedBy: actor.displayName,
        });
        await recordCasework(audit, tx, actor, 'CASE_INTERVIEW_SUMMARY_CREATED', {
          councilId: c,
          caseId: row.id,
          targetType: 'case_interview',
          targetId: interview.id,
        });
        return { body, filename: `面談記録_${row.referenceNo}_${interview.heldOn}.pdf` };
      });
    },
  };
}

export type ConsultationService = ReturnType<typeof createConsultationService>;
