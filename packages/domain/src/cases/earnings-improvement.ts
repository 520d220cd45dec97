/**
 * 収益力改善支援: the governance checklist, action-plan statuses and the plan period rule.
 *
 * @see ../shared/domain/REFERENCE.md §2 (plan of 1–3 years; 1 year when rescheduling is requested), §2.1 (checklist)
 */

export interface GovernanceItem {
  readonly key: string;
  readonly label: { readonly ja: string; readonly en: string };
  /** ◎ "especially important" in the SME Agency sheet. */
  readonly important: boolean;
}

export interface GovernanceSection {
  readonly key: 'transparency' | 'separation' | 'financialBase';
  readonly label: { readonly ja: string; readonly en: string };
  readonly items: readonly GovernanceItem[];
}

/**
 * The default governance checklist (ガバナンス体制の整備に関するチェックシート), three sections. ⚠ REFERENCE §2.1: the
 * official sheet's full item list was not retrievable; sections 2 and 3 follow the related 経営者保証GL tests. This is
 * configuration passed to the server — replace it with the official items without a code change.
 */
export const DEFAULT_GOVERNANCE_CHECKLIST: readonly GovernanceSection[] = [
  {
    key: 'transparency',
    label: { ja: '1. 経営の透明性', en: '1. Management transparency' },
    items: [
      {
        key: 'transparency.access',
        label: {
          ja: '支援者が必要に応じて経営者に面談し、事業の状況を確認できる',
          en: 'Supporters can meet the owner and check the business when needed',
        },
        important: false,
      },
      {
        key: 'transparency.statements',
        label: {
          ja: '決算書・勘定科目明細を作成し、支援者が閲覧できる',
          en: 'Statements and account schedules are prepared and supporters can see them',
        },
        important: true,
      },
      {
        key: 'transparency.taxFilings',
        label: {
          ja: '税務署の受付印（電子申告の受信通知）のある申告書を保管・提示できる',
          en: 'Tax filings with the tax office receipt are kept and can be shown',
        },
        important: false,
      },
      {
        key: 'transparency.accuracy',
        label: { ja: '財務情報の内容が正確である', en: 'The financial information is accurate' },
        important: false,
      },
    ],
  },
  {
    key: 'separation',
    label: { ja: '2. 法人と経営者の分離', en: '2. Separation of company and owner' },
    items: [
      {
        key: 'separation.assets',
        label: {
          ja: '事業用資産は法人所有、または経営者から適正な賃料で賃借している',
          en: 'Business assets are owned by the company or rented from the owner at a proper rent',
        },
        important: false,
      },
      {
        key: 'separation.moneyFlows',
        label: {
          ja: '法人と経営者の間の資金のやり取りが社会通念上適切な範囲にとどまる',
          en: 'Money flows between company and owner stay within a reasonable range',
        },
        important: false,
      },
      {
        key: 'separation.oversight',
        label: {
          ja: '取締役会への第三者の出席、または外部専門家による役員報酬・内部管理の検証がある',
          en: 'A third party attends the board, or external experts review officer pay and internal control',
        },
        important: false,
      },
    ],
  },
  {
    key: 'financialBase',
    label: { ja: '3. 財務基盤の強化', en: '3. Strengthening the financial base' },
    items: [
      {
        key: 'financialBase.repayment',
        label: {
          ja: '法人のみの資産・収益力で借入返済が可能である',
          en: 'Borrowings can be repaid from the company’s own assets and earnings',
        },
        important: false,
      },
    ],
  },
];

export const GOVERNANCE_STATUSES = ['met', 'partly', 'not_met', 'not_applicable'] as const;
export type GovernanceStatus = (typeof GOVERNANCE_STATUSES)[number];

export const ACTION_ITEM_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * Whether a plan period is allowed: 1–3 years, and exactly 1 year when rescheduling (リスケ等) is requested from the
 * creditors. Returns the reason when it is not.
 *
 * @example
 * checkPlanYears(3, true) // { ok: false, reason: { ja: 'リスケジュール等を要請する場合、計画期間は1年です', … } }
 */
export function checkPlanYears(
  years: number,
  reschedulingRequested: boolean,
): { ok: true } | { ok: false; reason: { ja: string; en: string } } {
  if (!Number.isInteger(years) || years < 1 || years > 3)
    return { ok: false, reason: { ja: '計画期間は1〜3年です', en: 'The plan covers 1 to 3 years' } };
  if (reschedulingRequested && years !== 1)
    return {
      ok: false,
      reason: { ja: 'リスケジュール等を要請する場合、計画期間は1年です', en: 'When rescheduling is requested, the plan covers 1 year' },
    };
  return { ok: true };
}
