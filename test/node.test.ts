import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { createCommunity, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import { errorCodes, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
let community: Community;
beforeAll(async () => {
  app = await startTestApp();
  community = await createCommunity(app.db, { userCount: 3, groupCount: 2, groupsPerUser: 1 });
});

const Nodes = graphql(`
  query NodeMany($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on User {
        name
      }
      ... on Group {
        memberCount
      }
    }
  }
`);

const Node = graphql(`
  query NodeOne($id: ID!) {
    node(id: $id) {
      id
    }
  }
`);

describe('node and nodes', () => {
  it('return objects of both types in the order asked, null for unknown IDs, in one statement (one per type through the resolvers)', async () => {
    const [user, group] = [userGlobalId(community.userIds[1]!), groupGlobalId(community.groupIds[0]!)];
    const missingUser = userGlobalId(2_000_000_000);
    const missingGroup = groupGlobalId(2_000_000_000);
    // One statement where PostgreSQL builds the whole response (src/resolvers/sql-responses.ts),
    // one per type through the resolvers.
    for (const [resolversOnly, expected] of [[false, 1] as const, [true, 2] as const]) {
      app.statements.length = 0;
      const result = await app.gql(
        Nodes,
        { ids: [missingUser, group, user, missingGroup, user] },
        { resolversOnly },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.nodes.map((node) => node?.id ?? null)).toEqual([null, group, user, null, user]);
      expect(result.data!.nodes[1]).toMatchObject({ __typename: 'Group', memberCount: 2 });
      expect(app.statements).toHaveLength(expected);
    }
  });

  it('node answers null for an unknown ID and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await app.gql(Node, { id: userGlobalId(2_000_000_000) });
    expect(unknown).toEqual({ data: { node: null } });
    const malformed = await app.gql(Node, { id: 'nope' });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    const unknownType = await app.gql(Node, { id: btoa('Post:1') });
    expect(unknownType.data?.node ?? null).toBeNull();
  });
});
