import type { Db } from '../db/client.ts';
import { CursorExpiredError, DomainError, isDatabaseUnavailable, ServiceUnavailableError } from './errors.ts';
import {
  type DeliveredEvent,
  defaultSubscriptionLimits,
  type StreamItem,
  type Subscriber,
  Subscribers,
  type SubscriptionLimits,
} from './event-subscribers.ts';
import { createEventLoaders } from './loaders.ts';
import {
  comparePositions,
  encodeEventCursor,
  type EventFilter,
  type EventPosition,
  eventIsKept,
  type MembershipEventRow,
  pruneEvents,
  readFilteredEvents,
  readFinalEvents,
  readLogHead,
} from './membership-event-log.ts';

export interface MembershipEventHubOptions {
  db: Db;
  /** How long the change log keeps events: a cursor older than this can no longer resume. */
  retentionSeconds: number;
  /** How often the log is read while someone subscribes: the longest an event waits for its read. */
  pollIntervalMs?: number | undefined;
  limits?: SubscriptionLimits | undefined;
  /** Told of failed reads and prunes; the hub retries on its own. */
  onError?: ((error: unknown, context: string) => void) | undefined;
}

export interface SubscribeOptions {
  filter: EventFilter;
  /** Resume after this event: every event of the filter after it is delivered first. */
  after?: EventPosition | undefined;
  /** What carries the subscription, for the per-connection limit; any object, compared by identity. */
  connection?: object | undefined;
}

export const defaultPollIntervalMs = 50;
/** Events read per statement, while catching up or while resuming a subscriber. */
const pageSize = 1_000;
/** The wait before reading again after a read failed for a reason other than a lost database. */
const retryAfterErrorMs = 500;

function databaseUnavailable(): ServiceUnavailableError {
  return new ServiceUnavailableError(
    'The database is unavailable. Subscribe again in a few seconds with `after` set to the last cursor you received.',
  );
}

function shuttingDown(): ServiceUnavailableError {
  return new ServiceUnavailableError(
    'This server is shutting down. Subscribe again with `after` set to the last cursor you received.',
  );
}

/**
 * One per server instance: while anyone subscribes, reads each committed batch of membership
 * events once per interval and fans it out in memory to every subscriber whose filter matches.
 * Subscribers on other instances hear the same events from their own hub, because the events come
 * from the database, whichever instance (or other writer) made the change.
 *
 * It polls rather than LISTENs: a transaction that sends a NOTIFY holds a cluster-wide lock
 * through its commit, so a notification per write serialized every writer's commits (4× fewer
 * insert/delete pairs per second in pgbench, docs/performance.md). A read per interval costs
 * the same under any write rate, and nothing while nobody subscribes.
 */
export class MembershipEventHub {
  private readonly db: Db;
  private readonly subscribers: Subscribers;
  private readonly pollIntervalMs: number;
  private hasStopped = false;
  /** The last event handed to subscribers; live subscribers hear of everything after it. */
  private head: EventPosition | undefined;
  /** The head being read for the first subscriber after none: later ones wait for the same. */
  private headRead: Promise<EventPosition> | undefined;
  private polling = false;
  /** Ends each wait in progress (the poll loop's, the prune loop's) early, for stop(). */
  private readonly waits = new Set<() => void>();
  private pruning = false;

  constructor(private readonly options: MembershipEventHubOptions) {
    this.db = options.db;
    this.pollIntervalMs = options.pollIntervalMs ?? defaultPollIntervalMs;
    // With nobody subscribed the hub stops reading the log (a write load would otherwise pay for
    // reads nobody uses) and reads its head again for the next subscriber.
    this.subscribers = new Subscribers(options.limits ?? defaultSubscriptionLimits, () => {
      this.head = undefined;
    });
  }

  /** A method, not a test of the field in place: TypeScript would narrow it across the awaits. */
  private isStopped(): boolean {
    return this.hasStopped;
  }

  /**
   * The subscriptions whose start in the log is fixed: each hears of every change committed from
   * now on. One just made counts once its start is read, which is what a caller waits for before
   * making a change it must hear of.
   */
  get subscriptions(): number {
    return this.subscribers.following;
  }

  /** Prunes the log until stop(); call it once the database is migrated. */
  start(): void {
    // Once: a caller retrying its own start-up may call it again.
    if (this.pruning) return;
    this.pruning = true;
    void this.pruneUntilStopped();
  }

  /** Ends every stream with SERVICE_UNAVAILABLE, so clients resume on another instance. */
  async stop(): Promise<void> {
    this.hasStopped = true;
    for (const endWait of this.waits) endWait();
    this.subscribers.endAll(shuttingDown());
  }

