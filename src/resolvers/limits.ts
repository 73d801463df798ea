import { type GraphQLField, GraphQLError, getNamedType, getNullableType, isListType } from 'graphql';
import { DEFAULT_PAGE_SIZE } from './pagination.ts';

/** How much one query may ask for. Checked from the query's shape before any resolver runs. */
export interface QueryLimits {
  /** Sum over fields of 1 × the page sizes of every list and connection above them. */
  complexity: number;
  /** Nesting depth of selections. */
  depth: number;
  /** Total number of selected fields. */
  breadth: number;
}

export const defaultQueryLimits: QueryLimits = { complexity: 500_000, depth: 15, breadth: 1_000 };

/**
 * A field's weight for the complexity limit: its sub-selection counts once per row it can
 * return. Lists and connections return up to `first` (or `last`) rows, 100 when not given;
 * batch lookups return one row per ID; a connection's `edges` are the page already counted.
 * So `users(first: 50) { edges { node { groups(first: 20) { name } } } }` costs about
 * 50 × (3 + 20 × 2).
 *
 * A filter never lowers that count (nobody knows how many rows it keeps), and each condition of
 * `filter` and each key of `orderBy` other than the ID adds `SCAN_WEIGHT` to the field itself:
 * to apply it PostgreSQL may read the whole list, not only the page.
 */
export function fieldComplexity<Context>(
  args: Partial<Record<ComplexityArgument, unknown>>,
  _ctx: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
): { field: number; multiplier: number } {
  const pageSize = [args['first'], args['last']].find((value): value is number => typeof value === 'number');
  const scans = filterConditions(args['filter']) + orderKeys(args['orderBy']);
  const ids = Array.isArray(args['ids']) ? args['ids'].length : undefined;
  const returns = getNamedType(field.type).name;
  // A connection's page size applies once, on the connection: its `edges` list is that page.
  const isPage =
    returns.endsWith('Connection') || (isListType(getNullableType(field.type)) && !returns.endsWith('Edge'));
  return { field: 1 + scans * SCAN_WEIGHT, multiplier: isPage ? (pageSize ?? ids ?? DEFAULT_PAGE_SIZE) : 1 };
}

/**
 * The arguments a field's weight depends on: a query whose variables appear in none of them costs
 * the same whatever their values, so it is measured once (sql-responses.ts). fieldComplexity's
 * `args` type admits only these, so it cannot come to read another without this list changing.
 */
export const complexityArguments = ['first', 'last', 'filter', 'orderBy', 'ids'] as const;
type ComplexityArgument = (typeof complexityArguments)[number];

/** What a filter or an order key not answered by the page's index costs: a page's worth of rows. */
export const SCAN_WEIGHT = DEFAULT_PAGE_SIZE;

function filterConditions(filter: unknown): number {
  if (typeof filter !== 'object' || filter === null) return 0;
  return Object.values(filter).filter((value) => value != null).length;
}

function orderKeys(orderBy: unknown): number {
  if (!Array.isArray(orderBy)) return 0;
  return orderBy.filter((term: { field?: unknown } | null) => term?.field !== 'ID').length;
}

const limitNames = { Complexity: 'complexity', Depth: 'depth', Breadth: 'number of fields' } as const;

export function queryTooLargeError(
  kind: keyof typeof limitNames,
  result: {
    complexity: number;
    depth: number;
    breadth: number;
    maxComplexity?: number;
    maxDepth?: number;
    maxBreadth?: number;
  },
): GraphQLError {
  const [actual, limit] = {
    Complexity: [result.complexity, result.maxComplexity],
    Depth: [result.depth, result.maxDepth],
    Breadth: [result.breadth, result.maxBreadth],
  }[kind];
  return new GraphQLError(
    `This query's ${limitNames[kind]} is ${actual}, over the limit of ${limit}. Ask for smaller pages (first/last) or fewer nested lists.`,
    { extensions: { code: 'QUERY_TOO_LARGE', limit: limitNames[kind], actual, max: limit } },
  );
}
