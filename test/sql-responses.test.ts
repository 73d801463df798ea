import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { execute, parse } from 'graphql';
import { createContext } from '../src/resolvers/context.ts';
import { schema } from '../src/schema/index.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { createDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { users, usersToGroups } from '../src/db/schema.ts';
import { createCommunity, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import {
  freshPostgresUrl,
  onPostgresOnly,
  selectRows,
  startTestApp,
  type TestApp,
  testAuthenticate,
} from './harness.ts';

// Queries made only of fields PostgreSQL can answer are answered by one statement that builds the
// whole response (src/resolvers/sql-responses.ts). Every answer must be the resolvers' answer,
// equal once parsed; these tests run each query both ways. Keys must also come in the order the
// GraphQL spec gives them, which graphql-js' interpreter follows (graphql-jit, which serves the
// resolvers' answers, puts fields merged from fragments in its own order).

let app: TestApp;
let resolversOnly: ReturnType<typeof createApp>;
let community: Community;

/** What a response says, with its keys in the order sent: toEqual alone would not see order. */
async function answer(fetcher: (init: RequestInit) => Response | Promise<Response>, body: unknown) {
  const response = await fetcher({
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: JSON.stringify(await response.json()) };
}

/** The response of the app under test, and whether one SQL-built statement answered it. */
async function bothWays(body: {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}) {
  app.statements.length = 0;
  const sqlBuilt = await answer((init) => app.fetch('/graphql', init), body);
  const statements = [...app.statements];
  const resolved = await answer(
    (init) => resolversOnly.fetch(new Request('http://test/graphql', init)),
    body,
  );
  const answeredBySql =
    statements.length === 1 && statements[0]!.startsWith(`select json_build_object('data'`);
  return { sqlBuilt, resolved, answeredBySql };
}

beforeAll(async () => {
  app = await startTestApp();
  resolversOnly = createApp({ db: app.db, authenticate: testAuthenticate, sqlResponses: false });
  community = await createCommunity(app.db, { userCount: 9, groupCount: 4, groupsPerUser: 2 });
  // Names JSON has to escape, and text beyond ASCII: PostgreSQL's JSON must say the same.
  const [odd] = await app.db
    .insert(users)
    .values({ name: 'Zoë "Q" \\ back\tslash 👩‍💻 \u0001', email: 'odd@example.com' })
    .returning({ id: users.id });
  await app.db.insert(usersToGroups).values({ userId: odd!.id, groupId: community.groupIds[0]! });
  community.userIds.push(odd!.id);
});

const userFields = ['id', 'name', '__typename', 'groupCount', 'createdAt'] as const;
const groupFields = ['id', 'name', '__typename', 'memberCount', 'createdAt'] as const;

/** A random selection on User or Group: aliases, fragments, repeated fields, nested lists. */
function selection(type: 'User' | 'Group', depth: number): fc.Arbitrary<string> {
  const scalars = type === 'User' ? userFields : groupFields;
  const list = type === 'User' ? 'groups' : 'members';
  const other = type === 'User' ? 'Group' : 'User';
  // Aliases name their field (and page size): two fields under one response key must be the
  // same field with the same arguments, or the query is invalid.
  const scalar = fc
    .tuple(fc.constantFrom(...scalars), fc.boolean())
    .map(([field, aliased]) => (aliased ? `${field}Alias: ${field}` : field));
  const nested =
    depth === 0
      ? fc.constant('id')
      : fc
          .tuple(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), selection(other, depth - 1))
          .map(([first, inner]) =>
            first === undefined
              ? `${list} { ${inner} }`
              : `${list}${first}: ${list}(first: ${first}) { ${inner} }`,
          );
  const item = fc.oneof(
    { weight: 4, arbitrary: scalar },
    { weight: 2, arbitrary: nested },
    { weight: 1, arbitrary: scalar.map((field) => `... on ${type} { ${field} }`) },
    { weight: 1, arbitrary: fc.constant('... on Node { id }') },
  );
  return fc.array(item, { minLength: 1, maxLength: 5 }).map((items) => items.join(' '));
}

const root = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('users', 'groups'),
      fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      fc.subarray([
        'totalCount',
        'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }',
        '__typename',
      ]),
      fc.subarray(['cursor', '__typename']),
    )
    .chain(([field, first, onConnection, onEdge]) =>
      selection(field === 'users' ? 'User' : 'Group', 2).map(
        (inner) =>
          `${field}${first === undefined ? '' : `(first: ${first})`} { ${onConnection.join(' ')} edges { ${onEdge.join(' ')} node { ${inner} } } }`,
      ),
    ),
  fc
    .constantFrom('User', 'Group')
    .chain((type) => selection(type, 2).map((inner) => ({ type, inner })))
    .map(({ type, inner }) => `${type.toLowerCase()}(id: $${type.toLowerCase()}Id) { ${inner} }`),
  // Batches and `node`, with IDs of rows that exist and of rows that do not (`@User:-1`), which
  // the property turns into global IDs once the fixtures exist.
  fc
    .tuple(
      fc.constantFrom('nodes', 'node', 'usersByIds', 'groupsByIds'),
      fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -1, max: 3 })), { minLength: 1, maxLength: 4 }),
      selection('User', 1),
      selection('Group', 1),
    )
    .map(([field, wanted, onUser, onGroup]) => {
      const typeOf = (isUser: boolean) =>
        field === 'usersByIds' ? 'User' : field === 'groupsByIds' ? 'Group' : isUser ? 'User' : 'Group';
      const ids = wanted.map(([isUser, index]) => `"@${typeOf(isUser)}:${index}"`);
      const inner =
        field === 'usersByIds'
          ? onUser
          : field === 'groupsByIds'
            ? onGroup
            : `__typename ... on User { ${onUser} } ... on Group { ${onGroup} }`;
      return field === 'node'
        ? `node(id: ${ids[0]}) { ${inner} }`
        : `${field}(ids: [${ids.join(', ')}]) { ${inner} }`;
    }),
);

