import { and, asc, desc, eq, getColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { membershipEvents } from '../db/schema.ts';
import { BadUserInputError } from './errors.ts';

export type MembershipEventRow = typeof membershipEvents.$inferSelect;

/** Where an event sits in the log; events are delivered in this order. */
export interface EventPosition {
  txOrder: number;
  id: number;
}

/** Before every event. */
export const logStart: EventPosition = { txOrder: 0, id: 0 };

export function comparePositions(a: EventPosition, b: EventPosition): number {
  return a.txOrder - b.txOrder || a.id - b.id;
}

/** Which events a subscriber wants: one group's, one user's, or one membership's. */
export interface EventFilter {
  groupId?: number | undefined;
  userId?: number | undefined;
}

const cursorPrefix = 'membership-event:';

/** The opaque cursor of an event, to pass back as `after`. */
export function encodeEventCursor({ txOrder, id }: EventPosition): string {
  return Buffer.from(`${cursorPrefix}${txOrder}.${id}`).toString('base64url');
}

export function decodeEventCursor(cursor: string): EventPosition {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const match =
    decoded.startsWith(cursorPrefix) && /^(\d{1,15})\.(\d{1,15})$/.exec(decoded.slice(cursorPrefix.length));
  if (!match) {
    throw new BadUserInputError(
      `"${cursor.slice(0, 100)}" is not a membership event cursor. Pass the \`cursor\` of an event you received.`,
    );
  }
  return { txOrder: Number(match[1]), id: Number(match[2]) };
}

const position = sql`(${membershipEvents.txOrder}, ${membershipEvents.id})`;
const after = ({ txOrder, id }: EventPosition): SQL => sql`${position} > (${txOrder}, ${id})`;
const atMost = ({ txOrder, id }: EventPosition): SQL => sql`${position} <= (${txOrder}, ${id})`;
const inLogOrder = [asc(membershipEvents.txOrder), asc(membershipEvents.id)];

/**
 * The oldest transaction still running, read in the same snapshot as the rows beside it. An event
 * ordered below it is final: its transaction has ended, and every transaction that could still
 * commit an event orders it at or above this (see membershipEvents in db/schema.ts).
 */
const finalBelow = sql<number>`pg_snapshot_xmin(pg_current_snapshot())::text::bigint`.mapWith(Number);

/**
 * The events after `position`, in log order, up to `limit`, cut where they stop being final:
 * events committed behind an older transaction still open wait for a later read.
 */
export async function readFinalEvents(
  db: Db,
  position: EventPosition,
  limit: number,
): Promise<{ events: MembershipEventRow[]; full: boolean }> {
  const rows = await db
    .select({ ...getColumns(membershipEvents), finalBelow })
    .from(membershipEvents)
    .where(after(position))
    .orderBy(...inLogOrder)
    .limit(limit);
  const final = rows.findIndex((row) => row.txOrder >= row.finalBelow);
  const events = (final === -1 ? rows : rows.slice(0, final)).map(({ finalBelow: _, ...event }) => event);
  return { events, full: rows.length === limit };
}

/** The position of the newest final event: a new subscriber hears of everything after it. */
export async function readLogHead(db: Db): Promise<EventPosition> {
  const [head] = await db
    .select({ txOrder: membershipEvents.txOrder, id: membershipEvents.id })
    .from(membershipEvents)
    .where(sql`${membershipEvents.txOrder} < ${finalBelow}`)
    .orderBy(desc(membershipEvents.txOrder), desc(membershipEvents.id))
    .limit(1);
  return head ?? logStart;
}

/** The filter's events in (from, to], in log order: what a resuming subscriber missed. */
export function readFilteredEvents(
  db: Db,
  filter: EventFilter,
  from: EventPosition,
  to: EventPosition,
  limit: number,
): Promise<MembershipEventRow[]> {
  return db
    .select()
    .from(membershipEvents)
    .where(
      and(
        filter.groupId === undefined ? undefined : eq(membershipEvents.groupId, filter.groupId),
        filter.userId === undefined ? undefined : eq(membershipEvents.userId, filter.userId),
        after(from),
        atMost(to),
      ),
    )
    .orderBy(...inLogOrder)
    .limit(limit);
}

/**
 * Whether the log still holds the event at `position`. Pruning removes a prefix of the log
 * (pruneEvents), so when it does, everything after it is still there for a subscriber to resume.
 */
export async function eventIsKept(db: Db, { txOrder, id }: EventPosition): Promise<boolean> {
  const rows = await db
    .select({ id: membershipEvents.id })
    .from(membershipEvents)
    .where(and(eq(membershipEvents.txOrder, txOrder), eq(membershipEvents.id, id)));
  return rows.length > 0;
}

/**
 * Deletes events older than `retentionSeconds` a batch at a time, so no statement holds many row
 * locks or runs long. It removes a prefix of the log, up to the newest expired event, never a
 * scattered set: a cursor's event still kept means nothing after it is gone.
 */
export async function pruneEvents(db: Db, retentionSeconds: number, batchSize = 5_000): Promise<number> {
  let pruned = 0;
  for (;;) {
    const deleted = await db.execute(sql`
      with boundary as (
        select tx_order, id from ${membershipEvents}
        where at < now() - make_interval(secs => ${retentionSeconds})
        order by tx_order desc, id desc
        limit 1
      ), doomed as (
        select e.tx_order, e.id from ${membershipEvents} e, boundary b
        where (e.tx_order, e.id) <= (b.tx_order, b.id)
        order by e.tx_order, e.id
        limit ${batchSize}
      )
      delete from ${membershipEvents} e using doomed d
      where e.tx_order = d.tx_order and e.id = d.id`);
    // Both drivers report the count, under different names.
    const result = deleted as unknown as { rowCount?: number | null; affectedRows?: number };
    const count = result.rowCount ?? result.affectedRows ?? 0;
    pruned += count;
    if (count < batchSize) return pruned;
  }
}
