import { and, eq, type SQL, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Db, Transaction } from '../db/client.ts';
import { groups, type MembershipRole, users, usersToGroups } from '../db/schema.ts';
import { ensureAdminRemains, lockGroup } from './admins.ts';
import type { Context } from './context.ts';
import { NotFoundError, postgresErrorOf, SqlState } from './errors.ts';
import { groupNotFound } from './group.ts';
import { userNotFound } from './user.ts';
import { perDb, statementName } from '../db/prepared.ts';
import {
  type AnyOfScopes,
  ensureGroupAndViewerExist,
  type Key,
  type Refused,
  viewerAdmitted,
  viewerExists,
} from './viewer.ts';

/** The junction's foreign key to users, by the name drizzle-kit gave it in the migration. */
const userForeignKey = getTableConfig(usersToGroups)
  .foreignKeys.find((foreignKey) => foreignKey.reference().foreignTable === users)
  ?.getName();

/** Who may add a member to a group: its admins. */
export const mayAdd = <K extends Key>(groupId: K): AnyOfScopes<K> => ({ groupAdmin: groupId });

/** Who may remove a member: the group's admins, or the member themselves (leaving). */
export const mayRemove = <K extends Key>(userId: K, groupId: K): AnyOfScopes<K> => ({
  groupAdmin: groupId,
  self: userId,
});

/** A membership write's outcome: whether it changed the table, or whom it would have admitted. */
export type MembershipWrite = { changed: boolean } | Refused;

/** The keys every membership statement takes (a type, not an interface: drizzle wants a record). */
export type MembershipKeys = {
  viewerId: number;
  userId: number;
  groupId: number;
};

/** Where each statement's parameters go: filled in from `MembershipKeys` on every execution. */
export const keys = {
  viewerId: sql.placeholder('viewerId'),
  userId: sql.placeholder('userId'),
  groupId: sql.placeholder('groupId'),
} satisfies Record<keyof MembershipKeys, Key>;

/**
 * The authorization of a membership write, as a one-row CTE its statement references: whether
 * the group and the viewer's account exist, and whether `scopes` admits the viewer. The write
 * runs only where `allowed`, so the check and the change are one statement on one snapshot.
 *
 * Finding the group also locks it (NO KEY UPDATE, as lockGroup does), before the write touches a
 * membership row: the membership triggers lock the group after the row, and setMemberRole and
 * the admin-removing paths lock the group before the row, so without this a removal and a role
 * change of the same member could each hold what the other waits for.
 */
export function accessCte(db: Db, scopes: AnyOfScopes<Key>) {
  return db.$with('access').as(
    db
      .select({
        groupExists:
          sql<boolean>`exists (select from ${groups} where ${groups.id} = ${keys.groupId} for no key update)`.as(
            'group_exists',
          ),
        viewerExists: viewerExists(keys.viewerId).as('viewer_exists'),
        allowed: viewerAdmitted(keys.viewerId, scopes).as('allowed'),
      })
      .from(sql`(values (1)) as one`),
  );
}

/**
 * Adds the membership, as a MEMBER, in one statement that also checks the viewer is an admin of
 * the group: the insert selects its row from the access CTE only when allowed, so a refused or
 * anonymous caller never reaches the foreign keys. `ON CONFLICT DO NOTHING` makes it idempotent
 * and safe under concurrency: of any number of simultaneous adds of the same pair, exactly one
 * inserts the row. The foreign keys reject a missing user or group in the same statement, and
 * their row locks mean a concurrent delete either waits for this insert or makes it fail, so no
 * orphan row can be left behind.
 */
function addMemberStatement(db: Db) {
  const access = accessCte(db, mayAdd(keys.groupId));
  const added = db.$with('added').as(
    db
      .insert(usersToGroups)
      .select((qb) =>
        qb
          .select({
            userId: sql<number>`${keys.userId}`.as('user_id'),
            groupId: sql<number>`${keys.groupId}`.as('group_id'),
          })
          .from(access)
          .where(sql`${access.allowed}`),
      )
      .onConflictDoNothing()
      .returning({ userId: usersToGroups.userId }),
  );
  return db
    .with(access, added)
    .select({
      groupExists: access.groupExists,
      viewerExists: access.viewerExists,
      allowed: access.allowed,
      added: sql<boolean>`exists (select from ${added})`,
    })
    .from(access)
    .prepare(statementName('add_member'));
}

/**
 * Removes a MEMBER's membership in one statement: the delete runs in a CTE, only where the viewer
 * is allowed, beside the checks that tell a missing user or group (NOT_FOUND) from a membership
 * that was not there (`false`), and whether it is an ADMIN's.
 */
