import { eq } from 'drizzle-orm';
import { groups, usersToGroups } from '../db/schema.ts';
import type { Context } from './context.ts';
import { nameCondition, type NameFilter } from './name-search.ts';
import { NotFoundError, postgresErrorOf, rethrowWriteError, SqlState, unknownViewer } from './errors.ts';
import { cleanName } from './input.ts';

const nameTaken = 'Another group already has this name.';

export function groupNotFound(): NotFoundError {
  return new NotFoundError('No group has this ID. It may have been deleted.');
}

/** Creates the group with its creator as its first ADMIN, in one transaction. */
export async function createGroup(ctx: Context, creatorId: number, input: { name: string }): Promise<number> {
  const name = cleanName(input.name, 'Group');
  try {
    return await ctx.db.transaction(async (tx) => {
      const [created] = await tx.insert(groups).values({ name }).returning({ id: groups.id });
      // INSERT … RETURNING without ON CONFLICT returns its row or throws.
      const groupId = (created as { id: number }).id;
      await tx.insert(usersToGroups).values({ userId: creatorId, groupId, role: 'ADMIN' });
      return groupId;
    });
  } catch (error) {
    // The creator's account was deleted while their token lived on.
    if (postgresErrorOf(error)?.code === SqlState.foreignKeyViolation) {
      throw unknownViewer();
    }
    rethrowWriteError(error, { conflict: nameTaken });
  }
}

export async function updateGroup(ctx: Context, id: number, input: { name: string }): Promise<number> {
  try {
    const [updated] = await ctx.db
      .update(groups)
      .set({ name: cleanName(input.name, 'Group') })
      .where(eq(groups.id, id))
      .returning({ id: groups.id });
    if (!updated) throw groupNotFound();
    return updated.id;
  } catch (error) {
    rethrowWriteError(error, { conflict: nameTaken });
  }
}

/** Deletes the group; the foreign keys cascade to its memberships in the same statement. */
export async function deleteGroup(ctx: Context, id: number): Promise<number> {
  const [deleted] = await ctx.db.delete(groups).where(eq(groups.id, id)).returning({ id: groups.id });
  if (!deleted) throw groupNotFound();
  return deleted.id;
}

/** How many groups there are, or how many the name filter keeps. */
export function countGroups(ctx: Context, filter?: NameFilter | null): Promise<number> {
  return ctx.db.$count(groups, nameCondition(groups.name, filter));
}
