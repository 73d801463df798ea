import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp, graphqlEndpoint } from './http/app.ts';
import { createAuthenticator, settleAuthentication } from './http/authentication.ts';
import { readConfig } from './http/config.ts';
import { limitHeapGrowth } from './http/heap.ts';
import { createDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { seedDemoData } from './db/seed.ts';
import { createLogger, withRequestLogging, yogaLogger } from './http/logger.ts';
import { createMetrics } from './http/metrics.ts';
import { loadTrustedDocuments } from './http/trusted-documents.ts';
import { withWebApp } from './http/web-app.ts';
import { serveWebSockets } from './http/websocket.ts';
import { MembershipEventHub } from './resolvers/membership-event-hub.ts';
import { useNamedStatements } from './db/prepared.ts';

limitHeapGrowth();
const config = readConfig();
const logger = createLogger(config.logLevel);

if (!config.databaseUrl && !config.pgliteDir.startsWith('memory://')) {
  await mkdir(config.pgliteDir, { recursive: true });
}
useNamedStatements(config.namedStatements);
const metrics = createMetrics();
const database = await createDatabase({
  url: config.databaseUrl,
  pgliteDir: config.pgliteDir,
  poolSize: config.poolSize,
  logger: metrics.statementLogger(),
  directUrl: config.databaseDirectUrl,
  replicas: {
    urls: config.databaseReplicaUrls,
    maxLagSeconds: config.databaseReplicaMaxLagSeconds,
    logger: (replica) => metrics.statementLogger(replica),
    // Reads go to the primary meanwhile; /ready stays ready, as the primary alone can serve.
    onUnavailable: (replica, error) =>
      logger.warn({ err: error, replica }, `Read replica ${replica} skipped: ${error.message}`),
  },
});
const replicas = database.kind === 'postgres' ? database.replicas : undefined;
if (replicas) metrics.watchReplicas(() => replicas.status());
const membershipEvents = new MembershipEventHub({
  db: database.db,
  retentionSeconds: config.membershipEventsRetentionSeconds,
  pollIntervalMs: config.membershipEventsPollIntervalMs,
  limits: config.subscriptionLimits,
  onError: (error, context) => logger.warn({ err: error }, `Failed ${context}.`),
});

const authentication = await settleAuthentication(config.authentication, {
  secretFile: config.developmentSecretFile,
  production: config.production,
});
if (authentication.developmentSecret) {
  logger.info(
    `No JWT_SECRET: tokens are signed with the development secret in ${config.developmentSecretFile}` +
      `${authentication.developmentSecret.created ? ' (just made)' : ''}. Get one for user 1 with: npm run token -- 1`,
  );
}

let started = false;
let stopping = false;
const trustedDocuments =
  config.trustedDocuments &&
  loadTrustedDocuments(config.trustedDocuments.manifestPath, config.trustedDocuments.only);
const app = createApp({
  db: database.db,
  authenticate: createAuthenticator(authentication.options),
  metrics,
  trustedDocuments,
  corsOrigins: config.corsOrigins,
  queryLimits: config.queryLimits,
  started: () => started,
  stopping: () => stopping,
  requestLimits: config.requestLimits,
  production: config.production,
  logger: yogaLogger(logger),
  membershipEvents,
  replicas,
});
const server = createServer(
  withRequestLogging(
    logger,
    config.webAppDir ? withWebApp(config.webAppDir, app.handleHttp) : app.handleHttp,
  ),
);
const webSockets = serveWebSockets(server, app, trustedDocuments);
const origin = await new Promise<string>((resolve) => {
  server.listen(config.port, () => {
    const address = server.address();
    resolve(`http://localhost:${typeof address === 'object' && address ? address.port : config.port}`);
  });
});
logger.info(`Listening on ${origin}; /health answers now, /ready once the database is migrated.`);

// Graceful shutdown. /ready turns 503 at once so load balancers stop routing here; requests keep
// being served for SHUTDOWN_DELAY_MS, long enough for ones already sent to be read (closing the
// listener drops connections that look idle, even with a request waiting in their buffer).
// Then the listener closes, requests in flight finish (for at most SHUTDOWN_TIMEOUT_MS), the
// database closes, and the process exits 0.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info(`${signal}: finishing requests in flight, then exiting.`);
    stopping = true;
    setTimeout(() => {
      // Streams never finish on their own: end them (clients resume elsewhere from their cursors),
      // then close the WebSockets, so that closing the listener waits only for requests in flight.
      void membershipEvents.stop().then(() => webSockets.close());
      server.close(() => {
        void database.close().then(() => process.exit(0));
      });
      setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs).unref();
    }, config.shutdownDelayMs);
  });
}

// The database may still be starting (or down): keep trying, answering 503 meanwhile, rather
// than exiting and leaving an orchestrator to restart us in a loop.
for (let attempt = 1; !started; attempt += 1) {
  try {
    await migrateDatabase(database);
    if (config.seedDemoData && (await seedDemoData(database.db))) {
      logger.info('Loaded the demo data into the empty database.');
    }
    membershipEvents.start();
    started = true;
  } catch (error) {
    const wait = Math.min(1000 * attempt, 10_000);
    logger.warn({ err: error, attempt }, `Database not ready; retrying in ${wait} ms.`);
    await sleep(wait);
  }
}
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${config.pgliteDir}`;
logger.info(`GraphQL API on ${origin}${graphqlEndpoint}, data in ${where}`);
if (config.webAppDir) logger.info(`Web app on ${origin}/ (from ${config.webAppDir})`);
