import { and, eq } from 'drizzle-orm';
import { companyDuplicateKeys, corporateNumberCheckDigit, normalizeCompanyName, normalizeKana, PREFECTURES } from '@kasseika/domain';
import type { Database } from '../db/client';
import { consultationRequests, organizations, supportCases } from '../db/schema';
import { withTenantTx } from '../db/tenant-tx';
import { detailsPlace, emailPlace, type SealedDetails } from '../modules/intake/intake.service';
import type { FieldCipher } from '../security/field-cipher';
import { sha256Hex } from '../security/secrets';

/** A valid 法人番号 for a demo base number (check digit computed, as the NTA does). */
const corporateNumber = (base12: string) => `${corporateNumberCheckDigit(base12)}${base12}`;

interface DemoRequest {
  readonly councilId: number;
  readonly referenceNo: string;
  readonly caseReferenceNo: string;
  readonly name: string;
  readonly kana: string;
  readonly corporateNumber: string | null;
  readonly prefectureCode: string;
  readonly postalCode: string;
  readonly address: string;
  readonly industryCode: string;
  readonly employees: number;
  readonly salesYen: number;
  readonly needs: readonly string[];
  readonly message: string;
  readonly contactName: string;
  readonly email: string;
}

/**
 * Verified consultation requests awaiting the council's decision (stage `intake`), so the demo inbox is not empty:
 * two for the same company in Tokyo (a possible duplicate) and one in Osaka.
 */
export const DEMO_REQUESTS: readonly DemoRequest[] = [
  {
    councilId: 13,
    referenceNo: 'R-DEMO-1301',
    caseReferenceNo: 'DEMO-13-I001',
    name: '株式会社日本橋デモ食品',
    kana: 'ニホンバシデモショクヒン',
    corporateNumber: corporateNumber('010001234567'),
    prefectureCode: '13',
    postalCode: '1030027',
    address: '中央区日本橋1-1-1',
    industryCode: '09',
    employees: 42,
    salesYen: 620_000_000,
    needs: ['ei.objective_view', 'rv.financial_support'],
    message: '原材料高で赤字が続き、来春から返済が重くなります。リスケジュールを相談したいです。',
    contactName: '日本橋 一郎',
    email: 'nihonbashi.demo@example.jp',
  },
  {
    councilId: 13,
    referenceNo: 'R-DEMO-1302',
    caseReferenceNo: 'DEMO-13-I002',
    name: '日本橋デモ食品(株)',
    kana: 'ニホンバシデモショクヒン',
    corporateNumber: corporateNumber('010001234567'),
    prefectureCode: '13',
    postalCode: '1030027',
    address: '中央区日本橋１丁目１番１号',
    industryCode: '09',
    employees: 42,
    salesYen: 620_000_000,
    needs: ['rv.advice'],
    message: '経理担当からも申し込みます。',
    contactName: '日本橋 花子',
    email: 'nihonbashi.keiri.demo@example.jp',
  },
  {
    councilId: 27,
    referenceNo: 'R-DEMO-2701',
    caseReferenceNo: 'DEMO-27-I001',
    name: 'なにわデモ精工株式会社',
    kana: 'ナニワデモセイコウ',
    corporateNumber: null,
    prefectureCode: '27',
    postalCode: '5300001',
    address: '大阪市北区梅田1-1',
    industryCode: '24',
    employees: 12,
    salesYen: 180_000_000,
    needs: ['ei.action_plan'],
    message: '収益力改善の計画づくりを相談したい。',
    contactName: '浪速 次郎',
    email: 'naniwa.demo@example.jp',
  },
];

/** Idempotent: a request whose reference number exists is left alone. */
export async function seedDemoIntake(database: Database, cipher: FieldCipher): Promise<{ created: number; existing: number }> {
  let created = 0;
  let existing = 0;
  for (const r of DEMO_REQUESTS) {
    await withTenantTx(database.db, { councilId: r.councilId, userId: null, roles: [] }, async (tx) => {
      const [found] = await tx
        .select({ id: consultationRequests.id })
        .from(consultationRequests)
        .where(and(eq(consultationRequests.councilId, r.councilId), eq(consultationRequests.referenceNo, r.referenceNo)));
      if (found) {
        existing++;
        return;
      }
      const name = normalizeCompanyName(r.name);
      const kana = normalizeKana(r.kana) ?? r.kana;
      const [org] = await tx
        .insert(organizations)
        .values({ kind: 'company', name, nameKana: kana, councilId: r.councilId, corporateNumber: r.corporateNumber })
        .returning({ id: organizations.id });
      const [c] = await tx
        .insert(supportCases)
        .values({
          councilId: r.councilId,
          referenceNo: r.caseReferenceNo,
          companyName: name,
          companyNameKana: kana,
          corporateNumber: r.corporateNumber,
          companyOrganizationId: org?.id ?? null,
          stage: 'intake',
        })
        .returning({ id: supportCases.id });
      const id = crypto.randomUUID();
      const details: SealedDetails = {
        company: {
          postalCode: r.postalCode,
          prefectureCode: r.prefectureCode,
          address: r.address.normalize('NFKC'),
          industryCode: r.industryCode,
          employees: r.employees,
          capitalYen: 10_000_000,
          fiscalYearEndMonth: 3,
          annualSalesYen: r.salesYen,
        },
        contact: { name: r.contactName, email: r.email, phone: '03-0000-0000' },
        needs: r.needs,
        message: r.message,
        preferredContact: 'either',
        councilOverrideReason: null,
      };
      const prefecture = PREFECTURES.find((p) => p.code === r.prefectureCode)?.name ?? '';
      const now = new Date();
      await tx.insert(consultationRequests).values({
        id,
        councilId: r.councilId,
        referenceNo: r.referenceNo,
        tokenHash: sha256Hex(`demo:${r.referenceNo}`),
        companyName: name,
        companyNameKana: kana,
        corporateNumber: r.corporateNumber,
        prefectureCode: r.prefectureCode,
        duplicateKeys: companyDuplicateKeys({
          corporateNumber: r.corporateNumber,
          name,
          address: `${prefecture}${details.company.address}`,
        }).map(sha256Hex),
        emailEnc: await cipher.encrypt(r.councilId, r.email, emailPlace(id)),
        detailsEnc: await cipher.encrypt(r.councilId, JSON.stringify(details), detailsPlace(id)),
        consentedAt: now,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 48 * 3600_000),
        verifiedAt: now,
        caseId: c?.id ?? null,
      });
      created++;
    });
  }
  return { created, existing };
}
