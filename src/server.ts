import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createApp, graphqlEndpoint } from './app.ts';
import { readConfig } from './config.ts';
import { createDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { seedDemoData } from './db/seed.ts';
import { createMetrics } from './metrics.ts';
import { loadTrustedDocuments } from './trusted-documents.ts';

const config = readConfig();

if (!config.databaseUrl && !config.pgliteDir.startsWith('memory://')) {
  await mkdir(config.pgliteDir, { recursive: true });
}
const metrics = createMetrics();
const database = await createDatabase({
  url: config.databaseUrl,
  pgliteDir: config.pgliteDir,
  poolSize: config.poolSize,
  logger: metrics.statementLogger,
});
await migrateDatabase(database);
if (config.seedDemoData && (await seedDemoData(database.db))) {
  console.log('Loaded the demo data into the empty database.');
}

const trustedDocuments =
  config.trustedDocuments &&
  loadTrustedDocuments(config.trustedDocuments.manifestPath, config.trustedDocuments.only);
const app = createApp({
  db: database.db,
  metrics,
  trustedDocuments,
  corsOrigins: config.corsOrigins,
  queryLimits: config.queryLimits,
});
const server = createServer(app);
server.listen(config.port, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${config.pgliteDir}`;
  console.log(`GraphQL API on http://localhost:${port}${graphqlEndpoint}, data in ${where}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => {
      void database.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  });
}
