import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import {
  type Cast,
  createCast,
  createCommunity,
  type Community,
  groupGlobalId,
  makeAdmin,
  userGlobalId,
} from './fixtures.ts';
import { startTestApp, type TestApp } from './harness.ts';

// Statement counts are the contract here: they must follow the shape of the query, never the
// number of rows. Every test runs on 30+ users in 5+ groups so an N+1 would show as dozens.

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

const UsersGroupsMembersGroups = graphql(`
  query LoadingUsersDeep($first: Int!) {
    users(first: $first) {
      edges {
        node {
          id
          name
          groupCount
          groups(first: 10) {
            id
            name
            memberCount
            members(first: 5) {
              id
              groups(first: 10) {
                id
              }
            }
          }
        }
      }
    }
  }
`);

describe('entered through a root query', () => {
  it('loads users → groups → members → groups of 36 users in one statement', async () => {
    const { result, statements } = await countStatements(() =>
      app.gql(UsersGroupsMembersGroups, { first: 100 }),
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.users.edges.map((edge) => edge.node);
    const ours = nodes.filter((node) => community.userIds.includes(Number(atob(node.id).split(':')[1])));
    expect(ours).toHaveLength(36);
    expect(ours[0]!.groups.map((group) => group.id)).toEqual(community.groupIdsByUser[0]!.map(groupGlobalId));
    expect(ours[0]!.groups[0]!.members.length).toBeGreaterThan(0);
    expect(statements).toHaveLength(1);
  });
});

const UserWithConnections = graphql(`
  query LoadingUserConnections($id: ID!) {
    user(id: $id) {
      name
      groupsConnection(first: 2) {
        edges {
          joinedAt
          node {
            name
            membersConnection(first: 3) {
              edges {
                joinedAt
                node {
                  name
                  groups {
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

const ConnectionTotals = graphql(`
  query LoadingConnectionTotals {
    users(first: 1000) {
      totalCount
      edges {
        node {
          groupsConnection(first: 1) {
            totalCount
            edges {
              node {
                membersConnection(first: 1) {
                  totalCount
                }
              }
            }
          }
        }
      }
    }
  }
`);

const NodesWithRelations = graphql(`
  query LoadingNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on User {
        name
        groupCount
        groups {
          name
          members {
            name
          }
        }
      }
      ... on Group {
        name
        memberCount
        members {
          name
        }
      }
    }
  }
`);

const AddMemberDeep = graphql(`
  mutation LoadingAddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      added
      user {
        groupCount
        groups {
          name
          members {
            name
          }
        }
      }
      group {
        memberCount
        members {
          groups {
            name
          }
        }
      }
    }
  }
`);

describe('entered through a root query', () => {
  it('loads a user with nested junction connections and joinedAt in one statement', async () => {
    const { result, statements } = await countStatements(() =>
      app.gql(UserWithConnections, { id: userGlobalId(community.userIds[0]!) }),
    );
    expect(result.errors).toBeUndefined();
    const edges = result.data!.user!.groupsConnection.edges;
    expect(edges.map((edge) => edge.node.name)).toHaveLength(2);
    expect(edges[0]!.node.membersConnection.edges).toHaveLength(3);
    expect(statements).toHaveLength(1);
  });

  it('counts connection totals without a statement per parent', async () => {
    const { result, statements } = await countStatements(() => app.gql(ConnectionTotals));
    expect(result.errors).toBeUndefined();
    const users = result.data!.users;
    expect(users.edges.length).toBeGreaterThanOrEqual(36);
    // The page (with each group's member_count and each user's count of groups) + users.totalCount.
    expect(statements).toHaveLength(2);
  });
});

const UsersByIdsDeep = graphql(`
  query LoadingUsersByIds($ids: [ID!]!) {
    usersByIds(ids: $ids) {
      id
      groupCount
      groups(first: 10) {
        name
        memberCount
        members(first: 3) {
          name
          groups(first: 10) {
            id
          }
        }
      }
      groupsConnection(first: 2) {
        edges {
          joinedAt
        }
      }
    }
  }
`);

const GroupsByIds = graphql(`
  query LoadingGroupsByIds($ids: [ID!]!) {
    groupsByIds(ids: $ids) {
      id
      members {
        id
      }
    }
  }
`);

const NodeGroupDeep = graphql(`
  query LoadingNodeGroup($id: ID!) {
    node(id: $id) {
      ... on Group {
        memberCount
        members {
          name
          groups {
            name
            memberCount
          }
        }
      }
    }
  }
