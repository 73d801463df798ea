import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { createDatabase } from '../src/db/client.ts';
import { freshPostgresUrl, startTestApp, testAuthenticate } from './harness.ts';
import { startServerProcess } from './server-process.ts';

// What an orchestrator relies on: /health and /ready, a server that waits for its database
// instead of crashing, and a SIGTERM that lets requests in flight finish.

let environment: NodeJS.ProcessEnv;
let dataDirectory: string;
beforeAll(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'memberships-ops-'));
  const databaseUrl = await freshPostgresUrl();
  environment = {
    ...process.env,
    PORT: '0',
    PGLITE_DIR: join(dataDirectory, 'pglite'),
    DATABASE_URL: databaseUrl ?? '',
    // The development secret goes to the temporary directory, not the working tree's ./.data.
    JWT_SECRET_FILE: join(dataDirectory, 'jwt-secret'),
  };
});
afterAll(() => rm(dataDirectory, { recursive: true, force: true }));

describe('/health and /ready', () => {
  it('are both 200 once the database is migrated', async () => {
    const app = await startTestApp();
    expect((await app.fetch('/health')).status).toBe(200);
    expect((await app.fetch('/ready')).status).toBe(200);
  });

  it('/ready is 503 while migrations are missing', async () => {
    const database = await createDatabase({ pgliteDir: 'memory://' });
    try {
      const app = createApp({ db: database.db, authenticate: testAuthenticate });
      expect((await app.fetch(new Request('http://test/ready'))).status).toBe(503);
      expect((await app.fetch(new Request('http://test/health'))).status).toBe(200);
    } finally {
      await database.close();
    }
  });
});

describe('a database that is down at start', () => {
  it('leaves the server up, not ready, answering 503 with SERVICE_UNAVAILABLE', async () => {
    const server = await startServerProcess(
      { ...environment, DATABASE_URL: 'postgres://postgres@127.0.0.1:9/nowhere' },
      { untilListening: true },
    );
    try {
      const origin = new URL(server.url).origin;
      expect((await fetch(`${origin}/health`)).status).toBe(200);
      expect((await fetch(`${origin}/ready`)).status).toBe(503);
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ users(first: 1) { totalCount } }' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
      // Still retrying, still answering, a few seconds later.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect((await fetch(`${origin}/health`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('graceful shutdown', () => {
  it('lets every request in flight finish on SIGTERM, then exits 0', async () => {
    // On PGlite the queries run on the server's own thread, so with both suites sharing two
    // cores it may read the last of these requests only seconds after SIGTERM: the delay before
    // the listener closes has to cover that, or their connections look idle and are dropped.
    const server = await startServerProcess({ ...environment, SHUTDOWN_DELAY_MS: '8000' });
    const query =
      '{ users(first: 100) { edges { node { name groups(first: 10) { name members(first: 10) { name } } } } } }';
    const inFlight = Array.from({ length: 40 }, () =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { errors?: unknown },
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, 15));
    const exited = server.stop();
    const results = await Promise.all(inFlight);
    expect(results.map((result) => result.status)).toEqual(results.map(() => 200));
    expect(results.filter((result) => result.body.errors)).toEqual([]);
    expect(await exited).toBe(0);
  });

  it('ends open subscription streams with SERVICE_UNAVAILABLE, then exits 0', async () => {
    const server = await startServerProcess({ ...environment, SHUTDOWN_DELAY_MS: '200' });
    const query = 'subscription { membershipChanged(groupId: "R3JvdXA6MQ==") { cursor } }';
    const response = await fetch(`${server.url}?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    const exited = server.stop();
    // Read to the end: the stream closes by itself, with an event saying why, and completes.
    const stream = await response.text();
    expect(stream).toMatch(/event: next\ndata: .*"SERVICE_UNAVAILABLE"/);
    expect(stream).toMatch(/This server is shutting down/);
    expect(stream).toMatch(/event: complete/);
    expect(await exited).toBe(0);
  });
});
