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

/**
 * 金融支援策 (REFERENCE §3.3 step 5): rescheduling (interest-only periods), DDS, DES, direct forgiveness, and the
 * 第二会社方式 (good business to a new company, the old one liquidated).
 */
export const RV_SUPPORT_MEASURES = ['rescheduling', 'dds', 'des', 'forgiveness', 'second_company'] as const;
export type RvSupportMeasure = (typeof RV_SUPPORT_MEASURES)[number];

/** Whether the design seeks debt forgiveness in the wide sense of REFERENCE §3.1 (including DES and 第二会社方式). */
export function seeksForgiveness(measures: readonly RvSupportMeasure[]): boolean {
  return measures.some((m) => m === 'forgiveness' || m === 'des' || m === 'second_company');
}

/** One configurable extra requirement for forgiveness (data/revitalization/forgiveness-requirements.v<date>.json). */
export interface ForgivenessRequirement {
  readonly key: string;
  readonly label: { readonly ja: string; readonly en: string };
  readonly hint: { readonly ja: string; readonly en: string };
  /** The item is evidenced by the liquidation-basis comparison. */
  readonly liquidationComparison?: boolean;
}

export interface ForgivenessRequirementSet {
  readonly version: string;
  readonly sources: readonly string[];
  readonly items: readonly ForgivenessRequirement[];
}

/** Parses the requirement data; `null` with a reason when the shape is wrong (the server then refuses to start). */
export function parseForgivenessRequirements(json: unknown): { set: ForgivenessRequirementSet } | { error: string } {
  const o = json as Partial<ForgivenessRequirementSet> | null;
  if (!o || typeof o.version !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.version)) return { error: 'version must be YYYY-MM-DD' };
  if (!Array.isArray(o.items) || o.items.length === 0) return { error: 'items must be a non-empty list' };
  const keys = new Set<string>();
  for (const item of o.items as Partial<ForgivenessRequirement>[]) {
    if (typeof item.key !== 'string' || !/^[a-zA-Z]+$/.test(item.key) || keys.has(item.key))
      return { error: `bad or duplicate key ${String(item.key)}` };
    keys.add(item.key);
    for (const f of ['label', 'hint'] as const)
      if (typeof item[f]?.ja !== 'string' || typeof item[f]?.en !== 'string') return { error: `${item.key}.${f} needs ja and en` };
  }
  return {
    set: { version: o.version, sources: Array.isArray(o.sources) ? o.sources.map(String) : [], items: o.items as ForgivenessRequirement[] },
  };
}

/** A liquidation-basis (清算BS) comparison, integer yen. */
export interface LiquidationComparisonInput {
  /** Assets at liquidation (処分) value. */
  readonly liquidationAssets: number;
  /** Claims paid before unsecured creditors: secured, tax and labour claims, liquidation costs. */
  readonly priorityClaims: number;
  /** Unsecured (非保全) claims of the target creditors. */
  readonly unsecuredClaims: number;
  /** Amount forgiven under the plan (債権放棄・DES等). */
  readonly forgivenessAmount: number;
}

export interface LiquidationComparison {
  /** 清算配当率, in basis points (1/100 %), rounded down (in the creditors' disfavour is not assumed). */
  readonly liquidationDividendBp: number;
  /** Recovery rate of unsecured claims under the plan, in basis points, rounded down. */
  readonly planRecoveryBp: number;
  /** 清算価値保障: the plan recovers more than liquidation. */
  readonly met: boolean;
}

/**
 * Compares recovery under the plan with a bankruptcy liquidation for unsecured claims. Rates are floored to whole
 * basis points (rounding rule: floor, named here); the test compares the exact fractions, not the rounded rates.
 *
 * @example
 * compareWithLiquidation({ liquidationAssets: 50, priorityClaims: 30, unsecuredClaims: 100, forgivenessAmount: 60 })
 * // { liquidationDividendBp: 2000, planRecoveryBp: 4000, met: true }
 */
export function compareWithLiquidation(i: LiquidationComparisonInput): LiquidationComparison | { error: string } {
  const values = [i.liquidationAssets, i.priorityClaims, i.unsecuredClaims, i.forgivenessAmount];
  if (values.some((v) => !Number.isSafeInteger(v) || v < 0)) return { error: 'amounts must be whole yen, 0 or more' };
  if (i.unsecuredClaims === 0) return { error: 'unsecured claims must be more than 0' };
  if (i.forgivenessAmount > i.unsecuredClaims) return { error: 'forgiveness cannot exceed the unsecured claims' };
  const dividend = Math.min(Math.max(0, i.liquidationAssets - i.priorityClaims), i.unsecuredClaims);
  const recovered = i.unsecuredClaims - i.forgivenessAmount;
  return {
    liquidationDividendBp: Math.floor((dividend * 10_000) / i.unsecuredClaims),
    planRecoveryBp: Math.floor((recovered * 10_000) / i.unsecuredClaims),
    met: recovered > dividend,
  };
}
