import { parseAmountInput, toHalfWidthAscii } from '@kasseika/domain';

/** The form's flat fields (the request body nests them under company / contact / councilOverride). */
export interface ConsultationValues {
  corporateNumber: string;
  name: string;
  nameKana: string;
  postalCode: string;
  prefectureCode: string;
  address: string;
  industryCode: string;
  employees: string;
  capitalYen: string;
  fiscalYearEndMonth: string;
  annualSalesYen: string;
  contactName: string;
  contactTitle: string;
  email: string;
  phone: string;
  needs: string[];
  message: string;
  preferredContact: string;
  override: boolean;
  overridePrefectureCode: string;
  overrideReason: string;
  privacyConsent: boolean;
  website: string;
}

export type Field = keyof ConsultationValues;

/** Where each API pointer lands on the form. */
const POINTER_FIELDS: Record<string, Field> = {
  'contact/name': 'contactName',
  'contact/title': 'contactTitle',
  'contact/email': 'email',
  'contact/phone': 'phone',
  'councilOverride/prefectureCode': 'overridePrefectureCode',
  'councilOverride/reason': 'overrideReason',
};

export function fieldOfPath(path: readonly PropertyKey[]): Field | null {
  const [a, b] = path.map(String);
  if (a === 'company' && b) return b as Field;
  if (a && b && POINTER_FIELDS[`${a}/${b}`]) return POINTER_FIELDS[`${a}/${b}`] ?? null;
  if (a === 'needs') return 'needs';
  if (a === 'message' || a === 'preferredContact' || a === 'privacyConsent') return a;
  return null;
}

/** Whole-yen amounts as people type them (全角, commas, 円); '' stays '' so the schema can say what is missing. */
function amount(text: string): number | string {
  const parsed = parseAmountInput(text);
  return parsed.ok ? parsed.value : text.trim() === '' ? Number.NaN : text;
}

export function toBody(v: ConsultationValues, formToken: string): unknown {
  const int = (s: string) => (s.trim() === '' ? Number.NaN : Number(toHalfWidthAscii(s).replace(/[,\s]/g, '')));
  return {
    formToken,
    website: v.website,
    company: {
      corporateNumber: v.corporateNumber,
      name: v.name,
      nameKana: v.nameKana,
      postalCode: v.postalCode,
      prefectureCode: v.prefectureCode,
      address: v.address,
      industryCode: v.industryCode,
      employees: int(v.employees),
      capitalYen: v.capitalYen.trim() === '' ? null : amount(v.capitalYen),
      fiscalYearEndMonth: int(v.fiscalYearEndMonth),
      annualSalesYen: amount(v.annualSalesYen),
    },
    contact: { name: v.contactName, ...(v.contactTitle.trim() ? { title: v.contactTitle } : {}), email: v.email, phone: v.phone },
    needs: v.needs,
    message: v.message,
    preferredContact: v.preferredContact,
    councilOverride: v.override ? { prefectureCode: v.overridePrefectureCode, reason: v.overrideReason } : null,
    privacyConsent: v.privacyConsent,
  };
}

export const DRAFT_FIELDS: readonly Field[] = [
  'corporateNumber',
  'name',
  'nameKana',
  'postalCode',
  'prefectureCode',
  'address',
  'industryCode',
  'employees',
  'capitalYen',
  'fiscalYearEndMonth',
  'annualSalesYen',
  'contactName',
  'contactTitle',
  'email',
  'phone',
  'needs',
  'message',
  'preferredContact',
  'override',
  'overridePrefectureCode',
  'overrideReason',
];

/** A 〒 → 住所 suggestion. */
export type Candidate = { prefectureCode: string; prefecture: string; city: string; town: string };
