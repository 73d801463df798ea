import { and, eq, inArray } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { groups, users, usersToGroups } from '../src/db/schema.ts';
import { graphql } from './gql/index.ts';
import { createCast, createCommunity, groupGlobalId, unique, userGlobalId } from './fixtures.ts';
import { errorCodes, selectRows, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

const AddMembers = graphql(`
  mutation BulkAddMembers($input: AddMembersInput!) {
    addMembers(input: $input) {
      addedCount
      results {
        userId
        added
        user {
          id
          name
          groups {
            id
          }
        }
      }
      group {
        id
        memberCount
      }
    }
  }
`);

const RemoveMembers = graphql(`
  mutation BulkRemoveMembers($input: RemoveMembersInput!) {
    removeMembers(input: $input) {
      removedCount
      results {
        userId
        removed
        user {
          id
        }
      }
      group {
        memberCount
      }
    }
  }
`);

const AddMember = graphql(`
  mutation BulkSingleAdd($input: AddMemberInput!) {
    addMember(input: $input) {
      added
    }
  }
`);

const RemoveMember = graphql(`
  mutation BulkSingleRemove($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removed
    }
  }
`);

async function newUsers(count: number): Promise<number[]> {
  const tag = unique('bulk');
  const rows = await app.db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        name: `Bulk ${i} ${tag}`,
        email: `${i}.${tag}@example.com`,
      })),
    )
    .returning({ id: users.id });
  return rows.map((row) => row.id);
}

async function membershipsOf(groupId: number) {
  return app.db
    .select({ userId: usersToGroups.userId, role: usersToGroups.role })
    .from(usersToGroups)
    .where(eq(usersToGroups.groupId, groupId))
    .orderBy(usersToGroups.userId);
}

async function memberCountOf(groupId: number): Promise<number> {
  const [group] = await app.db
    .select({ memberCount: groups.memberCount })
    .from(groups)
    .where(eq(groups.id, groupId));
  return group!.memberCount;
}

/** A user ID no row has: past every ID handed out so far. */
async function unknownUserId(): Promise<number> {
  const [row] = await selectRows<{ max: number }>(app.db, sql`select max(id) as max from users`);
  return Number(row!.max) + 1_000_000;
}

