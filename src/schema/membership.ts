import { drizzleConnectionHelpers } from '@pothos/plugin-drizzle';
import { connectionPageSize } from '../resolvers/pagination.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { MembershipRole } from './membership-role.ts';
import { User } from './user.ts';

// A `through` relation returns the related rows without the junction's columns, so these
// connections page over the junction rows (users.memberships, groups.memberships) and expose
// the related object as each edge's node, keeping `joinedAt` on the edge.

const joinedAtDescription = 'When the user joined the group.';
const roleDescription = 'What the user may do in the group: MEMBER, or ADMIN who manages it.';

const userGroups = drizzleConnectionHelpers(builder, 'usersToGroups', {
  ...connectionPageSize,
  // Ordered by group ID, like User.groups; the user ID is fixed by the parent.
  query: () => ({ orderBy: { groupId: 'asc', userId: 'asc' } }),
  select: (nestedSelection) => ({ columns: { joinedAt: true, role: true }, with: { group: nestedSelection() } }),
  resolveNode: (membership) => membership.group,
});

const groupMembers = drizzleConnectionHelpers(builder, 'usersToGroups', {
  ...connectionPageSize,
  query: () => ({ orderBy: { userId: 'asc', groupId: 'asc' } }),
  select: (nestedSelection) => ({ columns: { joinedAt: true, role: true }, with: { user: nestedSelection() } }),
  resolveNode: (membership) => membership.user,
});

builder.drizzleObjectField('users', 'groupsConnection', (t) =>
  t.connection(
    {
      type: Group,
      description: 'The groups this user belongs to, ordered by group ID, with when they joined each.',
      args: userGroups.getArgs(),
      select: (args, ctx, nestedSelection) => ({
        columns: { id: true },
        with: { memberships: userGroups.getQuery(args, ctx, nestedSelection) },
      }),
      resolve: async (user, args, ctx) => ({
        ...(await userGroups.resolve(user.memberships, args, ctx)),
        totalCount: () => ctx.loaders.membershipCountByUserId.load(user.id),
      }),
    },
    {
      name: 'UserGroupsConnection',
      description: 'A page of the groups a user belongs to.',
      fields: (connection) => ({
        totalCount: connection.int({
          description: 'How many groups the user belongs to, across all pages.',
          resolve: (page) => page.totalCount(),
        }),
      }),
    },
    {
      name: 'UserGroupsEdge',
      description: 'A group the user belongs to, and the membership that links them.',
      fields: (edge) => ({
        joinedAt: edge.field({
          type: 'DateTime',
          description: joinedAtDescription,
          resolve: (m) => m.joinedAt,
        }),
        role: edge.field({ type: MembershipRole, description: roleDescription, resolve: (m) => m.role }),
      }),
    },
  ),
);

builder.drizzleObjectField('groups', 'membersConnection', (t) =>
  t.connection(
    {
      type: User,
      description: 'The users in this group, ordered by user ID, with when each joined.',
      args: groupMembers.getArgs(),
      select: (args, ctx, nestedSelection) => ({
        columns: { id: true },
        with: { memberships: groupMembers.getQuery(args, ctx, nestedSelection) },
      }),
      resolve: async (group, args, ctx) => ({
        ...(await groupMembers.resolve(group.memberships, args, ctx)),
        totalCount: () => ctx.loaders.membershipCountByGroupId.load(group.id),
      }),
    },
    {
      name: 'GroupMembersConnection',
      description: 'A page of the members of a group.',
      fields: (connection) => ({
        totalCount: connection.int({
          description: 'How many users belong to the group, across all pages.',
          resolve: (page) => page.totalCount(),
        }),
      }),
    },
    {
      name: 'GroupMembersEdge',
      description: 'A member of the group, and the membership that links them.',
      fields: (edge) => ({
        joinedAt: edge.field({
          type: 'DateTime',
          description: joinedAtDescription,
          resolve: (m) => m.joinedAt,
        }),
        role: edge.field({ type: MembershipRole, description: roleDescription, resolve: (m) => m.role }),
      }),
    },
  ),
);
