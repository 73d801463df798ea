import { defineRelations } from 'drizzle-orm';
import * as tables from './schema.ts';

export const relations = defineRelations(tables, (r) => ({
  users: {
    groups: r.many.groups({
      from: r.users.id.through(r.usersToGroups.userId),
      to: r.groups.id.through(r.usersToGroups.groupId),
    }),
    memberships: r.many.usersToGroups({ from: r.users.id, to: r.usersToGroups.userId }),
    // The same junction rows as `memberships`, for User.groups only; see the note at the top of schema/membership.ts.
    groupLinks: r.many.usersToGroups({ from: r.users.id, to: r.usersToGroups.userId }),
    // The same rows again for User.membership and User.sharedGroups, so a query asking for those
    // beside the lists plans each with its own filter in one statement.
    membershipLookup: r.many.usersToGroups({ from: r.users.id, to: r.usersToGroups.userId }),
    sharedGroupLinks: r.many.usersToGroups({ from: r.users.id, to: r.usersToGroups.userId }),
  },
  groups: {
    members: r.many.users({
      from: r.groups.id.through(r.usersToGroups.groupId),
      to: r.users.id.through(r.usersToGroups.userId),
    }),
    memberships: r.many.usersToGroups({ from: r.groups.id, to: r.usersToGroups.groupId }),
    // The same junction rows as `memberships`, for Group.members only; see the note at the top of schema/membership.ts.
    memberLinks: r.many.usersToGroups({ from: r.groups.id, to: r.usersToGroups.groupId }),
    // For Group.membership; see users.membershipLookup.
    membershipLookup: r.many.usersToGroups({ from: r.groups.id, to: r.usersToGroups.groupId }),
  },
  usersToGroups: {
    user: r.one.users({ from: r.usersToGroups.userId, to: r.users.id, optional: false }),
    group: r.one.groups({ from: r.usersToGroups.groupId, to: r.groups.id, optional: false }),
  },
}));

export type Relations = typeof relations;
