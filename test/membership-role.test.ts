import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { groups, users, usersToGroups } from '../src/db/schema.ts';
import type { AuthGroupsWithRoleQuery } from './gql/graphql.ts';
import { graphql } from './gql/index.ts';
import { createCast, groupGlobalId, snapshot, unique, userGlobalId } from './fixtures.ts';
import { errorCodes, startTestApp, type TestApp } from './harness.ts';

// Roles: the creator administers a new group, a group keeps an ADMIN, and what each viewer sees.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

const CreateGroup = graphql(`
  mutation RoleCreateGroup($input: CreateGroupInput!) {
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
const RemoveMember = graphql(`
  mutation RoleRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removed
    }
  }
`);
const SetMemberRole = graphql(`
  mutation RoleSetMemberRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) {
      changed
      role
    }
  }
`);
const DeleteUser = graphql(`
  mutation RoleDeleteUser($input: DeleteUserInput!) {
    deleteUser(input: $input) {
      deletedUserId
    }
  }
`);

describe('createGroup', () => {
  it('makes the signed-in creator the group’s ADMIN in the same transaction', async () => {
    const cast = await createCast(app.db);
    const name = unique('created');
    const result = await app.gql(CreateGroup, { input: { name } }, { as: cast.outsider });
    expect(result.data?.createGroup.group).toEqual({
      name,
      memberCount: 1,
      membersConnection: { edges: [{ role: 'ADMIN', node: { id: userGlobalId(cast.outsider) } }] },
    });
  });

  it('creates nothing when the name is taken', async () => {
    const cast = await createCast(app.db);
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
    const cast = await createCast(app.db);
    const before = await snapshot(app.db, cast);
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
    expect(await snapshot(app.db, cast)).toEqual(before);
  });

  it('can step down once another member is an admin', async () => {
    const cast = await createCast(app.db);
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
      const cast = await createCast(app.db);
      await app.db.update(usersToGroups).set({ role: 'ADMIN' }).where(eq(usersToGroups.userId, cast.member));
      const demote = (target: number, as: number) =>
        app.gql(
          SetMemberRole,
          { input: { userId: userGlobalId(target), groupId: groupGlobalId(cast.groupId), role: 'MEMBER' } },
          { as },
        );
      const results = await Promise.all([demote(cast.member, cast.admin), demote(cast.admin, cast.member)]);
      const adminRows = (await snapshot(app.db, cast)).memberships.filter((row) => row.role === 'ADMIN');
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
    const cast = await createCast(app.db);
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
    const cast = await createCast(app.db);
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
    const cast = await createCast(app.db);
    await createCast(app.db);
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
