import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import { describeForwardedToken } from './forwarded-token.ts';
import { errorCodes, signedIn, startTestApp, type TestApp } from './harness.ts';
import { type Post, startFederationPostsService } from './posts-service.ts';

// A real federation gateway: the supergraph composed with The Guild's federation-composition
// from this API's /federation subgraph and a posts subgraph, served by Hive Gateway's runtime,
// which calls both subgraphs over HTTP, forwarding its client's Authorization header.

let app: TestApp;
let community: Community;
let api: { origin: string; requests: string[] };
let gateway: ReturnType<typeof createGatewayRuntime>;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await gateway?.dispose();
  for (const close of closers) await close();
});

beforeAll(async () => {
  app = await startTestApp();
  community = await createCommunity(app.db, { userCount: 20, groupCount: 5, groupsPerUser: 2 });
  const posts: Post[] = Array.from({ length: 40 }, (_, i) => ({
    id: `post-${i}`,
    title: `Post ${i}`,
    authorId: userGlobalId(community.userIds[i % 20]!),
    groupId: groupGlobalId(community.groupIds[i % 5]!),
  }));
  api = await app.listen();
  const postsService = await startFederationPostsService(posts, (close) => closers.push(close));
  const service = await fetch(`${api.origin}/federation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const { data } = (await service.json()) as { data: { _service: { sdl: string } } };
  const composition = composeServices([
    { name: 'memberships', typeDefs: parse(data._service.sdl), url: `${api.origin}/federation` },
    { name: 'posts', typeDefs: parse(postsService.subgraphSdl), url: postsService.url },
  ]);
  if (compositionHasErrors(composition)) throw new Error(composition.errors.map((e) => e.message).join('\n'));
  gateway = createGatewayRuntime({
    supergraph: composition.supergraphSdl,
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    },
  });
});

/** Sends the query to the gateway, signed in `as` a user when given. */
async function throughGateway(query: string, as?: number) {
  api.requests.length = 0;
  app.statements.length = 0;
  const response = await gateway.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await signedIn(as)) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: any;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

describe('a federation gateway in front of this API and a posts subgraph', () => {
  it('resolves posts → author → groups → members with one entities request and statements per level', async () => {
    const result = await throughGateway(
      `{ posts { title author { name groups { name members { name } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.posts).toHaveLength(40);
    expect(result.data.posts[0].author.name).toMatch(/^User 0 /);
    expect(result.data.posts[0].author.groups).toHaveLength(2);
    expect(api.requests).toEqual(['/federation']);
    // One statement finds which of the 20 authors exist (unknown IDs resolve to null), one loads
    // all of them with their groups and members.
    expect(app.statements).toHaveLength(2);
  });

  it('resolves groups → posts through the posts subgraph', async () => {
    const result = await throughGateway(`{ groups(first: 100) { edges { node { name posts { title } } } } }`);
    expect(result.errors).toBeUndefined();
    const withPosts = result.data.groups.edges.filter(
      (edge: { node: { posts: unknown[] } }) => edge.node.posts.length,
    );
    expect(withPosts).toHaveLength(5);
    expect(api.requests).toEqual(['/federation']);
    expect(app.statements).toHaveLength(1);
  });

  it('answers _entities in order, null for IDs this API does not know', async () => {
    const known = userGlobalId(community.userIds[3]!);
    const response = await fetch(`${api.origin}/federation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name } } }',
        variables: {
          r: [
            { __typename: 'User', id: userGlobalId(2_000_000_000) },
            { __typename: 'User', id: known },
            { __typename: 'User', id: 'garbage' },
          ],
        },
      }),
    });
    const { data } = (await response.json()) as {
      data: { _entities: ({ id: string; name: string } | null)[] };
    };
    expect(data._entities.map((entity) => entity?.id ?? null)).toEqual([null, known, null]);
  });

  it('passes this API’s error codes through to the gateway’s client', async () => {
    const malformed = await throughGateway(`{ user(id: "nope") { name } }`);
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    const missing = await throughGateway(`{ user(id: "${userGlobalId(2_000_000_000)}") { name } }`);
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });
});

describeForwardedToken(() => ({ db: app.db, community, throughGateway }));
