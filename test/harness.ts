import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { SQL } from 'drizzle-orm';
import type { ExecutionResult } from 'graphql';
import { print } from 'graphql';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { Logger } from 'pino';
import { afterAll, inject } from 'vitest';
import { type App, type AppOptions, createApp } from '../src/http/app.ts';
import { type Authenticate, createAuthenticator, signToken } from '../src/http/authentication.ts';
import { createDatabase, type Database, type Db } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { withRequestLogging } from '../src/http/logger.ts';
import { serveWebSockets } from '../src/http/websocket.ts';
import type { SubscriptionLimits } from '../src/resolvers/event-subscribers.ts';
import { MembershipEventHub } from '../src/resolvers/membership-event-hub.ts';
import { useNamedStatements } from '../src/db/prepared.ts';

// Hooks registered while another hook runs (startTestApp is called from beforeAll) are ignored,
// so resources register their cleanup here and one afterAll, registered when a test file
// imports this module, releases them in reverse order.
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The HS256 secret every test app verifies tokens with. */
export const testJwtSecret = 'test-secret-not-for-production-0123456789';
export const testAuthenticate: Authenticate = createAuthenticator({ secret: testJwtSecret });

/** A valid bearer token for a user, as `npm run token` would mint it. */
export function tokenFor(userId: number): Promise<string> {
  return signToken(testJwtSecret, userId);
}

/** Headers that sign a request in as the user; none for an anonymous request. */
export async function signedIn(userId: number | undefined): Promise<Record<string, string>> {
  return userId === undefined ? {} : { authorization: `Bearer ${await tokenFor(userId)}` };
}

export type DatabaseKind = 'pglite' | 'postgres';
/** PostgreSQL reached through PgBouncer in transaction mode (the `pgbouncer` test project). */
const throughPgBouncer = process.env['TEST_DB'] === 'pgbouncer';
export const databaseKind: DatabaseKind =
  process.env['TEST_DB'] === 'postgres' || throughPgBouncer ? 'postgres' : 'pglite';
// As production must, behind a proxy that does not track named statements (PgBouncer 1.18).
if (throughPgBouncer) useNamedStatements(false);

export interface TestApp {
  /** The app's database, for fixtures and for checking what a request wrote. */
  db: Db;
  /** The database's connection string; undefined on PGlite, which lives in this process. */
  databaseUrl: string | undefined;
  /** The server itself, also when `databaseUrl` goes through PgBouncer (the migrations' session). */
  databaseDirectUrl: string | undefined;
  /** Every SQL statement drizzle sent since the last `statements.length = 0`. */
  statements: string[];
  /** Runs a typed operation through the app's HTTP handler, signed in `as` a user when given. */
  gql<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables?: TVariables,
    options?: {
      as?: number | undefined;
      /** Through the resolvers even where PostgreSQL could build the response (sql-responses.ts). */
      resolversOnly?: boolean | undefined;
    },
  ): Promise<ExecutionResult<TResult>>;
  /** Sends a raw request to the app, for what a typed document cannot express. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /**
   * Serves the app over real HTTP (and WebSocket) on an ephemeral port, counting the requests it
   * receives; with `requestLogger`, each request is logged there as the server logs it.
   */
  listen(requestLogger?: Logger): Promise<{ origin: string; requests: string[] }>;
  /** The app's live membership events, when started with `liveEvents`. */
  membershipEvents: MembershipEventHub | undefined;
}

/** What startTestApp's `liveEvents` sets up: the instance's event hub and its limits. */
export interface LiveEventsOptions {
  retentionSeconds?: number;
  limits?: SubscriptionLimits;
}

/** A started event hub on the database, stopped when the file's tests end. */
export async function startMembershipEvents(
  database: Pick<Database, 'db'>,
  { retentionSeconds = 86_400, limits }: LiveEventsOptions = {},
): Promise<MembershipEventHub> {
  const hub = new MembershipEventHub({ db: database.db, retentionSeconds, limits });
  hub.start();
  cleanups.push(() => hub.stop());
  return hub;
}

