import type {
  GroupOrderField as GroupField,
  MemberOrderField as MemberField,
} from '../resolvers/membership-lists.ts';
import { builder } from './builder.ts';
import { MembershipRole } from './membership-role.ts';
import { searchDescription } from './name-filter.ts';

export const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Which way an order runs.',
  values: {
    ASC: { description: 'Smallest first: A to Z, oldest first, fewest first.' },
    DESC: { description: 'Largest first: Z to A, newest first, most first.' },
  } as const,
});

export const MemberOrderField = builder.enumType('MemberOrderField', {
  description: 'What a group’s members can be ordered by.',
  values: {
    NAME: { description: 'The member’s name.' },
    JOINED_AT: { description: 'When the member joined the group.' },
    ID: { description: 'The member’s ID: the order of sign-up.' },
  } satisfies Record<MemberField, unknown>,
});

export const GroupOrderField = builder.enumType('GroupOrderField', {
  description: 'What a user’s groups can be ordered by.',
  values: {
    NAME: { description: 'The group’s name.' },
    JOINED_AT: { description: 'When the user joined the group.' },
    MEMBER_COUNT: { description: 'How many members the group has.' },
    ID: { description: 'The group’s ID: the order of creation.' },
  } satisfies Record<GroupField, unknown>,
});

const orderListDescription =
  'Applied in turn, each breaking the ties of the ones before; ties left at the end are ordered by ID ascending, so every order is total and cursors are stable. Default: ID ascending.';

export const MemberOrder = builder.inputType('MemberOrder', {
  description: 'One key of a member list’s order.',
  fields: (t) => ({
    field: t.field({ type: MemberOrderField, required: true, description: 'What to order by.' }),
    direction: t.field({ type: OrderDirection, defaultValue: 'ASC', description: 'Which way. Default ASC.' }),
  }),
});

export const GroupOrder = builder.inputType('GroupOrder', {
  description: 'One key of a group list’s order.',
  fields: (t) => ({
    field: t.field({ type: GroupOrderField, required: true, description: 'What to order by.' }),
    direction: t.field({ type: OrderDirection, defaultValue: 'ASC', description: 'Which way. Default ASC.' }),
  }),
});

/** The filters of one side of a membership list: its role and join date, and the other side's name. */
function membershipFilterType(name: string, side: 'members' | 'groups') {
  const rows = side === 'members' ? 'members' : 'groups';
  return builder.inputType(name, {
    description: `Which ${rows} to keep; every condition given must hold. \`totalCount\` counts what is kept.`,
    fields: (t) => ({
      role: t.field({
        type: MembershipRole,
        description:
          side === 'members' ? 'Only members with this role.' : 'Only groups where the user has this role.',
      }),
      nameStartsWith: t.string({ description: searchDescription(rows, 'starts with this') }),
      nameContains: t.string({ description: searchDescription(rows, 'contains this') }),
      joinedAfter: t.field({
        type: 'DateTime',
        description: 'Only memberships that began after this instant.',
      }),
      joinedBefore: t.field({
        type: 'DateTime',
        description: 'Only memberships that began before this instant; must be later than `joinedAfter`.',
      }),
    }),
  });
}

export const MemberFilter = membershipFilterType('MemberFilter', 'members');
export const UserGroupFilter = membershipFilterType('UserGroupFilter', 'groups');

export { orderListDescription };
