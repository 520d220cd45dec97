import type { CaseStage } from './case-workflow';

/** One item of a stage checklist: a task a case worker usually does at that stage, with a default lead time. */
export interface ChecklistItem {
  readonly key: string;
  readonly label: { readonly ja: string; readonly en: string };
  /** Default due date, in business days from when the task is created. */
  readonly businessDays: number;
}

/**
 * The default per-stage checklists (⚠ each council works differently: this is starting data, passed to the server as
 * configuration, never a rule). A case worker turns an item into a task with an assignee and a due date.
 *
 * @see ../shared/domain/REFERENCE.md §1.2 (documents for the desk consultation), §1.3, §2, §3.3, §4
 */
export const DEFAULT_STAGE_CHECKLISTS: Readonly<Partial<Record<CaseStage, readonly ChecklistItem[]>>> = {
  intake: [{ key: 'intake.contact', label: { ja: '相談者へ初回連絡', en: 'First contact with the applicant' }, businessDays: 2 }],
  desk_consultation: [
    {
      key: 'desk.documents',
      label: { ja: '決算書（直近3期）・試算表・資金繰り表の受領', en: 'Receive statements (3 years), trial balance, cash-flow table' },
      businessDays: 5,
    },
    { key: 'desk.borrowings', label: { ja: '金融機関別借入明細の受領', en: 'Receive the borrowings list by lender' }, businessDays: 5 },
    { key: 'desk.interview', label: { ja: '経営者面談', en: 'Interview the owner' }, businessDays: 10 },
    { key: 'desk.triage', label: { ja: '振り分け判断（統括責任者）', en: 'Triage decision (PM)' }, businessDays: 15 },
  ],
  ei_planning: [
    {
      key: 'ei.governance',
      label: { ja: 'ガバナンス・チェックシートの確認', en: 'Go through the governance checklist' },
      businessDays: 10,
    },
    { key: 'ei.plan', label: { ja: '収益力改善計画の策定', en: 'Draw up the earnings-improvement plan' }, businessDays: 40 },
  ],
  ei_monitoring: [{ key: 'ei.monitoring', label: { ja: 'モニタリング面談', en: 'Monitoring meeting' }, businessDays: 60 }],
  rv_bank_consent: [
    { key: 'rv.confidentiality', label: { ja: '守秘義務解除の同意取得', en: 'Obtain the confidentiality lift' }, businessDays: 5 },
    { key: 'rv.mainBank', label: { ja: 'メイン行への意向確認', en: 'Ask the main bank whether it will cooperate' }, businessDays: 10 },
  ],
  rv_team_formed: [
    {
      key: 'rv.experts',
      label: { ja: '外部専門家の選任・利益相反確認', en: 'Appoint experts and check conflicts of interest' },
      businessDays: 10,
    },
  ],
  rv_due_diligence: [
    { key: 'rv.financialDd', label: { ja: '財務DD報告書の受領', en: 'Receive the financial DD report' }, businessDays: 40 },
    { key: 'rv.businessDd', label: { ja: '事業DD報告書の受領', en: 'Receive the business DD report' }, businessDays: 40 },
  ],
  rv_business_plan: [{ key: 'rv.plan', label: { ja: '事業計画の作成', en: 'Draft the business plan' }, businessDays: 30 }],
  rc_lawyer_referral: [
    {
      key: 'rc.lawyer',
      label: { ja: '弁護士の紹介・引継ぎ資料の同意', en: 'Refer a lawyer and get consent to the handover package' },
      businessDays: 10,
    },
    { key: 'rc.advice', label: { ja: '円滑な廃業についての助言', en: 'Advise on an orderly closure' }, businessDays: 5 },
  ],
  rc_exit: [
    {
      key: 'rc.route',
      label: { ja: '整理手続（私的整理・破産・事業譲渡）の方針決定', en: 'Decide the exit route (private workout, bankruptcy, transfer)' },
      businessDays: 20,
    },
    {
      key: 'rc.guarantors',
      label: { ja: '保証債務の整理（経営者保証GL）の着手', en: "Start the guarantors' workouts (guarantor guidelines)" },
      businessDays: 20,
    },
  ],
};
