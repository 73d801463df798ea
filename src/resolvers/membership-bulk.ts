import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type MembershipRole, users, usersToGroups } from '../db/schema.ts';
import { ensureAdminRemains, lockGroup } from './admins.ts';
import type { Context } from './context.ts';
import { BadUserInputError } from './errors.ts';
import { accessCte, allowed, keys, mayAdd, mayRemove, rethrowMissingSide } from './membership.ts';
import { perDb, statementName } from '../db/prepared.ts';
import type { Key, Refused } from './viewer.ts';

/** The most users one bulk call may name. */
export const MAX_BULK_USERS = 1000;

/** What a bulk write did for one of the users it named, in the order they were named. */
export interface BulkChange {
  userId: number;
  /** False when no user has this ID; nothing was changed for it. */
  found: boolean;
  changed: boolean;
}

export type BulkWrite = { changes: BulkChange[] } | Refused;

/** Refuses a list of user IDs that names too many users or one twice, before any SQL runs. */
export function checkBulkUserIds(userIds: readonly number[]): void {
  if (userIds.length > MAX_BULK_USERS) {
    throw new BadUserInputError(
      `\`userIds\` may name at most ${MAX_BULK_USERS} users; got ${userIds.length}. Split the change into several calls.`,
    );
  }
  const seen = new Set<number>();
  for (const [index, userId] of userIds.entries()) {
    if (seen.has(userId)) {
      throw new BadUserInputError(
        `\`userIds\` names the same user twice (at position ${index}); name each user once.`,
      );
    }
    seen.add(userId);
  }
}

type BulkKeys = {
  viewerId: number;
  groupId: number;
  userIds: number[];
};

const bulkKeys = {
  userIds: sql.placeholder('userIds'),
  role: sql.placeholder('role'),
  // The only user removeMembers names when that is all it names, else 0 (nobody): a member may
  // remove themselves (`self`), never others.
  selfId: sql.placeholder('selfId'),
};

const namedUserIds = sql`${bulkKeys.userIds}::int[]`;

/**
 * Adds every named user to the group with one statement, authorization included, as addMember
 * does for one (membership.ts). The users that exist are locked against deletion (FOR KEY SHARE,
 * what the foreign key would take) and inserted in ID order, so two bulk adds that overlap wait
 * for each other instead of deadlocking; `ON CONFLICT DO NOTHING` keeps every existing membership
 * and its role. An unknown user is skipped and reported, not an error for the rest.
 */