describe('addMembers', () => {
  it('adds every new user in one statement, keeps existing members and their roles, and reports each', async () => {
    const cast = await createCast(app.db);
    const fresh = await newUsers(3);
    const missing = await unknownUserId();
    const named = [fresh[0]!, cast.member, missing, fresh[1]!, cast.admin, fresh[2]!];
    app.statements.length = 0;
    const result = await app.gql(
      AddMembers,
      { input: { groupId: groupGlobalId(cast.groupId), userIds: named.map(userGlobalId) } },
      { as: cast.admin },
    );
    // The write, the results' users, their groups (one statement per level), the payload's group.
    expect(app.statements).toHaveLength(4);
    const payload = result.data!.addMembers;
    expect(payload.results.map((entry) => [entry.userId, entry.added])).toEqual(
      named.map((id) => [userGlobalId(id), fresh.includes(id)]),
    );
    expect(payload.addedCount).toBe(3);
    // The unknown user alone is an error; the rest of the call stands.
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(result.errors![0]!.path).toEqual(['addMembers', 'results', 2, 'user']);
    expect(payload.results[2]!.user).toBeNull();
    expect(payload.results[0]!.user!.groups.map((group) => group.id)).toEqual([groupGlobalId(cast.groupId)]);

    const rows = await membershipsOf(cast.groupId);
    expect(rows).toEqual(
      [
        { userId: cast.admin, role: 'ADMIN' },
        { userId: cast.member, role: 'MEMBER' },
        { userId: cast.otherMember, role: 'MEMBER' },
        ...fresh.map((userId) => ({ userId, role: 'MEMBER' })),
      ].sort((a, b) => a.userId - b.userId),
    );
    expect(payload.group.memberCount).toBe(rows.length);
    expect(await memberCountOf(cast.groupId)).toBe(rows.length);
  });

  it('gives the new members the role asked for, and adding them again changes nothing', async () => {
    const cast = await createCast(app.db);
    const fresh = await newUsers(2);
    const input = {
      groupId: groupGlobalId(cast.groupId),
      userIds: fresh.map(userGlobalId),
      role: 'ADMIN' as const,
    };
    const first = await app.gql(AddMembers, { input }, { as: cast.admin });
    expect(first.errors).toBeUndefined();
    const again = await app.gql(
      AddMembers,
      { input: { ...input, role: 'MEMBER' as const } },
      { as: cast.admin },
    );
    expect(again.data!.addMembers.addedCount).toBe(0);
    const roles = await app.db
      .select({ role: usersToGroups.role })
      .from(usersToGroups)
      .where(and(eq(usersToGroups.groupId, cast.groupId), inArray(usersToGroups.userId, fresh)));
    expect(roles.map((row) => row.role)).toEqual(['ADMIN', 'ADMIN']);
    expect(await memberCountOf(cast.groupId)).toBe(5);
  });

  it('is for the group’s admins only: a member is FORBIDDEN, an anonymous caller UNAUTHENTICATED, nothing written', async () => {
    const cast = await createCast(app.db);
    const [fresh] = await newUsers(1);
    const input = { groupId: groupGlobalId(cast.groupId), userIds: [userGlobalId(fresh!)] };
    const asMember = await app.gql(AddMembers, { input }, { as: cast.member });
    expect(errorCodes(asMember)).toEqual(['FORBIDDEN']);
    expect(asMember.errors![0]!.message).toMatch(/Only the group’s admins may use `Mutation.addMembers`/);
    const anonymous = await app.gql(AddMembers, { input });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await membershipsOf(cast.groupId)).toHaveLength(3);
  });

  it('answers NOT_FOUND for an unknown group', async () => {
    const cast = await createCast(app.db);
    const input = {
      groupId: groupGlobalId(cast.groupId + 1_000_000),
      userIds: [userGlobalId(cast.outsider)],
    };
    const result = await app.gql(AddMembers, { input }, { as: cast.admin });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });
});

describe('removeMembers', () => {
  it('removes every named member in one statement and reports each', async () => {
    const cast = await createCast(app.db);
    const missing = await unknownUserId();
    const named = [cast.member, cast.outsider, missing, cast.otherMember];
    app.statements.length = 0;
    const result = await app.gql(
      RemoveMembers,
      { input: { groupId: groupGlobalId(cast.groupId), userIds: named.map(userGlobalId) } },
      { as: cast.admin },
    );
    // The write, then the results' users, then the group.
    expect(app.statements).toHaveLength(3);
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    expect(result.errors![0]!.path).toEqual(['removeMembers', 'results', 2, 'user']);
    const payload = result.data!.removeMembers;
    expect(payload.results.map((entry) => entry.removed)).toEqual([true, false, false, true]);
    expect(payload.removedCount).toBe(2);
    expect(await membershipsOf(cast.groupId)).toEqual([{ userId: cast.admin, role: 'ADMIN' }]);
    expect(payload.group.memberCount).toBe(1);
  });

  it('lets a member name only themselves', async () => {
    const cast = await createCast(app.db);
    const groupId = groupGlobalId(cast.groupId);
    const others = await app.gql(
      RemoveMembers,
      { input: { groupId, userIds: [userGlobalId(cast.member), userGlobalId(cast.otherMember)] } },
      { as: cast.member },
    );
    expect(errorCodes(others)).toEqual(['FORBIDDEN']);
    expect(await membershipsOf(cast.groupId)).toHaveLength(3);
    const leaving = await app.gql(
      RemoveMembers,
      { input: { groupId, userIds: [userGlobalId(cast.member)] } },
      { as: cast.member },
    );
    expect(leaving.data!.removeMembers.results[0]!.removed).toBe(true);
    expect(await membershipsOf(cast.groupId)).toHaveLength(2);
  });

  it('removes admins too while one remains, and fails whole with LAST_ADMIN, writing nothing, when none would', async () => {
    const cast = await createCast(app.db);
    const groupId = groupGlobalId(cast.groupId);
    const [secondAdmin] = await newUsers(1);
    await app.db.insert(usersToGroups).values({ userId: secondAdmin!, groupId: cast.groupId, role: 'ADMIN' });
    const before = await membershipsOf(cast.groupId);

    const all = await app.gql(
      RemoveMembers,
      { input: { groupId, userIds: [cast.member, cast.admin, secondAdmin!].map(userGlobalId) } },
      { as: cast.admin },
    );
    expect(errorCodes(all)).toEqual(['LAST_ADMIN']);
    expect(await membershipsOf(cast.groupId)).toEqual(before);
    expect(await memberCountOf(cast.groupId)).toBe(before.length);

    const oneAdmin = await app.gql(
      RemoveMembers,
      { input: { groupId, userIds: [cast.member, secondAdmin!].map(userGlobalId) } },
      { as: cast.admin },
    );
    expect(oneAdmin.errors).toBeUndefined();
    expect(oneAdmin.data!.removeMembers.removedCount).toBe(2);
    expect(await membershipsOf(cast.groupId)).toEqual([
      { userId: cast.admin, role: 'ADMIN' },
      { userId: cast.otherMember, role: 'MEMBER' },
    ]);
    expect(await memberCountOf(cast.groupId)).toBe(2);
  });
});

