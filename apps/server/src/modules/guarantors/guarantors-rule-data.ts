import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseResidualAssetsRuleSets, type ResidualAssetsRuleSet } from '@kasseika/finance';
import { dataDir } from '../../config/paths';

const VERSIONED = /^residual-assets-rules\.v(?<version>\d{4}-\d{2}-\d{2})\.json$/;

/**
 * The 残存資産 rule sets from the latest data/guarantees/residual-assets-rules.v<date>.json, checked with the
 * engine's parser; throws (the server does not start) when the file is missing or invalid.
 */
export function loadResidualAssetsRules(root = dataDir): readonly ResidualAssetsRuleSet[] {
  const dir = join(root, 'guarantees');
  const latest = readdirSync(dir)
    .filter((f) => VERSIONED.test(f))
    .sort()
    .at(-1);
  if (!latest) throw new Error(`Residual-asset rule data missing under ${dir}`);
  const parsed = parseResidualAssetsRuleSets(JSON.parse(readFileSync(join(dir, latest), 'utf8')));
  if (!parsed.ruleSets) throw new Error(`Invalid rule data in ${latest}: ${parsed.issues.map((i) => i.message.en).join('; ')}`);
  return parsed.ruleSets;
}
