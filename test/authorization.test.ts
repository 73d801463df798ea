import { eq, inArray, or } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { groups, users, usersToGroups } from '../src/db/schema.ts';
import type { AuthGroupsWithRoleQuery } from './gql/graphql.ts';
import { graphql } from './gql/index.ts';
import { groupGlobalId, unique, userGlobalId } from './fixtures.ts';
import { errorCodes, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

/**
 * One group and the people around it: `admin` administers it, `member` and `otherMember`
 * belong to it, `outsider` is a user with no tie to it.
 */
interface Cast {
  groupId: number;
  admin: number;
  member: number;
  otherMember: number;
  outsider: number;
}

type Viewer = keyof Omit<Cast, 'groupId'> | 'anonymous';

async function createCast(): Promise<Cast> {
  const tag = unique('cast');
  const rows = await app.db
    .insert(users)
    .values(
      ['admin', 'member', 'otherMember', 'outsider'].map((role) => ({
        name: `${role} ${tag}`,
        email: `${role}.${tag}@example.com`,
      })),
    )
    .returning({ id: users.id });
  const [admin, member, otherMember, outsider] = rows.map((row) => row.id) as [
    number,
    number,
    number,
    number,
  ];
  const [group] = await app.db
    .insert(groups)
    .values({ name: `Group ${tag}` })
    .returning({ id: groups.id });
  const groupId = group!.id;
  await app.db.insert(usersToGroups).values([
    { userId: admin, groupId, role: 'ADMIN' },
    { userId: member, groupId },
    { userId: otherMember, groupId },
  ]);
  return { groupId, admin, member, otherMember, outsider };
}

/** Every row the cast's users, group and memberships have, to compare before and after a call. */
async function snapshot(cast: Cast) {
  const userIds = [cast.admin, cast.member, cast.otherMember, cast.outsider];
  return {
    users: await app.db.select().from(users).where(inArray(users.id, userIds)).orderBy(users.id),
    groups: await app.db.select().from(groups).where(eq(groups.id, cast.groupId)),
    memberships: await app.db
      .select()
      .from(usersToGroups)
      .where(or(eq(usersToGroups.groupId, cast.groupId), inArray(usersToGroups.userId, userIds)))
      .orderBy(usersToGroups.userId, usersToGroups.groupId),
  };
}

const UpdateUser = graphql(`
  mutation AuthUpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user {
        name
      }
    }
  }
`);
const DeleteUser = graphql(`
  mutation AuthDeleteUser($input: DeleteUserInput!) {
    deleteUser(input: $input) {
      deletedUserId
    }
  }
`);
const CreateGroup = graphql(`
  mutation AuthCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      group {
        name
        memberCount
        membersConnection {
          edges {
            role
            node {
              id
            }
          }
        }
      }
    }
  }
`);
const UpdateGroup = graphql(`
  mutation AuthUpdateGroup($input: UpdateGroupInput!) {
    updateGroup(input: $input) {
      group {
        name
      }
    }
  }
`);
const DeleteGroup = graphql(`
  mutation AuthDeleteGroup($input: DeleteGroupInput!) {
    deleteGroup(input: $input) {
      deletedGroupId
    }
  }
`);
const AddMember = graphql(`
  mutation AuthAddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      added
    }
  }
`);
const RemoveMember = graphql(`
  mutation AuthRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removed
    }
  }
`);
const SetMemberRole = graphql(`
  mutation AuthSetMemberRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) {
      changed
      role
    }
  }
`);

type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** A mutation aimed at the cast, and what it must have changed when it is allowed. */
interface Case {
  send(
    cast: Cast,
    as: number | undefined,
  ): Promise<{ errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;
  changed(
    cast: Cast,
    before: Awaited<ReturnType<typeof snapshot>>,
    after: Awaited<ReturnType<typeof snapshot>>,
  ): void;
  outcomes: Record<Viewer, Outcome>;
}

const cases: Record<string, Case> = {
  updateUser: {
    send: (cast, as) =>
      app.gql(UpdateUser, { input: { id: userGlobalId(cast.member), name: 'Renamed' } }, { as }),
    changed: (cast, _before, after) =>
      expect(after.users.find((user) => user.id === cast.member)?.name).toBe('Renamed'),
    outcomes: {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'FORBIDDEN',
      otherMember: 'FORBIDDEN',
      admin: 'FORBIDDEN',
      member: 'ok',
    },
  },
  deleteUser: {
    send: (cast, as) => app.gql(DeleteUser, { input: { id: userGlobalId(cast.member) } }, { as }),
    changed: (cast, _before, after) => expect(after.users.map((user) => user.id)).not.toContain(cast.member),
    outcomes: {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'FORBIDDEN',
      otherMember: 'FORBIDDEN',
      admin: 'FORBIDDEN',
      member: 'ok',
    },
  },
  updateGroup: {
    send: (cast, as) =>
      app.gql(UpdateGroup, { input: { id: groupGlobalId(cast.groupId), name: unique('renamed') } }, { as }),
    changed: (_cast, before, after) => expect(after.groups[0]?.name).not.toBe(before.groups[0]?.name),
    outcomes: {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'FORBIDDEN',
      otherMember: 'FORBIDDEN',
      member: 'FORBIDDEN',
      admin: 'ok',
    },
  },
  deleteGroup: {
    send: (cast, as) => app.gql(DeleteGroup, { input: { id: groupGlobalId(cast.groupId) } }, { as }),
    changed: (_cast, _before, after) => expect(after.groups).toEqual([]),
    outcomes: {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'FORBIDDEN',
      otherMember: 'FORBIDDEN',
      member: 'FORBIDDEN',
      admin: 'ok',
    },
  },
  addMember: {
    send: (cast, as) =>
      app.gql(
        AddMember,
        { input: { userId: userGlobalId(cast.outsider), groupId: groupGlobalId(cast.groupId) } },
        { as },
      ),
    changed: (cast, _before, after) =>
      expect(after.memberships).toContainEqual(
        expect.objectContaining({ userId: cast.outsider, groupId: cast.groupId, role: 'MEMBER' }),
      ),
    outcomes: {
      anonymous: 'UNAUTHENTICATED',
      // Not even to join by themselves: admins decide who is in.
      outsider: 'FORBIDDEN',
      otherMember: 'FORBIDDEN',
      member: 'FORBIDDEN',
      admin: 'ok',
    },
  },
  removeMember: {
    send: (cast, as) =>
      app.gql(
        RemoveMember,
        { input: { userId: userGlobalId(cast.member), groupId: groupGlobalId(cast.groupId) } },
        { as },
      ),
    changed: (cast, _before, after) =>
      expect(after.memberships.map((row) => row.userId)).not.toContain(cast.member),
    outcomes: {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'FORBIDDEN',
      otherMember: 'FORBIDDEN',
      member: 'ok',
      admin: 'ok',
    },
  },
  setMemberRole: {
    send: (cast, as) =>
      app.gql(
        SetMemberRole,
        { input: { userId: userGlobalId(cast.member), groupId: groupGlobalId(cast.groupId), role: 'ADMIN' } },
        { as },
      ),
    changed: (cast, _before, after) =>
      expect(after.memberships.find((row) => row.userId === cast.member)?.role).toBe('ADMIN'),
    outcomes: {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'FORBIDDEN',
      otherMember: 'FORBIDDEN',
      member: 'FORBIDDEN',
      admin: 'ok',
    },
  },
};

const matrix = Object.entries(cases).flatMap(([mutation, testCase]) =>
  Object.entries(testCase.outcomes).map(([viewer, outcome]) => ({
    mutation,
    viewer: viewer as Viewer,
    outcome,
    testCase,
  })),
);

describe('every mutation, for every kind of viewer', () => {
  it.each(matrix)('$mutation as $viewer: $outcome', async ({ viewer, outcome, testCase }) => {
    const cast = await createCast();
    const before = await snapshot(cast);
    const result = await testCase.send(cast, viewer === 'anonymous' ? undefined : cast[viewer]);
    const after = await snapshot(cast);
    if (outcome === 'ok') {
      expect(result.errors).toBeUndefined();
      testCase.changed(cast, before, after);
    } else {
      expect(errorCodes(result)).toEqual([outcome]);
      expect(after).toEqual(before);
    }
  });

  it('explains a refusal: who may, and which field', async () => {
    const cast = await createCast();
    const refused = await cases['removeMember']!.send(cast, cast.outsider);
    expect(refused.errors?.[0]?.message).toBe(
      'Only the group’s admins or the user themselves may use `Mutation.removeMember` here.',
    );
    const anonymous = await cases['addMember']!.send(cast, undefined);
    expect(anonymous.errors?.[0]?.message).toBe('Sign in first: send `Authorization: Bearer <token>`.');
  });

  it('lets anyone sign up with createUser', async () => {
    const CreateUser = graphql(`
      mutation AuthCreateUser($input: CreateUserInput!) {
        createUser(input: $input) {
          user {
            name
          }
        }
      }
    `);
    const result = await app.gql(CreateUser, {
      input: { name: 'Newcomer', email: `${unique('new')}@example.com` },
    });
    expect(result).toEqual({ data: { createUser: { user: { name: 'Newcomer' } } } });
  });
});

describe('createGroup', () => {
  it('makes the signed-in creator the group’s ADMIN in the same transaction', async () => {
    const cast = await createCast();
    const name = unique('created');
    const result = await app.gql(CreateGroup, { input: { name } }, { as: cast.outsider });
    expect(result.data?.createGroup.group).toEqual({
      name,
      memberCount: 1,
      membersConnection: { edges: [{ role: 'ADMIN', node: { id: userGlobalId(cast.outsider) } }] },
    });
  });

  it('creates nothing when the name is taken', async () => {
    const cast = await createCast();
    const [existing] = await app.db.select().from(groups).where(eq(groups.id, cast.groupId));
    const groupsBefore = await app.db.$count(groups);
    const membershipsBefore = await app.db.$count(usersToGroups);
    const result = await app.gql(CreateGroup, { input: { name: existing!.name } }, { as: cast.outsider });
    expect(errorCodes(result)).toEqual(['CONFLICT']);
    expect(await app.db.$count(groups)).toBe(groupsBefore);
    expect(await app.db.$count(usersToGroups)).toBe(membershipsBefore);
  });
});

describe('the last admin', () => {
  it('cannot leave, be removed, be demoted or delete their account; nothing changes', async () => {
    const cast = await createCast();
    const before = await snapshot(cast);
    const self = { userId: userGlobalId(cast.admin), groupId: groupGlobalId(cast.groupId) };
    const attempts = [
      await app.gql(RemoveMember, { input: self }, { as: cast.admin }),
      await app.gql(SetMemberRole, { input: { ...self, role: 'MEMBER' } }, { as: cast.admin }),
      await app.gql(DeleteUser, { input: { id: userGlobalId(cast.admin) } }, { as: cast.admin }),
    ];
    for (const attempt of attempts) expect(errorCodes(attempt)).toEqual(['LAST_ADMIN']);
    expect(attempts[0]?.errors?.[0]?.message).toMatch(
      /without an admin\. Make another member an admin first/,
    );
    expect(await snapshot(cast)).toEqual(before);
  });

  it('can step down once another member is an admin', async () => {
    const cast = await createCast();
    const promoted = await app.gql(
      SetMemberRole,
      { input: { userId: userGlobalId(cast.member), groupId: groupGlobalId(cast.groupId), role: 'ADMIN' } },
      { as: cast.admin },
    );
    expect(promoted.data?.setMemberRole).toEqual({ changed: true, role: 'ADMIN' });
    const left = await app.gql(
      RemoveMember,
      { input: { userId: userGlobalId(cast.admin), groupId: groupGlobalId(cast.groupId) } },
      { as: cast.admin },
    );
    expect(left.data?.removeMember).toEqual({ removed: true });
  });

  it('survives two admins demoting each other at the same moment', async () => {
    // Repeated, because a lost race needs the two transactions to overlap.
    for (let round = 0; round < 10; round += 1) {
      const cast = await createCast();
      await app.db.update(usersToGroups).set({ role: 'ADMIN' }).where(eq(usersToGroups.userId, cast.member));
      const demote = (target: number, as: number) =>
        app.gql(
          SetMemberRole,
          { input: { userId: userGlobalId(target), groupId: groupGlobalId(cast.groupId), role: 'MEMBER' } },
          { as },
        );
      const results = await Promise.all([demote(cast.member, cast.admin), demote(cast.admin, cast.member)]);
      const adminRows = (await snapshot(cast)).memberships.filter((row) => row.role === 'ADMIN');
      expect(adminRows).toHaveLength(1);
      // One demotion went through; the other was refused (LAST_ADMIN) or found its caller no
      // longer an admin (FORBIDDEN), depending on which ran first.
      const codes = results.map((result) => errorCodes(result)?.[0] ?? 'ok').sort();
      expect(codes[0]).toMatch(/^(FORBIDDEN|LAST_ADMIN)$/);
      expect(codes[1]).toBe('ok');
    }
  });
});

const ViewerEmail = graphql(`
  query AuthViewerEmail($id: ID!) {
    viewer {
      id
      email
    }
    user(id: $id) {
      email
    }
  }
`);

describe('User.email', () => {
  it('is visible to the user themselves and null, without an error, for everyone else', async () => {
    const cast = await createCast();
    const [member] = await app.db.select().from(users).where(eq(users.id, cast.member));
    const id = userGlobalId(cast.member);
    expect(await app.gql(ViewerEmail, { id }, { as: cast.member })).toEqual({
      data: { viewer: { id, email: member!.email }, user: { email: member!.email } },
    });
    expect(await app.gql(ViewerEmail, { id }, { as: cast.admin })).toEqual({
      data: { viewer: { id: userGlobalId(cast.admin), email: expect.any(String) }, user: { email: null } },
    });
    expect(await app.gql(ViewerEmail, { id })).toEqual({ data: { viewer: null, user: { email: null } } });
  });
});

describe('membership connections', () => {
  it('show each member’s role on the edge', async () => {
    const cast = await createCast();
    const Roles = graphql(`
      query AuthRoles($id: ID!) {
        group(id: $id) {
          membersConnection {
            edges {
              role
              node {
                id
              }
            }
          }
        }
      }
    `);
    const result = await app.gql(Roles, { id: groupGlobalId(cast.groupId) });
    expect(result.data?.group?.membersConnection.edges).toEqual([
      { role: 'ADMIN', node: { id: userGlobalId(cast.admin) } },
      { role: 'MEMBER', node: { id: userGlobalId(cast.member) } },
      { role: 'MEMBER', node: { id: userGlobalId(cast.otherMember) } },
    ]);
  });
});

describe('Group.viewerRole', () => {
  const GroupsWithRole = graphql(`
    query AuthGroupsWithRole {
      groups(first: 1000) {
        edges {
          node {
            id
            viewerRole
          }
        }
      }
    }
  `);

  it('gives the viewer’s role in each group with one statement for all of them', async () => {
    const cast = await createCast();
    await createCast();
    const roleIn = (result: { data?: AuthGroupsWithRoleQuery | null | undefined }) =>
      result.data?.groups.edges.find((edge) => edge.node.id === groupGlobalId(cast.groupId))?.node.viewerRole;

    app.statements.length = 0;
    const asAdmin = await app.gql(GroupsWithRole, {}, { as: cast.admin });
    expect(roleIn(asAdmin)).toBe('ADMIN');
    // The planned query for the groups, and one batched lookup of the viewer's roles.
    expect(app.statements).toHaveLength(2);
    expect(asAdmin.data?.groups.edges.length).toBeGreaterThan(1);

    expect(roleIn(await app.gql(GroupsWithRole, {}, { as: cast.member }))).toBe('MEMBER');
    expect(roleIn(await app.gql(GroupsWithRole, {}, { as: cast.outsider }))).toBeNull();

    app.statements.length = 0;
    const anonymous = await app.gql(GroupsWithRole, {});
    expect(anonymous.data?.groups.edges.every((edge) => edge.node.viewerRole === null)).toBe(true);
    expect(app.statements).toHaveLength(1);
  });
});
