import { and, type AnyColumn, ilike, type SQL } from 'drizzle-orm';
import { BadUserInputError } from './errors.ts';

/** The longest search string accepted; longer ones are refused, not cut. */
export const MAX_SEARCH_LENGTH = 200;

export interface NameFilter {
  nameStartsWith?: string | null | undefined;
  nameContains?: string | null | undefined;
}

/** A name search as an ILIKE pattern, its wildcards taken literally. */
function namePattern(argument: string, value: string, anchored: boolean): string {
  if (value.length === 0 || value.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(
      `\`${argument}\` must be 1 to ${MAX_SEARCH_LENGTH} characters long; got ${value.length}.`,
    );
  }
  const literal = value.replace(/[\\%_]/g, (character) => `\\${character}`);
  return anchored ? `${literal}%` : `%${literal}%`;
}

function namePatterns(filter: NameFilter | null | undefined): string[] {
  const patterns: string[] = [];
  if (filter?.nameStartsWith != null)
    patterns.push(namePattern('nameStartsWith', filter.nameStartsWith, true));
  if (filter?.nameContains != null) patterns.push(namePattern('nameContains', filter.nameContains, false));
  return patterns;
}

// ILIKE, which the trigram indexes on users.name and groups.name (gin_trgm_ops) answer for both
// searches, anchored or not.
const matching = (name: AnyColumn, patterns: readonly string[]) =>
  and(...patterns.map((pattern) => ilike(name, pattern)));

/** SQL: `name` matches the name filters, or undefined when there are none. */
export function nameCondition(name: AnyColumn, filter: NameFilter | null | undefined): SQL | undefined {
  return matching(name, namePatterns(filter));
}

/**
 * The name filters as a relational query's `where`, or undefined when there are none. Checked
 * now, while the query is planned, so bad input is refused before any SQL runs.
 */
export function nameSearchWhere(
  filter: NameFilter | null | undefined,
): { RAW: (table: { name: AnyColumn }) => SQL } | undefined {
  const patterns = namePatterns(filter);
  return patterns.length === 0 ? undefined : { RAW: (table) => matching(table.name, patterns)! };
}
