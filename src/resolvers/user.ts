import { eq } from 'drizzle-orm';
import { users } from '../db/schema.ts';
import { ensureOtherAdminsRemain } from './admins.ts';
import type { Context } from './context.ts';
import { nameCondition, type NameFilter } from './name-search.ts';
import { BadUserInputError, NotFoundError, rethrowWriteError } from './errors.ts';
import { cleanEmail, cleanName } from './input.ts';

const emailTaken = 'Another user already has this email address.';

export function userNotFound(): NotFoundError {
  return new NotFoundError('No user has this ID. It may have been deleted.');
}

export async function createUser(ctx: Context, input: { name: string; email: string }): Promise<number> {
  const values = { name: cleanName(input.name, 'User'), email: cleanEmail(input.email) };
  try {
    const [created] = await ctx.db.insert(users).values(values).returning({ id: users.id });
    // INSERT … RETURNING without ON CONFLICT returns its row or throws.
    return (created as { id: number }).id;
  } catch (error) {
    rethrowWriteError(error, { conflict: emailTaken });
  }
}

export async function updateUser(
  ctx: Context,
  id: number,
  input: { name?: string | null | undefined; email?: string | null | undefined },
): Promise<number> {
  const changes = {
    ...(input.name != null && { name: cleanName(input.name, 'User') }),
    ...(input.email != null && { email: cleanEmail(input.email) }),
  };
  if (Object.keys(changes).length === 0) {
    throw new BadUserInputError('Give at least one of `name` or `email` to change.');
  }
  try {
    const [updated] = await ctx.db
      .update(users)
      .set(changes)
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!updated) throw userNotFound();
    return updated.id;
  } catch (error) {
    rethrowWriteError(error, { conflict: emailTaken });
  }
}

/**
 * Deletes the user; the foreign keys cascade to their memberships in the same statement.
 * LAST_ADMIN, deleting nothing, when a group they administer would be left without an admin.
 */
export async function deleteUser(ctx: Context, id: number): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await ensureOtherAdminsRemain(tx, id);
    const [deleted] = await tx.delete(users).where(eq(users.id, id)).returning({ id: users.id });
    if (!deleted) throw userNotFound();
    return deleted.id;
  });
}

/** How many users there are, or how many the name filter keeps. */
export function countUsers(ctx: Context, filter?: NameFilter | null): Promise<number> {
  return ctx.db.$count(users, nameCondition(users.name, filter));
}
