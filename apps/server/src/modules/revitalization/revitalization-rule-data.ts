import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseForgivenessRequirements, type ForgivenessRequirementSet } from '@kasseika/domain';
import { dataDir } from '../../config/paths';

const VERSIONED = /^forgiveness-requirements\.v(?<version>\d{4}-\d{2}-\d{2})\.json$/;

/**
 * The extra requirements for debt forgiveness (REFERENCE §3.6) from the latest
 * data/revitalization/forgiveness-requirements.v<date>.json; throws (the server does not start) when missing or invalid.
 */
export function loadForgivenessRequirements(root = dataDir): ForgivenessRequirementSet {
  const dir = join(root, 'revitalization');
  const latest = readdirSync(dir)
    .filter((f) => VERSIONED.test(f))
    .sort()
    .at(-1);
  if (!latest) throw new Error(`Forgiveness requirement data missing under ${dir}`);
  const parsed = parseForgivenessRequirements(JSON.parse(readFileSync(join(dir, latest), 'utf8')));
  if ('error' in parsed) throw new Error(`Invalid forgiveness requirement data in ${latest}: ${parsed.error}`);
  return parsed.set;
}
