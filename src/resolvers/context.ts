import type { Db } from '../db/client.ts';
import { defaultQueryLimits, type QueryLimits } from './limits.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  db: Db;
  loaders: Loaders;
  queryLimits: QueryLimits;
}

/** Builds one request's context: loaders are created per request so no cached row outlives it. */
export function createContext(db: Db, queryLimits: QueryLimits = defaultQueryLimits): Context {
  return { db, loaders: createLoaders(db), queryLimits };
}
