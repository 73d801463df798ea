import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Listen, Listening } from '../db/client.ts';
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
  membershipEventsChannel,
  type MembershipEventRow,
  pruneEvents,
  readFilteredEvents,
  readFinalEvents,
  readLogHead,
} from './membership-event-log.ts';

export interface MembershipEventHubOptions {
  db: Db;
  listen: Listen;
  /** How long the change log keeps events: a cursor older than this can no longer resume. */
  retentionSeconds: number;
  limits?: SubscriptionLimits | undefined;
  /** Told of the listener's outages and of failed reads and prunes; the hub retries on its own. */
  onError?: ((error: unknown, context: string) => void) | undefined;
}

export interface SubscribeOptions {
  filter: EventFilter;
  /** Resume after this event: every event of the filter after it is delivered first. */
  after?: EventPosition | undefined;
  /** What carries the subscription, for the per-connection limit; any object, compared by identity. */
  connection?: object | undefined;
}

/** Events read per statement, while catching up or while resuming a subscriber. */
const pageSize = 1_000;
/** Shortest time between two reads of the log: the most a notification waits for its read. */
const minReadIntervalMs = 5;
/**
 * Longest wait between reads while committed events are held back by an older open transaction
 * that sends no notification (it may change no memberships). A notification ends the wait early.
 */
const maxPendingWaitMs = 200;

function databaseUnavailable(): ServiceUnavailableError {
  return new ServiceUnavailableError(
    'The database is unavailable. Subscribe again in a few seconds with `after` set to the last cursor you received.',
  );
}

/**
 * One per server instance: holds the instance's one LISTEN connection, reads each committed batch
 * of membership events once and fans it out in memory to every subscriber whose filter matches.
 * Subscribers on other instances hear the same events from their own hub, because the events come
 * from the database, whichever instance (or other writer) made the change.
 */
export class MembershipEventHub {
  private readonly db: Db;
  private readonly subscribers: Subscribers;
  private state: 'starting' | 'live' | 'down' | 'stopped' = 'starting';
  /** The last event handed to subscribers; live subscribers hear of everything after it. */
  private head: EventPosition | undefined;
  /** The head being read for the first subscriber after none: later ones wait for the same. */
  private headRead: Promise<EventPosition> | undefined;
  private running = false;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  /** Ends the current wait for held-back events early: a notification came. */
  private wake: () => void = () => {};
  private listening: Listening | undefined;
  private stopped: () => void = () => {};
  private readonly stopping = new Promise<void>((resolve) => (this.stopped = resolve));
  private liveOnce: () => void = () => {};
  /** Resolves the first time the hub is listening; subscriptions are refused until then. */
  readonly ready = new Promise<void>((resolve) => (this.liveOnce = resolve));

  constructor(private readonly options: MembershipEventHubOptions) {
    this.db = options.db;
    // With nobody subscribed the hub stops reading the log (a write load would otherwise pay for
    // reads nobody uses) and reads its head again for the next subscriber.
    this.subscribers = new Subscribers(options.limits ?? defaultSubscriptionLimits, () => {
      this.head = undefined;
    });
  }

  /** A method, not a comparison in place: TypeScript would narrow `state` across the awaits. */
  private isStopped(): boolean {
    return this.state === 'stopped';
  }

  /**
   * The subscriptions whose start in the log is fixed: each hears of every change committed from
   * now on. One just made counts once its start is read, which is what a caller waits for before
   * making a change it must hear of.
   */
  get subscriptions(): number {
    return this.subscribers.following;
  }

  /** Listens until stop(), reconnecting after outages, and prunes the log meanwhile. */
  start(): void {
    // Once: a caller retrying its own start-up may call it again.
    if (this.running) return;
    this.running = true;
    void this.listenUntilStopped();
    void this.pruneUntilStopped();
  }

