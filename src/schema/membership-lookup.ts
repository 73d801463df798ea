import type { MembershipRole as Role } from '../db/schema.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { MembershipRole } from './membership-role.ts';
import { User } from './user.ts';

const roleDescription = 'What the user may do in the group: MEMBER, or ADMIN who manages it.';
const joinedAtDescription = 'When the user joined the group.';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What a membership says of itself, on every membership connection's edge (as on Membership). */
export function membershipFields<Shape extends { joinedAt: Date; role: Role }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>,
) {
  return {
    role: t.field({
      type: MembershipRole,
      description: roleDescription,
      resolve: (membership) => membership.role,
    }),
    joinedAt: t.field({
      type: 'DateTime',
      description: joinedAtDescription,
      resolve: (membership) => membership.joinedAt,
    }),
  };
}

export const Membership = builder.drizzleObject('usersToGroups', {
  name: 'Membership',
  description: 'That a user belongs to a group: since when, and as what.',
  fields: (t) => ({
    role: t.field({
      type: MembershipRole,
      description: roleDescription,
      resolve: (membership) => membership.role,
    }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime', description: joinedAtDescription }),
    user: t.relation('user', { description: 'The member.' }),
    group: t.relation('group', { description: 'The group.' }),
  }),
});

// Each lookup reads the one junction row by its primary key, folded into the parent's statement
// like the lists are: asking it of 100 groups in one query is still one statement.

builder.drizzleObjectField('groups', 'membership', (t) =>
  t.field({
    type: Membership,
    nullable: true,
    description:
      'Whether a user belongs to this group, and as what: their membership, or null when they are not a member (or no such user exists).',
    args: { userId: t.arg.globalID({ for: User, required: true, description: 'The global ID of a User.' }) },
    select: (args, _ctx, nestedSelection) => ({
      with: { membershipLookup: nestedSelection({ where: { userId: args.userId.id }, limit: 1 }) },
    }),
    resolve: (group) => group.membershipLookup[0] ?? null,
  }),
);

builder.drizzleObjectField('users', 'membership', (t) =>
  t.field({
    type: Membership,
    nullable: true,
    description:
      'Whether this user belongs to a group, and as what: their membership, or null when they are not a member (or no such group exists).',
    args: {
      groupId: t.arg.globalID({ for: Group, required: true, description: 'The global ID of a Group.' }),
    },
    select: (args, _ctx, nestedSelection) => ({
      with: { membershipLookup: nestedSelection({ where: { groupId: args.groupId.id }, limit: 1 }) },
    }),
    resolve: (user) => user.membershipLookup[0] ?? null,
  }),
);