/** Serves an app on an ephemeral port, over HTTP and WebSocket, until the file's tests end. */
export async function serve(
  app: ReturnType<typeof createApp>,
  onRequest: (url: string) => void = () => {},
  trustedDocuments?: AppOptions['trustedDocuments'],
  requestLogger?: Logger,
): Promise<string> {
  // Read once: the app is a Proxy that binds its methods on every read.
  const { handleHttp } = app;
  // As the server wires it: each request gets its id and its line.
  const handle = requestLogger ? withRequestLogging(requestLogger, handleHttp) : handleHttp;
  const server = createServer((request, response) => {
    onRequest(request.url ?? '');
    handle(request, response);
  });
  const webSockets = serveWebSockets(server, app, trustedDocuments);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await webSockets.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * The connection string of a fresh, empty PostgreSQL database, dropped when the file's tests
 * end; undefined when the suite runs on PGlite.
 */
export async function freshPostgresUrl(): Promise<string | undefined> {
  if (databaseKind === 'pglite') return undefined;
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * How the app reaches a fresh database: through PgBouncer in the `pgbouncer` project (the
 * migrations still go to the server, as DATABASE_DIRECT_URL does in production), directly otherwise.
 */
async function freshPostgresUrls(): Promise<{ url: string; directUrl: string } | undefined> {
  const direct = await freshPostgresUrl();
  if (!direct || !throughPgBouncer) return direct ? { url: direct, directUrl: direct } : undefined;
  const url = new URL(direct);
  url.port = new URL(inject('pgbouncerUrl')).port;
  return { url: url.toString(), directUrl: direct };
}

/** A fresh database of the kind under test, closed when the file's tests end. */
async function freshDatabase(
  statements: string[],
): Promise<{ database: Database; urls: { url: string; directUrl: string } | undefined }> {
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const urls = await freshPostgresUrls();
  const database = await createDatabase(urls ? { ...urls, logger } : { pgliteDir: 'memory://', logger });
  cleanups.push(() => database.close());
  return { database, urls };
}

/** The app on a fresh, migrated database; `options` adds what the server would configure. */
export async function startTestApp({
  liveEvents,
  ...options
}: Omit<AppOptions, 'db' | 'authenticate'> & {
  authenticate?: Authenticate;
  /** Starts the instance's membership event hub, for subscriptions. */
  liveEvents?: LiveEventsOptions | boolean;
} = {}): Promise<TestApp> {
  const statements: string[] = [];
  const { database, urls } = await freshDatabase(statements);
  await migrateDatabase(database);
  statements.length = 0;
  const membershipEvents = liveEvents
    ? await startMembershipEvents(database, liveEvents === true ? {} : liveEvents)
    : undefined;
  const app = createApp({ authenticate: testAuthenticate, ...options, db: database.db, membershipEvents });
  let resolversOnly: App | undefined;
  const fetch = (path: string, init?: RequestInit, via: App = app) =>
    Promise.resolve(via.fetch(new Request(`http://test${path}`, init)));
  const listen = async (requestLogger?: Logger) => {
    const requests: string[] = [];
    const origin = await serve(app, (url) => requests.push(url), options.trustedDocuments, requestLogger);
    return { origin, requests };
  };
  return {
    listen,
    membershipEvents,
    databaseUrl: urls?.url,
    databaseDirectUrl: urls?.directUrl,
    db: database.db,
    statements,
    fetch,
    async gql(document, variables, { as, resolversOnly: throughResolvers } = {}) {
      if (throughResolvers) {
        resolversOnly ??= createApp({
          authenticate: testAuthenticate,
          ...options,
          db: database.db,
          sqlResponses: false,
        });
      }
      const response = await fetch(
        '/graphql',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json',
            ...(await signedIn(as)),
          },
          body: JSON.stringify({ query: print(document), variables }),
        },
        throughResolvers ? resolversOnly : app,
      );
      return (await response.json()) as ExecutionResult<never>;
    },
  };
}

/**
 * A second instance of the app on the test app's database, served over HTTP and WebSocket. On
 * PostgreSQL it has its own connection pool (and, with `liveEvents`, its own event hub), as a
 * second server would; PGlite is embedded, so there it shares the one engine.
 */
export async function startSecondInstance(
  app: TestApp,
  {
    liveEvents = false,
    databaseUrl = app.databaseUrl,
  }: {
    liveEvents?: boolean;
    /** Another way to the test app's database, such as a proxy the test can cut. */
    databaseUrl?: string | undefined;
  } = {},
): Promise<{ origin: string; membershipEvents: MembershipEventHub | undefined }> {
  const database = databaseUrl
    ? await createDatabase({ url: databaseUrl, directUrl: app.databaseDirectUrl })
    : undefined;
  if (database) cleanups.push(() => database.close());
  if (liveEvents && !database) throw new Error('PGlite runs one instance: its engine lives in this process');
  const membershipEvents = liveEvents && database ? await startMembershipEvents(database) : undefined;
  const second = createApp({ db: database?.db ?? app.db, authenticate: testAuthenticate, membershipEvents });
  return { origin: await serve(second), membershipEvents };
}

/** The `extensions.code` of each error in a response, in order. */
export function errorCodes(result: {
  errors?: readonly { extensions?: Record<string, unknown> }[];
}): unknown[] | undefined {
  return result.errors?.map((error) => error.extensions?.['code']);
}

/** The rows of a raw SQL query: the oracle tests compare the API with these. */
export async function selectRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  // Both drivers answer `execute` with a result carrying `rows`; Db's type does not say so.
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * Known driver differences, in one place. PGlite runs inside this process: there is no
 * connection to lose, so fault tests that cut database connections run on PostgreSQL only; and
 * it is one session, opened before the migrations set database defaults (it has no JIT either).
 */
export const onPostgresOnly = {
  connectionFaults: databaseKind === 'postgres',
  /** Streaming replication, between servers test/replicated-cluster.ts starts. */
  replicas: databaseKind === 'postgres',
  sessionDefaults: databaseKind === 'postgres',
  /** Named prepared statements: PGlite ignores the names, and PgBouncer 1.18 cannot keep them. */
  namedStatements: databaseKind === 'postgres' && !throughPgBouncer,
} as const;
