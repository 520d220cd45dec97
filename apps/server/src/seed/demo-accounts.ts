import type { Role } from '../authz/roles';

/**
 * The demo accounts `kasseika seed-demo` creates (never in production). Documented in the README: every account uses
 * the same password and the same authenticator secret, so a tester can add the secret to any TOTP app (or run
 * `npm run kasseika -- demo-code`).
 */
export const DEMO_PASSWORD = 'Kasseika-Demo-2026';
/** Base32 TOTP secret shared by the demo accounts (20 bytes). */
export const DEMO_TOTP_SECRET = 'KASSEIKADEMOTOTPSECRETKEYABCD234';

export interface DemoAccount {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** Council (JIS code) for council staff and company members. */
  readonly councilId?: number;
  /** The organisation of an outsider (created if missing). */
  readonly organization?: {
    readonly kind: 'company' | 'expert_firm' | 'bank' | 'law_firm';
    readonly name: string;
    readonly bankCode?: string;
  };
  /** Case (demo reference number, or a demo request's case: seed/demo-intake.ts) the outsider is granted. */
  readonly grantOn?: string;
}

export const DEMO_CASES = [
  { councilId: 13, referenceNo: 'DEMO-13-0001', companyName: '株式会社デモ精工' },
  { councilId: 13, referenceNo: 'DEMO-13-0002', companyName: '有限会社サンプル食品' },
  { councilId: 27, referenceNo: 'DEMO-27-0001', companyName: '株式会社見本工業' },
  // A revitalization case at the creditor-consent stage, with three creditors (issue 7).
  { councilId: 13, referenceNo: 'DEMO-13-0003', companyName: '株式会社デモ再生' },
] as const;

const council = (prefix: string, councilId: number, name: string): DemoAccount[] => [
  { email: `pm.${prefix}@demo.kasseika.jp`, displayName: `${name} 統括責任者（デモ）`, role: 'council_pm', councilId },
  { email: `sm.${prefix}@demo.kasseika.jp`, displayName: `${name} 統括責任者補佐（デモ）`, role: 'council_sm', councilId },
  { email: `staff.${prefix}@demo.kasseika.jp`, displayName: `${name} 職員（デモ）`, role: 'council_staff', councilId },
  { email: `admin.${prefix}@demo.kasseika.jp`, displayName: `${name} 管理者（デモ）`, role: 'council_admin', councilId },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  ...council('tokyo', 13, '東京'),
  ...council('osaka', 27, '大阪'),
  { email: 'hq.analyst@demo.kasseika.jp', displayName: '全国本部 分析担当（デモ）', role: 'hq_analyst' },
  { email: 'hq.admin@demo.kasseika.jp', displayName: '全国本部 管理者（デモ）', role: 'hq_admin' },
  { email: 'operator@demo.kasseika.jp', displayName: '運用担当（デモ）', role: 'platform_operator' },
  {
    email: 'company.tokyo@demo.kasseika.jp',
    displayName: 'デモ精工 代表取締役（デモ）',
    role: 'company_member',
    councilId: 13,
    organization: { kind: 'company', name: '株式会社デモ精工' },
    grantOn: 'DEMO-13-0001',
  },
  {
    email: 'company.osaka@demo.kasseika.jp',
    displayName: '見本工業 代表取締役（デモ）',
    role: 'company_member',
    councilId: 27,
    organization: { kind: 'company', name: '株式会社見本工業' },
    grantOn: 'DEMO-27-0001',
  },
  {
    email: 'expert@demo.kasseika.jp',
    displayName: '税理士 専門 太郎（デモ）',
    role: 'expert',
    organization: { kind: 'expert_firm', name: 'デモ税理士法人' },
    grantOn: 'DEMO-13-0001',
  },
  {
    email: 'bank@demo.kasseika.jp',
    displayName: 'デモ銀行 融資担当（デモ）',
    role: 'bank_officer',
    organization: { kind: 'bank', name: '株式会社デモ銀行', bankCode: '9901' },
    grantOn: 'DEMO-13-0001',
  },
  {
    email: 'bank2@demo.kasseika.jp',
    displayName: 'サンプル信用金庫 融資担当（デモ・担当案件なし）',
    role: 'bank_officer',
    organization: { kind: 'bank', name: 'サンプル信用金庫', bankCode: '9902' },
    // Granted on DEMO-13-0003, but the company never consented for サンプル信用金庫: it sees nothing (ADR 0018).
    grantOn: 'DEMO-13-0003',
  },
  {
    email: 'company2.tokyo@demo.kasseika.jp',
    displayName: 'デモ再生 代表取締役（デモ）',
    role: 'company_member',
    councilId: 13,
    organization: { kind: 'company', name: '株式会社デモ再生' },
    grantOn: 'DEMO-13-0003',
  },
  {
    // 再生支援 (issue 6): the company of the demo request DEMO-13-I001 (still at intake), as if it had accepted the
    // request's account invitation — it lifts confidentiality for its banks when the case moves into 再生.
    email: 'company3.tokyo@demo.kasseika.jp',
    displayName: '日本橋デモ食品 代表取締役（デモ）',
    role: 'company_member',
    councilId: 13,
    organization: { kind: 'company', name: '株式会社日本橋デモ食品' },
    grantOn: 'DEMO-13-I001',
  },
  {
    // 再生支援 (issue 6): a CPA to appoint to a team — no case until a council appoints them.
    email: 'cpa@demo.kasseika.jp',
    displayName: '公認会計士 監査 次郎（デモ・選任前）',
    role: 'expert',
    organization: { kind: 'expert_firm', name: 'デモ監査法人' },
  },
  {
    email: 'lawyer@demo.kasseika.jp',
    displayName: '弁護士 法務 花子（デモ）',
    role: 'lawyer',
    organization: { kind: 'law_firm', name: 'デモ法律事務所' },
    grantOn: 'DEMO-27-0001',
  },
  // A lawyer with no case: reaches a case only through a company's consent to a 再チャレンジ handover package.
  {
    email: 'lawyer2@demo.kasseika.jp',
    displayName: '弁護士 再起 次郎（デモ・担当案件なし）',
    role: 'lawyer',
    organization: { kind: 'law_firm', name: 'デモ再起法律事務所' },
  },
];

