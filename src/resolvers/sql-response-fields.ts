import { getTableName, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { groups, users, usersToGroups } from '../db/schema.ts';
import { DEFAULT_PAGE_SIZE, listLimit, MAX_PAGE_SIZE } from './pagination.ts';

/**
 * The fields PostgreSQL can answer by itself, as SQL that builds their JSON: the plain reads that
 * make up most member-list screens (ids, names, counts, a user's groups, a group's members). A
 * query made only of these is answered by one statement whose JSON text is sent as it is
 * (resolvers/sql-responses.ts); anything else (filters, orderings, cursors, fields that need the
 * viewer) goes through the resolvers. Each answer here must equal the resolver's: the tests run
 * every shape both ways and compare.
 */

/** A table aliased for one level of the query, so nested levels never share a name. */
export type UserRow = ReturnType<typeof alias<typeof users, string>>;
export type GroupRow = ReturnType<typeof alias<typeof groups, string>>;

export interface RowTypes {
  User: UserRow;
  Group: GroupRow;
}
export type ObjectTypeName = keyof RowTypes;

/** A value the statement is executed with, read from the request's field arguments. */
export type ArgumentReader = (args: Record<string, unknown>) => unknown;

/** The JSON of a selection on a row, and the joins (after the row's own) it reads from. */
export interface Selected {
  json: SQL;
  joins: SQL;
}

/** What a field needs from the compiler: the SQL of a nested selection, a parameter. */
export interface FieldContext {
  /** The JSON of the field's own selection on a row of `type`. */
  select<Type extends ObjectTypeName>(type: Type, row: RowTypes[Type]): Selected;
  /** A fresh alias of `type`'s table. */
  alias<Type extends ObjectTypeName>(type: Type): RowTypes[Type];
  /** A placeholder for a value read from the field's arguments when the request runs. */
  parameter(read: ArgumentReader): SQL;
  /**
   * The `value` of `query`, a select that yields one row, joined LATERAL beside the owner's row
   * rather than run as a subquery: PostgreSQL memoizes a join by its key (Memoize) but reruns a
   * subquery for every row, and in a nested list the same group or user comes back many times
   * (W3's member lists: 360 built for 500 groups, about 1.25 × the database's throughput).
   */
  beside(query: SQL): SQL;
}

export interface FieldAnswer<Row> {
  /** The arguments the field may be given; with any other, the resolvers answer. */
  arguments: readonly string[];
  sql(row: Row, context: FieldContext): SQL;
}

/** How FROM names an aliased table (drizzle's `${alias}` would name the table and the alias). */
export function aliasName(row: UserRow | GroupRow): SQL {
  return sql`${sql.identifier(getTableName(row))}`;
}

/** The Relay global ID Pothos encodes: base64 of "Type:key" (plugin-relay's encodeGlobalID). */
function globalId(typename: string, key: SQL.Aliased | SQL | unknown): SQL {
  return sql`encode(convert_to(${sql.raw(`'${typename}:'`)} || ${key}, 'UTF8'), 'base64')`;
}

/**
 * A timestamp as the DateTime scalar writes it: the resolvers hand it a Date, which JSON writes
 * with toISOString (UTC, milliseconds). Both drivers' Dates drop the microseconds, as MS does.
 */
const createdAt = (column: unknown): SQL =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const typename = (name: string): FieldAnswer<unknown> => ({
  arguments: [],
  sql: () => sql.raw(`'${name}'`),
});

export const tables = { User: users, Group: groups } as const;

/** `first` of a membership list, checked as the resolver checks it (`listLimit`). */
const pageSize: ArgumentReader = (args) => listLimit(args['first'] as number | null | undefined);

/**
 * A side's list through the junction, in the other side's ID order: the junction's primary key
 * (user_id, group_id) and its (group_id, user_id) index yield them in that order, and each row
 * is one primary-key probe (LATERAL … LIMIT 1 keeps the planner from a hash join).
 */
function membershipList<Row extends UserRow | GroupRow>(
  target: ObjectTypeName,
  ownKey: typeof usersToGroups.userId | typeof usersToGroups.groupId,
  otherKey: typeof usersToGroups.userId | typeof usersToGroups.groupId,
): FieldAnswer<Row> {
  const table = tables[target];
  return {
    arguments: ['first'],
    sql: (owner, context) => {
      const row = context.alias(target);
      const element = context.select(target, row);
      return context.beside(sql`select coalesce(json_agg(${element.json} order by junction.other_id), '[]') as value
        from (select ${otherKey} as other_id from ${usersToGroups}
          where ${ownKey} = ${owner.id}
          order by ${otherKey} limit ${context.parameter(pageSize)}) junction
        cross join lateral (select * from ${table} where ${table.id} = junction.other_id limit 1) ${aliasName(row)}
        ${element.joins}`);
    },
  };
}

export const objectFields: { [Type in ObjectTypeName]: Record<string, FieldAnswer<RowTypes[Type]>> } = {
  User: {
    __typename: typename('User'),
    id: { arguments: [], sql: (user) => globalId('User', user.id) },
    name: { arguments: [], sql: (user) => sql`${user.name}` },
    createdAt: { arguments: [], sql: (user) => createdAt(user.createdAt) },
    // relatedCount('memberships') counts junction rows; so does this.
    groupCount: {
      arguments: [],
      sql: (user, context) =>
        context.beside(
          sql`select count(*)::int as value from ${usersToGroups} where ${usersToGroups.userId} = ${user.id}`,
        ),
    },
    groups: membershipList('Group', usersToGroups.userId, usersToGroups.groupId),
  },
  Group: {
    __typename: typename('Group'),
    id: { arguments: [], sql: (group) => globalId('Group', group.id) },
    name: { arguments: [], sql: (group) => sql`${group.name}` },
    createdAt: { arguments: [], sql: (group) => createdAt(group.createdAt) },
    memberCount: { arguments: [], sql: (group) => sql`${group.memberCount}` },
    members: membershipList('User', usersToGroups.groupId, usersToGroups.userId),
  },
};

/**
 * A root field: a lookup by ID (`user`, `group`, `node`: null for an unknown ID, and for the
 * first two also NOT_FOUND, which the resolvers add), a batch of lookups (one answer per ID, in
 * order, null where unknown), or the first page of a whole table.
 */
export type RootFieldAnswer =
  | { kind: 'lookup'; types: readonly ObjectTypeName[]; arguments: readonly string[]; missIsError: boolean }
  | { kind: 'batch'; types: readonly ObjectTypeName[]; arguments: readonly string[] }
  | { kind: 'connection'; type: ObjectTypeName; arguments: readonly string[]; typename: string };

const nodeTypes: readonly ObjectTypeName[] = ['User', 'Group'];

export const rootFields: Record<string, RootFieldAnswer> = {
  user: { kind: 'lookup', types: ['User'], arguments: ['id'], missIsError: true },
  group: { kind: 'lookup', types: ['Group'], arguments: ['id'], missIsError: true },
  node: { kind: 'lookup', types: nodeTypes, arguments: ['id'], missIsError: false },
  usersByIds: { kind: 'batch', types: ['User'], arguments: ['ids'] },
  groupsByIds: { kind: 'batch', types: ['Group'], arguments: ['ids'] },
  nodes: { kind: 'batch', types: nodeTypes, arguments: ['ids'] },
  users: { kind: 'connection', type: 'User', arguments: ['first'], typename: 'UserConnection' },
  groups: { kind: 'connection', type: 'Group', arguments: ['first'], typename: 'GroupConnection' },
};

/**
 * `first` of a root connection, as plugin-drizzle's connection reads it with `connectionPageSize`.
 * Zero is left to the resolvers: an empty page's pageInfo is the plugin's to define.
 */
export const connectionPageSize: ArgumentReader = (args) => {
  const first = args['first'];
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new RangeError('first');
  }
  return first;
};
