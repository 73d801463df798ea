import type { Db } from '../db/client.ts';
import { defaultQueryLimits, type QueryLimits } from './limits.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  db: Db;
  /** The signed-in user's key from a verified token; undefined for anonymous requests. */
  viewerId: number | undefined;
  loaders: Loaders;
  queryLimits: QueryLimits;
}

/** Builds one request's context: loaders are created per request so no cached row outlives it. */
export function createContext(
  db: Db,
  viewerId: number | undefined,
  queryLimits: QueryLimits = defaultQueryLimits,
): Context {
  return { db, viewerId, loaders: createLoaders(db, viewerId), queryLimits };
}
