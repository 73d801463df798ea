import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { createCommunity, type Community, groupGlobalId, makeAdmin, userGlobalId } from './fixtures.ts';
import { startTestApp, type TestApp } from './harness.ts';

// Statement counts for the membership-list fields (order, filter, lookups, shared groups,
// totals), as loading.test.ts counts them for the rest: they follow the query's shape, never
// the number of rows.

let app: TestApp;
let community: Community;

beforeAll(async () => {
  app = await startTestApp();
  community = await createCommunity(app.db, { userCount: 36, groupCount: 6, groupsPerUser: 3 });
});

async function countStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  app.statements.length = 0;
  const result = await run();
  return { result, statements: [...app.statements] };
}

// Every membership-list field with its arguments (order, filter, lookups, shared groups, totals),
// nested under each other, to be entered from a root query and from mutation payloads.
const ListFields = graphql(`
  fragment LoadingListFields on Group {
    membership(userId: $userId) {
      role
      user {
        name
      }
    }
    members(first: 5, orderBy: [{ field: NAME, direction: DESC }], filter: { nameContains: "User" }) {
      name
    }
    membersConnection(first: 5, orderBy: [{ field: JOINED_AT }], filter: { role: MEMBER }) {
      totalCount
      edges {
        role
        node {
          membership(groupId: $groupId) {
            joinedAt
          }
          sharedGroups(with: $userId, first: 3) {
            totalCount
            edges {
              node {
                name
              }
            }
          }
          groupsConnection(
            first: 3
            orderBy: [{ field: MEMBER_COUNT, direction: DESC }]
            filter: { role: MEMBER }
          ) {
            totalCount
            edges {
              node {
                groups: membersConnection(first: 2, orderBy: [{ field: NAME }]) {
                  totalCount
                }
              }
            }
          }
          groups(first: 3, orderBy: [{ field: NAME }], filter: { nameStartsWith: "Group" }) {
            name
          }
        }
      }
    }
  }
`);

const ListFieldsFromRoot = graphql(`
  query LoadingListFieldsFromRoot($userId: ID!, $groupId: ID!) {
    groups(first: 6) {
      edges {
        node {
          ...LoadingListFields
        }
      }
    }
  }
`);

const ListFieldsFromAdd = graphql(`
  mutation LoadingListFieldsFromAdd($input: AddMemberInput!, $userId: ID!, $groupId: ID!) {
    addMember(input: $input) {
      group {
        ...LoadingListFields
      }
      user {
        groupsConnection(first: 2, orderBy: [{ field: NAME }], filter: { role: MEMBER }) {
          totalCount
        }
        membership(groupId: $groupId) {
          role
        }
      }
    }
  }
`);

const ListFieldsFromBulk = graphql(`
  mutation LoadingListFieldsFromBulk($input: AddMembersInput!, $userId: ID!, $groupId: ID!) {
    addMembers(input: $input) {
      group {
        ...LoadingListFields
      }
    }
  }
`);

describe('membership-list fields', () => {
  it('load in one statement from a root query, however many groups and members', async () => {
    const variables = {
      userId: userGlobalId(community.userIds[0]!),
      groupId: groupGlobalId(community.groupIds[0]!),
    };
    const { result, statements } = await countStatements(() => app.gql(ListFieldsFromRoot, variables));
    expect(result.errors).toBeUndefined();
    const groups = result.data!.groups.edges.map((edge) => edge.node);
    expect(groups.length).toBeGreaterThanOrEqual(6);
    expect(groups.some((group) => group.membership !== null)).toBe(true);
    expect(groups.every((group) => group.membersConnection.edges.length > 0)).toBe(true);
    expect(statements).toHaveLength(1);
  });

  it('load with the write plus one statement per side from a single or a bulk mutation payload', async () => {
    const groupId = community.groupIds[1]!;
    const admin = community.userIds[1]!;
    await makeAdmin(app.db, admin, [groupId]);
    const ids = { userId: userGlobalId(community.userIds[0]!), groupId: groupGlobalId(groupId) };
    const single = await countStatements(() =>
      app.gql(ListFieldsFromAdd, { input: ids, ...ids }, { as: admin }),
    );
    expect(single.result.errors).toBeUndefined();
    expect(single.result.data!.addMember.group.membership?.role).toBe('MEMBER');
    expect(single.statements).toHaveLength(3);

    const bulk = await countStatements(() =>
      app.gql(
        ListFieldsFromBulk,
        {
          input: { groupId: ids.groupId, userIds: community.userIds.slice(0, 10).map(userGlobalId) },
          ...ids,
        },
        { as: admin },
      ),
    );
    expect(bulk.result.errors).toBeUndefined();
    expect(bulk.result.data!.addMembers.group.membersConnection.totalCount).toBeGreaterThanOrEqual(10);
    // The write, then the group side.
    expect(bulk.statements).toHaveLength(2);
  });
});