describe('bulk input', () => {
  const BulkAddOnly = graphql(`
    mutation BulkAddOnly($input: AddMembersInput!) {
      addMembers(input: $input) {
        addedCount
      }
    }
  `);

  it.each([
    ['more than 1000 IDs', 1001, /at most 1000 users; got 1001/],
    ['the same ID twice', 0, /names the same user twice \(at position 2\)/],
  ])('%s is BAD_USER_INPUT before any SQL', async (_name, size, message) => {
    const cast = await createCast(app.db);
    const userIds =
      size > 0
        ? Array.from({ length: size }, (_, i) => userGlobalId(i + 1))
        : [cast.member, cast.outsider, cast.member].map(userGlobalId);
    app.statements.length = 0;
    const result = await app.gql(
      BulkAddOnly,
      { input: { groupId: groupGlobalId(cast.groupId), userIds } },
      { as: cast.admin },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(message);
    // The viewer's token may be checked; nothing reads or writes memberships.
    expect(app.statements.filter((statement) => statement.includes('users_to_groups'))).toEqual([]);
  });
});

describe('under concurrency', () => {
  it('keeps the member count exact, and deadlocks nothing, while single and bulk changes overlap', async () => {
    const community = await createCommunity(app.db, { userCount: 80, groupCount: 2, groupsPerUser: 0 });
    const groupId = community.groupIds[0]!;
    const [adminId] = await newUsers(1);
    await app.db.insert(usersToGroups).values({ userId: adminId!, groupId, role: 'ADMIN' });
    const as = { as: adminId! };
    const people = community.userIds;
    const bulk = { groupId: groupGlobalId(groupId), userIds: people.map(userGlobalId) };
    const single = (i: number) => ({ userId: userGlobalId(people[i]!), groupId: groupGlobalId(groupId) });
    for (let round = 0; round < 6; round += 1) {
      // Single adds of users the bulk add also names, late in its order: a writer that locked the
      // group at its first row would wait for them while they wait for the group.
      const adds = await Promise.all([
        app.gql(AddMembers, { input: bulk }, as),
        ...Array.from({ length: 8 }, (_, k) => app.gql(AddMember, { input: single(79 - k * 3 - round) }, as)),
      ]);
      for (const result of adds) expect(result.errors).toBeUndefined();
      expect(await memberCountOf(groupId)).toBe(81);
      const removes = await Promise.all([
        app.gql(RemoveMembers, { input: bulk }, as),
        ...Array.from({ length: 8 }, (_, k) =>
          app.gql(RemoveMember, { input: single(78 - k * 3 - round) }, as),
        ),
      ]);
      for (const result of removes) expect(result.errors).toBeUndefined();
      expect(await memberCountOf(groupId)).toBe(1);
      expect(await membershipsOf(groupId)).toEqual([{ userId: adminId!, role: 'ADMIN' }]);
    }
  });
});
