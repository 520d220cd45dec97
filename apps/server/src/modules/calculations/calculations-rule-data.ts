import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseCriteriaRuleSets,
  parseLocabenThresholdTable,
  parseSubsidyRuleSets,
  type CriteriaRuleSet,
  type LocabenThresholdTable,
  type SubsidyRuleSet,
  type SubsidySizeClassDefinitions,
} from '@kasseika/finance';
import { dataDir } from '../../config/paths';

/**
 * The versioned rule data of the calculators, read and parsed once at start with the engine's own parse functions:
 * data/finance/locaben-thresholds.v<date>.json, data/finance/criteria-rules.v<date>.json and
 * data/subsidy/subsidy-rules.v<date>.json. A file version is the date the data was transcribed; the rule sets inside
 * carry their own validity dates, which the engine selects by the request's date (agreement / acceptance date).
 */
export interface CalculationRuleData {
  /** Threshold tables, oldest version first. */
  readonly thresholds: readonly LocabenThresholdTable[];
  readonly criteriaVersion: string;
  readonly criteriaRuleSets: readonly CriteriaRuleSet[];
  readonly subsidyVersion: string;
  readonly subsidyRuleSets: readonly SubsidyRuleSet[];
  readonly subsidySizeClasses: SubsidySizeClassDefinitions;
}

const VERSIONED = /^(?<name>[a-z-]+)\.v(?<version>\d{4}-\d{2}-\d{2})\.json$/;

function versionsOf(dir: string, name: string): { version: string; file: string }[] {
  return readdirSync(dir)
    .map((f) => ({ f, m: VERSIONED.exec(f) }))
    .filter((x) => x.m?.groups?.name === name)
    .map((x) => ({ version: x.m?.groups?.version ?? '', file: join(dir, x.f) }))
    .sort((a, b) => a.version.localeCompare(b.version));
}

function fail(file: string, issues: readonly { message: { en: string } }[]): never {
  throw new Error(`Invalid rule data in ${file}: ${issues.map((i) => i.message.en).join('; ')}`);
}

/** Loads and checks every rule file; throws (the server does not start) when a file is invalid or missing. */
export function loadCalculationRuleData(root = dataDir): CalculationRuleData {
  const financeDir = join(root, 'finance');
  const subsidyDir = join(root, 'subsidy');
  const thresholds = versionsOf(financeDir, 'locaben-thresholds').map(({ file }) => {
    const parsed = parseLocabenThresholdTable(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.table ?? fail(file, parsed.issues);
  });
  const criteriaFile = versionsOf(financeDir, 'criteria-rules').at(-1);
  const subsidyFile = versionsOf(subsidyDir, 'subsidy-rules').at(-1);
  if (thresholds.length === 0 || !criteriaFile || !subsidyFile) throw new Error(`Rule data missing under ${root}`);
  const criteria = parseCriteriaRuleSets(JSON.parse(readFileSync(criteriaFile.file, 'utf8')));
  const subsidy = parseSubsidyRuleSets(JSON.parse(readFileSync(subsidyFile.file, 'utf8')));
  return {
    thresholds,
    criteriaVersion: criteriaFile.version,
    criteriaRuleSets: criteria.ruleSets ?? fail(criteriaFile.file, criteria.issues),
    subsidyVersion: subsidyFile.version,
    subsidyRuleSets: subsidy.ruleSets ?? fail(subsidyFile.file, subsidy.issues),
    subsidySizeClasses: subsidy.sizeClasses ?? fail(subsidyFile.file, subsidy.issues),
  };
}

/**
 * The threshold table for a date: the newest version published on or before it, else the oldest one (the data
 * is unverified either way and says so).
 *
 * @example thresholdTableFor(data, '2026-03-31').version
 */
export function thresholdTableFor(data: CalculationRuleData, date: string): LocabenThresholdTable {
  const onOrBefore = data.thresholds.filter((t) => t.version <= date);
  const table = onOrBefore.at(-1) ?? data.thresholds[0];
  if (!table) throw new Error('no threshold table loaded');
  return table;
}
