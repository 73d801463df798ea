/**
 * Baseline: the floor. Plain node:http + pg, no GraphQL: each workload is ONE hand-written
 * statement (bench/baselines/sql/) that builds the whole response in PostgreSQL. The JSON comes
 * back as text and goes out untouched, so Node never parses or re-serializes it. Whatever the
 * API spends above this is the price of GraphQL, the ORM and the resolvers.
 *
 *   node bench/baselines/.build-floor.mjs   (PORT, DATABASE_URL, DATABASE_POOL_SIZE)
 *
 * as the runner starts it, from the bundle of this file it makes first (bench/lib/bundle.ts).
 *
 * POST /w1, /w3: no input. POST /w2: { variables: { groupId } }. POST /w4: { operationName:
 * 'W4Add' | 'W4Remove', variables: { input: { userId, groupId } } }. POST /w5: { variables:
 * { ids } }. POST /w6: { variables: { groupId } }. The bodies are the GraphQL requests minus `query`, as the runner sends them.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  createCountingDb,
  decodeGlobalId,
  idOf,
  isMetricsRequest,
  missingSide,
  readBaselineConfig,
  sendMetrics,
  serve,
} from './shared.ts';

/**
 * Reads sql/<file> and turns it into a statement pg can prepare: psql/pgbench meta-commands
 * (`\set`) go, and each `:name` variable becomes `$n` in the order given. The files stay the one
 * source of truth, runnable as they are with `pgbench -f` and `psql -f`.
 */
function loadSql(file: string, variables: string[] = []): string {
  const source = readFileSync(new URL(`./sql/${file}`, import.meta.url), 'utf8');
  let sql = source
    .split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n')
    .trim()
    .replace(/;$/, '');
  variables.forEach((name, index) => {
    // The lookbehind leaves `::type` casts alone.
    const pattern = new RegExp(`(?<!:):${name}\\b`, 'g');
    if (!pattern.test(sql)) throw new Error(`sql/${file} never uses :${name}`);
    sql = sql.replace(pattern, () => `$${index + 1}`);
  });
  return sql;
}

interface Statement {
  /** Named, so pg prepares it once per connection and skips parsing and planning after that. */
  name: string;
  text: string;
  values: unknown[];
}

/** Input the client got wrong; answered with 400 and a GraphQL-shaped error. */
class BadRequestError extends Error {}

const sql = {
  w1: loadSql('w1.sql'),
  w2: loadSql('w2.sql', ['group_id']),
  w3: loadSql('w3.sql'),
  w4Add: loadSql('w4-add.sql'),
  w4Remove: loadSql('w4-remove.sql'),
  w5: loadSql('w5.sql'),
  w6: loadSql('w6.sql', ['group_id']),
};

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function membership(body: unknown): unknown[] {
  const input = field(field(body, 'variables'), 'input');
  const userId = idOf('User', field(input, 'userId'));
  const groupId = idOf('Group', field(input, 'groupId'));
  if (userId === null) throw new BadRequestError('No user has this ID.');
  if (groupId === null) throw new BadRequestError('No group has this ID.');
  return [userId, groupId];
}

const routes: Record<string, (body: unknown) => Statement> = {
  '/w1': () => ({ name: 'w1', text: sql.w1, values: [] }),
  // An ID that is not a Group's matches no row, and the response says `"group": null`.
  '/w2': (body) => ({
    name: 'w2',
    text: sql.w2,
    values: [idOf('Group', field(field(body, 'variables'), 'groupId'))],
  }),
  '/w3': () => ({ name: 'w3', text: sql.w3, values: [] }),
  '/w4': (body) => {
    const operation = field(body, 'operationName');
    if (operation === 'W4Add') return { name: 'w4-add', text: sql.w4Add, values: membership(body) };
    if (operation === 'W4Remove') {
      return { name: 'w4-remove', text: sql.w4Remove, values: membership(body) };
    }
    throw new BadRequestError('operationName must be W4Add or W4Remove.');
  },
  '/w6': (body) => ({
    name: 'w6',
    text: sql.w6,
    values: [idOf('Group', field(field(body, 'variables'), 'groupId'))],
  }),
  '/w5': (body) => {
    const ids = field(field(body, 'variables'), 'ids');
    if (!Array.isArray(ids)) throw new BadRequestError('variables.ids must be a list of IDs.');
    const nodes = ids.map(decodeGlobalId);
    return {
      name: 'w5',
      text: sql.w5,
      values: [nodes.map((node) => node?.type ?? null), nodes.map((node) => node?.id ?? null)],
    };
  },
};

const maxBodyBytes = 1 << 20;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer; // no setEncoding() on the request, so chunks are Buffers
    size += buffer.length;
    if (size > maxBodyBytes) throw new BadRequestError('The request body is too large.');
    chunks.push(buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequestError('The request body is not JSON.');
  }
}

const config = readBaselineConfig();
const db = createCountingDb(config);

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(body);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (isMetricsRequest(request)) return sendMetrics(db, response);
  const route = routes[request.url?.split('?')[0] ?? ''];
  if (!route || request.method !== 'POST') {
    request.resume();
    return send(response, route ? 405 : 404, JSON.stringify({ errors: [{ message: 'Not found.' }] }));
  }
  try {
    const statement = route(await readJson(request));
    const [row] = await db.query<{ body: string }>(statement.text, statement.values, statement.name);
    if (!row) throw new Error(`${statement.name} returned no row`);
    send(response, 200, row.body);
  } catch (error) {
    if (error instanceof BadRequestError) {
      return send(response, 400, JSON.stringify({ errors: [{ message: error.message }] }));
    }
    const missing = missingSide(error);
    if (missing) {
      // What the API answers for addMember on a missing user or group, minus locations and path.
      const message = `No ${missing} has this ID. It may have been deleted.`;
      const errors = [{ message, extensions: { code: 'NOT_FOUND' } }];
      return send(response, 200, JSON.stringify({ errors, data: null }));
    }
    // Like Yoga's masked errors: the cause is logged here, never sent to the client.
    console.error(error);
    send(response, 500, JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
  }
}

serve(
  createServer((request, response) => void handle(request, response)),
  db,
  config.port,
);