  /** Ends every stream with SERVICE_UNAVAILABLE, so clients resume on another instance. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.stopped();
    this.subscribers.endAll(
      new ServiceUnavailableError(
        'This server is shutting down. Subscribe again with `after` set to the last cursor you received.',
      ),
    );
    await this.listening?.close().catch(() => {});
  }

  subscribe({ filter, after, connection }: SubscribeOptions): AsyncIterableIterator<StreamItem> {
    if (this.state !== 'live') {
      throw new ServiceUnavailableError(
        'Live membership events are not available right now. Try again in a few seconds.',
      );
    }
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
        if (this.state === 'live' && this.subscribers.count > 0) {
          this.head = head;
          this.readNewEvents();
        }
        return head;
      })
      .finally(() => (this.headRead = undefined));
    return this.headRead;
  }

  /** Reads what has become final since the head; notifications that arrive meanwhile coalesce. */
  private readNewEvents(): void {
    if (this.state !== 'live' || !this.head) return;
    if (this.reading) {
      this.readAgain = true;
      this.wake();
      return;
    }
    this.reading = this.readUntilCaughtUp().finally(() => (this.reading = undefined));
  }

  private async readUntilCaughtUp(): Promise<void> {
    let pendingWait = minReadIntervalMs;
    let lastRead = 0;
    while (this.state === 'live' && this.head) {
      // Under a steady write load notifications come every millisecond; one read per interval
      // takes all of them at once, where a read per notification cost a round trip each.
      const sinceLastRead = performance.now() - lastRead;
      if (sinceLastRead < minReadIntervalMs) await sleep(minReadIntervalMs - sinceLastRead);
      lastRead = performance.now();
      this.readAgain = false;
      let batch: Awaited<ReturnType<typeof readFinalEvents>>;
      try {
        batch = await readFinalEvents(this.db, this.head, pageSize);
      } catch (error) {
        // The listener notices a lost database on its own; a failed read alone is retried.
        this.options.onError?.(error, 'reading membership events');
        await sleep(500);
        continue;
      }
      // Stopped following meanwhile: the last subscriber left, or the listener was lost.
      if (this.state !== 'live' || !this.head) return;
      const last = batch.events.at(-1);
      if (last) {
        this.subscribers.deliver(this.delivered(batch.events));
        this.head = { txOrder: last.txOrder, id: last.id };
      }
      if (batch.full) continue;
      if (batch.pending) {
        // Committed events wait behind an older transaction still open. Under a steady write
        // load that is always so for the newest ones, and they become final within a round trip
        // or two: look again soon after any progress or notification, later while nothing moves.
        pendingWait = last ? minReadIntervalMs : Math.min(pendingWait * 2, maxPendingWaitMs);
        if (!this.readAgain) await this.notificationOr(pendingWait);
        continue;
      }
      if (!this.readAgain) return;
    }
  }

  /** Waits `ms`, or less if a notification comes first. */
  private notificationOr(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (this.wake = () => {}));
  }

  private async listenUntilStopped(): Promise<void> {
    for (let attempt = 0; !this.isStopped(); attempt += 1) {
      try {
        this.listening = await this.options.listen(membershipEventsChannel, () => this.readNewEvents());
        if (this.isStopped()) break;
        // The head is read when someone subscribes, after this: an event committed in between
        // is read after it.
        this.head = undefined;
        this.state = 'live';
        this.liveOnce();
        attempt = 0;
        const lost = await Promise.race([this.listening.lost, this.stopping.then(() => undefined)]);
        if (lost === undefined) break;
        throw lost;
      } catch (error) {
        if (this.isStopped()) break;
        this.state = 'down';
        this.options.onError?.(error, 'listening for membership events');
        // Subscribers resume from their cursors once the database is back, here or elsewhere.
        this.subscribers.endAll(databaseUnavailable());
        await this.listening?.close().catch(() => {});
        this.listening = undefined;
        await Promise.race([sleep(Math.min(250 * 2 ** attempt, 5_000)), this.stopping]);
      }
    }
  }

  private async pruneUntilStopped(): Promise<void> {
    const intervalMs = Math.min(Math.max(this.options.retentionSeconds * 100, 1_000), 60_000);
    while (!this.isStopped()) {
      await Promise.race([sleep(intervalMs, undefined, { ref: false }), this.stopping]);
      if (this.state !== 'live') continue;
      await pruneEvents(this.db, this.options.retentionSeconds).catch((error: unknown) =>
        this.options.onError?.(error, 'pruning membership events'),
      );
    }
  }
}