/** The global ID a `@Type:index` token of the generator stands for; index -1 is a row no one has. */
function globalIds(query: string): string {
  return query.replace(/@(User|Group):(-?\d+)/g, (_token, type: string, index: string) => {
    const keys = type === 'User' ? community.userIds : community.groupIds;
    const key = index === '-1' ? 2 ** 31 - 1 : keys[Number(index)]!;
    return type === 'User' ? userGlobalId(key) : groupGlobalId(key);
  });
}

describe('responses PostgreSQL builds', () => {
  it('equal the resolvers’ answers, keys in order, for random queries, in one statement unless the resolvers refuse them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(root, { minLength: 1, maxLength: 3 }), async (roots) => {
        const fields = globalIds(roots.map((field, index) => `r${index}: ${field}`).join(' '));
        const variables = {
          userId: userGlobalId(community.userIds.at(-1)!),
          groupId: groupGlobalId(community.groupIds[0]!),
        };
        const declared = ['userId', 'groupId'].filter((name) => fields.includes(`$${name}`));
        const query = `query${declared.length ? `(${declared.map((name) => `$${name}: ID!`).join(', ')})` : ''} { ${fields} }`;
        const { sqlBuilt, resolved, answeredBySql } = await bothWays({ query, variables });
        expect(JSON.parse(sqlBuilt.json)).toEqual(JSON.parse(resolved.json));
        // The resolvers refuse some random queries: over the complexity limit (three nested
        // default pages, 100 × 100 × 100) or over the request limits (more than 30 aliases).
        // Those must reach them; every other must be answered by one SQL-built statement.
        const refused = (JSON.parse(resolved.json) as { errors?: unknown[] }).errors !== undefined;
        expect(answeredBySql).toBe(!refused);
        if (!answeredBySql) return;
        const interpreted = await execute({
          schema,
          document: parse(query),
          variableValues: variables,
          contextValue: createContext(app.db, undefined),
        });
        expect(sqlBuilt.json).toBe(JSON.stringify(interpreted));
      }),
      { numRuns: 60 },
    );
  });

  it('answer the benchmark’s reads in one statement, as the resolvers would', async () => {
    const query = `query { users(first: 50) { edges { node { id name groups { id name members(first: 20) { id name } } } } } }`;
    const { sqlBuilt, resolved, answeredBySql } = await bothWays({ query });
    expect(JSON.parse(sqlBuilt.json).data.users.edges).toHaveLength(community.userIds.length);
    expect(sqlBuilt).toEqual(resolved);
    expect(answeredBySql).toBe(true);
  });

  // Each of these needs the resolvers: an error to report, or a field PostgreSQL does not answer.
  // The answer must still be theirs, error codes and all.
  const handedOver: [string, string, Record<string, unknown>?][] = [
    [
      'a lookup that misses (NOT_FOUND)',
      'query($id: ID!) { group(id: $id) { name } }',
      { id: groupGlobalId(2 ** 31 - 1) },
    ],
    ['a malformed ID', 'query($id: ID!) { user(id: $id) { name } }', { id: 'not an id' }],
    ['an ID of the other type', 'query($id: ID!) { user(id: $id) { name } }', { id: groupGlobalId(1) }],
    [
      'an ID of another type in a batch',
      'query($ids: [ID!]!) { usersByIds(ids: $ids) { name } }',
      { ids: [groupGlobalId(1)] },
    ],
    ['a malformed ID in a batch', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['not an id'] }],
    ['a variable of the wrong type', 'query($id: ID!) { user(id: $id) { name } }', { id: 7 }],
    ['a page too large', '{ users { edges { node { groups(first: 1001) { id } } } } }'],
    ['a negative page', '{ users(first: -1) { edges { node { id } } } }'],
    ['an empty connection page', '{ users(first: 0) { edges { node { id } } } }'],
    [
      'a query over the complexity limit',
      '{ users(first: 1000) { edges { node { groups(first: 1000) { members(first: 1000) { id } } } } } }',
    ],
    [
      'a skipped field',
      'query($skip: Boolean!) { users { edges { node { id name @skip(if: $skip) } } } }',
      { skip: true },
    ],
    [
      'a field only the resolvers answer',
      '{ users { edges { node { id membership(groupId: "R3JvdXA6MQ==") { role } } } } }',
    ],
    [
      'a page after a cursor',
      '{ users(first: 2, after: "REM6Tjox") { pageInfo { hasPreviousPage } edges { cursor } } }',
    ],
    ['a viewer-dependent field', '{ users { edges { node { email } } } }'],
  ];
  it.each(handedOver)('leave %s to the resolvers', async (_case, query, variables) => {
    const { sqlBuilt, resolved, answeredBySql } = await bothWays({ query, variables });
    expect(sqlBuilt).toEqual(resolved);
    expect(answeredBySql).toBe(false);
  });

  it('measure a document whose page sizes come from variables on every request, not once', async () => {
    const query =
      'query($n: Int!, $m: Int!) { users(first: $n) { edges { node { groups(first: $m) { members(first: 1000) { id } } } } } }';
    const small = await bothWays({ query, variables: { n: 2, m: 2 } });
    expect(small.answeredBySql).toBe(true);
    expect(small.sqlBuilt).toEqual(small.resolved);
    // The same document, now over the complexity limit: refused as the resolvers refuse it.
    const large = await bothWays({ query, variables: { n: 1000, m: 1000 } });
    expect(large.answeredBySql).toBe(false);
    expect(large.sqlBuilt).toEqual(large.resolved);
    expect(JSON.parse(large.sqlBuilt.json).errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
  });

  it('name the operation a document asks for, among several', async () => {
    const query = `query A { users(first: 2) { edges { node { name } } } } query B { groups(first: 1) { edges { node { name } } } }`;
    const { sqlBuilt, resolved, answeredBySql } = await bothWays({ query, operationName: 'B' });
    expect(sqlBuilt).toEqual(resolved);
    expect(JSON.parse(sqlBuilt.json).data).toHaveProperty('groups');
    expect(answeredBySql).toBe(true);
  });

  it('answer a connection over a table with no rows, whatever it selects', async () => {
    const empty = await startTestApp();
    const emptyResolved = createApp({ db: empty.db, authenticate: testAuthenticate, sqlResponses: false });
    const query = `{ a: users(first: 2) { totalCount } b: groups(first: 2) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`;
    empty.statements.length = 0;
    const sqlBuilt = await answer((init) => empty.fetch('/graphql', init), { query });
    expect(empty.statements).toHaveLength(1);
    const resolved = await answer((init) => emptyResolved.fetch(new Request('http://test/graphql', init)), {
      query,
    });
    expect(sqlBuilt).toEqual(resolved);
    expect(JSON.parse(sqlBuilt.json).data.a).toEqual({ totalCount: 0 });
  });

  it('are sent once: the first stringify hands the text over, and any later read fails loudly', async () => {
    // The result outlives its response in the pipeline; one that kept its text would keep a
    // copy of every response alive past young-generation collections (docs/performance.md).
    const sqlBuilt = createApp({ db: app.db, authenticate: testAuthenticate });
    const query = '{ users(first: 2) { edges { node { name } } } }';
    const run = async () => {
      const {
        parse: parseEnveloped,
        contextFactory,
        execute: executeEnveloped,
        schema: enveloped,
      } = sqlBuilt.getEnveloped({ request: new Request('http://test/graphql'), params: { query } });
      return (await executeEnveloped({
        schema: enveloped,
        document: parseEnveloped(query),
        contextValue: await contextFactory(),
      })) as { data?: unknown; stringify?: () => string };
    };
    const { resolved } = await bothWays({ query });
    // PostgreSQL's JSON text spaces its keys; the same JSON once parsed.
    const normalized = (text: string | undefined) => JSON.stringify(JSON.parse(text ?? 'null'));
    const sent = await run();
    expect(normalized(sent.stringify?.())).toBe(resolved.json);
    expect(() => sent.stringify?.()).toThrow('read after it had been sent');
    expect(() => sent.data).toThrow('read after it had been sent');
    // Read as data first (as graphql-ws does), it stays readable, and may still be sent.
    const read = await run();
    expect(JSON.stringify({ data: read.data })).toBe(resolved.json);
    expect(normalized(read.stringify?.())).toBe(resolved.json);
    expect(JSON.stringify({ data: read.data })).toBe(resolved.json);
  });

  it('go out over every transport Yoga speaks: GET, and server-sent events', async () => {
    const query = '{ users(first: 3) { edges { node { name groups { name } } } } }';
    const { resolved } = await bothWays({ query });
    app.statements.length = 0;
    const viaGet = await app.fetch(`/graphql?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(JSON.stringify(await viaGet.json())).toBe(resolved.json);
    const viaSse = await app.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query }),
    });
    const events = await viaSse.text();
    const data = /event: next\ndata: (.*)\n/.exec(events)?.[1];
    expect(JSON.stringify(JSON.parse(data!))).toBe(resolved.json);
    expect(app.statements).toHaveLength(2);
    expect(app.statements.every((statement) => statement.startsWith(`select json_build_object('data'`))).toBe(
      true,
    );
  });
});

describe.runIf(onPostgresOnly.namedStatements)('statements PostgreSQL builds responses with', () => {
  it('are planned once per connection, not on every request', async () => {
    // One connection, so pg_prepared_statements shows every statement the app prepared.
    const database = await createDatabase({ url: (await freshPostgresUrl())!, poolSize: 1 });
    await migrateDatabase(database);
    const { groupIds } = await createCommunity(database.db, {
      userCount: 30,
      groupCount: 3,
      groupsPerUser: 2,
    });
    const sqlBuilt = createApp({ db: database.db, authenticate: testAuthenticate });
    const queries = [
      // A lookup by ID and a page of a list, as W2 asks: with the ID in an unnested array and
      // the page size a parameter, PostgreSQL judged its plan without the values too dear.
      {
        query: 'query ($id: ID!) { group(id: $id) { name members(first: 5) { name } } }',
        variables: { id: groupGlobalId(groupIds[0]!) },
      },
      { query: '{ users(first: 4) { edges { node { name groups { name } } } } }' },
    ];
    for (let round = 0; round < 8; round += 1) {
      for (const body of queries) {
        const { json } = await answer(
          (init) => sqlBuilt.fetch(new Request('http://test/graphql', init)),
          body,
        );
        expect(JSON.parse(json).errors).toBeUndefined();
      }
    }
    const plans = await selectRows<{ generic: number; custom: number }>(
      database.db,
      sql`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements
          where statement like 'select json_build_object(''data''%'`,
    );
    // PostgreSQL tries the values' own plans five times before it settles on one for any value.
    expect(plans).toEqual([
      { generic: expect.any(Number), custom: expect.any(Number) },
      { generic: expect.any(Number), custom: expect.any(Number) },
    ]);
    for (const plan of plans) {
      expect(plan.custom).toBeLessThanOrEqual(5);
      expect(plan.generic + plan.custom).toBe(8);
    }
    await database.close();
  });

  it('leave the backend’s heap as it is, not shrunk and regrown on every execution', async ({ skip }) => {
    // The backend's page faults are in /proc when the server runs on this machine, as in CI. The
    // data goes in through another connection, so this one's backend has run nothing else.
    const url = (await freshPostgresUrl())!;
    const fixtures = await createDatabase({ url, poolSize: 1 });
    await migrateDatabase(fixtures);
    const { groupIds } = await createCommunity(fixtures.db, {
      userCount: 120,
      groupCount: 2,
      groupsPerUser: 2,
    });
    await fixtures.close();
    const database = await createDatabase({ url, poolSize: 1 });
    const [backend] = await selectRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
    const stat = `/proc/${backend!.pid}/stat`;
    if (!existsSync(stat)) {
      await database.close();
      return skip('PostgreSQL runs on another machine (or in a container): its processes are not in /proc');
    }
    const faults = () => Number(readFileSync(stat, 'utf8').split(') ')[1]!.split(' ')[7]);
    const sqlBuilt = createApp({ db: database.db, authenticate: testAuthenticate });
    const body = {
      query: 'query ($id: ID!) { group(id: $id) { name members(first: 100) { id name } } }',
      variables: { id: groupGlobalId(groupIds[0]!) },
    };
    const run = async () => {
      const { json } = await answer((init) => sqlBuilt.fetch(new Request('http://test/graphql', init)), body);
      expect(JSON.parse(json).data.group.members.length).toBeGreaterThan(50);
    };
    for (let warm = 0; warm < 10; warm += 1) await run();
    const before = faults();
    for (let execution = 0; execution < 20; execution += 1) await run();
    expect(faults() - before).toBeLessThan(20);
    await database.close();
  });
});
