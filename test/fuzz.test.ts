import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCommunity } from './fixtures.ts';
import { startTestApp, type TestApp } from './harness.ts';

// Random and malformed input at the HTTP endpoint, over a real socket: the server answers each
// with a 4xx or a GraphQL error, never a 5xx, never SQL, and stays up.

let app: TestApp;
let origin: string;
beforeAll(async () => {
  app = await startTestApp();
  await createCommunity(app.db, { userCount: 5, groupCount: 2, groupsPerUser: 1 });
  ({ origin } = await app.listen());
});

const leaks = /select |insert into|users_to_groups|constraint|\bat [\w.]+ \(|node_modules/i;

async function send(body: string, contentType: string, method = 'POST') {
  const response = await fetch(`${origin}/graphql${method === 'GET' ? `?${body}` : ''}`, {
    method,
    headers: { 'content-type': contentType, accept: 'application/graphql-response+json, application/json' },
    ...(method === 'POST' ? { body } : {}),
  });
  return { status: response.status, text: await response.text() };
}

const hostileId = fc.oneof(
  fc.string(),
  fc.base64String(),
  fc.constantFrom(
    '',
    'VXNlcjox',
    btoa('User:-1'),
    btoa('User:1.5'),
    btoa('User:99999999999999'),
    btoa('Group:1'),
    btoa('User:'),
  ),
  fc.string().map((value) => btoa(`User:${value}`)),
);
const hostileFirst = fc.oneof(
  fc.integer(),
  fc.constantFrom(-1, 0, 1001, 2 ** 31, -(2 ** 31)),
  fc.double(),
  fc.string(),
);
const operations = [
  'query ($id: ID!, $first: Int) { user(id: $id) { name groups(first: $first) { name } } }',
  'query ($id: ID!, $first: Int) { group(id: $id) { membersConnection(first: $first) { totalCount } } }',
  'query ($ids: [ID!]!) { usersByIds(ids: $ids) { name } nodes(ids: $ids) { id } }',
  'mutation ($id: ID!, $first: Int) { addMember(input: { userId: $id, groupId: $id }) { added } }',
  'mutation ($name: String!) { createGroup(input: { name: $name }) { group { id } } }',
];

function expectHandled(result: { status: number; text: string }) {
  expect(result.status).toBeLessThan(500);
  expect(result.text).not.toMatch(leaks);
}

describe('hostile input', () => {
  it('random variables of the right and wrong types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        fc.record({
          id: hostileId,
          first: hostileFirst,
          ids: fc.array(hostileId, { maxLength: 5 }),
          name: fc.string({ maxLength: 300 }),
        }),
        async (query, variables) =>
          expectHandled(await send(JSON.stringify({ query, variables }), 'application/json')),
      ),
      { numRuns: 150 },
    );
  });

  it('broken JSON, wrong content types and random bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constantFrom('{', '{"query":', '[]', 'null', '{"query":1}', '{"variables":"x"}'),
        ),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/graphql',
          'multipart/form-data',
          '',
        ),
        async (body, contentType) => expectHandled(await send(body, contentType)),
      ),
      { numRuns: 150 },
    );
  });

  it('random query strings over GET and huge strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) =>
        expectHandled(await send(`query=${encodeURIComponent(text)}`, '', 'GET')),
      ),
      { numRuns: 100 },
    );
    expectHandled(
      await send(
        JSON.stringify({ query: operations[4], variables: { name: 'x'.repeat(90_000) } }),
        'application/json',
      ),
    );
  });

  it('leaves the server answering normally', async () => {
    const result = await send(
      JSON.stringify({ query: '{ users(first: 1) { totalCount } }' }),
      'application/json',
    );
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toEqual({ data: { users: { totalCount: 5 } } });
  });
});
