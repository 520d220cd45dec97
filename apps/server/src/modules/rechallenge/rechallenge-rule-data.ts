import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FeeSupportRule } from '@kasseika/domain';
import { dataDir } from '../../config/paths';

const VERSIONED = /^fee-support\.v(?<version>\d{4}-\d{2}-\d{2})\.json$/;
const isoDate = z.iso.date();

const fileSchema = z.object({
  id: z.literal('rechallenge-fee-support'),
  version: isoDate,
  rules: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        validFrom: isoDate,
        validTo: isoDate.nullable(),
        maxSupportedConsultations: z.number().int().min(0).max(50),
        maxFeePerConsultation: z.number().int().min(0).nullable(),
        verified: z.boolean(),
        sources: z.array(z.strictObject({ url: z.url(), note: z.string().optional() })),
      }),
    )
    .min(1),
});

/**
 * The lawyer-consultation fee support (REFERENCE §4.2 ⚠) from the latest data/rechallenge/fee-support.v<date>.json;
 * throws (the server does not start) when the file is missing or invalid, or when two rules overlap.
 */
export function loadFeeSupportRules(root = dataDir): readonly FeeSupportRule[] {
  const dir = join(root, 'rechallenge');
  const latest = readdirSync(dir)
    .filter((f) => VERSIONED.test(f))
    .sort()
    .at(-1);
  if (!latest) throw new Error(`Fee-support rule data missing under ${dir}`);
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(join(dir, latest), 'utf8')));
  if (!parsed.success) throw new Error(`Invalid rule data in ${latest}: ${parsed.error.message}`);
  const rules = [...parsed.data.rules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  rules.forEach((r, i) => {
    const next = rules[i + 1];
    if (r.validTo !== null && r.validTo < r.validFrom) throw new Error(`${latest}: ${r.id} ends before it starts`);
    if (next && (r.validTo === null || r.validTo >= next.validFrom)) throw new Error(`${latest}: ${r.id} overlaps ${next.id}`);
  });
  return rules;
}
