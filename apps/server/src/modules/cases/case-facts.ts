import type { CaseFacts } from '@kasseika/domain';
import type { Tx } from '../../db/client';
import type { CaseRow } from './cases.repository';

/**
 * Computes some of the facts the workflow guards need (`@kasseika/domain` CASE_FACTS) for one case, inside the
 * caller's tenant transaction. Each module that owns a fact (triage, team, finance, creditors…) contributes a loader;
 * a fact no loader reports stays unknown and its guard fails closed.
 */
export type CaseFactsLoader = (tx: Tx, row: CaseRow) => Promise<CaseFacts>;

/** Runs every loader and merges their answers (a fact is true only if some loader says so). */
export async function loadCaseFacts(tx: Tx, row: CaseRow, loaders: readonly CaseFactsLoader[]): Promise<CaseFacts> {
  const out: Record<string, boolean> = {};
  for (const load of loaders) {
    for (const [fact, value] of Object.entries(await load(tx, row))) if (value) out[fact] = true;
  }
  return out;
}
