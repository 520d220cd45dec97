/**
 * The framework-independent part of the HTTP framework benchmark: the data, the zod query schema, the search,
 * the response shapes and the problem+json body. Both servers (Fastify and Hono) import this module, so the only
 * difference between them is the framework glue: routing, query parsing, error hooks and response writing.
 *
 * The route mirrors `GET /api/v1/councils` of apps/server (schema, matching rules, response and problem shapes)
 * but is self-contained so that the benchmark keeps measuring the same thing when the app changes.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------------
// Data: the 47 councils (1–2 offices each) of the 2025-06-01 pamphlet, loaded once at start-up.

interface Office {
  readonly id: string;
  readonly address: string;
  readonly postalCode: string;
  readonly phone: string;
}

interface Council {
  readonly id: string;
  readonly prefectureCode: string;
  readonly prefecture: string;
  readonly name: string;
  readonly operatingBody: string;
  readonly offices: readonly Office[];
}

interface DirectoryFile {
  readonly version: string;
  readonly source: { readonly title: string; readonly sha256: string; readonly asOf: string };
  readonly councils: readonly Council[];
}

export const DIRECTORY_PATH = fileURLToPath(new URL('../../data/directory/2025-06-01/directory.json', import.meta.url));

const directory = JSON.parse(readFileSync(DIRECTORY_PATH, 'utf8')) as DirectoryFile;
const councils = directory.councils;
const source = {
  version: directory.version,
  asOf: directory.source.asOf,
  title: directory.source.title,
  sha256: directory.source.sha256,
};

if (councils.length !== 47) throw new Error(`expected 47 councils in ${DIRECTORY_PATH}, found ${councils.length}`);

// ---------------------------------------------------------------------------------------------------------------
// Text helpers (same rules as @kasseika/domain: NFKC, 〒 and hyphens ignored in postal codes).

const normalize = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const postalDigits = (s: string): string => s.normalize('NFKC').replace(/[〒\-‐－ー−\s]/g, '');
const looksLikePostalCodePrefix = (s: string): boolean => /^\d{1,7}$/.test(postalDigits(s));

// ---------------------------------------------------------------------------------------------------------------
// The query schema: a zod 4 strictObject, identical in shape to councilSearchQuerySchema in @kasseika/contracts.

export const councilSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(100, 'search.tooLong').optional(),
  prefecture: z
    .string()
    .regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, 'prefecture.code')
    .optional(),
  postalCode: z.string().trim().max(10, 'postalCode.format').refine(looksLikePostalCodePrefix, 'postalCode.format').optional(),
  city: z.string().trim().min(1, 'city.length').max(50, 'city.length').optional(),
});

export type CouncilSearchQuery = z.output<typeof councilSearchQuerySchema>;

// ---------------------------------------------------------------------------------------------------------------
// The search: AND of the criteria, reasons and matched offices per council, like searchDirectory().

type MatchReason = 'prefecture' | 'councilName' | 'operatingBody' | 'officeAddress' | 'postalCode';

function telUri(phone: string): string {
  return `tel:+81-${phone.replace(/^0/, '')}`;
}

function prefectureEn(council: Council): string {
  return council.id.charAt(0).toUpperCase() + council.id.slice(1);
}

export function searchCouncils(query: CouncilSearchQuery) {
  const items = [];
  const q = query.q && query.q !== '' ? query.q : undefined;
  for (const council of councils) {
    const reasons = new Set<MatchReason>();
    const officeIds = new Set<string>();
    /** Records offices whose postal code starts with the digits; true if any did. */
    const byPostalCode = (raw: string): boolean => {
      const digits = postalDigits(raw);
      let matched = false;
      for (const o of council.offices) {
        if (!postalDigits(o.postalCode).startsWith(digits)) continue;
        reasons.add('postalCode');
        officeIds.add(o.id);
        matched = true;
      }
      return matched;
    };
    /** Records offices whose address contains the text; true if any did. */
    const byAddress = (text: string): boolean => {
      let matched = false;
      for (const o of council.offices) {
        if (!normalize(o.address).includes(text)) continue;
        reasons.add('officeAddress');
        officeIds.add(o.id);
        matched = true;
      }
      return matched;
    };
    const byText = (reason: MatchReason, hit: boolean): boolean => {
      if (hit) reasons.add(reason);
      return hit;
    };

    if (query.prefecture !== undefined && !byText('prefecture', council.prefectureCode === query.prefecture)) continue;
    if (q !== undefined) {
      let matched: boolean;
      if (looksLikePostalCodePrefix(q)) {
        matched = byPostalCode(q);
      } else {
        const text = normalize(q);
        // Evaluate every criterion (no short-circuit) so that all reasons are recorded.
        const hits = [
          byText('prefecture', normalize(council.prefecture) === text || council.id === text),
          byText('councilName', normalize(council.name).includes(text)),
          byText('operatingBody', normalize(council.operatingBody).includes(text)),
          byAddress(text),
        ];
        matched = hits.includes(true);
      }
      if (!matched) continue;
    }
    if (query.postalCode !== undefined && !byPostalCode(query.postalCode)) continue;
    if (query.city !== undefined && !byAddress(normalize(query.city))) continue;

    items.push({
      id: council.id,
      prefectureCode: council.prefectureCode,
      prefecture: council.prefecture,
      prefectureEn: prefectureEn(council),
      name: council.name,
      operatingBody: council.operatingBody,
      offices: council.offices.map((o) => ({
        id: o.id,
        address: o.address,
        postalCode: o.postalCode,
        phone: o.phone,
        telUri: telUri(o.phone),
        matched: officeIds.has(o.id),
      })),
      matchedBy: [...reasons],
    });
  }
  return { items, total: items.length, source };
}

