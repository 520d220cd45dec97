import { sql, type SQL } from 'drizzle-orm';
import type { CaseSearchTerms } from '@kasseika/domain';
import { queryRows, type Tx } from '../../db/client';
import { caseSearchTerms } from '../../db/schema';

/**
 * A gram held by at least this many of the council's cases is "common": the candidates come from rarer grams only,
 * and a search whose grams are all common reads the council's rows in list order instead (its matches are many, or
 * at least its words are, so a page fills as it reads). Counting a gram stops here, so asking costs at most this
 * many index entries per gram.
 */
export const COMMON_GRAM_CASES = 500;
/** At most this many of the rarest grams of one pattern narrow the candidates (each one more is another index scan). */
const GRAMS_PER_PATTERN = 3;

/** The LIKE patterns of a search (ADR 0020), each a substring that search_text must contain, before lower-casing. */
export function searchPatterns(s: CaseSearchTerms): string[] {
  const patterns = [
    s.text,
    ...(s.kana ? [s.kana] : []),
    // The 法人番号 is the last field of search_text: "|digits" anchors the digits at its start.
    ...(s.corporateNumberPrefix ? [`|${s.corporateNumberPrefix}`] : []),
  ];
  return [...new Set(patterns)]; // katakana input is its own kana
}

/**
 * How a search narrows the case list: per LIKE pattern, the grams every matching case holds in case_search_terms
 * (the rarest of the pattern's grams; a case matching the pattern holds all of them). `null` when some pattern
 * cannot be narrowed — it is one character long (no bigram) or all its grams are common — and the search then
 * reads the council's rows in list order, as before the side table.
 */
export type CaseSearchGrams = readonly (readonly string[])[] | null;

/**
 * Chooses the grams of each pattern from how many of the council's cases hold them (counted up to
 * COMMON_GRAM_CASES, one index-only scan per gram). The grams are cut with `app.case_search_grams` and
 * `lower()` in the database, exactly as the trigger cut the stored ones.
 */
export async function chooseSearchGrams(tx: Tx, councilId: number, s: CaseSearchTerms): Promise<CaseSearchGrams> {
  const patterns = searchPatterns(s);
  const values = sql.join(
    patterns.map((p, i) => sql`(${i}::int, lower(${p}::text))`),
    sql`, `,
  );
  // Each distinct gram is counted once (materialized), however many patterns hold it.
  const rows = await queryRows<{ pattern: number; term: string; n: number }>(
    tx,
    sql`with p as (select v.pattern, app.case_search_grams(v.p) as grams from (values ${values}) as v(pattern, p)),
             c as materialized (
               select g.term, (select count(*) from (select 1 from ${caseSearchTerms} t
                                                      where t.council_id = ${councilId} and t.term = g.term
                                                      limit ${COMMON_GRAM_CASES}) as x)::int as n
               from (select distinct unnest(p.grams) as term from p) as g)
        select p.pattern, c.term, c.n from p cross join lateral unnest(p.grams) as u(term) join c on c.term = u.term`,
  );
  const chosen: string[][] = [];
  for (const [i] of patterns.entries()) {
    const grams = rows
      .filter((r) => r.pattern === i)
      .sort((a, b) => a.n - b.n || a.term.localeCompare(b.term))
      .filter((r) => r.n < COMMON_GRAM_CASES)
      .slice(0, GRAMS_PER_PATTERN);
    // No gram at all (one character) or only common ones: this pattern cannot narrow, so neither can the search.
    if (grams.length === 0) return null;
    chosen.push(grams.map((g) => g.term));
  }
  return chosen;
}

/**
 * Cases of the council that hold every chosen gram of at least one pattern: a superset of the matches, which the
 * LIKE over search_text then confirms. Only equality on the side table's key (leakproof, so its primary key applies
 * under row-level security).
 */
export function searchCandidates(councilId: number, grams: readonly (readonly string[])[]): SQL {
  const perPattern = grams.map(
    (g) => sql`select t.case_id from ${caseSearchTerms} t where t.council_id = ${councilId} and t.term in ${g}
               group by t.case_id having count(*) = ${g.length}`,
  );
  return sql`(${sql.join(perPattern, sql` union `)})`;
}
