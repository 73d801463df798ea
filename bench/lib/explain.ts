import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../src/http/app.ts';
import { createAuthenticator } from '../../src/http/authentication.ts';
import { createDatabase } from '../../src/db/client.ts';
import type { Workload } from './workloads.ts';

/**
 * Runs a workload through the API in-process, captures the SQL it generates, and returns
 * PostgreSQL's EXPLAIN ANALYZE of that exact statement with its parameters.
 */
export async function explainWorkload(
  databaseUrl: string,
  workload: Workload,
): Promise<{ sql: string; plan: string }> {
  const captured: { query: string; params: unknown[] }[] = [];
  const database = await createDatabase({
    url: databaseUrl,
    logger: { logQuery: (query, params) => void captured.push({ query, params }) },
  });
  try {
    // Explained workloads only read, anonymously; the app still needs a way to verify tokens.
    if (workload.signedIn) throw new Error(`${workload.name} needs signing in; explain a read instead`);
    const app = createApp({
      db: database.db,
      authenticate: createAuthenticator({ secret: randomBytes(32).toString('base64url') }),
    });
    const { operationName, variables } = workload.steps(Math.random)[0]!.body({});
    const response = await app.fetch(
      new Request('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: workload.query, operationName, variables }),
      }),
    );
    await response.text();
  } finally {
    await database.close();
  }
  const statement = captured.at(-1);
  if (!statement) throw new Error(`${workload.name} ran no SQL`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) ${statement.query}`,
      statement.params,
    );
    return { sql: statement.query, plan: result.rows.map((row) => row['QUERY PLAN']).join('\n') };
  } finally {
    await client.end();
  }
}
