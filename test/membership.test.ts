import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { usersToGroups } from '../src/db/schema.ts';
import { graphql } from './gql/index.ts';
import { createAdmin, createCommunity, groupGlobalId, makeAdmin, unique, userGlobalId } from './fixtures.ts';
import { errorCodes, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

const AddMember = graphql(`
  mutation MembershipAdd($input: AddMemberInput!) {
    addMember(input: $input) {
      added
      user {
        id
        groupCount
        groups {
          id
        }
      }
      group {
        id
        memberCount
        members {
          id
        }
      }
    }
  }
`);

const RemoveMember = graphql(`
  mutation MembershipRemove($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removed
      user {
        groupCount
      }
      group {
        memberCount
        members {
          id
        }
      }
    }
  }
`);

const DeleteUserForMembership = graphql(`
  mutation MembershipDeleteUser($input: DeleteUserInput!) {
    deleteUser(input: $input) {
      deletedUserId
    }
  }
`);

const GroupMembersPage = graphql(`
  query MembershipMembersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    group(id: $id) {
      memberCount
      membersConnection(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges {
          cursor
          joinedAt
          role
          node {
            id
          }
        }
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
      }
    }
  }
`);

const UserGroupsList = graphql(`
  query MembershipUserGroups($id: ID!, $first: Int) {
    user(id: $id) {
      groups(first: $first) {
        id
      }
      groupsConnection(first: $first) {
        totalCount
        edges {
          joinedAt
          node {
            id
          }
        }
      }
    }
  }
`);

/**
 * One fresh user and group, the user a member of nothing. Only a group's admins may change its
 * members, so the group has one: `adminId`, its only member until a test adds the user.
 */
async function pair() {
  const community = await createCommunity(app.db, { userCount: 1, groupCount: 1, groupsPerUser: 0 });
  const adminId = await createAdmin(app.db, community.groupIds);
  return {
    userId: userGlobalId(community.userIds[0]!),
    groupId: groupGlobalId(community.groupIds[0]!),
    adminId,
    community,
  };
}

async function membershipRows(userId: number) {
  const [row] = await app.db
    .select({ total: count() })
    .from(usersToGroups)
    .where(eq(usersToGroups.userId, userId));
  return row!.total;
}

describe('addMember', () => {
  it('adds the membership and returns both refreshed sides', async () => {
    const input = await pair();
    const result = await app.gql(
      AddMember,
      { input: { userId: input.userId, groupId: input.groupId } },
      { as: input.adminId },
    );
    expect(result.errors).toBeUndefined();
    // The admin was created after the user, so lists them second (members are ordered by ID).
    expect(result.data!.addMember).toEqual({
      added: true,
      user: { id: input.userId, groupCount: 1, groups: [{ id: input.groupId }] },
      group: {
        id: input.groupId,
        memberCount: 2,
        members: [{ id: input.userId }, { id: userGlobalId(input.adminId) }],
      },
    });
  });

  it('is idempotent: adding an existing membership succeeds with added: false', async () => {
    const { userId, groupId, adminId, community } = await pair();
    await app.gql(AddMember, { input: { userId, groupId } }, { as: adminId });
    const again = await app.gql(AddMember, { input: { userId, groupId } }, { as: adminId });
    expect(again.errors).toBeUndefined();
    expect(again.data!.addMember.added).toBe(false);
    expect(again.data!.addMember.group.memberCount).toBe(2);
    expect(await membershipRows(community.userIds[0]!)).toBe(1);
  });

  it('lets exactly one of many concurrent adds of the same pair report added: true', async () => {
    const { userId, groupId, adminId, community } = await pair();
    const results = await Promise.all(
      Array.from({ length: 24 }, () => app.gql(AddMember, { input: { userId, groupId } }, { as: adminId })),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(results.filter((result) => result.data!.addMember.added)).toHaveLength(1);
    expect(await membershipRows(community.userIds[0]!)).toBe(1);
  });

  it('answers NOT_FOUND naming the missing side, and writes nothing', async () => {
    const { userId, groupId, adminId, community } = await pair();
    const missingUser = await app.gql(
      AddMember,
      { input: { userId: userGlobalId(2_000_000_000), groupId } },
      { as: adminId },
    );
    expect(errorCodes(missingUser)).toEqual(['NOT_FOUND']);
    expect(missingUser.errors![0]!.message).toMatch(/^No user has this ID/);
    // A group that does not exist has no admins; the authorization check itself says NOT_FOUND.
    const missingGroup = await app.gql(
      AddMember,
      { input: { userId, groupId: groupGlobalId(2_000_000_000) } },
      { as: adminId },
    );
    expect(errorCodes(missingGroup)).toEqual(['NOT_FOUND']);
    expect(missingGroup.errors![0]!.message).toMatch(/^No group has this ID/);
    expect(JSON.stringify([missingUser, missingGroup])).not.toMatch(/foreign key|constraint|insert/i);
    expect(await membershipRows(community.userIds[0]!)).toBe(0);
  });

  it('refuses IDs of the wrong type or shape with BAD_USER_INPUT before any SQL', async () => {
    const { userId, groupId, adminId } = await pair();
    app.statements.length = 0;
    // Signed in, so the IDs are refused before the authorization check's own SQL as well.
    const as = { as: adminId };
    const swapped = await app.gql(AddMember, { input: { userId: groupId, groupId: userId } }, as);
    expect(errorCodes(swapped)).toEqual(['BAD_USER_INPUT']);
    const garbage = await app.gql(AddMember, { input: { userId: '%%%', groupId } }, as);
    expect(errorCodes(garbage)).toEqual(['BAD_USER_INPUT']);
    const outOfRange = await app.gql(AddMember, { input: { userId: btoa('User:99999999999'), groupId } }, as);
    expect(errorCodes(outOfRange)).toEqual(['BAD_USER_INPUT']);
    expect(app.statements).toEqual([]);
  });
});

describe('removeMember', () => {
  it('removes the membership once; removing it again succeeds with removed: false', async () => {
    const { userId, groupId, adminId, community } = await pair();
    await app.gql(AddMember, { input: { userId, groupId } }, { as: adminId });
    const removed = await app.gql(RemoveMember, { input: { userId, groupId } }, { as: adminId });
    expect(removed.data!.removeMember).toEqual({
      removed: true,
      user: { groupCount: 0 },
      group: { memberCount: 1, members: [{ id: userGlobalId(adminId) }] },
    });
    const again = await app.gql(RemoveMember, { input: { userId, groupId } }, { as: adminId });
    expect(again.errors).toBeUndefined();
    expect(again.data!.removeMember.removed).toBe(false);
    expect(await membershipRows(community.userIds[0]!)).toBe(0);
  });

  it('lets exactly one of many concurrent removes report removed: true', async () => {
    const { userId, groupId, adminId } = await pair();
    await app.gql(AddMember, { input: { userId, groupId } }, { as: adminId });
    const results = await Promise.all(
      Array.from({ length: 24 }, () =>
        app.gql(RemoveMember, { input: { userId, groupId } }, { as: adminId }),
      ),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(results.filter((result) => result.data!.removeMember.removed)).toHaveLength(1);
  });

  it('answers NOT_FOUND when the user or group does not exist', async () => {
    const { userId, groupId, adminId } = await pair();
    const missingUser = await app.gql(
      RemoveMember,
      { input: { userId: userGlobalId(2_000_000_000), groupId } },
      { as: adminId },
    );
    expect(errorCodes(missingUser)).toEqual(['NOT_FOUND']);
    const missingGroup = await app.gql(
      RemoveMember,
      { input: { userId, groupId: groupGlobalId(2_000_000_000) } },
      { as: adminId },
    );
    expect(errorCodes(missingGroup)).toEqual(['NOT_FOUND']);
  });
});

describe('deleting a member', () => {
  it('removes their memberships from every group', async () => {
    const community = await createCommunity(app.db, {
      userCount: 3,
      groupCount: 2,
      groupsPerUser: 2,
    });
    const groupId = groupGlobalId(community.groupIds[0]!);
    // Only the user themselves may delete their account.
    const deleted = await app.gql(
      DeleteUserForMembership,
      { input: { id: userGlobalId(community.userIds[0]!) } },
      { as: community.userIds[0]! },
    );
    expect(deleted.errors).toBeUndefined();
    const group = (await app.gql(GroupMembersPage, { id: groupId, first: 10 })).data!.group!;
    expect(group.memberCount).toBe(2);
    expect(group.membersConnection.totalCount).toBe(2);
    expect(await membershipRows(community.userIds[0]!)).toBe(0);
  });
});

describe('membersConnection and groupsConnection', () => {
  it('page members by user ID with joinedAt and role on every edge, forward and backward', async () => {
    const community = await createCommunity(app.db, {
      userCount: 7,
      groupCount: 1,
      groupsPerUser: 1,
    });
    // Promotes an existing member, so the counts stay at 7.
    await makeAdmin(app.db, community.userIds[1]!, community.groupIds);
    const id = groupGlobalId(community.groupIds[0]!);
    const expected = community.userIds.map(userGlobalId);

    const first = (await app.gql(GroupMembersPage, { id, first: 3 })).data!.group!;
    expect(first.memberCount).toBe(7);
    expect(first.membersConnection.totalCount).toBe(7);
    expect(first.membersConnection.edges.map((edge) => edge.node.id)).toEqual(expected.slice(0, 3));
    expect(first.membersConnection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    for (const edge of first.membersConnection.edges) {
      expect(Date.parse(edge.joinedAt)).toBeGreaterThan(Date.now() - 60_000);
    }
    expect(first.membersConnection.edges.map((edge) => edge.role)).toEqual(['MEMBER', 'ADMIN', 'MEMBER']);

    const after = first.membersConnection.pageInfo.endCursor;
    const second = (await app.gql(GroupMembersPage, { id, first: 10, after })).data!.group!;
    expect(second.membersConnection.edges.map((edge) => edge.node.id)).toEqual(expected.slice(3));
    expect(second.membersConnection.pageInfo.hasNextPage).toBe(false);

    const before = second.membersConnection.pageInfo.startCursor;
    const back = (await app.gql(GroupMembersPage, { id, last: 2, before })).data!.group!;
    expect(back.membersConnection.edges.map((edge) => edge.node.id)).toEqual(expected.slice(1, 3));
  });

  it('lists a user’s groups in ID order, the list and the connection agreeing', async () => {
    const community = await createCommunity(app.db, {
      userCount: 1,
      groupCount: 6,
      groupsPerUser: 6,
    });
    const id = userGlobalId(community.userIds[0]!);
    const user = (await app.gql(UserGroupsList, { id, first: 4 })).data!.user!;
    const expected = community.groupIdsByUser[0]!.slice(0, 4).map(groupGlobalId);
    expect(user.groups.map((group) => group.id)).toEqual(expected);
    expect(user.groupsConnection.edges.map((edge) => edge.node.id)).toEqual(expected);
    expect(user.groupsConnection.totalCount).toBe(6);
    const none = (await app.gql(UserGroupsList, { id, first: 0 })).data!.user!;
    expect(none.groups).toEqual([]);
  });

  it('refuses a list page larger than 1000 with BAD_USER_INPUT instead of truncating', async () => {
    const { userId } = await pair();
    app.statements.length = 0;
    const result = await app.gql(UserGroupsList, { id: userId, first: 1001 });
    expect(errorCodes(result)).toContain('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toContain('`first` must be between 0 and 1000');
    expect(app.statements).toEqual([]);
  });
});
