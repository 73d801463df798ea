import { and, eq, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { groups, users, usersToGroups } from '../db/schema.ts';
import type { Context } from './context.ts';
import { postgresErrorOf, SqlState } from './errors.ts';
import { groupNotFound } from './group.ts';
import { userNotFound } from './user.ts';

/** The junction's foreign key to users, by the name drizzle-kit gave it in the migration. */
const userForeignKey = getTableConfig(usersToGroups)
  .foreignKeys.find((foreignKey) => foreignKey.reference().foreignTable === users)
  ?.getName();

/**
 * Adds the membership in one statement. `ON CONFLICT DO NOTHING` makes it idempotent and safe
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
 * Removes the membership, and checks that the user and group exist, in one statement: the
 * delete runs in a CTE, and the checks only tell a missing user or group (NOT_FOUND) from a
 * membership that was not there (`false`). Two primary-key probes cost less than the second round
 * trip they replace, which half of the benchmark's removes (random pairs, mostly absent) paid.
 *
 * @returns whether a membership was removed.
 */
export async function removeMember(ctx: Context, userId: number, groupId: number): Promise<boolean> {
  const removed = ctx.db.$with('removed').as(
    ctx.db
      .delete(usersToGroups)
      .where(and(eq(usersToGroups.userId, userId), eq(usersToGroups.groupId, groupId)))
      .returning({ userId: usersToGroups.userId }),
  );
  const [outcome] = await ctx.db
    .with(removed)
    .select({
      removed: sql<boolean>`exists (select from ${removed})`,
      userExists: sql<boolean>`exists (select from ${users} where ${users.id} = ${userId})`,
      groupExists: sql<boolean>`exists (select from ${groups} where ${groups.id} = ${groupId})`,
    })
    .from(sql`(values (1)) as one`);
  if (outcome?.removed) return true;
  if (!outcome?.userExists) throw userNotFound();
  if (!outcome.groupExists) throw groupNotFound();
  return false;
}
