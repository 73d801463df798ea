import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/db/schema.ts';
import { graphql } from './gql/index.ts';
import {
  type Cast,
  createCast,
  groupGlobalId,
  snapshot,
  unique,
  userGlobalId,
  type Viewer,
} from './fixtures.ts';
import { errorCodes, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

// Who may call each mutation; the rules about roles themselves are in membership-role.test.ts.

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

const CreateUser = graphql(`
  mutation AuthCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        name
      }
    }
  }
`);

const everyone = { anonymous: 'ok', outsider: 'ok', otherMember: 'ok', member: 'ok', admin: 'ok' } as const;

const cases: Record<string, Case> = {
  createUser: {
    // Sign-up: anyone, signed in or not.
    send: (_cast, as) =>
      app.gql(CreateUser, { input: { name: 'Newcomer', email: `${unique('new')}@example.com` } }, { as }),
    changed: (_cast, before, after) => expect(after.totals[0]).toBe(before.totals[0]! + 1),
    outcomes: everyone,
  },
  createGroup: {
    send: (_cast, as) => app.gql(CreateGroup, { input: { name: unique('created') } }, { as }),
    // The group, and its creator's ADMIN membership.
    changed: (_cast, before, after) =>
      expect(after.totals.slice(1)).toEqual([before.totals[1]! + 1, before.totals[2]! + 1]),
    outcomes: { ...everyone, anonymous: 'UNAUTHENTICATED' },
  },
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
    const cast = await createCast(app.db);
    const before = await snapshot(app.db, cast);
    const result = await testCase.send(cast, viewer === 'anonymous' ? undefined : cast[viewer]);
    const after = await snapshot(app.db, cast);
    if (outcome === 'ok') {
      expect(result.errors).toBeUndefined();
      testCase.changed(cast, before, after);
    } else {
      expect(errorCodes(result)).toEqual([outcome]);
      expect(after).toEqual(before);
    }
  });

  it('explains a refusal: who may, and which field', async () => {
    const cast = await createCast(app.db);
    const refused = await cases['removeMember']!.send(cast, cast.outsider);
    expect(refused.errors?.[0]?.message).toBe(
      'Only the group’s admins or the user themselves may use `Mutation.removeMember` here.',
    );
    const anonymous = await cases['addMember']!.send(cast, undefined);
    expect(anonymous.errors?.[0]?.message).toBe('Sign in first: send `Authorization: Bearer <token>`.');
  });
});

describe('when more than one refusal applies', () => {
  const missing = 2_000_000_000;
  const membership = (userId: number, groupId: number) => ({
    input: { userId: userGlobalId(userId), groupId: groupGlobalId(groupId) },
  });
  const outcome = (result: {
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  }) => `${String(errorCodes(result)?.[0])}: ${result.errors?.[0]?.message}`;

  it('answers in order: sign in, then an unknown group, then a gone account, then who may', async () => {
    const cast = await createCast(app.db);
    const gone = await createCast(app.db);
    // A token that outlived its user: the outsider has no memberships, so nothing cascades.
    await app.db.delete(users).where(eq(users.id, gone.outsider));
    const results = {
      anonymousUnknownGroup: await app.gql(AddMember, membership(missing, missing)),
      outsiderUnknownGroup: await app.gql(AddMember, membership(cast.outsider, missing), {
        as: cast.outsider,
      }),
      leavingUnknownGroup: await app.gql(RemoveMember, membership(cast.member, missing), { as: cast.member }),
      goneUnknownGroup: await app.gql(RemoveMember, membership(cast.member, missing), { as: gone.outsider }),
      goneAdding: await app.gql(AddMember, membership(cast.outsider, gone.groupId), { as: gone.outsider }),
      goneLeaving: await app.gql(RemoveMember, membership(gone.outsider, gone.groupId), {
        as: gone.outsider,
      }),
      // The insert never runs, so the unknown user goes unnoticed.
      memberAddingUnknownUser: await app.gql(AddMember, membership(missing, cast.groupId), {
        as: cast.member,
      }),
      memberRemovingUnknownUser: await app.gql(RemoveMember, membership(missing, cast.groupId), {
        as: cast.member,
      }),
      adminAddingUnknownUser: await app.gql(AddMember, membership(missing, cast.groupId), { as: cast.admin }),
      adminRemovingUnknownUser: await app.gql(RemoveMember, membership(missing, cast.groupId), {
        as: cast.admin,
      }),
    };
    expect(Object.fromEntries(Object.entries(results).map(([name, result]) => [name, outcome(result)])))
      .toMatchInlineSnapshot(`
      {
        "adminAddingUnknownUser": "NOT_FOUND: No user has this ID. It may have been deleted.",
        "adminRemovingUnknownUser": "NOT_FOUND: No user has this ID. It may have been deleted.",
        "anonymousUnknownGroup": "UNAUTHENTICATED: Sign in first: send \`Authorization: Bearer <token>\`.",
        "goneAdding": "UNAUTHENTICATED: The token names a user that does not exist (any more). Get a new token.",
        "goneLeaving": "UNAUTHENTICATED: The token names a user that does not exist (any more). Get a new token.",
        "goneUnknownGroup": "NOT_FOUND: No group has this ID. It may have been deleted.",
        "leavingUnknownGroup": "NOT_FOUND: No group has this ID. It may have been deleted.",
        "memberAddingUnknownUser": "FORBIDDEN: Only the group’s admins may use \`Mutation.addMember\` here.",
        "memberRemovingUnknownUser": "FORBIDDEN: Only the group’s admins or the user themselves may use \`Mutation.removeMember\` here.",
        "outsiderUnknownGroup": "NOT_FOUND: No group has this ID. It may have been deleted.",
      }
    `);
  });
});
