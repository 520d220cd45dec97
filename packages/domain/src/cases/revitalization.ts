/**
 * 再生支援 / プレ再生支援: the individual support team (個別支援チーム) — its type, its members and the
 * conflict-of-interest (利益相反) declarations that come with each appointment — and the business-plan draft rules.
 *
 * @see ../shared/domain/REFERENCE.md §3.2 (team types; a lawyer and a CPA when forgiveness is expected), §3.3 (steps),
 *   §3.5 (プレ再生: a provisional plan of up to about 3 years), §9 (neutrality)
 */

/** 従来型 (PM/SM + external experts doing the DD), 検証型 (the company's advisers do the DD; the team verifies), 簡易型. */
export const RV_TEAM_TYPES = ['conventional', 'verification', 'simplified'] as const;
export type RvTeamType = (typeof RV_TEAM_TYPES)[number];

/** プレ再生支援 (provisional plan) or 再生支援 (a plan meeting the numeric criteria). */
export const RV_SUPPORT_KINDS = ['pre_revitalization', 'revitalization'] as const;
export type RvSupportKind = (typeof RV_SUPPORT_KINDS)[number];

/** A council staff member's place in the team. */
export const RV_STAFF_POSITIONS = ['pm', 'sm', 'staff'] as const;
export type RvStaffPosition = (typeof RV_STAFF_POSITIONS)[number];

/** Qualification of an appointed external expert. */
export const RV_EXPERT_QUALIFICATIONS = ['cpa', 'tax_accountant', 'sme_consultant', 'lawyer', 'other'] as const;
export type RvExpertQualification = (typeof RV_EXPERT_QUALIFICATIONS)[number];

/** What the expert is appointed for. */
export const RV_EXPERT_DUTIES = ['financial_dd', 'business_dd', 'legal', 'plan_review', 'other'] as const;
export type RvExpertDuty = (typeof RV_EXPERT_DUTIES)[number];

/** The case-grant scopes an appointment may give (a subset of an expert's default scopes). */
export const RV_EXPERT_SCOPES = ['case.read', 'documents.team', 'documents.upload', 'statements.read', 'statements.write'] as const;
export type RvExpertScope = (typeof RV_EXPERT_SCOPES)[number];

/** A conflict-of-interest declaration: none, or disclosed with its content. */
export interface ConflictDeclaration {
  readonly hasConflict: boolean;
  readonly details?: string | undefined;
}

export interface DomainIssue {
  readonly field: string;
  readonly code: string;
  readonly message: { readonly ja: string; readonly en: string };
}

/**
 * Checks an appointment's declaration: a disclosed conflict must say what it is. Every external expert declares; a
 * staff member declares when seconded from a bank that is a creditor of the company (出向元が債権者).
 *
 * @example
 * checkConflictDeclaration({ hasConflict: true }, true) // [{ code: 'coi.details', … }]
 * checkConflictDeclaration(undefined, true) // [{ code: 'coi.required', … }]
 */
export function checkConflictDeclaration(declaration: ConflictDeclaration | undefined, required: boolean): DomainIssue[] {
  if (!declaration) {
    return required
      ? [
          {
            field: 'conflict',
            code: 'coi.required',
            message: {
              ja: '利益相反の有無を申告してください（外部専門家、及び債権者である金融機関からの出向者は必須です）',
              en: 'Declare any conflict of interest (required for external experts and for staff seconded from a creditor bank)',
            },
          },
        ]
      : [];
  }
  if (declaration.hasConflict && !declaration.details?.trim()) {
    return [
      {
        field: 'conflict.details',
        code: 'coi.details',
        message: { ja: '利益相反の内容を記入してください', en: 'Describe the conflict of interest' },
      },
    ];
  }
  return [];
}

/** Whether a staff member's appointment needs a declaration: seconded from a bank that is a creditor. */
export function staffNeedsDeclaration(secondedFromBank: string | undefined, bankIsCreditor: boolean): boolean {
  return Boolean(secondedFromBank?.trim()) && bankIsCreditor;
}

export interface TeamCompositionMember {
  readonly kind: 'staff' | 'expert';
  readonly qualification?: RvExpertQualification | undefined;
}

/**
 * Advisory notes on a team's composition (never a block): a 従来型 team without an external expert, and — when
 * debt forgiveness is expected — a team without both a lawyer and a CPA (REFERENCE §3.2).
 */
export function teamCompositionNotes(
  teamType: RvTeamType | null,
  members: readonly TeamCompositionMember[],
  forgivenessExpected: boolean,
): { code: string; message: { ja: string; en: string } }[] {
  const notes: { code: string; message: { ja: string; en: string } }[] = [];
  const experts = members.filter((m) => m.kind === 'expert');
  if (teamType === 'conventional' && experts.length === 0) {
    notes.push({
      code: 'team.noExpert',
      message: {
        ja: '従来型のチームには財務DD・事業DDを行う外部専門家が必要です',
        en: 'A conventional team needs external experts for the financial and business DD',
      },
    });
  }
  if (forgivenessExpected) {
    const has = (q: RvExpertQualification) => experts.some((m) => m.qualification === q);
    if (!has('lawyer') || !has('cpa')) {
      notes.push({
        code: 'team.forgivenessNeedsLawyerAndCpa',
        message: {
          ja: '債権放棄等が見込まれる場合、チームに弁護士と公認会計士を含めます',
          en: 'When debt forgiveness is expected, the team includes a lawyer and a CPA',
        },
      });
    }
  }
  return notes;
}

/** One year of a business-plan draft (integer yen). */
export interface BusinessPlanYear {
  readonly sales: number;
  readonly ordinaryProfit: number;
}

/**
 * The plan period: a プレ再生 plan runs up to 3 years (REFERENCE §3.5); a 再生 plan 3 to 10 years (about 5 years to
 * remove real negative equity, at most 10 years for the debt/CF ratio test at its end).
 */
export function checkBusinessPlanYears(kind: RvSupportKind, years: number): DomainIssue[] {
  const [min, max] = kind === 'pre_revitalization' ? [1, 3] : [3, 10];
  if (Number.isInteger(years) && years >= min && years <= max) return [];
  return [
    {
      field: 'planYears',
      code: 'businessPlan.years',
      message:
        kind === 'pre_revitalization'
          ? { ja: 'プレ再生計画の期間は1〜3年です', en: 'A pre-revitalization plan runs 1 to 3 years' }
          : { ja: '再生計画の期間は3〜10年で指定してください', en: 'A revitalization plan runs 3 to 10 years' },
    },
  ];
}

/**
 * The first plan year (1-based) with positive ordinary profit (経常黒字化), or `null` when none.
 *
 * @example
 * firstProfitableYear([{ sales: 1, ordinaryProfit: -5 }, { sales: 1, ordinaryProfit: 3 }]) // 2
 */
export function firstProfitableYear(years: readonly BusinessPlanYear[]): number | null {
  const i = years.findIndex((y) => y.ordinaryProfit > 0);
  return i < 0 ? null : i + 1;
}
