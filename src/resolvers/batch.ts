import { BadUserInputError } from './errors.ts';
import { MAX_PAGE_SIZE } from './pagination.ts';

/** Refuses a batch lookup larger than one page, before any SQL runs. */
export function checkBatchSize<T>(keys: readonly T[]): readonly T[] {
  if (keys.length > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`Ask for at most ${MAX_PAGE_SIZE} IDs at once; got ${keys.length}.`);
  }
  return keys;
}

/**
 * Answers a batch lookup in the order its keys were given, with null for a key no row has.
 * Gateways pair answers with keys by position, as DataLoader does.
 */
export function inKeyOrder<Row extends { id: number }>(
  keys: readonly number[],
  rows: readonly Row[],
): (Row | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => byId.get(key) ?? null);
}