function removeMemberStatement(db: Db) {
  const access = accessCte(db, mayRemove<Key>(keys.userId, keys.groupId));
  const removed = db.$with('removed').as(
    db
      .delete(usersToGroups)
      .where(
        membership(
          keys.userId,
          keys.groupId,
          eq(usersToGroups.role, 'MEMBER'),
          sql`(select ${access.allowed} from ${access})`,
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
      removed: sql<boolean>`exists (select from ${removed})`,
      isAdmin: sql<boolean>`exists (select from ${usersToGroups} where ${membership(keys.userId, keys.groupId, eq(usersToGroups.role, 'ADMIN'))})`,
      userExists: sql<boolean>`exists (select from ${users} where ${users.id} = ${keys.userId})`,
    })
    .from(access)
    .prepare(statementName('remove_member'));
}

const membershipStatements = perDb((db) => ({
  add: addMemberStatement(db),
  remove: removeMemberStatement(db),
}));

/** Whether the write was allowed, throwing NOT_FOUND or UNAUTHENTICATED first as a scope check would. */
export function allowed(found: { groupExists: boolean; viewerExists: boolean; allowed: boolean }): boolean {
  ensureGroupAndViewerExist(found);
  return found.allowed;
}

/** Adds the user to the group as a MEMBER, if the viewer is an admin of the group (`addMemberStatement`). */
export async function addMember(ctx: Context, userId: number, groupId: number): Promise<MembershipWrite> {
  if (ctx.viewerId === undefined) return { refused: mayAdd(groupId) };
  const values: MembershipKeys = { viewerId: ctx.viewerId, userId, groupId };
  const [outcome] = await membershipStatements(ctx.db).add.execute(values).catch(rethrowMissingSide);
  if (!outcome) throw new Error('The access CTE has exactly one row.');
  if (!allowed(outcome)) return { refused: mayAdd(groupId) };
  return { changed: outcome.added };
}

/** An insert that only an allowed viewer reaches, refused by a foreign key: NOT_FOUND for that side. */
export function rethrowMissingSide(error: unknown): never {
  const postgresError = postgresErrorOf(error);
  if (postgresError?.code === SqlState.foreignKeyViolation) {
    throw postgresError.constraint === userForeignKey ? userNotFound() : groupNotFound();
  }
  throw error;
}

/**
 * Removes the membership. Removing a MEMBER, or one that was not there, is one statement
 * (`removeMemberStatement`). Removing an ADMIN takes the group's lock and fails with LAST_ADMIN,
 * changing nothing, when nobody else would be left to manage it.
 */
export async function removeMember(ctx: Context, userId: number, groupId: number): Promise<MembershipWrite> {
  if (ctx.viewerId === undefined) return { refused: mayRemove(userId, groupId) };
  const values: MembershipKeys = { viewerId: ctx.viewerId, userId, groupId };
  const [outcome] = await membershipStatements(ctx.db).remove.execute(values);
  if (!outcome) throw new Error('The access CTE has exactly one row.');
  if (!allowed(outcome)) return { refused: mayRemove(userId, groupId) };
  if (outcome.removed) return { changed: true };
  if (!outcome.userExists) throw userNotFound();
  if (!outcome.isAdmin) return { changed: false };

  const changed = await ctx.db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    const [removedAdmin] = await tx
      .delete(usersToGroups)
      .where(membership(userId, groupId))
      .returning({ role: usersToGroups.role });
    // Removed by a concurrent request since the first statement.
    if (!removedAdmin) return false;
    if (removedAdmin.role === 'ADMIN') await ensureAdminRemains(tx, group);
    return true;
  });
  return { changed };
}

/**
 * Gives a member another role. Demoting an ADMIN takes the group's lock and fails with
 * LAST_ADMIN when they are its last one. NOT_FOUND when the user is not a member.
 *
 * @returns whether the role changed (false: the member already had it).
 */
export async function setMemberRole(
  ctx: Context,
  userId: number,
  groupId: number,
  role: MembershipRole,
): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const group = await lockGroup(tx, groupId);
    const [current] = await tx
      .select({ role: usersToGroups.role })
      .from(usersToGroups)
      .where(membership(userId, groupId))
      .for('update');
    if (!current) {
      await ensureUserExists(tx, userId);
      throw new NotFoundError('This user is not a member of the group. Add them with `addMember` first.');
    }
    if (current.role === role) return false;
    await tx.update(usersToGroups).set({ role }).where(membership(userId, groupId));
    if (role !== 'ADMIN') await ensureAdminRemains(tx, group);
    return true;
  });
}

export function membership(userId: Key, groupId: Key, ...more: SQL[]): SQL | undefined {
  return and(eq(usersToGroups.userId, userId), eq(usersToGroups.groupId, groupId), ...more);
}

async function ensureUserExists(tx: Transaction, userId: number): Promise<void> {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw userNotFound();
}
