/**
 * The DataLoaders of the DataLoader baseline. Every batch is one statement, and every answer
 * follows the key order, as DataLoader pairs answers with keys by position.
 */
import DataLoader from 'dataloader';
import { asGroup, asUser, type GroupRow, type UserRow } from './graphql-server.ts';
import type { CountingDb } from './shared.ts';

type Plain = { id: number; name: string };
type KeyedRow = Plain & { key: number };

/**
 * Lists cut at `first` per parent. row_number() restarts for each parent, so one statement
 * serves every parent in the batch with its own limit; `$2` is the limit.
 */
const groupsOfUsersSql = `
  select ranked.user_id as key, g.id, g.name
  from (select user_id, group_id,
               row_number() over (partition by user_id order by group_id) as position
        from users_to_groups where user_id = any($1::int[])) ranked
  join groups g on g.id = ranked.group_id
  where ranked.position <= $2
  order by ranked.user_id, ranked.group_id`;

const membersOfGroupsSql = `
  select ranked.group_id as key, u.id, u.name
  from (select group_id, user_id,
               row_number() over (partition by group_id order by user_id) as position
        from users_to_groups where group_id = any($1::int[])) ranked
  join users u on u.id = ranked.user_id
  where ranked.position <= $2
  order by ranked.group_id, ranked.user_id`;

/**
 * One loader per distinct `first`: a batch shares one limit, and W3 asks `groups` (100) and
 * `members(first: 20)` at different levels, so keying by parent id alone would mix them.
 */
function listLoaders<Row>(
  db: CountingDb,
  sql: string,
  toRow: (row: Plain) => Row,
): (first: number) => DataLoader<number, Row[]> {
  const byLimit = new Map<number, DataLoader<number, Row[]>>();
  return (first) => {
    let loader = byLimit.get(first);
    if (!loader) {
      loader = new DataLoader<number, Row[]>(async (keys) => {
        const lists = new Map<number, Row[]>(keys.map((key) => [key, []]));
        for (const row of await db.query<KeyedRow>(sql, [keys, first])) {
          lists.get(row.key)?.push(toRow(row));
        }
        return keys.map((key) => lists.get(key) ?? []);
      });
      byLimit.set(first, loader);
    }
    return loader;
  };
}

function byIdLoader<Row>(db: CountingDb, table: 'users' | 'groups', toRow: (row: Plain) => Row) {
  return new DataLoader<number, Row | null>(async (ids) => {
    const rows = await db.query<Plain>(`select id, name from ${table} where id = any($1::int[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, toRow(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function createLoaders(db: CountingDb) {
  return {
    userById: byIdLoader<UserRow>(db, 'users', asUser),
    groupById: byIdLoader<GroupRow>(db, 'groups', asGroup),
    groupsByUserId: listLoaders<GroupRow>(db, groupsOfUsersSql, asGroup),
    membersByGroupId: listLoaders<UserRow>(db, membersOfGroupsSql, asUser),
    memberCountByGroupId: new DataLoader<number, number>(async (groupIds) => {
      // The column the trigger keeps (see src/db/schema.ts), as the API and the floor read it.
      const rows = await db.query<{ key: number; count: number }>(
        'select id as key, member_count as count from groups where id = any($1::int[])',
        [groupIds],
      );
      const counts = new Map(rows.map((row) => [row.key, row.count]));
      return groupIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