  subscribe({ filter, after, connection }: SubscribeOptions): AsyncIterableIterator<StreamItem> {
    if (this.isStopped()) throw shuttingDown();
    const subscriber = this.subscribers.add(filter, connection);
    // Where its live events start is fixed now, not when its transport first reads the stream:
    // a change committed after the subscription was accepted is one it hears of.
    const joinedAt = this.followingFrom();
    const joined = () => this.subscribers.markFollowing(subscriber);
    joinedAt.then(joined, () => {});
    const stream = this.stream(subscriber, after, joinedAt);
    return {
      next: () => stream.next(),
      // Ends the queue first: the stream may be waiting on it, and only then can it return.
      return: () => {
        subscriber.queue.end();
        return stream.return(undefined);
      },
      throw: (error: unknown) => {
        subscriber.queue.end();
        return stream.throw(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  private async *stream(
    subscriber: Subscriber,
    after: EventPosition | undefined,
    joinedAt: Promise<EventPosition>,
  ): AsyncGenerator<StreamItem, void, undefined> {
    try {
      yield* this.events(subscriber, after, await joinedAt);
    } catch (error) {
      if (error instanceof DomainError) yield error;
      else if (isDatabaseUnavailable(error)) yield databaseUnavailable();
      else throw error;
    } finally {
      // However the stream ends, the hub stops counting and feeding it.
      subscriber.queue.end();
    }
  }

  /** The events after `after` up to where the subscriber joined, then live ones, each once. */
  private async *events(
    { filter, queue }: Subscriber,
    after: EventPosition | undefined,
    joinedAt: EventPosition,
  ): AsyncGenerator<DeliveredEvent, void, undefined> {
    let last = joinedAt;
    if (after) {
      if (!(await eventIsKept(this.db, after))) {
        throw new CursorExpiredError(
          'This cursor is older than the membership events the server keeps. ' +
            'Load the list again, then subscribe without `after`.',
        );
      }
      last = after;
      // Stops early if the queue ends meanwhile; reading it then ends the stream the same way.
      catchingUp: while (!queue.ended) {
        const missed = await readFilteredEvents(this.db, filter, last, joinedAt, pageSize);
        for (const event of this.delivered(missed)) {
          if (queue.ended) break catchingUp;
          yield event;
          last = event;
        }
        if (missed.length < pageSize) break;
      }
      // A cursor from an instance that had read further than this one: skip what it has seen.
      if (comparePositions(after, last) > 0) last = after;
    }
    for (;;) {
      const next = await queue.next();
      if (next.done) return;
      if (comparePositions(next.value, last) <= 0) continue;
      last = next.value;
      yield next.value;
    }
  }

  /** A batch of rows as subscribers receive them, sharing one set of loaders for their rows. */
  private delivered(rows: MembershipEventRow[]): DeliveredEvent[] {
    const loaders = createEventLoaders(this.db);
    return rows.map((row) => ({ ...row, cursor: encodeEventCursor(row), loaders }));
  }

  /**
   * Where live events start for a new subscriber: the head, read first if the hub was not
   * following the log. The subscriber is registered before, and delivery starts only after,
   * so it hears of every event after the position it is given.
   */
  private async followingFrom(): Promise<EventPosition> {
    if (this.head) return this.head;
    this.headRead ??= readLogHead(this.db)
      .then((head) => {
        if (!this.isStopped() && this.subscribers.count > 0) {
          this.head = head;
          this.follow();
        }
        return head;
      })
      .finally(() => (this.headRead = undefined));
    return this.headRead;
  }

  /** Starts reading the log, unless the loop that reads it still runs: it will see the new head. */
  private follow(): void {
    if (this.polling) return;
    this.polling = true;
    void this.pollWhileFollowed();
  }

  /** Reads what has become final since the head, once per interval, until nobody follows. */
  private async pollWhileFollowed(): Promise<void> {
    try {
      while (!this.isStopped() && this.head) {
        const from = this.head;
        let batch: Awaited<ReturnType<typeof readFinalEvents>>;
        try {
          batch = await readFinalEvents(this.db, from, pageSize);
        } catch (error) {
          this.options.onError?.(error, 'reading membership events');
          if (isDatabaseUnavailable(error)) {
            // Subscribers resume from their cursors once the database is back, here or elsewhere;
            // the next one to come reads the head anew.
            this.subscribers.endAll(databaseUnavailable());
            return;
          }
          await this.waitUpTo(retryAfterErrorMs);
          continue;
        }
        // The last subscriber left and another came meanwhile: its head is where to go on from.
        if (this.head !== from) continue;
        const last = batch.events.at(-1);
        if (last) {
          this.subscribers.deliver(this.delivered(batch.events));
          this.head = { txOrder: last.txOrder, id: last.id };
        }
        if (!batch.full) await this.waitUpTo(this.pollIntervalMs);
      }
    } finally {
      // Here rather than after the promise settles: follow() called from now on starts a new loop.
      this.polling = false;
    }
  }

  /**
   * Waits `ms`, or less if stop() comes first. Not a race with a `stopping` promise: each race
   * would leave a reaction on it until it settles, 20 a second for as long as anyone subscribes.
   * `keepsProcessAlive: false` for waits that should not hold an otherwise idle process open.
   */
  private waitUpTo(ms: number, { keepsProcessAlive = true } = {}): Promise<void> {
    return new Promise<void>((resolve) => {
      const endWait = () => {
        clearTimeout(timer);
        this.waits.delete(endWait);
        resolve();
      };
      const timer = setTimeout(endWait, ms);
      if (!keepsProcessAlive) timer.unref();
      this.waits.add(endWait);
    });
  }

  private async pruneUntilStopped(): Promise<void> {
    const intervalMs = Math.min(Math.max(this.options.retentionSeconds * 100, 1_000), 60_000);
    while (!this.isStopped()) {
      await this.waitUpTo(intervalMs, { keepsProcessAlive: false });
      if (this.isStopped()) break;
      await pruneEvents(this.db, this.options.retentionSeconds).catch((error: unknown) =>
        this.options.onError?.(error, 'pruning membership events'),
      );
    }
  }
}
