import { z } from 'zod';
import { looksLikePostalCodePrefix } from '@kasseika/domain';

export const officeSchema = z
  .object({
    id: z.string().meta({ example: 'hokkaido-2' }),
    address: z
      .string()
      .meta({ description: 'Address exactly as printed in the pamphlet', example: '帯広市西3条南9丁目23番地　帯広経済センタービル3階' }),
    postalCode: z.string().meta({ description: '郵便番号 as printed, NNN-NNNN', example: '080-0013' }),
    phone: z.string().meta({ description: 'Phone as printed (domestic form)', example: '0155-67-1144' }),
    telUri: z.string().meta({ description: 'tel: URI in E.164 form for tap-to-call', example: 'tel:+81-155-67-1144' }),
    matched: z.boolean().meta({ description: 'Whether this office matched the search (address or postal code)' }),
  })
  .meta({ id: 'CouncilOffice' });

export const matchReasonSchema = z
  .enum(['prefecture', 'councilName', 'operatingBody', 'officeAddress', 'postalCode', 'postalArea', 'cityArea'])
  .meta({
    id: 'DirectoryMatchReason',
    description: 'Why a council matched; postalArea/cityArea mean the place lies in the prefecture (offline postal data).',
  });

export const councilSchema = z
  .object({
    id: z.string().meta({ description: 'URL slug (romanised prefecture)', example: 'tokyo' }),
    prefectureCode: z.string().meta({ description: 'JIS X 0401 code', example: '13' }),
    prefecture: z.string().meta({ example: '東京都' }),
    prefectureEn: z.string().meta({ example: 'Tokyo' }),
    name: z.string().meta({ example: '東京都中小企業活性化協議会' }),
    operatingBody: z.string().meta({ description: '協議会を設置する認定支援機関', example: '東京商工会議所' }),
    offices: z.array(officeSchema),
  })
  .meta({ id: 'Council' });

export const councilMatchSchema = councilSchema.extend({ matchedBy: z.array(matchReasonSchema) }).meta({ id: 'CouncilMatch' });

export const directorySourceSchema = z
  .object({
    version: z.string().meta({ example: '2025-06-01' }),
    asOf: z.string().meta({ description: 'Edition date printed in the pamphlet', example: '2025-06-01' }),
    title: z.string(),
    sha256: z.string().meta({ description: 'SHA-256 of the source text' }),
  })
  .meta({ id: 'DirectorySource' });

/**
 * Query of `GET /api/v1/councils`. All criteria are optional and combine with AND; unknown parameters are
 * rejected so that a typo is not silently ignored.
 */
export const councilSearchQuerySchema = z
  .strictObject({
    q: z.string().trim().max(100, 'search.tooLong').optional(),
    prefecture: z
      .string()
      .regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, 'prefecture.code')
      .optional()
      .meta({ description: 'JIS prefecture code 01–47', example: '01' }),
    postalCode: z
      .string()
      .trim()
      .max(10, 'postalCode.format')
      .refine((v) => looksLikePostalCodePrefix(v), 'postalCode.format')
      .optional()
      .meta({ description: '7-digit postal code, or its leading digits; 全角 digits, 〒 and hyphens accepted', example: '080-0013' }),
    city: z.string().trim().min(1, 'city.length').max(50, 'city.length').optional().meta({ example: '帯広市' }),
  })
  .meta({ id: 'CouncilSearchQuery' });

export type CouncilSearchQuery = z.infer<typeof councilSearchQuerySchema>;

export const councilListSchema = z
  .object({
    items: z.array(councilMatchSchema),
    total: z.number().int(),
    source: directorySourceSchema,
  })
  .meta({ id: 'CouncilList' });

export const councilIdParamsSchema = z.strictObject({
  councilId: z
    .string()
    .regex(/^[a-z]{2,20}$/, 'councilId.format')
    .meta({ example: 'tokyo' }),
});

export const councilDetailSchema = councilSchema.extend({ source: directorySourceSchema }).meta({ id: 'CouncilDetail' });

export const headquartersSchema = z
  .object({
    name: z.string().meta({ example: '中小企業活性化全国本部' }),
    organization: z.string(),
    department: z.string(),
    phone: z.string(),
    telUri: z.string(),
    fax: z.string(),
    postalCode: z.string(),
    address: z.string(),
  })
  .meta({ id: 'Headquarters' });

export const relatedBodySchema = z
  .object({
    id: z.enum(['yorozu', 'business-succession']),
    name: z.string(),
    description: z.string(),
  })
  .meta({ id: 'RelatedBody' });

export const directoryInfoSchema = z
  .object({
    source: directorySourceSchema,
    councilCount: z.number().int(),
    officeCount: z.number().int(),
    headquarters: headquartersSchema,
    relatedBodies: z.array(relatedBodySchema),
  })
  .meta({ id: 'DirectoryInfo' });

export type Council = z.infer<typeof councilSchema>;
export type CouncilMatch = z.infer<typeof councilMatchSchema>;
export type CouncilList = z.infer<typeof councilListSchema>;
export type CouncilDetail = z.infer<typeof councilDetailSchema>;
export type DirectoryInfo = z.infer<typeof directoryInfoSchema>;
