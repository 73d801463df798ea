import { and, type Column, eq, exists, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/pg-core';
import { type MembershipRole, users, usersToGroups } from '../db/schema.ts';
import type { Context } from './context.ts';
import { signInRequired, unknownViewer } from './errors.ts';
import { groupNotFound } from './group.ts';

/**
 * Who the viewer is and what they may do. These answer the scopes of @pothos/plugin-scope-auth
 * (see schema/builder.ts); the fields they guard name the scopes beside their resolvers.
 * A token can outlive its user, so every check that grants something also checks that the
 * viewer still exists, in the same statement where it can.
 *
 * Each rule is written once, as SQL: the loaders select it to answer a scope before a field
 * resolves, and a write that authorizes itself (addMember, removeMember) puts the same SQL into
 * its own statement through `viewerAdmitted`, so checking and writing are one round trip.
 * Both build their statements once and fill in the keys on each execution (prepared.ts), so a
 * rule takes its keys as values or as placeholders, and decides nothing in JavaScript.
 */

/** The rules fields may name in `authScopes`, each with the key it takes. */
export interface AuthScopes {
  /** Any signed-in user whose account exists. */
  authenticated: boolean;
  /** The viewer is this user (by key). */
  self: number;
  /** The viewer is an ADMIN of this group (by key). */
  groupAdmin: number;
}

/**
 * The rules a write can check inside its own statement; any one of them admits the viewer.
 * Keyed by numbers, or by the placeholders of a prepared statement that checks them.
 */
export type AnyOfScopes<Key = number> = Partial<Record<keyof Pick<AuthScopes, 'groupAdmin' | 'self'>, Key>>;

/** A user's or group's key in a rule: a value, or a placeholder filled in on each execution. */
export type Key = number | Placeholder<string, number>;

/**
 * A write its own statement refused: none of `refused` admits the viewer. The schema turns it
 * into the error a failed `authScopes` check gives (schema/refusal.ts).
 */
export interface Refused {
  refused: AnyOfScopes;
}

/** SQL: the viewer's account exists. */
export function viewerExists(viewerId: Key): SQL<boolean> {
  return sql<boolean>`exists (select from ${users} where ${users.id} = ${viewerId})`;
}

/** SQL: the viewer is this user, and their account exists. */
function viewerIsUser(viewerId: Key, userId: Key): SQL<boolean> {
  return sql<boolean>`exists (select from ${users} where ${users.id} = ${viewerId} and ${users.id} = ${userId})`;
}

// Its own alias, so the rule reads the same inside a statement that reads or writes the junction.
const viewerMembership = alias(usersToGroups, 'viewer_membership');
const subquery = new QueryBuilder();

/** SQL: the viewer is an ADMIN of the group, given by key or by a column of the enclosing query. */
export function viewerIsGroupAdmin(viewerId: Key, groupId: Key | Column): SQL<boolean> {
  return exists(
    subquery
      .select({ one: sql`1` })
      .from(viewerMembership)
      .where(
        and(
          eq(viewerMembership.userId, viewerId),
          eq(viewerMembership.groupId, groupId),
          eq(viewerMembership.role, 'ADMIN'),
        ),
      ),
  ) as SQL<boolean>;
}

/** SQL: at least one of the scopes admits the viewer. */
export function viewerAdmitted(viewerId: Key, scopes: AnyOfScopes<Key>): SQL<boolean> {
  const admitting = [
    scopes.groupAdmin === undefined ? undefined : viewerIsGroupAdmin(viewerId, scopes.groupAdmin),
    // Compared in SQL, not here: in a prepared statement both keys are placeholders.
    scopes.self === undefined ? undefined : viewerIsUser(viewerId, scopes.self),
  ];
  return (or(...admitting) ?? sql`false`) as SQL<boolean>;
}

/**
 * The order every check of a group's rule answers in, whether a loader or the write's own
 * statement found the facts: an unknown group is NOT_FOUND (nobody administers it), then a
 * token whose user is gone is UNAUTHENTICATED; only then may the rule refuse.
 */
export function ensureGroupAndViewerExist(found: { groupExists: boolean; viewerExists: boolean }): void {
  if (!found.groupExists) throw groupNotFound();
  if (!found.viewerExists) throw unknownViewer();
}

/** The viewer's key, once their user is known to exist; UNAUTHENTICATED otherwise. */
export async function requireViewer(ctx: Context): Promise<number> {
  if (ctx.viewerId === undefined) throw signInRequired();
  if (!(await ctx.loaders.viewerExists())) throw unknownViewer();
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
  ensureGroupAndViewerExist({ groupExists: access !== null, viewerExists: access?.viewerExists === true });
  return access?.role ?? null;
}

/** Whether the viewer is an ADMIN of the group (`viewerIsGroupAdmin`). NOT_FOUND for an unknown group. */
export async function isGroupAdmin(ctx: Context, groupId: number): Promise<boolean> {
  if (ctx.viewerId === undefined) return false;
  const access = await ctx.loaders.viewerAccessByGroupId.load(groupId);
  ensureGroupAndViewerExist({ groupExists: access !== null, viewerExists: access?.viewerExists === true });
  return access?.isAdmin === true;
}
