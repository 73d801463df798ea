import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { onPostgresOnly, selectRows, startTestApp } from './harness.ts';

describe('database sessions', () => {
  it.runIf(onPostgresOnly.sessionDefaults)(
    'run with JIT off, a default of the database, so it holds however they connect (a pooling proxy too)',
    async () => {
      const app = await startTestApp();
      // Several of the pool's sessions at once, each asked.
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => selectRows<{ jit: string }>(app.db, sql`show jit`)),
      );
      expect(answers.flat()).toEqual(Array.from({ length: 5 }, () => ({ jit: 'off' })));
      // A plain connection, with no startup options at all, as PgBouncer in transaction mode
      // would open it.
      const plain = new pg.Client({ connectionString: app.databaseUrl });
      await plain.connect();
      try {
        expect((await plain.query<{ jit: string }>('show jit')).rows).toEqual([{ jit: 'off' }]);
      } finally {
        await plain.end();
      }
    },
  );
});
