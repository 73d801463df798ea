import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import { parse } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';

// A second, independent service for the gateway tests: posts that reference this API's users
// and groups by their global IDs, and add `posts` to User and Group.

export interface Post {
  id: string;
  title: string;
  authorId: string;
  groupId: string;
}

const postFields = `
  type Post {
    id: ID!
    title: String!
    author: User!
    group: Group!
  }
`;

function resolvers(posts: Post[]) {
  return {
    Post: {
      author: (post: Post) => ({ id: post.authorId }),
      group: (post: Post) => ({ id: post.groupId }),
    },
    User: { posts: ({ id }: { id: string }) => posts.filter((post) => post.authorId === id) },
    Group: { posts: ({ id }: { id: string }) => posts.filter((post) => post.groupId === id) },
  };
}

async function serve(yoga: ReturnType<typeof createYoga>, cleanup: (close: () => Promise<void>) => void) {
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** The posts service as a stitching subschema, publishing its own SDL at `_sdl`. */
export function startStitchingPostsService(posts: Post[], cleanup: (close: () => Promise<void>) => void) {
  const { allStitchingDirectivesTypeDefs } = stitchingDirectives();
  const typeDefs = `${allStitchingDirectivesTypeDefs}
    ${postFields}
    type User @key(selectionSet: "{ id }") { id: ID! posts: [Post!]! }
    type Group @key(selectionSet: "{ id }") { id: ID! posts: [Post!]! }
    type Query {
      posts: [Post!]!
      _usersByIds(ids: [ID!]!): [User]! @merge(keyField: "id")
      _groupsByIds(ids: [ID!]!): [Group]! @merge(keyField: "id")
      _sdl: String!
    }`;
  const schema = createSchema({
    typeDefs,
    resolvers: {
      ...resolvers(posts),
      Query: {
        posts: () => posts,
        _usersByIds: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => ({ id })),
        _groupsByIds: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => ({ id })),
        _sdl: () => typeDefs,
      },
    },
  });
  return serve(createYoga({ schema, logging: false }), cleanup);
}

/**
 * The posts service as an Apollo Federation v2 subgraph: the subgraph SDL for composition, and
 * the `_service` and `_entities` fields a federation gateway calls.
 */
export async function startFederationPostsService(
  posts: Post[],
  cleanup: (close: () => Promise<void>) => void,
) {
  const subgraphSdl = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
    ${postFields}
    type User @key(fields: "id") { id: ID! posts: [Post!]! }
    type Group @key(fields: "id") { id: ID! posts: [Post!]! }
    type Query { posts: [Post!]! }
  `;
  const schema = createSchema({
    typeDefs: `${postFields}
      type User { id: ID! posts: [Post!]! }
      type Group { id: ID! posts: [Post!]! }
      scalar _Any
      union _Entity = User | Group
      type _Service { sdl: String }
      type Query { posts: [Post!]! _entities(representations: [_Any!]!): [_Entity]! _service: _Service! }`,
    resolvers: {
      ...resolvers(posts),
      _Entity: { __resolveType: (entity: { __typename: string }) => entity.__typename },
      Query: {
        posts: () => posts,
        _entities: (
          _: unknown,
          { representations }: { representations: { __typename: string; id: string }[] },
        ) => representations,
        _service: () => ({ sdl: subgraphSdl }),
      },
    },
  });
  return { subgraphSdl, url: await serve(createYoga({ schema, logging: false }), cleanup) };
}
