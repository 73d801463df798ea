/**
 * What every baseline server shares: environment, a pg pool that counts its statements, Relay
 * global IDs, the /metrics text and the startup/shutdown wiring. No GraphQL here, so the floor
 * server can import it without loading graphql into its process (the runner measures peak RSS).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import pg from 'pg';
import { raiseAllocatorThresholdsOnConnect } from '../../src/db/allocator.ts';

export interface BaselineConfig {
  port: number;
  databaseUrl: string | undefined;
  poolSize: number;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative integer; got "${value}".`);
  }
  return parsed;
}

export function readBaselineConfig(env: NodeJS.ProcessEnv = process.env): BaselineConfig {
  return {
    port: integer('PORT', env['PORT'], 0),
    databaseUrl: env['DATABASE_URL'] || undefined,
    poolSize: integer('DATABASE_POOL_SIZE', env['DATABASE_POOL_SIZE'], 10),
  };
}

/** A pool whose every statement goes through `query`, so the count cannot miss one. */
export interface CountingDb {
  /** With a `name`, pg prepares the statement once per connection and reuses the plan. */
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[], name?: string): Promise<Row[]>;
  statements(): number;
  close(): Promise<void>;
}

export function createCountingDb(config: BaselineConfig): CountingDb {
  const pool = createPool(config);
  let statements = 0;
  return {
    async query<Row extends pg.QueryResultRow>(text: string, values?: unknown[], name?: string) {
      statements += 1;
      return (await pool.query<Row>({ text, values, name })).rows;
    },
    statements: () => statements,
    close: () => pool.end(),
  };
}

/**
 * A pool for a server that sends its own SQL (PostGraphile): every client it hands out counts
 * the statements sent through it, so /metrics counts what the server sent, transaction control
 * and session settings included.
 */
export function createCountingPool(config: BaselineConfig): Omit<CountingDb, 'query'> & { pool: pg.Pool } {
  const pool = createPool(config);
  let statements = 0;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      statements += 1;
      return query(...args);
    }) as typeof client.query;
  });
  return { pool, statements: () => statements, close: () => pool.end() };
}

function createPool(config: BaselineConfig): pg.Pool {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  // As the API opens its connections (src/db/allocator.ts says why).
  raiseAllocatorThresholdsOnConnect(pool);
  // Without a listener, an idle client losing its connection would crash the process.
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  return pool;
}

export type NodeType = 'User' | 'Group';

/** Same encoding as @pothos/plugin-relay: base64 of `<Type>:<id>`. */
export function encodeGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

/** Null for anything that is not a User or Group ID with a positive integer id. */
export function decodeGlobalId(globalId: unknown): { type: NodeType; id: number } | null {
  if (typeof globalId !== 'string') return null;
  const [type, id, ...rest] = Buffer.from(globalId, 'base64').toString('utf8').split(':');
  if (rest.length > 0 || (type !== 'User' && type !== 'Group')) return null;
  const parsed = Number(id);
  // Postgres integer range: a larger id would fail the query instead of matching nothing.
  return Number.isInteger(parsed) && parsed > 0 && parsed <= 2 ** 31 - 1 ? { type, id: parsed } : null;
}

/** Decodes a global ID that must name the given type. */
export function idOf(type: NodeType, globalId: unknown): number | null {
  const decoded = decodeGlobalId(globalId);
  return decoded?.type === type ? decoded.id : null;
}

/**
 * Which side a failed membership insert is missing, from the foreign key it violated (SQLSTATE
 * 23503); the API answers NOT_FOUND there too. Undefined for any other error.
 */
export function missingSide(error: unknown): 'user' | 'group' | undefined {
  if (!(error instanceof Error) || !('code' in error) || error.code !== '23503') return undefined;
  return 'constraint' in error && error.constraint === 'users_to_groups_user_id_fkey' ? 'user' : 'group';
}

export function sendMetrics(db: Pick<CountingDb, 'statements'>, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  response.end(
    '# HELP db_statements_total SQL statements sent to the database.\n' +
      '# TYPE db_statements_total counter\n' +
      `db_statements_total ${db.statements()}\n`,
  );
}

export function isMetricsRequest(request: IncomingMessage): boolean {
  return request.method === 'GET' && request.url?.split('?')[0] === '/metrics';
}

/**
 * Listens, prints the one line the runner waits for, and on SIGTERM/SIGINT stops accepting
 * connections and closes the pool so the process exits with 0.
 */
export function serve(server: Server, db: Pick<CountingDb, 'close'>, port: number): void {
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`listening on http://127.0.0.1:${actual}`);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.close(() => {
        db.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error('closing the pool failed:', error);
            process.exit(1);
          },
        );
      });
      // Idle keep-alive connections from a load generator would otherwise hold close() open;
      // requests in flight still finish.
      server.closeIdleConnections();
    });
  }
}
