import { createHash } from 'node:crypto';
import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import { usersToGroups } from '../db/schema.ts';
import type { Context } from './context.ts';
import {
  filterKey,
  type MembershipFilter,
  membershipCondition,
  type MembershipSide,
} from './membership-lists.ts';

/** Counts a parent row's memberships: selected beside the row as one of its `extras`. */
export interface MembershipCount {
  /** The property of the parent row that holds the count. */
  readonly key: string;
  readonly extra: (parent: { id: AnyColumn }) => SQL<number>;
}

/**
 * How many memberships of a parent (a user's groups, a group's members) a filter keeps, for a
 * connection's `totalCount`: a correlated count in the statement that loads the parent, so a
 * total costs no statement of its own however deep the connection sits. Answered by the
 * junction's (user_id, group_id) or (group_id, user_id) index.
 *
 * One function per list and filter within a request: plugin-drizzle merges `extras` that are
 * the same function and loads conflicting ones apart, and filters come from clients, so they are
 * remembered per request rather than for the life of the process.
 */
export function membershipCount(
  ctx: Context,
  side: MembershipSide<string>,
  filter: MembershipFilter | null | undefined,
): MembershipCount {
  const identity = `${side.name}:${filterKey(filter)}`;
  let count = ctx.loaders.membershipCounts.get(identity);
  if (!count) {
    count = countOf(side, filter, identity);
    ctx.loaders.membershipCounts.set(identity, count);
  }
  return count;
}

function countOf(
  side: MembershipSide<string>,
  filter: MembershipFilter | null | undefined,
  identity: string,
) {
  // A group's members are counted by group, a user's groups by user.
  const parentColumn = side.relation === 'user' ? usersToGroups.groupId : usersToGroups.userId;
  const condition = membershipCondition(side, filter);
  // A column alias PostgreSQL accepts whatever the filter holds.
  const key = `${side.name}Count_${createHash('sha1').update(identity).digest('base64url').slice(0, 12)}`;
  return {
    key,
    extra: (parent: { id: AnyColumn }) =>
      sql<number>`(select count(*)::int from ${usersToGroups} where ${and(eq(parentColumn, parent.id), condition?.(usersToGroups))})`,
  };
}

/** The count `membershipCount` selected on a parent row. */
export function selectedCount(parent: object, count: MembershipCount): number {
  return Number((parent as Record<string, unknown>)[count.key]);
}
