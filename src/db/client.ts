import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzleNodePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import { relations, type Relations } from './relations.ts';

/** The database as every layer above src/db sees it: no driver types leak past this file. */
export type Db = PgAsyncDatabase<PgQueryResultHKT, Relations>;

export interface DatabaseOptions {
  /** A PostgreSQL connection string. When absent, an embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data directory, or `memory://` for a throwaway database. */
  pgliteDir?: string | undefined;
  /** Connections in the node-postgres pool. */
  poolSize?: number | undefined;
  /** Receives every statement drizzle sends; tests count statements with it. */
  logger?: Logger | undefined;
}

/** The driver-specific handle, kept so migrate.ts can pick the matching migrator. */
export type Database =
  | { kind: 'pglite'; db: PgliteDatabase<Relations>; close: () => Promise<void> }
  | { kind: 'postgres'; db: NodePgDatabase<Relations>; close: () => Promise<void> };

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const logger = options.logger ?? false;
  // Drizzle compiles a row mapper for each query shape instead of interpreting the selection for
  // every nested row (it rebuilt the column decoders once per row of a nested list).
  const jit = true;
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // JIT compiles a plan when its estimated cost passes jit_above_cost. A root query with nested
      // lists is costed for every row of the root table before its LIMIT, so the deeper ones
      // (W3 of the benchmark) pass it and spend about 20 ms compiling a query that runs in 70.
      // Every statement here is a short keyed lookup that JIT never pays back.
      options: '-c jit=off',
    });
    // An idle client that loses its connection emits 'error' on the pool; without a listener
    // node would crash the process. The next query on a fresh client reports the outage instead.
    pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
    const db = drizzleNodePg({ client: pool, relations, logger, jit });
    return { kind: 'postgres', db, close: () => pool.end() };
  }
  // pg_trgm backs name search (migration *_pg_trgm); PostgreSQL has it in contrib.
  const client = await PGlite.create(options.pgliteDir ?? 'memory://', { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, relations, logger, jit });
  return { kind: 'pglite', db, close: () => client.close() };
}

/** A transaction, as `db.transaction(async (tx) => …)` hands it over. */
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];
