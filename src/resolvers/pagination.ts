import { BadUserInputError } from './errors.ts';

/** Rows a list or connection returns when the client does not say. */
export const DEFAULT_PAGE_SIZE = 100;
/** The most rows one list or connection page may ask for. Larger requests are refused, not cut. */
export const MAX_PAGE_SIZE = 1000;

function checkPageSize(argument: string, value: number | null | undefined): void {
  if (value == null) return;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `\`${argument}\` must be between 0 and ${MAX_PAGE_SIZE}; got ${value}. Page through larger sets with a connection.`,
    );
  }
}

/** The SQL limit for a list field's `first` argument. */
export function listLimit(first: number | null | undefined): number {
  checkPageSize('first', first);
  return first ?? DEFAULT_PAGE_SIZE;
}

/**
 * Page-size options shared by every connection. plugin-drizzle clamps `first`/`last` to
 * `maxSize` silently; checking here, while the query is planned, turns that into an error
 * before any SQL runs.
 */
export const connectionPageSize = {
  defaultSize: DEFAULT_PAGE_SIZE,
  maxSize: (args: { first?: number | null | undefined; last?: number | null | undefined }): number => {
    checkPageSize('first', args.first);
    checkPageSize('last', args.last);
    return MAX_PAGE_SIZE;
  },
};