/** Consents of the demo companies to share their case with a bank (守秘義務の解除, ADR 0018). */
export const DEMO_CONFIDENTIALITY_LIFTS: readonly {
  readonly caseReferenceNo: string;
  readonly bankCode: string;
  readonly bankName: string;
  readonly consentedByEmail: string;
}[] = [
  { caseReferenceNo: 'DEMO-13-0001', bankCode: '9901', bankName: '株式会社デモ銀行', consentedByEmail: 'company.tokyo@demo.kasseika.jp' },
  { caseReferenceNo: 'DEMO-27-0001', bankCode: '0009', bankName: '三井住友', consentedByEmail: 'company.osaka@demo.kasseika.jp' },
];

/** The creditors and loans (借入金一覧) of DEMO-13-0003 — REFERENCE §10.5's three lenders — with no consent yet. */
export const DEMO_CREDITORS: readonly {
  readonly caseReferenceNo: string;
  readonly bankCode: string;
  readonly bankName: string;
  readonly isMainBank: boolean;
  readonly loan: {
    readonly label: string;
    readonly balance: number;
    readonly annualRatePercent: string;
    readonly monthlyRepayment: number;
    readonly collateral?: string;
    readonly collateralAppraisal?: number;
    readonly guaranteeCoverPercent?: number;
  };
}[] = [
  {
    caseReferenceNo: 'DEMO-13-0003',
    bankCode: '0001',
    bankName: 'みずほ',
    isMainBank: true,
    loan: {
      label: '運転資金',
      balance: 60_000_000,
      annualRatePercent: '1.500',
      monthlyRepayment: 600_000,
      collateral: '本社土地建物',
      collateralAppraisal: 40_000_000,
    },
  },
  {
    caseReferenceNo: 'DEMO-13-0003',
    bankCode: '0005',
    bankName: '三菱ＵＦＪ',
    isMainBank: false,
    loan: {
      label: '設備資金（保証協会付）',
      balance: 30_000_000,
      annualRatePercent: '1.250',
      monthlyRepayment: 300_000,
      guaranteeCoverPercent: 100,
    },
  },
  {
    caseReferenceNo: 'DEMO-13-0003',
    bankCode: '0009',
    bankName: '三井住友',
    isMainBank: false,
    loan: { label: '運転資金', balance: 10_000_000, annualRatePercent: '2.000', monthlyRepayment: 100_000 },
  },
];

/** Demo cases that start further along the workflow than desk consultation (set once, on a fresh case). */
export const DEMO_CASE_STAGES = [{ referenceNo: 'DEMO-13-0003', stage: 'rv_creditor_consent', track: 'revitalization' }] as const;
