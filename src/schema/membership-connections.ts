import { drizzleConnectionHelpers } from '@pothos/plugin-drizzle';
import { connectionPageSize } from '../resolvers/pagination.ts';
import {
  connectionOrder,
  type GroupOrderField,
  groupSide,
  membershipCondition,
  membershipOrder,
  type MembershipSide,
  memberSide,
  type MemberOrderField,
  pluginCursorArgs,
  withOrderedCursors,
} from '../resolvers/membership-lists.ts';
import { type MembershipCount, membershipCount, selectedCount } from '../resolvers/membership-count.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import type { ListArgs } from './membership.ts';
import {
  GroupOrder,
  MemberFilter,
  MemberOrder,
  orderListDescription,
  UserGroupFilter,
} from './membership-order.ts';
import { membershipFields } from './membership-lookup.ts';
import { User } from './user.ts';

// A `through` relation returns the related rows without the junction's columns, so the
// connections page over the junction rows too (users.memberships, groups.memberships) and expose
// the related object as each edge's node, keeping `joinedAt` and `role` on the edge. Their
// cursors carry the field and the order they were made for (membership-lists.ts).

/**
 * The count a connection's `totalCount` reads, as `extras` for the parent's selection, or none when
 * the document does not ask for it. plugin-drizzle passes `select` the selection's field names as a
 * fourth argument its types leave out; without it, the count is selected anyway (a wasted count is
 * still a right answer, a missing one is not).
 */
// Typed as adding nothing: the count is read back by `selectedCount`, and a string key would give
// the parent row's type an index signature.
function countExtras(count: MembershipCount, selectArguments: readonly unknown[]): Record<never, never> {
  const getSelection = selectArguments[0];
  const asked =
    typeof getSelection !== 'function' || (getSelection() as ReadonlySet<string>).has('totalCount');
  return asked ? { [count.key]: count.extra } : {};
}

/** A connection's order and filter, as plugin-drizzle's connection helpers take them. */
function connectionQuery<Field extends string>(side: MembershipSide<Field>, args: ListArgs<Field>) {
  const condition = membershipCondition(side, args.filter);
  return {
    ...connectionOrder(membershipOrder(side, args.orderBy)),
    ...(condition ? { where: { RAW: condition } } : {}),
  };
}

const userGroups = drizzleConnectionHelpers(builder, 'usersToGroups', {
  ...connectionPageSize,
  query: (args: ListArgs<GroupOrderField>) => connectionQuery(groupSide, args),
  select: (nestedSelection) => ({
    columns: { joinedAt: true, role: true },
    with: { group: nestedSelection() },
  }),
  resolveNode: (membership) => membership.group,
});

const groupMembers = drizzleConnectionHelpers(builder, 'usersToGroups', {
  ...connectionPageSize,
  query: (args: ListArgs<MemberOrderField>) => connectionQuery(memberSide, args),
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
      description:
        'The groups this user belongs to, with when they joined each and their role; ordered by group ID unless `orderBy` says otherwise.',
      args: {
        orderBy: t.arg({ type: [GroupOrder], description: orderListDescription }),
        filter: t.arg({ type: UserGroupFilter, description: 'Which groups to return.' }),
      },
      select: (args, ctx, nestedSelection, ...selectArguments: unknown[]) => {
        const order = membershipOrder(groupSide, args.orderBy);
        const pluginArgs = pluginCursorArgs('User.groupsConnection', order, args);
        return {
          columns: { id: true },
          with: { memberships: userGroups.getQuery(pluginArgs, ctx, nestedSelection) },
          extras: countExtras(membershipCount(ctx, groupSide, args.filter), selectArguments),
        };
      },
      resolve: async (user, args, ctx) => {
        const order = membershipOrder(groupSide, args.orderBy);
        const page = await userGroups.resolve(
          user.memberships,
          pluginCursorArgs('User.groupsConnection', order, args),
          ctx,
        );
        return {
          ...withOrderedCursors('User.groupsConnection', order, page),
          totalCount: () => selectedCount(user, membershipCount(ctx, groupSide, args.filter)),
        };
      },
    },
    {
      name: 'UserGroupsConnection',
      description: 'A page of the groups a user belongs to.',
      fields: (connection) => ({
        totalCount: connection.int({
          description: 'How many groups the user belongs to that the filter keeps, across all pages.',
          resolve: (page) => page.totalCount(),
        }),
      }),
    },
    {
      name: 'UserGroupsEdge',
      description: 'A group the user belongs to, and the membership that links them.',
      fields: (edge) => membershipFields(edge),
    },
  ),
);

