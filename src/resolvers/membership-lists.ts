import { and, type AnyColumn, asc, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { groups, type MembershipRole, users, usersToGroups } from '../db/schema.ts';
import { BadUserInputError } from './errors.ts';
import { nameCondition, type NameFilter } from './name-search.ts';

/**
 * How a membership list (`Group.members`, `User.groups` and their connections) is ordered and
 * filtered, as the pieces of the relational query that reads its junction rows. Every list pages
 * over junction rows, so each ordering is a key of the junction row: one of its columns, or the
 * other side's column read by key (`extras`), which keyset pagination compares like a column.
 */

export type OrderDirection = 'ASC' | 'DESC';
export type MemberOrderField = 'NAME' | 'JOINED_AT' | 'ID';
export type GroupOrderField = 'NAME' | 'JOINED_AT' | 'MEMBER_COUNT' | 'ID';

export interface OrderTerm<Field extends string> {
  field: Field;
  direction?: OrderDirection | null | undefined;
}

export interface MembershipFilter extends NameFilter {
  role?: MembershipRole | null | undefined;
  joinedAfter?: Date | null | undefined;
  joinedBefore?: Date | null | undefined;
  /** Only groups this user belongs to as well (`User.sharedGroups`). */
  sharedWith?: number | undefined;
}

type Junction = typeof usersToGroups;
type Direction = 'asc' | 'desc';

/** A key a list can be ordered by: a junction column, or an expression selected as an extra. */
interface SortKey {
  /** The row's property holding the key, which the cursor records. */
  readonly key: string;
  readonly sql: (row: Junction) => SQL | AnyColumn;
  /** Set when the key is the other side's column, selected beside the row's own. */
  readonly extra?: (row: Junction) => SQL;
}

// Read through the other side's primary key: one index lookup per junction row. Module-level
// so plugin-drizzle sees the same function each time (it merges `extras` by identity).
const memberName = (row: Junction) =>
  sql<string>`(select ${users.name} from ${users} where ${users.id} = ${row.userId})`;
const groupName = (row: Junction) =>
  sql<string>`(select ${groups.name} from ${groups} where ${groups.id} = ${row.groupId})`;
const groupMemberCount = (row: Junction) =>
  sql<number>`(select ${groups.memberCount} from ${groups} where ${groups.id} = ${row.groupId})`;

const joinedAt: SortKey = { key: 'joinedAt', sql: (row) => row.joinedAt };

/** One side of the junction: what its lists are ordered and searched by. */
export interface MembershipSide<Field extends string> {
  /** The list's name in cursors and messages. */
  readonly name: string;
  readonly sortKeys: Record<Field, SortKey>;
  /** The key that makes an order unique within one parent: the other side's ID. */
  readonly id: Field;
  /** The other side's name, for `nameStartsWith`/`nameContains`. */
  readonly relation: 'user' | 'group';
}

export const memberSide: MembershipSide<MemberOrderField> = {
  name: 'members',
  sortKeys: {
    NAME: { key: 'memberName', sql: memberName, extra: memberName },
    JOINED_AT: joinedAt,
    ID: { key: 'userId', sql: (row) => row.userId },
  },
  id: 'ID',
  relation: 'user',
};

export const groupSide: MembershipSide<GroupOrderField> = {
  name: 'groups',
  sortKeys: {
    NAME: { key: 'groupName', sql: groupName, extra: groupName },
    JOINED_AT: joinedAt,
    MEMBER_COUNT: { key: 'groupMemberCount', sql: groupMemberCount, extra: groupMemberCount },
    ID: { key: 'groupId', sql: (row) => row.groupId },
  },
  id: 'ID',
  relation: 'group',
};

/** A list's order, resolved: the keys in order (ID last, so every position is unique). */
export interface MembershipOrder {
  readonly terms: readonly { readonly key: SortKey; readonly direction: Direction }[];
  /** Names the order in cursors, so a cursor from another order or list is refused. */
  readonly signature: string;
}

export function membershipOrder<Field extends string>(
  side: MembershipSide<Field>,
  requested: readonly OrderTerm<Field>[] | null | undefined,
): MembershipOrder {
  const terms: { field: Field; direction: OrderDirection }[] = [];
  for (const term of requested ?? []) {
    if (terms.some((earlier) => earlier.field === term.field)) {
      throw new BadUserInputError(`\`orderBy\` names ${term.field} twice; name each field at most once.`);
    }
    // Anything after the ID is already decided by it.
    if (terms.some((earlier) => earlier.field === side.id)) break;
    terms.push({ field: term.field, direction: term.direction ?? 'ASC' });
  }
  if (!terms.some((term) => term.field === side.id)) terms.push({ field: side.id, direction: 'ASC' });
  return {
    terms: terms.map((term) => ({
      key: side.sortKeys[term.field],
      direction: term.direction === 'ASC' ? 'asc' : 'desc',
    })),
    signature: `${side.name}:${terms.map((term) => `${term.field}_${term.direction}`).join(',')}`,
  };
}

/** The order as plugin-drizzle's connection helpers take it: by row property, with its extras. */
export function connectionOrder(order: MembershipOrder) {
  const extras: Record<string, (row: Junction) => SQL> = {};
  const orderBy: Record<string, Direction> = {};
  for (const { key, direction } of order.terms) {
    if (key.extra) extras[key.key] = key.extra;
    orderBy[key.key] = direction;
  }
  return { extras, orderBy };
}

type ListOrderBy = Record<string, Direction> | ((row: Junction) => SQL[]);
const listOrders = new Map<string, ListOrderBy>();

/**
 * The order as a list's relational query takes it, where nothing but the rows is selected: by
 * column where it can be, else by expression. One object per order, so plugin-drizzle, which
 * compares a query's arguments, sees equal orders as equal.
 */
export function listOrder(order: MembershipOrder): ListOrderBy {
  let orderBy = listOrders.get(order.signature);
  if (orderBy === undefined) {
    orderBy = order.terms.some(({ key }) => key.extra)
      ? (row) => order.terms.map(({ key, direction }) => (direction === 'asc' ? asc : desc)(key.sql(row)))
      : Object.fromEntries(order.terms.map(({ key, direction }) => [key.key, direction]));
    listOrders.set(order.signature, orderBy);
  }
  return orderBy;
}

const OTHER_MEMBERSHIP = 'other_membership';
const otherMembership = alias(usersToGroups, OTHER_MEMBERSHIP);
// Interpolated, an alias renders as its name alone; a FROM clause needs the table it stands for.
const otherMembershipSource = sql`${usersToGroups} as ${sql.identifier(OTHER_MEMBERSHIP)}`;

/**
 * SQL: the junction row passes the filter, or undefined for no filter. Given the row's table or
 * the alias a relational query reads it through, so one definition serves a list's rows and the
 * count of them (`totalCount`). The name filters read the other side by its primary key.
 */
export function membershipCondition(
  side: MembershipSide<string>,
  filter: MembershipFilter | null | undefined,
): ((row: Junction) => SQL) | undefined {
  if (!filter) return undefined;
  const { role, joinedAfter, joinedBefore, sharedWith } = filter;
  if (joinedAfter && joinedBefore && joinedAfter >= joinedBefore) {
    throw new BadUserInputError(
      `\`joinedAfter\` (${joinedAfter.toISOString()}) must be earlier than \`joinedBefore\` (${joinedBefore.toISOString()}).`,
    );
  }
  const other = side.relation === 'user' ? users : groups;
  const name = nameCondition(other.name, filter);
  if (!role && !joinedAfter && !joinedBefore && !name && sharedWith === undefined) return undefined;
  return (row) =>
    and(
      role ? eq(row.role, role) : undefined,
      joinedAfter ? gt(row.joinedAt, joinedAfter) : undefined,
      joinedBefore ? lt(row.joinedAt, joinedBefore) : undefined,
      name
        ? sql`exists (select from ${other} where ${other.id} = ${side.relation === 'user' ? row.userId : row.groupId} and ${name})`
        : undefined,
      sharedWith === undefined
        ? undefined
        : sql`exists (select from ${otherMembershipSource} where ${otherMembership.groupId} = ${row.groupId} and ${otherMembership.userId} = ${sharedWith})`,
    ) as SQL;
}

/**
 * A filter's identity, for finding what was built from it (the count a connection selected).
 * Canonical: plugin-drizzle plans a field with the arguments it reads from the document, where a
 * condition given as a null variable can be absent, and the resolver sees it as null.
 */
export function filterKey(filter: MembershipFilter | null | undefined): string {
  if (!filter) return '';
  const given = Object.entries(filter).filter(([, value]) => value != null);
  given.sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(given);
}

/** Prefixes a connection's cursors with its field and order; see `innerCursor`. */
export function orderedCursor(field: string, order: MembershipOrder, cursor: string): string {
  return Buffer.from(`${field}/${order.signature}|${cursor}`).toString('base64url');
}

/**
 * The plugin's cursor inside one of ours, refused unless it was made for this list and order: a
 * position in one order means nothing in another.
 */
export function innerCursor(field: string, order: MembershipOrder, argument: string, cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const separator = decoded.indexOf('|');
  if (separator < 0 || decoded.slice(0, separator) !== `${field}/${order.signature}`) {
    throw new BadUserInputError(
      `\`${argument}\` is not a cursor of this list in this order. Use a cursor this field returned with the same \`orderBy\`, or start again without one.`,
    );
  }
  return decoded.slice(separator + 1);
}

interface CursorArgs {
  after?: string | null | undefined;
  before?: string | null | undefined;
}

/** A connection's arguments with our cursors unwrapped, as plugin-drizzle's helpers read them. */
export function pluginCursorArgs<Args extends CursorArgs>(
  field: string,
  order: MembershipOrder,
  args: Args,
): Args {
  if (args.after == null && args.before == null) return args;
  return {
    ...args,
    after: args.after == null ? args.after : innerCursor(field, order, 'after', args.after),
    before: args.before == null ? args.before : innerCursor(field, order, 'before', args.before),
  };
}

interface Page {
  edges: ({ cursor: string } | null)[];
  pageInfo: { startCursor?: string | null; endCursor?: string | null };
}

/** The page plugin-drizzle's helpers resolved, its cursors wrapped in ours (`orderedCursor`). */
export function withOrderedCursors<P extends Page>(field: string, order: MembershipOrder, page: P): P {
  const wrap = (cursor: string | null | undefined) =>
    cursor == null ? null : orderedCursor(field, order, cursor);
  for (const edge of page.edges) {
    if (edge) edge.cursor = orderedCursor(field, order, edge.cursor);
  }
  page.pageInfo.startCursor = wrap(page.pageInfo.startCursor);
  page.pageInfo.endCursor = wrap(page.pageInfo.endCursor);
  return page;
}
