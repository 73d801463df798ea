import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const testDatabaseUrl = process.env['TEST_DATABASE_URL'];

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds; loading both gives "another module or realm"
    // errors, so every import resolves to the one Node itself would load.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Hang guards, not timings: the concurrency and shutdown tests take tens of seconds on 2 cores
    // while both databases' runs share them.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The same suite runs once per database: always on PGlite, and on PostgreSQL when
    // TEST_DATABASE_URL names a server. test/harness.ts reads TEST_DB to pick one.
    projects: [
      { extends: true as const, test: { name: 'pglite', env: { TEST_DB: 'pglite' } } },
      ...(testDatabaseUrl ? [{ extends: true as const, test: { name: 'postgres', env: { TEST_DB: 'postgres' } } }] : []),
    ],
  },
});
