import { DEFAULT_PAGE_SIZE, listLimit, MAX_PAGE_SIZE } from '../resolvers/pagination.ts';
import {
  groupSide,
  listOrder,
  membershipCondition,
  type MembershipFilter,
  membershipOrder,
  type MembershipSide,
  memberSide,
  type OrderTerm,
} from '../resolvers/membership-lists.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import {
  GroupOrder,
  MemberFilter,
  MemberOrder,
  orderListDescription,
  UserGroupFilter,
} from './membership-order.ts';
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

export interface ListArgs<Field extends string> {
  orderBy?: readonly OrderTerm<Field>[] | null | undefined;
  filter?: MembershipFilter | null | undefined;
}

/** A list's order and filter, as the relational query of its junction rows takes them. */
function listQuery<Field extends string>(side: MembershipSide<Field>, args: ListArgs<Field>) {
  const condition = membershipCondition(side, args.filter);
  return {
    orderBy: listOrder(membershipOrder(side, args.orderBy)),
    ...(condition ? { where: { RAW: condition } } : {}),
  };
}

builder.drizzleObjectField('users', 'groups', (t) =>
  t.field({
    type: [Group],
    description:
      'The groups this user belongs to, ordered by ID unless `orderBy` says otherwise. For cursors, `joinedAt` or `totalCount`, use `groupsConnection`.',
    args: {
      first: t.arg.int({
        defaultValue: DEFAULT_PAGE_SIZE,
        description: `How many groups to return, from 0 to ${MAX_PAGE_SIZE}.`,
      }),
      orderBy: t.arg({ type: [GroupOrder], description: orderListDescription }),
      filter: t.arg({ type: UserGroupFilter, description: 'Which groups to return.' }),
    },
    select: (args, _ctx, nestedSelection) => ({
      with: {
        groupLinks: {
          columns: {},
          ...listQuery(groupSide, args),
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
      'The users in this group, ordered by ID unless `orderBy` says otherwise. For cursors, `joinedAt` or `totalCount`, use `membersConnection`.',
    args: {
      first: t.arg.int({
        defaultValue: DEFAULT_PAGE_SIZE,
        description: `How many members to return, from 0 to ${MAX_PAGE_SIZE}.`,
      }),
      orderBy: t.arg({ type: [MemberOrder], description: orderListDescription }),
      filter: t.arg({ type: MemberFilter, description: 'Which members to return.' }),
    },
    select: (args, _ctx, nestedSelection) => ({
      with: {
        memberLinks: {
          columns: {},
          ...listQuery(memberSide, args),
          limit: listLimit(args.first),
          with: { user: nestedSelection() },
        },
      },
    }),
    resolve: (group) => group.memberLinks.map((link) => link.user),
  }),
);