`);

describe('entered through the batch entry points for gateways', () => {
  it('usersByIds answers in the order asked, null for unknown IDs, in one statement however deep', async () => {
    const wanted = [
      community.userIds[5]!,
      2_000_000_000,
      ...community.userIds.slice(0, 30),
      community.userIds[5]!,
    ];
    const { result, statements } = await countStatements(() =>
      app.gql(UsersByIdsDeep, { ids: wanted.map(userGlobalId) }),
    );
    expect(result.errors).toBeUndefined();
    const users = result.data!.usersByIds;
    expect(users.map((user) => user?.id ?? null)).toEqual(
      wanted.map((id) => (id === 2_000_000_000 ? null : userGlobalId(id))),
    );
    expect(users[0]!.groups.map((group) => group.name)).toHaveLength(3);
    expect(users[0]!.groups[0]!.members[0]!.groups.length).toBeGreaterThan(0);
    expect(users[0]!.groupsConnection.edges).toHaveLength(2);
    expect(statements).toHaveLength(1);
  });

  it('groupsByIds does the same for groups', async () => {
    const wanted = [community.groupIds[2]!, community.groupIds[0]!, 2_000_000_000];
    const { result, statements } = await countStatements(() =>
      app.gql(GroupsByIds, { ids: wanted.map(groupGlobalId) }),
    );
    expect(result.data!.groupsByIds.map((group) => group?.id ?? null)).toEqual([
      groupGlobalId(wanted[0]!),
      groupGlobalId(wanted[1]!),
      null,
    ]);
    expect(result.data!.groupsByIds[0]!.members.length).toBeGreaterThan(0);
    expect(statements).toHaveLength(1);
  });

  it('refuses more than 1000 IDs with BAD_USER_INPUT before any SQL', async () => {
    const { result, statements } = await countStatements(() =>
      app.gql(GroupsByIds, { ids: Array.from({ length: 1001 }, (_, i) => groupGlobalId(i + 1)) }),
    );
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(statements).toHaveLength(0);
  });
});

describe('entered where the plugin cannot preload', () => {
  it('loads node(id) with nested relations and counts in one statement', async () => {
    const { result, statements } = await countStatements(() =>
      app.gql(NodeGroupDeep, { id: groupGlobalId(community.groupIds[0]!) }),
    );
    expect(result.errors).toBeUndefined();
    const group = result.data!.node;
    if (!group || !('members' in group)) throw new Error('expected a Group');
    expect(group.members).toHaveLength(group.memberCount);
    expect(group.members.length).toBeGreaterThan(2);
    expect(statements).toHaveLength(1);
  });

  it('loads nodes(ids) of both types with one statement per type and level', async () => {
    const ids = [...community.userIds.map(userGlobalId), ...community.groupIds.map(groupGlobalId)];
    // PostgreSQL builds this whole response (src/resolvers/sql-responses.ts). Through the
    // resolvers, as when a selection holds a field it does not answer: one statement for the users
    // with their groups and members, one for the groups.
    for (const [resolversOnly, expected] of [[false, 1] as const, [true, 2] as const]) {
      const { result, statements } = await countStatements(() =>
        app.gql(NodesWithRelations, { ids }, { resolversOnly }),
      );
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.nodes;
      expect(nodes.map((node) => node?.id)).toEqual(ids);
      const firstUser = nodes[0];
      expect(firstUser?.__typename === 'User' && firstUser.groups.map((group) => group.name)).toHaveLength(3);
      expect(statements).toHaveLength(expected);
    }
  });

  it('loads a membership payload with the write plus one statement per side', async () => {
    const input = {
      userId: userGlobalId(community.userIds[0]!),
      groupId: groupGlobalId(community.groupIds[5]!),
    };
    // Only a group's admins may add members. User 5 already belongs to group 5, so promoting
    // them leaves every count as it was.
    const admin = community.userIds[5]!;
    await makeAdmin(app.db, admin, [community.groupIds[5]!]);
    const { result, statements } = await countStatements(() =>
      app.gql(AddMemberDeep, { input }, { as: admin }),
    );
    expect(result.errors).toBeUndefined();
    const payload = result.data!.addMember;
    expect(payload.added).toBe(true);
    expect(payload.user.groupCount).toBe(4);
    expect(payload.user.groups.every((group) => group.members.length > 0)).toBe(true);
    expect(payload.group.members.length).toBe(payload.group.memberCount);
    // The insert with its own authorization check, then one statement per side of the payload,
    // however deep its selection.
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(/^with "access" as .*\(insert into "users_to_groups"/);
  });
});

const AddMemberOnly = graphql(`
  mutation LoadingAddMemberOnly($input: AddMemberInput!) {
    addMember(input: $input) {
      added
    }
  }
`);

const RemoveMemberOnly = graphql(`
  mutation LoadingRemoveMemberOnly($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removed
    }
  }
`);

// Workload W4 of the benchmark. The write checks who may make it (and that the viewer's account
// still exists) inside its own statement; the authorization is not a role lookup before it.
describe('membership writes, signed in', () => {
  const inputFor = (cast: Cast, userId: number) => ({
    input: { userId: userGlobalId(userId), groupId: groupGlobalId(cast.groupId) },
  });

  it('add a member, or find the pair already there, in one statement each', async () => {
    const cast = await createCast(app.db);
    const add = () =>
      countStatements(() => app.gql(AddMemberOnly, inputFor(cast, cast.outsider), { as: cast.admin }));
    const first = await add();
    expect(first.result.data?.addMember.added).toBe(true);
    expect(first.statements).toHaveLength(1);
    expect(first.statements[0]).toMatch(/^with "access" as .*\(insert into "users_to_groups"/);
    const again = await add();
    expect(again.result.data?.addMember.added).toBe(false);
    expect(again.statements).toHaveLength(1);
  });

  it('remove a member, let a member leave, and find an absent pair, in one statement each', async () => {
    const cast = await createCast(app.db);
    const remove = (userId: number, as: number) =>
      countStatements(() => app.gql(RemoveMemberOnly, inputFor(cast, userId), { as }));
    const removed = await remove(cast.member, cast.admin);
    const left = await remove(cast.otherMember, cast.otherMember);
    const absent = await remove(cast.outsider, cast.admin);
    expect([removed, left, absent].map(({ result }) => result.data?.removeMember.removed)).toEqual([
      true,
      true,
      false,
    ]);
    for (const { statements } of [removed, left, absent]) {
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/^with "access" as .*\(delete from "users_to_groups"/);
    }
  });

  it('refuse in that same one statement, and an anonymous caller in none', async () => {
    const cast = await createCast(app.db);
    const refused = await countStatements(() =>
      app.gql(AddMemberOnly, inputFor(cast, cast.outsider), { as: cast.member }),
    );
    expect(refused.result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(refused.statements).toHaveLength(1);
    const anonymous = await countStatements(() => app.gql(RemoveMemberOnly, inputFor(cast, cast.member)));
    expect(anonymous.result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(anonymous.statements).toHaveLength(0);
  });
});
