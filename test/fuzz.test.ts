import fc from 'fast-check';
import { SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, type Community } from './fixtures.ts';
import { startTestApp, type TestApp, testJwtSecret } from './harness.ts';

// Random and malformed input at the HTTP endpoint, over a real socket: the server answers each
// with a 4xx or a GraphQL error, never a 5xx, never SQL, and stays up.

let app: TestApp;
let community: Community;
let origin: string;
beforeAll(async () => {
  app = await startTestApp();
  community = await createCommunity(app.db, { userCount: 5, groupCount: 2, groupsPerUser: 1 });
  ({ origin } = await app.listen());
});

const leaks = /select |insert into|users_to_groups|constraint|\bat [\w.]+ \(|node_modules/i;

async function send(body: string, contentType: string, method = 'POST', authorization?: string) {
  const response = await fetch(`${origin}/graphql${method === 'GET' ? `?${body}` : ''}`, {
    method,
    headers: {
      'content-type': contentType,
      accept: 'application/graphql-response+json, application/json',
      ...(authorization !== undefined && { authorization }),
    },
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
  // No unused variables here: they would fail validation before the operation could run.
  'mutation ($id: ID!) { addMember(input: { userId: $id, groupId: $id }) { added } }',
  'mutation ($name: String!) { createGroup(input: { name: $name }) { group { id } } }',
  'query ($id: ID!) { viewer { id email groupsConnection(first: 2) { edges { role } } } user(id: $id) { email } }',
];

function expectHandled(result: { status: number; text: string }) {
  expect(result.status).toBeLessThan(500);
  expect(result.text).not.toMatch(leaks);
  // Hostile input is the client's mistake: it must never reach the server's own error path.
  expect(result.text).not.toContain('INTERNAL_SERVER_ERROR');
}

/** Printable ASCII, so fetch can send it in a header. */
const headerText = fc.string({ unit: 'grapheme-ascii', maxLength: 200 });
const now = Math.floor(Date.now() / 1000);
/**
 * Tokens with hostile claims, mostly signed as this API expects (HS256, its secret, in their
 * validity period) so that the claims themselves get tested.
 */
const signedToken = fc
  .record({
    // User keys around the five users (1 to 5 in the fresh database) and past the integer range.
    sub: fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 8 }).map(String), weight: 3 },
      { arbitrary: fc.integer({ min: 1, max: 8 }).map((id) => btoa(`User:${id}`)), weight: 2 },
      fc.constantFrom('0', '-1', '01', '1e3', ' 1', '2147483647', '2147483648', '9999999999'),
      hostileId,
    ),
    exp: fc.oneof(
      { arbitrary: fc.constant(now + 3600), weight: 8 },
      fc.constant(undefined),
      fc.integer({ min: 0, max: 4_000_000_000 }),
    ),
    nbf: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 8 },
      fc.integer({ min: 0, max: 4_000_000_000 }),
    ),
    alg: fc.oneof({ arbitrary: fc.constant('HS256'), weight: 8 }, fc.constantFrom('HS384', 'HS512')),
    key: fc.oneof(
      { arbitrary: fc.constant(testJwtSecret), weight: 8 },
      fc.constant('a different secret, not this API’s'),
    ),
  })
  .map(async ({ sub, exp, nbf, alg, key }) => {
    let token = new SignJWT({}).setProtectedHeader({ alg }).setSubject(sub);
    if (exp !== undefined) token = token.setExpirationTime(exp);
    if (nbf !== undefined) token = token.setNotBefore(nbf);
    return token.sign(new TextEncoder().encode(key));
  });
const hostileAuthorization = fc.oneof(
  { arbitrary: signedToken.map(async (token) => `Bearer ${await token}`), weight: 12 },
  signedToken.map(async (token) => `bearer  ${await token} `),
  signedToken.map(async (token) => `Basic ${await token}`),
  headerText,
  headerText.map((text) => `Bearer ${text}`),
  fc.base64String().map((text) => `Bearer ${text}`),
  fc.constantFrom(
    '',
    'Bearer',
    'Bearer ',
    'Bearer a b',
    'Bearer ...',
    `Bearer ${new UnsecuredJWT({}).setSubject('1').encode()}`,
  ),
);

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

  it('random Authorization headers: made up, malformed, expired, forged and of unknown users', async () => {
    const userId = btoa(`User:${community.userIds[0]!}`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), hostileAuthorization, async (query, authorization) => {
        const variables = { id: userId, first: 1, ids: [userId], name: 'fuzzed' };
        const header = await authorization;
        expectHandled(await send(JSON.stringify({ query, variables }), 'application/json', 'POST', header));
      }),
      { numRuns: 200 },
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
