import { createHash } from 'node:crypto';
import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createMetrics } from '../src/http/metrics.ts';
import { type Cast, createCast, groupGlobalId, snapshot, unique, userGlobalId } from './fixtures.ts';
import { signedIn, startTestApp, type TestApp } from './harness.ts';

// Over HTTP, an operation Yoga has validated once is answered without Yoga's HTTP layer the next
// time it comes (src/http/direct-answers.ts). Each test sends a request twice to a real server:
// the first goes through Yoga, the second must be answered directly, with exactly Yoga's status,
// content type and body. Requests the direct path leaves to Yoga must be answered as before.

let app: TestApp;
let origin: string;
let cast: Cast;

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

async function post(origin: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await response.text(),
  };
}

/** A metric's samples from /metrics whose labels include all of `labels`, summed; 0 when absent. */
async function metric(origin: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  return [...text.matchAll(new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'))]
    .filter(([, sampleLabels = '']) =>
      Object.entries(labels).every(([key, value]) => sampleLabels.includes(`${key}="${value}"`)),
    )
    .reduce((sum, [, , value]) => sum + Number(value), 0);
}

/** Sends the same request twice; says which of the two were answered directly. */
async function twice(body: unknown, headers: Record<string, string> = {}, at = origin) {
  const direct = () => metric(at, 'graphql_direct_answers_total');
  const before = await direct();
  const first = await post(at, body, headers);
  const between = await direct();
  const second = await post(at, body, headers);
  const after = await direct();
  return { first, second, firstDirect: between > before, secondDirect: after > between };
}

type WsResult = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** Runs one operation over WebSocket with the graphql-ws client; a refusal comes back as errors. */
async function overWebSocket(at: string, payload: Record<string, unknown>): Promise<WsResult> {
  const client = createClient({
    url: `${at.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  try {
    let last: WsResult = {};
    for await (const result of client.iterate({ query: '', ...payload })) last = result;
    return last;
  } catch (errors) {
    return { errors: errors as WsResult['errors'] };
  } finally {
    await client.dispose();
  }
}

/** A document no earlier test has sent, so its first request goes through Yoga. */
const fresh = (document: string) => `${document} # ${unique('case')}`;

beforeAll(async () => {
  app = await startTestApp({
    metrics: createMetrics(),
    queryLimits: { complexity: 5_000, depth: 15, breadth: 1_000 },
  });
  ({ origin } = await app.listen());
  cast = await createCast(app.db);
});

describe('a repeated query', () => {
  const cases: [string, () => { query: string; variables?: Record<string, unknown> }][] = [
    [
      'built by SQL',
      () => ({
        query: fresh(
          'query Users { users(first: 3) { totalCount edges { node { id name groups { name } } } } }',
        ),
      }),
    ],
    [
      'answered by the resolvers',
      () => ({
        query: fresh(
          `{ group(id: "${groupGlobalId(cast.groupId)}") { name membersConnection(first: 2) { edges { role node { name } } } } }`,
        ),
      }),
    ],
    [
      'with variables',
      () => ({
        query: fresh('query ($id: ID!) { group(id: $id) { name memberCount } }'),
        variables: { id: groupGlobalId(cast.groupId) },
      }),
    ],
    [
      'that misses (NOT_FOUND)',
      () => ({ query: fresh(`{ group(id: "${groupGlobalId(999_999)}") { name } }`) }),
    ],
    [
      'with a variable missing (BAD_USER_INPUT)',
      () => ({ query: fresh('query ($id: ID!) { group(id: $id) { name } }'), variables: {} }),
    ],
    [
      'over the complexity limit',
      () => ({ query: fresh('{ users(first: 100) { edges { node { groups(first: 100) { name } } } } }') }),
    ],
  ];

  it.each(cases)(
    '%s is answered directly the second time, exactly as Yoga answered it',
    async (_name, request) => {
      const { first, second, firstDirect, secondDirect } = await twice(request());
      expect(firstDirect).toBe(false);
      expect(secondDirect).toBe(true);
      expect(second).toEqual(first);
    },
  );

  it('is answered for the viewer who sends it', async () => {
    const query = fresh(`{ group(id: "${groupGlobalId(cast.groupId)}") { viewerRole } }`);
    const asAdmin = await twice({ query }, await signedIn(cast.admin));
    const asMember = await post(origin, { query }, await signedIn(cast.member));
    const anonymous = await post(origin, { query });
    expect(asAdmin.secondDirect).toBe(true);
    expect(JSON.parse(asAdmin.second.body)).toEqual({ data: { group: { viewerRole: 'ADMIN' } } });
    expect(JSON.parse(asMember.body)).toEqual({ data: { group: { viewerRole: 'MEMBER' } } });
    expect(JSON.parse(anonymous.body)).toEqual({ data: { group: { viewerRole: null } } });
  });

  it.each([
    undefined,
    '*/*',
    'application/json',
    'application/graphql-response+json',
    'application/graphql-response+json, application/json',
  ])('gets the content type Yoga gives for Accept: %s', async (accept) => {
    const { first, second, secondDirect } = await twice(
      { query: fresh('{ users(first: 1) { totalCount } }') },
      accept === undefined ? {} : { accept },
    );
    expect(secondDirect).toBe(true);
    expect(second).toEqual(first);
  });

  it('is counted in the HTTP latency histogram like any other request', async () => {
    const operationName = unique('Counted').replace(/\W/g, '');
    const labels = { operationName, operationType: 'query', statusCode: '200' };
    const { secondDirect } = await twice({
      query: `query ${operationName} { users(first: 1) { totalCount } }`,
    });
    expect(secondDirect).toBe(true);
    expect(await metric(origin, 'graphql_yoga_http_duration_count', labels)).toBe(2);
  });

  it('is counted in the error counter like any other request', async () => {
    const operationName = unique('Failing').replace(/\W/g, '');
    const { first, second, secondDirect } = await twice({
      query: `query ${operationName} { group(id: "${groupGlobalId(999_999)}") { name } }`,
    });
    expect(secondDirect).toBe(true);
    expect(second).toEqual(first);
    expect(await metric(origin, 'graphql_envelop_error_result', { operationName })).toBe(2);
  });
});

describe('a repeated mutation', () => {
  const addMember = fresh('mutation ($input: AddMemberInput!) { addMember(input: $input) { added } }');
  const removeMember = fresh(
    'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { removed } }',
  );
  const input = (userId: number) => ({
    input: { userId: userGlobalId(userId), groupId: groupGlobalId(cast.groupId) },
  });

  it('changes the membership each time it is sent, as through Yoga', async () => {
    const admin = await signedIn(cast.admin);
    const answers = [];
    for (const [query, variables] of [
      [addMember, input(cast.outsider)],
      [removeMember, input(cast.outsider)],
      [addMember, input(cast.outsider)],
      [removeMember, input(cast.outsider)],
    ] as const) {
      answers.push(JSON.parse((await post(origin, { query, variables }, admin)).body));
    }
    expect(answers).toEqual([
      { data: { addMember: { added: true } } },
      { data: { removeMember: { removed: true } } },
      { data: { addMember: { added: true } } },
      { data: { removeMember: { removed: true } } },
    ]);
  });

  it('runs the operation each request names, of a document that has several', async () => {
    // As the benchmark's W4 sends them: one document, its add or its remove by operationName.
    // graphql-jit's envelop plugin cached one compiled operation per document, so every request
    // after the first ran whichever operation came first (patches/README.md).
    const query = fresh(`mutation Add($input: AddMemberInput!) { addMember(input: $input) { added } }
      mutation Remove($input: RemoveMemberInput!) { removeMember(input: $input) { removed } }`);
    const admin = await signedIn(cast.admin);
    const answers = [];
    for (const operationName of ['Add', 'Remove', 'Add', 'Remove', 'Add', 'Remove']) {
      const body = { query, operationName, variables: input(cast.outsider) };
      answers.push(JSON.parse((await post(origin, body, admin)).body).data);
    }
    expect(answers).toEqual(
      [
        ...Array.from({ length: 3 }, () => [
          { addMember: { added: true } },
          { removeMember: { removed: true } },
        ]),
      ].flat(),
    );
  });

  it.each([
    ['an admin adding a member again', 'admin', () => input(cast.member)],
    ['an outsider (FORBIDDEN)', 'outsider', () => input(cast.outsider)],
    ['an anonymous caller', 'anonymous', () => input(cast.outsider)],
    ['an admin adding a user who does not exist (NOT_FOUND)', 'admin', () => input(999_999)],
  ] as const)(
    'by %s is answered directly the second time, exactly as Yoga answered it',
    async (_name, viewer, variables) => {
      const before = await snapshot(app.db, cast);
      const headers = viewer === 'anonymous' ? {} : await signedIn(cast[viewer]);
      const { first, second, secondDirect } = await twice(
        { query: fresh(addMember), variables: variables() },
        headers,
      );
      expect(secondDirect).toBe(true);
      expect(second).toEqual(first);
      expect(await snapshot(app.db, cast)).toEqual(before);
    },
  );
});

describe('requests left to Yoga', () => {
  const query = () => fresh('{ users(first: 1) { totalCount } }');

  it.each([
    [
      'from a browser (CORS)',
      () => ({ body: { query: query() }, headers: { origin: 'http://localhost:5173' } }),
    ],
    [
      'with a token that does not verify (401)',
      () => ({ body: { query: query() }, headers: { authorization: 'Bearer not-a-token' } }),
    ],
    [
      'with a key GraphQL over HTTP does not have',
      () => ({ body: { query: query(), extra: 1 }, headers: {} }),
    ],
    ['accepting only HTML (406)', () => ({ body: { query: query() }, headers: { accept: 'text/html' } })],
    ['batched', () => ({ body: [{ query: query() }], headers: {} })],
    ['that is not JSON', () => ({ body: '{"query": ', headers: {} })],
  ])('%s are answered by Yoga both times', async (_name, request) => {
    const { body, headers } = request();
    const { first, second, firstDirect, secondDirect } = await twice(body, headers);
    expect([firstDirect, secondDirect]).toEqual([false, false]);
    expect(second).toEqual(first);
  });

  it('keeps answering subscriptions over SSE', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription { membershipChanged(groupId: "${groupGlobalId(cast.groupId)}") { kind } }`,
      }),
    });
    // No event hub in this app: the refusal comes as an event, as Yoga streams it.
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await response.body?.cancel();
  });
});

/** An app whose manifest holds just `text`; `only` refuses every other operation. */
async function listenTrusting(text: string, only: boolean): Promise<string> {
  const trusted = await startTestApp({
    metrics: createMetrics(),
    trustedDocuments: { manifest: { [`sha256:${sha256(text)}`]: text }, only },
  });
  return (await trusted.listen()).origin;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('with trusted documents only', () => {
  const text = 'query Trusted { users(first: 2) { totalCount } }';
  const hash = sha256(text);
  let trustedOrigin: string;

  beforeAll(async () => {
    trustedOrigin = await listenTrusting(text, true);
  });

  it('answers a document sent by its hash directly the second time', async () => {
    const body = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    const { first, second, secondDirect } = await twice(body, {}, trustedOrigin);
    expect(secondDirect).toBe(true);
    expect(second).toEqual(first);
    expect(JSON.parse(second.body)).toEqual({ data: { users: { totalCount: expect.any(Number) } } });
  });

  it('refuses over WebSocket a query sent beside a hash, as over HTTP', async () => {
    const query = fresh('{ users(first: 1) { edges { node { name } } } }');
    const body = { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    const overHttp = await post(trustedOrigin, body);
    const overWs = await overWebSocket(trustedOrigin, body);
    expect(JSON.parse(overHttp.body).errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    expect(overWs.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_ONLY');
  });

  it('still refuses the same document sent as text', async () => {
    const { first, second, firstDirect, secondDirect } = await twice({ query: text }, {}, trustedOrigin);
    expect([firstDirect, secondDirect]).toEqual([false, false]);
    expect(second).toEqual(first);
    expect(JSON.parse(second.body).errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
  });
});

describe('with trusted documents beside other operations', () => {
  const text = 'query TrustedBeside { users(first: 2) { totalCount } }';
  const hash = sha256(text);
  const byHash = (version: number) => ({ extensions: { persistedQuery: { version, sha256Hash: hash } } });
  let besideOrigin: string;

  beforeAll(async () => {
    besideOrigin = await listenTrusting(text, false);
  });

  it('runs the query of a request that also sends a hash, as Yoga does, the second time too', async () => {
    const query = fresh('{ groups(first: 1) { edges { node { name } } } }');
    const { first, second, secondDirect } = await twice({ query, ...byHash(1) }, {}, besideOrigin);
    expect(secondDirect).toBe(true);
    expect(second).toEqual(first);
    expect(JSON.parse(second.body)).toEqual({
      data: { groups: { edges: expect.any(Array) } },
    });
  });

  it('leaves a hash of another persisted-query version to Yoga, which refuses it', async () => {
    expect((await twice(byHash(1), {}, besideOrigin)).secondDirect).toBe(true);
    const { first, second, firstDirect, secondDirect } = await twice(byHash(2), {}, besideOrigin);
    expect([firstDirect, secondDirect]).toEqual([false, false]);
    expect(second).toEqual(first);
    expect(JSON.parse(second.body).errors[0].extensions.code).toBe('PERSISTED_QUERY_ID_REQUIRED');
  });

  it('answers a query with its own document after a WebSocket client sent it beside a hash', async () => {
    // The query names another operation than the hash: whatever a WebSocket client sends, a
    // later HTTP request of the query must not run the hash's document.
    const query = fresh('{ groups(first: 1) { totalCount } }');
    const overWs = await overWebSocket(besideOrigin, { query, ...byHash(1) });
    expect(overWs).toEqual({ data: { groups: { totalCount: expect.any(Number) } } });
    const { first, second, secondDirect } = await twice({ query }, {}, besideOrigin);
    expect(secondDirect).toBe(true);
    expect(JSON.parse(first.body)).toEqual(overWs);
    expect(second).toEqual(first);
  });
});
