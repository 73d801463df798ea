import type { MembershipRole } from '../db/schema.ts';
import type { Context } from './context.ts';
import { signInRequired, unknownViewer } from './errors.ts';
import { groupNotFound } from './group.ts';

/**
 * Who the viewer is and what they may do. These answer the scopes of @pothos/plugin-scope-auth
 * (see schema/builder.ts); the fields they guard name the scopes beside their resolvers.
 * A token can outlive its user, so every check that grants something also checks that the
 * viewer still exists, in the same statement where it can.
 */

/** The viewer's key, once their user is known to exist; UNAUTHENTICATED otherwise. */
export async function requireViewer(ctx: Context): Promise<number> {
  if (ctx.viewerId === undefined) throw signInRequired();
  if (!(await ctx.loaders.viewerExists.load(ctx.viewerId))) throw unknownViewer();
  return ctx.viewerId;
}

/** Whether the viewer is this user (and still exists). */
export async function isSelf(ctx: Context, userId: number): Promise<boolean> {
  if (ctx.viewerId !== userId) return false;
  await requireViewer(ctx);
  return true;
}

/** The viewer's role in a group, or null when they are not a member. NOT_FOUND for an unknown group. */
export async function viewerRoleIn(ctx: Context, groupId: number): Promise<MembershipRole | null> {
  if (ctx.viewerId === undefined) return null;
  const access = await ctx.loaders.viewerAccessByGroupId.load(groupId);
  if (!access) throw groupNotFound();
  if (!access.viewerExists) throw unknownViewer();
  return access.role;
}

export async function isGroupAdmin(ctx: Context, groupId: number): Promise<boolean> {
  return (await viewerRoleIn(ctx, groupId)) === 'ADMIN';
}
