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
export interface Explained {
  workload: Workload;
  sql: string;
  plan: string;
  /** The plan's sequential scans of the tables that grow with the data: what an index should answer. */
  sequentialScans: string[];
}

export async function explainWorkload(databaseUrl: string, workload: Workload): Promise<Explained> {
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
    const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
    const sequentialScans = plan.match(/Seq Scan on (users_to_groups|users)\b[^\n]*/g) ?? [];
    return { workload, sql: statement.query, plan, sequentialScans };
  } finally {
    await client.end();
  }
}
