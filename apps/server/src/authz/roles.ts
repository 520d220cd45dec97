/**
 * Roles are held per organisation membership (REFERENCE §9, DESIGN "Identity and access").
 * Council: PM (統括責任者), SM (統括責任者補佐), staff, council admin. HQ: analyst, admin. Platform operator (sees no
 * case content). Outsiders: company member (相談企業), expert (認定支援機関), bank officer (金融機関), lawyer (弁護士).
 */
export const ROLES = [
  'council_pm',
  'council_sm',
  'council_staff',
  'council_admin',
  'hq_analyst',
  'hq_admin',
  'platform_operator',
  'company_member',
  'expert',
  'bank_officer',
  'lawyer',
] as const;

export type Role = (typeof ROLES)[number];

/** The organisation kind each role belongs to. */
export const ROLE_ORGANIZATION_KIND: Record<Role, 'council' | 'hq' | 'platform' | 'company' | 'expert_firm' | 'bank' | 'law_firm'> = {
  council_pm: 'council',
  council_sm: 'council',
  council_staff: 'council',
  council_admin: 'council',
  hq_analyst: 'hq',
  hq_admin: 'hq',
  platform_operator: 'platform',
  company_member: 'company',
  expert: 'expert_firm',
  bank_officer: 'bank',
  lawyer: 'law_firm',
};

/** Council roles that work on cases (case data, interviews, triage). */
export const COUNCIL_CASE_ROLES: readonly Role[] = ['council_pm', 'council_sm', 'council_staff'];

/** Roles that reach cases only through a case grant. */
export const OUTSIDER_ROLES: readonly Role[] = ['company_member', 'expert', 'bank_officer', 'lawyer'];

/** Every role except company members must use a second factor on every sign-in (SMEs may use OIDC instead). */
export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((r) => r !== 'company_member');
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The role a case grant gives an outsider. */
export const ROLE_IN_CASE_OF: Partial<Record<Role, 'company' | 'expert' | 'bank' | 'lawyer'>> = {
  company_member: 'company',
  expert: 'expert',
  bank_officer: 'bank',
  lawyer: 'lawyer',
};

/**
 * What each role in a case may see by default (case-grant scopes). Council staff may narrow them per grant; later
 * issues add scopes (documents by visibility class, plan versions, consent).
 */
export const DEFAULT_GRANT_SCOPES: Record<'company' | 'expert' | 'bank' | 'lawyer', readonly string[]> = {
  company: [
    'case.read',
    'case.accessLog',
    'documents.company',
    'documents.upload',
    'statements.read',
    'statements.write',
    'guarantors.read',
    'guarantors.write',
    'confidentiality.manage',
  ],
  expert: ['case.read', 'documents.team', 'documents.upload', 'statements.read', 'statements.write'],
  bank: ['case.read', 'documents.creditors', 'creditors.read', 'plan.read', 'plan.respond'],
  lawyer: ['case.read', 'documents.team', 'guarantors.read', 'guarantors.write'],
};

/**
 * The scope of the case grant a referred lawyer receives when the company consents to the handover package
 * (再チャレンジ支援): the case itself and the package, nothing else of the case.
 */
export const RC_PACKAGE_SCOPE = 'rechallenge.package';
export const RC_LAWYER_GRANT_SCOPES: readonly string[] = ['case.read', RC_PACKAGE_SCOPE];
