import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consultationFormSchema } from '@kasseika/contracts';
import { dataDir } from '../../config/paths';

/**
 * The master data of the public intake, read and checked once at start: the industry classification
 * (data/intake/jsic.v<edition>.json) and the pamphlet's checklists with the documents to bring
 * (data/intake/self-check.v<date>.json). The latest file of each wins; older ones stay for the record.
 */
export interface IntakeData {
  readonly industryEdition: string;
  readonly industries: ReturnType<typeof consultationFormSchema.parse>['industries'];
  readonly checklists: ReturnType<typeof consultationFormSchema.parse>['checklists'];
  readonly documents: ReturnType<typeof consultationFormSchema.parse>['documents'];
  readonly debtRepaymentYearsConcern: number;
  readonly divisionCodes: ReadonlySet<string>;
  readonly checklistItemIds: ReadonlySet<string>;
}

function latest(dir: string, name: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}.v`) && f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const file = files.at(-1);
  if (!file) throw new Error(`no ${name}.v*.json in ${dir}`);
  return join(dir, file);
}

export function loadIntakeData(dir = join(dataDir, 'intake')): IntakeData {
  const jsic = JSON.parse(readFileSync(latest(dir, 'jsic'), 'utf8')) as { version: string; majors: unknown };
  const selfCheck = JSON.parse(readFileSync(latest(dir, 'self-check'), 'utf8')) as {
    checklists: unknown;
    documents: unknown;
    recommendation: { debtRepaymentYearsConcern: number };
  };
  const parsed = consultationFormSchema.parse({
    formToken: 'x',
    minimumFillSeconds: 0,
    industryEdition: jsic.version,
    industries: jsic.majors,
    checklists: selfCheck.checklists,
    documents: selfCheck.documents,
    debtRepaymentYearsConcern: selfCheck.recommendation.debtRepaymentYearsConcern,
  });
  return {
    industryEdition: parsed.industryEdition,
    industries: parsed.industries,
    checklists: parsed.checklists,
    documents: parsed.documents,
    debtRepaymentYearsConcern: parsed.debtRepaymentYearsConcern,
    divisionCodes: new Set(parsed.industries.flatMap((m) => m.divisions.map((d) => d.code))),
    checklistItemIds: new Set(parsed.checklists.flatMap((c) => c.items.map((i) => i.id))),
  };
}