// ---------------------------------------------------------------------------------------------------------------
// Validation failure → RFC 9457 problem+json, shaped like apps/server/src/http/problem.ts.

interface FieldIssue {
  readonly pointer: string;
  readonly code: string;
  readonly message: { readonly ja: string; readonly en: string };
}

const MESSAGES: Record<string, { ja: string; en: string }> = {
  'search.tooLong': { ja: '検索語は100文字以内で入力してください', en: 'Use at most 100 characters' },
  'prefecture.code': { ja: '都道府県コードは01〜47で指定してください', en: 'Use a prefecture code from 01 to 47' },
  'postalCode.format': { ja: '郵便番号は7桁の数字（またはその先頭）で入力してください', en: 'Enter 7 digits or their leading digits' },
  'city.length': { ja: '市区町村名は1〜50文字で入力してください', en: 'Use 1 to 50 characters' },
};

/** Thrown by the shared validation; each framework turns it into the response in its own error hook. */
export class ValidationFailed extends Error {
  constructor(readonly issues: readonly FieldIssue[]) {
    super('validation failed');
  }
}

function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const base = `/query${issue.path.map((p) => `/${String(p)}`).join('')}`;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      pointer: `${base}/${key}`,
      code: 'unrecognized_key',
      message: {
        ja: `「${key}」という項目は受け付けていません。項目名を確認してください`,
        en: `The field "${key}" is not accepted. Check the field name`,
      },
    }));
  }
  const known = MESSAGES[issue.message];
  return [{ pointer: base, code: known ? issue.message : issue.code, message: known ?? { ja: issue.message, en: issue.message } }];
}

/** Parses the query or throws ValidationFailed with every issue. */
export function parseQuery(raw: unknown): CouncilSearchQuery {
  const result = councilSearchQuerySchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ValidationFailed(result.error.issues.flatMap(toFieldIssues));
}

export function problemBody(error: ValidationFailed, url: string, requestId: string) {
  const title = { ja: '入力内容に誤りがあります', en: 'The input is not valid' };
  const n = error.issues.length;
  const detail = { ja: `${n}件の項目を確認してください。何も変更されていません`, en: `Check ${n} field(s). Nothing was changed` };
  return {
    type: 'https://kasseika.example/problems/validation-failed',
    title: title.ja,
    status: 422,
    code: 'VALIDATION_FAILED',
    detail: detail.ja,
    instance: url.split('?')[0] ?? url,
    requestId,
    messages: { title, detail },
    errors: [...error.issues],
  };
}

export const newRequestId = (): string => randomUUID();

export const JSON_TYPE = 'application/json; charset=utf-8';
export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
export const CACHE_PUBLIC_SHORT = 'public, max-age=300';

// ---------------------------------------------------------------------------------------------------------------
// The workloads, driven identically against both servers.

export interface Workload {
  readonly id: 'hello' | 'councils' | 'invalid';
  readonly label: string;
  readonly path: string;
  readonly expectStatus: number;
  readonly expectType: string;
}

export const WORKLOADS: readonly Workload[] = [
  { id: 'hello', label: 'GET /hello (tiny JSON)', path: '/hello', expectStatus: 200, expectType: 'application/json' },
  {
    id: 'councils',
    label: 'GET /api/v1/councils?q=協議会 (zod + filter, ~20 KB)',
    // Every council name contains 協議会, so all 47 councils with their offices are returned.
    path: `/api/v1/councils?q=${encodeURIComponent('協議会')}`,
    expectStatus: 200,
    expectType: 'application/json',
  },
  {
    id: 'invalid',
    label: 'GET /api/v1/councils?prefecture=99&sort=name (422)',
    path: '/api/v1/councils?prefecture=99&sort=name',
    expectStatus: 422,
    expectType: 'application/problem+json',
  },
];
