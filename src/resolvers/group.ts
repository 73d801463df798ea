import { eq } from 'drizzle-orm';
import { groups } from '../db/schema.ts';
import type { Context } from './context.ts';
import { NotFoundError, rethrowWriteError } from './errors.ts';
import { cleanName } from './input.ts';

const nameTaken = 'Another group already has this name.';

export function groupNotFound(): NotFoundError {
  return new NotFoundError('No group has this ID. It may have been deleted.');
}

export async function createGroup(ctx: Context, input: { name: string }): Promise<number> {
  try {
    const [created] = await ctx.db
      .insert(groups)
      .values({ name: cleanName(input.name, 'Group') })
      .returning({ id: groups.id });
    // INSERT … RETURNING without ON CONFLICT returns its row or throws.
    return (created as { id: number }).id;
  } catch (error) {
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

export function countGroups(ctx: Context): Promise<number> {
  return ctx.db.$count(groups);
}