function addMembersStatement(db: Db) {
  const access = accessCte(db, mayAdd(keys.groupId));
  const found = db.$with('found').as(
    db
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.id} = any(${namedUserIds})`)
      .for('key share'),
  );
  const added = db.$with('added').as(
    db
      .insert(usersToGroups)
      .select((qb) =>
        qb
          .select({
            userId: sql<number>`${found.id}`.as('user_id'),
            groupId: sql<number>`${keys.groupId}`.as('group_id'),
            role: sql<MembershipRole>`${bulkKeys.role}::membership_role`.as('role'),
          })
          .from(found)
          .where(sql`(select ${access.allowed} from ${access})`)
          .orderBy(found.id),
      )
      .onConflictDoNothing()
      .returning({ userId: usersToGroups.userId }),
  );
  return db
    .with(access, found, added)
    .select({
      groupExists: access.groupExists,
      viewerExists: access.viewerExists,
      allowed: access.allowed,
      found: sql<number[]>`(select coalesce(array_agg(${found.id}), '{}') from ${found})`,
      changed: sql<number[]>`(select coalesce(array_agg(${added.userId}), '{}') from ${added})`,
    })
    .from(access)
    .prepare(statementName('add_members'));
}

/**
 * Removes every named MEMBER from the group with one statement, authorization included, when
 * none of the named users is one of its ADMINs (`admins` says which are); removing an admin needs
 * the group's lock and the LAST_ADMIN check, in `removeMembersWithAdmins`.
 */
function removeMembersStatement(db: Db) {
  const access = accessCte(db, mayRemove<Key>(bulkKeys.selfId, keys.groupId));
  const named = and(
    eq(usersToGroups.groupId, keys.groupId),
    sql`${usersToGroups.userId} = any(${namedUserIds})`,
  );
  const namedAdmins = sql`(select coalesce(array_agg(${usersToGroups.userId}), '{}') from ${usersToGroups} where ${and(named, eq(usersToGroups.role, 'ADMIN'))})`;
  const removed = db.$with('removed').as(
    db
      .delete(usersToGroups)
      .where(
        and(
          named,
          eq(usersToGroups.role, 'MEMBER'),
          sql`(select ${access.allowed} from ${access})`,
          sql`cardinality(${namedAdmins}) = 0`,
        ),
      )
      .returning({ userId: usersToGroups.userId }),
  );
  return db
    .with(access, removed)
    .select({
      groupExists: access.groupExists,
      viewerExists: access.viewerExists,
      allowed: access.allowed,
      found: sql<
        number[]
      >`(select coalesce(array_agg(${users.id}), '{}') from ${users} where ${users.id} = any(${namedUserIds}))`,
      members: sql<
        number[]
      >`(select coalesce(array_agg(${usersToGroups.userId}), '{}') from ${usersToGroups} where ${named})`,
      admins: sql<number[]>`${namedAdmins}`,
      changed: sql<number[]>`(select coalesce(array_agg(${removed.userId}), '{}') from ${removed})`,
    })
    .from(access)
    .prepare(statementName('remove_members'));
}

const bulkStatements = perDb((db) => ({
  add: addMembersStatement(db),
  remove: removeMembersStatement(db),
}));

/** Each named user's outcome, in the order they were named. */
function changesOf(
  userIds: readonly number[],
  found: readonly number[],
  changed: readonly number[],
): BulkChange[] {
  const [existing, touched] = [new Set(found.map(Number)), new Set(changed.map(Number))];
  return userIds.map((userId) => ({ userId, found: existing.has(userId), changed: touched.has(userId) }));
}

/** Adds the named users to the group with `role` (`addMembersStatement`). */
export async function addMembers(
  ctx: Context,
  groupId: number,
  userIds: number[],
  role: MembershipRole,
): Promise<BulkWrite> {
  checkBulkUserIds(userIds);
  if (ctx.viewerId === undefined) return { refused: mayAdd(groupId) };
  const values = { viewerId: ctx.viewerId, groupId, userIds, role } satisfies BulkKeys & {
    role: MembershipRole;
  };
  const [outcome] = await bulkStatements(ctx.db).add.execute(values).catch(rethrowMissingSide);
  if (!outcome) throw new Error('The access CTE has exactly one row.');
  if (!allowed(outcome)) return { refused: mayAdd(groupId) };
  return { changes: changesOf(userIds, outcome.found, outcome.changed) };
}

/**
 * Removes the named users from the group. Without an ADMIN among them, one statement
 * (`removeMembersStatement`); with one, a transaction that locks the group and fails whole with
 * LAST_ADMIN, changing nothing, when no admin would be left.
 */
export async function removeMembers(ctx: Context, groupId: number, userIds: number[]): Promise<BulkWrite> {
  checkBulkUserIds(userIds);
  const selfId = userIds.length === 1 ? userIds[0]! : 0;
  const refused = { refused: mayRemove(selfId, groupId) };
  if (ctx.viewerId === undefined) return refused;
  const values = { viewerId: ctx.viewerId, groupId, userIds, selfId } satisfies BulkKeys & { selfId: number };
  const [outcome] = await bulkStatements(ctx.db).remove.execute(values);
  if (!outcome) throw new Error('The access CTE has exactly one row.');
  if (!allowed(outcome)) return refused;
  const removed = outcome.changed.map(Number);
  const removedNow = new Set(removed);
  // Members the statement saw but did not remove: ADMINs, or members promoted while it ran (its
  // delete re-reads a row changed under it and keeps it when it is no longer a MEMBER's).
  const kept = outcome.members.map(Number).filter((userId) => !removedNow.has(userId));
  if (kept.length > 0) removed.push(...(await removeMembersWithAdmins(ctx, groupId, kept)));
  return { changes: changesOf(userIds, outcome.found, removed) };
}

/** Removes the named memberships under the group's lock, keeping an admin (LAST_ADMIN otherwise). */
async function removeMembersWithAdmins(ctx: Context, groupId: number, userIds: number[]): Promise<number[]> {
  return ctx.db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    const removed = await tx
      .delete(usersToGroups)
      .where(and(eq(usersToGroups.groupId, groupId), inArray(usersToGroups.userId, userIds)))
      .returning({ userId: usersToGroups.userId, role: usersToGroups.role });
    if (removed.some((row) => row.role === 'ADMIN')) await ensureAdminRemains(tx, group);
    return removed.map((row) => row.userId);
  });
}
