import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { stitchSchemas } from '@graphql-tools/stitch';
import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import { buildSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import { describeForwardedToken } from './forwarded-token.ts';
import { errorCodes, signedIn, startTestApp, type TestApp } from './harness.ts';
import { type Post, startStitchingPostsService } from './posts-service.ts';

// A real graphql-tools stitching gateway over HTTP: this API and a posts service, each
// publishing its SDL with stitching directives, merged by the gateway from that SDL alone.
// The gateway forwards its client's Authorization header on every call it makes here.

let app: TestApp;
let community: Community;
let api: { origin: string; requests: string[] };
let posts: Post[];
let gateway: ReturnType<typeof createYoga>;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** The Authorization header of the gateway request a call serves; none for the gateway's own `_sdl`. */
function forwardedAuthorization(gatewayContext: unknown): Record<string, string> {
  const authorization = (gatewayContext as { request?: Request } | undefined)?.request?.headers.get(
    'authorization',
  );
  return authorization ? { authorization } : {};
}

async function subschemaFrom(endpoint: string) {
  const executor = buildHTTPExecutor({
    endpoint,
    headers: (executorRequest) => forwardedAuthorization(executorRequest?.context),
  });
  const result = (await executor({ document: parse('{ _sdl }') })) as { data: { _sdl: string } };
  return { schema: buildSchema(result.data._sdl), executor, batch: true };
}

beforeAll(async () => {
  app = await startTestApp();
  community = await createCommunity(app.db, { userCount: 20, groupCount: 5, groupsPerUser: 2 });
  posts = Array.from({ length: 40 }, (_, i) => ({
    id: `post-${i}`,
    title: `Post ${i}`,
    authorId: userGlobalId(community.userIds[i % 20]!),
    groupId: groupGlobalId(community.groupIds[i % 5]!),
  }));
  api = await app.listen();
  const postsUrl = await startStitchingPostsService(posts, (close) => closers.push(close));
  const { stitchingDirectivesTransformer } = stitchingDirectives();
  const schema = stitchSchemas({
    subschemaConfigTransforms: [stitchingDirectivesTransformer],
    subschemas: [await subschemaFrom(`${api.origin}/graphql`), await subschemaFrom(postsUrl)],
  });
  gateway = createYoga({ schema, logging: false, maskedErrors: false });
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

describe('the published stitching SDL', () => {
  it('is schema.graphql plus the stitching directives', async () => {
    const response = await app.fetch('/graphql?query=%7B_sdl%7D');
    const { data } = (await response.json()) as { data: { _sdl: string } };
    expect(data._sdl).toMatch(/type User implements Node @key\(selectionSet: "\{ id \}"\) @canonical/);
    expect(data._sdl).toMatch(/usersByIds\([\s\S]*?\): \[User\]! @merge\(keyField: "id"\)/);
    const { readFileSync } = await import('node:fs');
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    const withoutDirectives = printSchema(lexicographicSortSchema(buildSchema(data._sdl)))
      .replace(/\n*directive @\w+[^\n]*/g, '')
      .trim();
    expect(withoutDirectives).toBe(committed.trim());
  });
});

describe('a stitching gateway in front of this API and a posts service', () => {
  it('resolves posts → author → groups → members with one batched request and one statement here', async () => {
    const result = await throughGateway(
      `{ posts { title author { name groups { name members { name } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.posts).toHaveLength(40);
    const first = result.data.posts[0];
    expect(first.title).toBe('Post 0');
    expect(first.author.name).toMatch(/^User 0 /);
    expect(first.author.groups).toHaveLength(2);
    expect(first.author.groups[0].members.length).toBeGreaterThan(0);
    // 40 posts by 20 authors: still one request to this API, one SQL statement.
    expect(api.requests).toHaveLength(1);
    expect(app.statements).toHaveLength(1);
  });

  it('resolves groups → posts, adding the posts service’s field to this API’s type', async () => {
    const result = await throughGateway(
      `{ groups(first: 100) { edges { node { name memberCount posts { title } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const ours = result.data.groups.edges
      .map((edge: { node: { name: string; posts: { title: string }[] } }) => edge.node)
      .filter((group: { posts: unknown[] }) => group.posts.length > 0);
    expect(ours).toHaveLength(5);
    expect(ours[0].posts).toHaveLength(8);
    expect(api.requests).toHaveLength(1);
    expect(app.statements).toHaveLength(1);
  });

  it('passes this API’s error codes through to the gateway’s client', async () => {
    const malformed = await throughGateway(`{ user(id: "nope") { name } }`);
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    const missing = await throughGateway(`{ user(id: "${userGlobalId(2_000_000_000)}") { name } }`);
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.data.user).toBeNull();
  });
});

describeForwardedToken(() => ({ db: app.db, community, throughGateway }));
