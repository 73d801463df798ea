import { and, eq, type SQL, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Transaction } from '../db/client.ts';
import { groups, type MembershipRole, users, usersToGroups } from '../db/schema.ts';
import { ensureAdminRemains, lockGroup } from './admins.ts';
import type { Context } from './context.ts';
import { NotFoundError, postgresErrorOf, SqlState } from './errors.ts';
import { groupNotFound } from './group.ts';
import { userNotFound } from './user.ts';

/** The junction's foreign key to users, by the name drizzle-kit gave it in the migration. */
const userForeignKey = getTableConfig(usersToGroups)
  .foreignKeys.find((foreignKey) => foreignKey.reference().foreignTable === users)
  ?.getName();

/**
 * Adds the membership, as a MEMBER, in one statement. `ON CONFLICT DO NOTHING` makes it idempotent and safe
 * under concurrency: of any number of simultaneous adds of the same pair, exactly one inserts
 * the row. The foreign keys reject a missing user or group in the same statement, and their
 * row locks mean a concurrent delete either waits for this insert or makes it fail, so no
 * orphan row can be left behind.
 *
 * @returns whether a membership was created (false: it already existed).
 */
export async function addMember(ctx: Context, userId: number, groupId: number): Promise<boolean> {
  try {
    const inserted = await ctx.db
      .insert(usersToGroups)
      .values({ userId, groupId })
      .onConflictDoNothing()
      .returning({ userId: usersToGroups.userId });
    return inserted.length > 0;
  } catch (error) {
    const postgresError = postgresErrorOf(error);
    if (postgresError?.code === SqlState.foreignKeyViolation) {
      throw postgresError.constraint === userForeignKey ? userNotFound() : groupNotFound();
    }
    throw error;
  }
}

/**
 * Removes the membership. Removing a MEMBER, or one that was not there, is one statement: the
 * delete runs in a CTE beside the checks that tell a missing user or group (NOT_FOUND) from a
 * membership that was not there (`false`), and whether it is an ADMIN's. Removing an ADMIN takes
 * the group's lock and fails with LAST_ADMIN, changing nothing, when nobody else would be left
 * to manage it.
 *
 * @returns whether a membership was removed.
 */
export async function removeMember(ctx: Context, userId: number, groupId: number): Promise<boolean> {
  const removed = ctx.db.$with('removed').as(
    ctx.db
      .delete(usersToGroups)
      .where(membership(userId, groupId, eq(usersToGroups.role, 'MEMBER')))
      .returning({ userId: usersToGroups.userId }),
  );
  const [outcome] = await ctx.db
    .with(removed)
    .select({
      removed: sql<boolean>`exists (select from ${removed})`,
      isAdmin: sql<boolean>`exists (select from ${usersToGroups} where ${membership(userId, groupId, eq(usersToGroups.role, 'ADMIN'))})`,
      userExists: sql<boolean>`exists (select from ${users} where ${users.id} = ${userId})`,
      groupExists: sql<boolean>`exists (select from ${groups} where ${groups.id} = ${groupId})`,
    })
    .from(sql`(values (1)) as one`);
  if (outcome?.removed) return true;
  if (!outcome?.userExists) throw userNotFound();
  if (!outcome.groupExists) throw groupNotFound();
  if (!outcome.isAdmin) return false;

  return ctx.db.transaction(async (tx) => {
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

function membership(userId: number, groupId: number, ...more: SQL[]): SQL | undefined {
  return and(eq(usersToGroups.userId, userId), eq(usersToGroups.groupId, groupId), ...more);
}

async function ensureUserExists(tx: Transaction, userId: number): Promise<void> {
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw userNotFound();
}
