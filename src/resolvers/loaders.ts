import DataLoader from 'dataloader';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { groups, type MembershipRole, users, usersToGroups } from '../db/schema.ts';
import type { MembershipCount } from './membership-count.ts';
import { perDb, statementName } from '../db/prepared.ts';
import { viewerExists, viewerIsGroupAdmin } from './viewer.ts';

export type Loaders = RequestLoaders;

/**
 * Request-scoped loaders and memos for what plugin-drizzle cannot fold into the parent query, and
 * the per-request pieces of what it can (the membership counts connections select as `extras`).
 * Each is made on first use: most requests need none, and making all of them for every request
 * was about 5% of a small query's CPU. Getters on the class, not the object, so the context
 * merges Yoga and envelop do (which copy own properties) do not make them all.
 */
class RequestLoaders {
  private made: Partial<{
    viewerExists: () => Promise<boolean>;
    viewerAccessByGroupId: DataLoader<number, GroupAccess | null>;
    membershipCounts: Map<string, MembershipCount>;
    userById: DataLoader<number, typeof users.$inferSelect | null>;
    groupById: DataLoader<number, typeof groups.$inferSelect | null>;
  }> = {};

  constructor(
    private readonly db: Db,
    private readonly viewerId: number,
  ) {}

  get viewerExists() {
    return (this.made.viewerExists ??= viewerExistsOnce(this.db, this.viewerId));
  }

  get viewerAccessByGroupId() {
    return (this.made.viewerAccessByGroupId ??= viewerAccessByGroupId(this.db, this.viewerId));
  }

  /** The count selections of membership connections, per list and filter (membership-count.ts). */
  get membershipCounts() {
    return (this.made.membershipCounts ??= new Map());
  }

  // Federation's _entities resolves each representation on its own; these batch them.
  get userById() {
    return (this.made.userById ??= rowById(this.db, users));
  }

  get groupById() {
    return (this.made.groupById ??= rowById(this.db, groups));
  }
}

export function createLoaders(db: Db, viewerId: number | undefined): Loaders {
  return new RequestLoaders(db, viewerId ?? 0);
}

export type EventLoaders = ReturnType<typeof createEventLoaders>;

/**
 * The users and groups of one batch of membership events, shared by every subscriber the batch
 * goes to: a thousand subscribers selecting `group { memberCount }` cost one statement, not a
 * thousand. Made per batch, so a row is never older than the events it answers for.
 */
export function createEventLoaders(db: Db) {
  // Subscribers run their selections on separate turns of the event loop as their streams wake
  // up; waiting for the next turn gathers them into one batch.
  const scheduleOnNextTurn = (dispatch: () => void) => void setImmediate(dispatch);
  return {
    userById: rowById(db, users, scheduleOnNextTurn),
    groupById: rowById(db, groups, scheduleOnNextTurn),
  };
}

function rowById<Table extends typeof users | typeof groups>(
  db: Db,
  table: Table,
  batchScheduleFn?: (dispatch: () => void) => void,
): DataLoader<number, Table['$inferSelect'] | null> {
  return new DataLoader(async (ids) => {
    const rows = (await db
      .select()
      .from(table as typeof users)
      .where(inArray(table.id, [...ids]))) as Table['$inferSelect'][];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }, batchScheduleFn && { batchScheduleFn });
}

/**
 * The viewer's statements, built once per Db (prepared.ts): every authorization check of a
 * signed-in request runs one of them.
 */
const viewerStatements = perDb((db) => {
  const viewerId = sql.placeholder('viewerId');
  return {
    exists: db
      .select({ exists: viewerExists(viewerId) })
      .from(sql`(values (1)) as one`)
      .prepare(statementName('viewer_exists')),
    // `= any(array)`, not `in (…)`: one parameter for any number of groups, so one statement.
    accessByGroupId: db
      .select({
        groupId: groups.id,
        role: usersToGroups.role,
        isAdmin: viewerIsGroupAdmin(viewerId, groups.id),
        viewerExists: viewerExists(viewerId),
      })
      .from(groups)
      .leftJoin(usersToGroups, and(eq(usersToGroups.groupId, groups.id), eq(usersToGroups.userId, viewerId)))
      .where(sql`${groups.id} = any(${sql.placeholder('groupIds')})`)
      .prepare(statementName('viewer_access_by_group_id')),
  };
});

/** Whether the signed-in viewer's account exists, asked at most once per request. */
function viewerExistsOnce(db: Db, viewerId: number): () => Promise<boolean> {
  let answer: Promise<boolean> | undefined;
  return () =>
    (answer ??= viewerStatements(db)
      .exists.execute({ viewerId })
      .then(([row]) => row?.exists === true));
}

/** What the viewer may do in a group: null when the group does not exist. */
export interface GroupAccess {
  role: MembershipRole | null;
  isAdmin: boolean;
  viewerExists: boolean;
}

/**
 * The viewer's role in each requested group, and whether the viewer exists, in one statement:
 * each authorization check of a request costs at most one round trip, whatever it guards.
 * `isAdmin` is the same SQL that addMember and removeMember check inside their own statements.
 */
function viewerAccessByGroupId(db: Db, viewerId: number): DataLoader<number, GroupAccess | null> {
  return new DataLoader(async (groupIds) => {
    const rows = await viewerStatements(db).accessByGroupId.execute({ viewerId, groupIds: [...groupIds] });
    const byGroup = new Map(rows.map((row) => [row.groupId, row]));
    return groupIds.map((id) => {
      const row = byGroup.get(id);
      return row ? { role: row.role, isAdmin: row.isAdmin, viewerExists: row.viewerExists } : null;
    });
  });
}
