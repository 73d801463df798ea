import DataLoader from 'dataloader';
import { count, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { groups, users, usersToGroups } from '../db/schema.ts';

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Request-scoped loaders for what plugin-drizzle cannot fold into the parent query.
 * The junction-based connections (groupsConnection, membersConnection) page over junction rows
 * through connection helpers, which have no planned `totalCount`; these count them in one
 * grouped statement per level instead of one per parent.
 */
export function createLoaders(db: Db) {
  return {
    membershipCountByUserId: membershipCountBy(db, usersToGroups.userId),
    membershipCountByGroupId: membershipCountBy(db, usersToGroups.groupId),
    // Federation's _entities resolves each representation on its own; these batch them.
    userById: rowById(db, users),
    groupById: rowById(db, groups),
  };
}

function membershipCountBy(
  db: Db,
  key: typeof usersToGroups.userId | typeof usersToGroups.groupId,
): DataLoader<number, number> {
  return new DataLoader<number, number>(async (ids) => {
    const rows = await db
      .select({ id: key, total: count() })
      .from(usersToGroups)
      .where(inArray(key, [...ids]))
      .groupBy(key);
    const totals = new Map(rows.map((row) => [row.id, row.total]));
    // DataLoader pairs answers with keys by position, so follow the key order exactly.
    return ids.map((id) => totals.get(id) ?? 0);
  });
}

function rowById<Table extends typeof users | typeof groups>(
  db: Db,
  table: Table,
): DataLoader<number, Table['$inferSelect'] | null> {
  return new DataLoader(async (ids) => {
    const rows = (await db
      .select()
      .from(table as typeof users)
      .where(inArray(table.id, [...ids]))) as Table['$inferSelect'][];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
