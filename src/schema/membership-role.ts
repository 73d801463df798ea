import { builder } from './builder.ts';

export const MembershipRole = builder.enumType('MembershipRole', {
  description: 'What a member may do in a group.',
  values: {
    MEMBER: { description: 'Belongs to the group. May leave it with `removeMember`.' },
    ADMIN: {
      description:
        'Manages the group: adds and removes members, sets roles, renames and deletes it. A group always keeps at least one.',
    },
  } as const,
});
