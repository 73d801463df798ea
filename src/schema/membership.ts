import { drizzleConnectionHelpers } from '@pothos/plugin-drizzle';
import { connectionPageSize, DEFAULT_PAGE_SIZE, listLimit, MAX_PAGE_SIZE } from '../resolvers/pagination.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { MembershipRole } from './membership-role.ts';
import { User } from './user.ts';

// Every field that crosses the junction reads the junction rows first, in the order of its index
// ((user_id, group_id) or (group_id, user_id)), and then looks each related row up by its key.
// That is the order the fields promise (by the other side's ID), so PostgreSQL stops after
// `first` index entries. The `through` relations (users.groups, groups.members) would read
// the other table first instead: for a user's groups PostgreSQL hashes all groups and sorts, for
// a group's members it walks the users' primary key until `first` of them match. W1 and W3 of
// the benchmark ran 2 to 4 times slower in PostgreSQL that way.
//
// The lists select groupLinks/memberLinks and the connections memberships: the same rows under
// two relation names, so a query that asks for both plans each with its own order and limit in
// one statement rather than falling back to a second one.

const joinedAtDescription = 'When the user joined the group.';
const roleDescription = 'What the user may do in the group: MEMBER, or ADMIN who manages it.';

builder.drizzleObjectField('users', 'groups', (t) =>
  t.field({
    type: [Group],
    description:
      'The groups this user belongs to, ordered by ID. For cursors, `joinedAt` or `totalCount`, use `groupsConnection`.',
    args: {
      first: t.arg.int({
        defaultValue: DEFAULT_PAGE_SIZE,
        description: `How many groups to return, from 0 to ${MAX_PAGE_SIZE}.`,
      }),
    },
    select: (args, _ctx, nestedSelection) => ({
      with: {
        groupLinks: {
          columns: {},
          orderBy: { groupId: 'asc' },
          limit: listLimit(args.first),
          with: { group: nestedSelection() },
        },
      },
    }),
    resolve: (user) => user.groupLinks.map((link) => link.group),
  }),
);

builder.drizzleObjectField('groups', 'members', (t) =>
  t.field({
    type: [User],
    description:
      'The users in this group, ordered by ID. For cursors, `joinedAt` or `totalCount`, use `membersConnection`.',
    args: {
      first: t.arg.int({
        defaultValue: DEFAULT_PAGE_SIZE,
        description: `How many members to return, from 0 to ${MAX_PAGE_SIZE}.`,
      }),
    },
    select: (args, _ctx, nestedSelection) => ({
      with: {
        memberLinks: {
          columns: {},
          orderBy: { userId: 'asc' },
          limit: listLimit(args.first),
          with: { user: nestedSelection() },
        },
      },
    }),
    resolve: (group) => group.memberLinks.map((link) => link.user),
  }),
);

// A `through` relation returns the related rows without the junction's columns, so the
// connections page over the junction rows too (users.memberships, groups.memberships) and expose
// the related object as each edge's node, keeping `joinedAt` on the edge.
const userGroups = drizzleConnectionHelpers(builder, 'usersToGroups', {
  ...connectionPageSize,
  // Ordered by group ID, like User.groups; the user ID is fixed by the parent.
  query: () => ({ orderBy: { groupId: 'asc', userId: 'asc' } }),
  select: (nestedSelection) => ({
    columns: { joinedAt: true, role: true },
    with: { group: nestedSelection() },
  }),
  resolveNode: (membership) => membership.group,
});

const groupMembers = drizzleConnectionHelpers(builder, 'usersToGroups', {
  ...connectionPageSize,
  query: () => ({ orderBy: { userId: 'asc', groupId: 'asc' } }),
  select: (nestedSelection) => ({
    columns: { joinedAt: true, role: true },
    with: { user: nestedSelection() },
  }),
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
        columns: { id: true, memberCount: true },
        with: { memberships: groupMembers.getQuery(args, ctx, nestedSelection) },
      }),
      resolve: async (group, args, ctx) => ({
        ...(await groupMembers.resolve(group.memberships, args, ctx)),
        totalCount: () => group.memberCount,
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
