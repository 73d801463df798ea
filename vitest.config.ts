import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const testDatabaseUrl = process.env['TEST_DATABASE_URL'];
const allTests = ['test/**/*.test.ts'];
// Debian's package puts it in /usr/sbin, which is not on every user's PATH.
const pgbouncerInstalled = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin'].some((directory) =>
  existsSync(join(directory, 'pgbouncer')),
);
const throughPgBouncer = [
  'concurrency',
  'faults',
  'authorization',
  'database',
  'membership',
  'membership-bulk',
  'membership-events',
  'membership-events-load',
  'loading',
].map((name) => `test/${name}.test.ts`);

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds; loading both gives "another module or realm"
    // errors, so every import resolves to the one Node itself would load.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    // Hang guards, not timings: the concurrency and shutdown tests take tens of seconds on 2 cores
    // while both databases' runs share them.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The same suite runs once per database: always on PGlite, and on PostgreSQL when
    // TEST_DATABASE_URL names a server. test/harness.ts reads TEST_DB to pick one.
    projects: [
      { extends: true as const, test: { name: 'pglite', env: { TEST_DB: 'pglite' }, include: allTests } },
      ...(testDatabaseUrl
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', env: { TEST_DB: 'postgres' }, include: allTests },
            },
            // The integration tests that exercise PostgreSQL itself (two instances, faults,
            // authorization races, live events) once more through PgBouncer in transaction mode
            // (test/pgbouncer.ts starts it), as production may run behind one. CI installs it.
            ...(pgbouncerInstalled
              ? [
                  {
                    extends: true as const,
                    test: {
                      name: 'pgbouncer',
                      env: { TEST_DB: 'pgbouncer' },
                      globalSetup: ['test/pgbouncer.ts'],
                      include: throughPgBouncer,
                    },
                  },
                ]
              : []),
          ]
        : []),
    ],
  },
});
