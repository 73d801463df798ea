import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzleNodePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import { relations, type Relations } from './relations.ts';
import { planRelationalQueries } from './read-plans.ts';
import { ReplicaSet } from './replicas.ts';
import { raiseAllocatorThresholdsOnConnect } from './allocator.ts';

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
  /**
   * The server itself, when `url` is a transaction-pooling proxy: for what needs a session of its
   * own (the migrator), which such a proxy cannot give.
   */
  directUrl?: string | undefined;
  /** Streaming replicas of `url` that queries may read from (src/http/read-replicas.ts decides). */
  replicas?: ReplicaOptions | undefined;
}

export interface ReplicaOptions {
  urls: string[];
  /** A replica whose data is older than this is skipped until it catches up. */
  maxLagSeconds: number;
  /** Receives every statement sent to the named replica (`replica-1`, …). */
  logger?: ((replica: string) => Logger) | undefined;
  onUnavailable?: ((replica: string, error: Error) => void) | undefined;
}

/** The driver-specific handle, kept so migrate.ts can pick the matching migrator. */
export type Database =
  | { kind: 'pglite'; db: PgliteDatabase<Relations>; close: () => Promise<void> }
  | {
      kind: 'postgres';
      db: NodePgDatabase<Relations>;
      /**
       * The server itself (DATABASE_DIRECT_URL, else the pool's URL), for what needs a session
       * of its own: the migrator, whose database defaults (*_jit_off) only sessions opened after
       * it see; a pooling proxy would hand its session on to the pool.
       */
      directUrl: string;
      /** Undefined without DATABASE_REPLICA_URLS. */
      replicas: ReplicaSet<Db> | undefined;
      close: () => Promise<void>;
    };

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  const logger = options.logger ?? false;
  // Drizzle compiles a row mapper for each query shape instead of interpreting the selection for
  // every nested row (it rebuilt the column decoders once per row of a nested list).
  const jit = true;
  if (options.url) {
    const pool = createPool(options.url, options.poolSize);
    const db = planRelationalQueries(drizzleNodePg({ client: pool, relations, logger, jit }));
    const directUrl = options.directUrl ?? options.url;
    const replicas = options.replicas?.urls.length
      ? new ReplicaSet<Db>({
          primary: pool,
          replicas: options.replicas.urls.map((url, index) => {
            const name = `replica-${index + 1}`;
            // A replica that does not answer is skipped; its checks must not queue up behind a hung connect.
            const replicaPool = createPool(url, options.poolSize, 2_000);
            const replicaLogger = options.replicas?.logger?.(name) ?? logger;
            return {
              name,
              pool: replicaPool,
              db: planRelationalQueries(
                drizzleNodePg({ client: replicaPool, relations, logger: replicaLogger, jit }),
              ),
            };
          }),
          maxLagSeconds: options.replicas.maxLagSeconds,
          onUnavailable: options.replicas.onUnavailable,
        })
      : undefined;
    replicas?.start();
    return {
      kind: 'postgres',
      db,
      directUrl,
      replicas,
      close: async () => {
        await replicas?.close();
        await pool.end();
      },
    };
  }
  // pg_trgm backs name search (migration *_pg_trgm); PostgreSQL has it in contrib.
  const client = await PGlite.create(options.pgliteDir ?? 'memory://', { extensions: { pg_trgm } });
  const db = planRelationalQueries(drizzlePglite({ client, relations, logger, jit }));
  return { kind: 'pglite', db, close: () => client.close() };
}

function createPool(url: string, size: number | undefined, connectionTimeoutMillis?: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: size ?? 10,
    connectionTimeoutMillis,
    // No `options: '-c jit=off'`: a transaction-pooling proxy refuses startup options. JIT is
    // off for the database instead (migration *_jit_off), and so on replicas, which copy it.
  });
  raiseAllocatorThresholdsOnConnect(pool);
  // An idle client that loses its connection emits 'error' on the pool; without a listener
  // node would crash the process. The next query on a fresh client reports the outage instead.
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  return pool;
}

/** A transaction, as `db.transaction(async (tx) => …)` hands it over. */
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];
