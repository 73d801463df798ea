import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { freshPostgresUrl, testJwtSecret, tokenFor } from './harness.ts';
import { mintToken, startServerProcess } from './server-process.ts';

// The real wiring: what `npm start` runs (the compiled dist/server.js) as a child process on an
// ephemeral port, talked to over HTTP. The database is a file-backed PGlite (or a fresh
// PostgreSQL database) so a restart can show that data survives it. Without JWT_SECRET, a
// development server keeps its secret in JWT_SECRET_FILE, here in the temporary directory rather
// than the working tree's ./.data.

let environment: NodeJS.ProcessEnv;
let dataDirectory: string;

beforeAll(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'memberships-'));
  const databaseUrl = await freshPostgresUrl();
  environment = {
    ...process.env,
    PORT: '0',
    PGLITE_DIR: join(dataDirectory, 'pglite'),
    DATABASE_URL: databaseUrl ?? '',
    JWT_SECRET: '',
    JWT_JWKS_URL: '',
    JWT_SECRET_FILE: join(dataDirectory, 'jwt-secret'),
  };
});
afterAll(() => rm(dataDirectory, { recursive: true, force: true }));
const startServer = () => startServerProcess(environment);

async function post(url: string, query: string, variables?: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

const viewerQuery = '{ viewer { name email groupsConnection { edges { role node { name } } } } }';
/** The demo data's first user, as `viewerQuery` shows her to herself. */
const ada = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  groupsConnection: {
    edges: [
      { role: 'ADMIN', node: { name: 'Algorithms' } },
      { role: 'ADMIN', node: { name: 'Programming Languages' } },
    ],
  },
};

const firstUserName = graphql(`
  query ServerFirstUsers {
    users(first: 100) {
      totalCount
      edges {
        node {
          name
          groups {
            name
          }
        }
      }
    }
  }
`);

describe('the server entry point', () => {
  it('migrates, loads demo data into an empty database once, and keeps data across a restart', async () => {
    const { print } = await import('graphql');
    let adaToken: string;
    const first = await startServer();
    try {
      const demo = await post(first.url, print(firstUserName));
      expect(demo.errors).toBeUndefined();
      expect(demo.data!['users'].totalCount).toBe(8);
      expect(demo.data!['users'].edges[0].node).toEqual({
        name: 'Ada Lovelace',
        groups: [{ name: 'Algorithms' }, { name: 'Programming Languages' }],
      });
      const created = await post(
        first.url,
        'mutation { createUser(input: {name: "Persisted", email: "p@example.com"}) { user { id } } }',
      );
      expect(created.errors).toBeUndefined();

      // The development secret was made on first start; `npm run token` signs with it too.
      expect(first.output()).toContain(`development secret in ${environment['JWT_SECRET_FILE']} (just made)`);
      adaToken = await mintToken(environment, 1);
      expect((await post(first.url, viewerQuery, {}, adaToken)).data).toEqual({ viewer: ada });

      const traced = await fetch(first.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42' },
        body: JSON.stringify({ query: '{ user(id: "nope") { name } }' }),
      });
      expect(traced.headers.get('x-request-id')).toBe('trace-42');
      const generated = await fetch(first.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      // Log lines reach stdout in batches, at the latest a quarter second after they are written.
      const requestLine = (requestId: string) =>
        first
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { requestId?: string; msg: string; status?: number })
          .find((line) => line.requestId === requestId && line.msg === 'request');
      await expect.poll(() => requestLine('trace-42'), { timeout: 2_000 }).toMatchObject({ status: 200 });

      const metrics = await (await fetch(new URL('/metrics', first.url))).text();
      expect(metrics).toMatch(/^db_statements_total\{target="primary"\} \d+/m);
      expect(metrics).toMatch(
        /graphql_yoga_http_duration_count\{[^}]*operationName="ServerFirstUsers"[^}]*\} 1/,
      );
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startServer();
    try {
      const after = await post(second.url, print(firstUserName));
      expect(after.data!['users'].totalCount).toBe(9);
      expect(after.data!['users'].edges.map((edge: { node: { name: string } }) => edge.node.name)).toContain(
        'Persisted',
      );
      // The secret survived the restart, so tokens minted before it still sign in.
      expect(second.output()).not.toContain('(just made)');
      expect((await post(second.url, viewerQuery, {}, adaToken)).data).toEqual({ viewer: ada });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('serves GraphiQL whose every asset comes from the server itself', async () => {
    const server = await startServer();
    try {
      const page = await fetch(server.url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).toContain('query UsersWithGroups');
      const assets = [...html.matchAll(/(\/graphiql-assets\/[^"\s>]+)/g)].map((match) => match[1]!);
      expect(assets.length).toBeGreaterThanOrEqual(5);
      for (const asset of new Set(assets)) {
        const response = await fetch(new URL(asset, server.url));
        expect(response.status, asset).toBe(200);
        expect(response.headers.get('cache-control')).toContain('immutable');
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      }
      expect(html.length).toBeLessThan(10_000);
      const missing = await fetch(new URL(assets[0]!.replace(/[^/]+$/, 'nope.js'), server.url));
      expect(missing.status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it('in production, refuses to start without JWT_SECRET, and verifies tokens signed with it', async () => {
    const production = {
      ...environment,
      NODE_ENV: 'production',
      PGLITE_DIR: join(dataDirectory, 'pglite-production'),
      JWT_SECRET_FILE: join(dataDirectory, 'unused-jwt-secret'),
    };
    await expect(startServerProcess(production)).rejects.toThrow(/Set JWT_SECRET or JWT_JWKS_URL/);
    await expect(readFile(production.JWT_SECRET_FILE)).rejects.toThrow(/ENOENT/);

    const server = await startServerProcess({ ...production, JWT_SECRET: testJwtSecret });
    try {
      expect((await post(server.url, viewerQuery, {}, await tokenFor(1))).data).toEqual({ viewer: ada });
      const forged = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await mintToken(environment, 1)}`,
        },
        body: JSON.stringify({ query: viewerQuery }),
      });
      expect(forged.status).toBe(401);
      expect(forged.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  // Reads the process tree from /proc.
  it.skipIf(process.platform !== 'linux')(
    'is compiled JavaScript under `npm start`, with no TypeScript compiler in any of its processes',
    async () => {
      const server = await startServerProcess(
        { ...environment, PGLITE_DIR: 'memory://' },
        { npmStart: true },
      );
      try {
        expect((await post(server.url, '{ users(first: 1) { totalCount } }')).errors).toBeUndefined();
        const commandLines = server.commandLines();
        expect(commandLines).toContain('node dist/server.js');
        expect(commandLines.filter((line) => /tsx|esbuild|typescript/.test(line))).toEqual([]);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
  );
});