builder.drizzleObjectField('groups', 'membersConnection', (t) =>
  t.connection(
    {
      type: User,
      description:
        'The users in this group, with when each joined and their role; ordered by user ID unless `orderBy` says otherwise.',
      args: {
        orderBy: t.arg({ type: [MemberOrder], description: orderListDescription }),
        filter: t.arg({ type: MemberFilter, description: 'Which members to return.' }),
      },
      select: (args, ctx, nestedSelection, ...selectArguments: unknown[]) => {
        const order = membershipOrder(memberSide, args.orderBy);
        const pluginArgs = pluginCursorArgs('Group.membersConnection', order, args);
        return {
          columns: { id: true, memberCount: true },
          with: { memberships: groupMembers.getQuery(pluginArgs, ctx, nestedSelection) },
          // Unfiltered, the count the database keeps on the group row (src/db/schema.ts).
          extras: args.filter
            ? countExtras(membershipCount(ctx, memberSide, args.filter), selectArguments)
            : {},
        };
      },
      resolve: async (group, args, ctx) => {
        const order = membershipOrder(memberSide, args.orderBy);
        const page = await groupMembers.resolve(
          group.memberships,
          pluginCursorArgs('Group.membersConnection', order, args),
          ctx,
        );
        return {
          ...withOrderedCursors('Group.membersConnection', order, page),
          totalCount: () =>
            args.filter
              ? selectedCount(group, membershipCount(ctx, memberSide, args.filter))
              : group.memberCount,
        };
      },
    },
    {
      name: 'GroupMembersConnection',
      description: 'A page of the members of a group.',
      fields: (connection) => ({
        totalCount: connection.int({
          description: 'How many users belong to the group that the filter keeps, across all pages.',
          resolve: (page) => page.totalCount(),
        }),
      }),
    },
    {
      name: 'GroupMembersEdge',
      description: 'A member of the group, and the membership that links them.',
      fields: (edge) => membershipFields(edge),
    },
  ),
);

builder.drizzleObjectField('users', 'sharedGroups', (t) =>
  t.connection(
    {
      type: Group,
      description:
        'The groups this user and another both belong to, ordered by group ID; each edge is this user’s membership. One statement however many groups either belongs to.',
      args: {
        with: t.arg.globalID({ for: User, required: true, description: 'The global ID of the other User.' }),
      },
      select: (args, ctx, nestedSelection, ...selectArguments: unknown[]) => {
        const { pluginArgs } = sharedGroupsArgs(args);
        return {
          columns: { id: true },
          with: { sharedGroupLinks: userGroups.getQuery(pluginArgs, ctx, nestedSelection) },
          extras: countExtras(membershipCount(ctx, groupSide, pluginArgs.filter), selectArguments),
        };
      },
      resolve: async (user, args, ctx) => {
        const { order, pluginArgs } = sharedGroupsArgs(args);
        const page = await userGroups.resolve(user.sharedGroupLinks, pluginArgs, ctx);
        return {
          ...withOrderedCursors('User.sharedGroups', order, page),
          totalCount: () => selectedCount(user, membershipCount(ctx, groupSide, pluginArgs.filter)),
        };
      },
    },
    {
      name: 'SharedGroupsConnection',
      description: 'A page of the groups two users share.',
      fields: (connection) => ({
        totalCount: connection.int({
          description: 'How many groups the two users share, across all pages.',
          resolve: (page) => page.totalCount(),
        }),
      }),
    },
    { name: 'SharedGroupsEdge', description: 'A group both users belong to.' },
  ),
);

/** `sharedGroups` as the groups connection filtered to the other user's groups, in ID order. */
function sharedGroupsArgs<
  Args extends { with: { id: number }; after?: string | null; before?: string | null },
>(args: Args) {
  const order = membershipOrder(groupSide, undefined);
  const pluginArgs = {
    ...pluginCursorArgs('User.sharedGroups', order, args),
    filter: { sharedWith: args.with.id },
  };
  return { order, pluginArgs };
}
