import { type DomainError, SubscriptionTooSlowError, TooManySubscriptionsError } from './errors.ts';
import { EventQueue } from './event-stream.ts';
import type { EventLoaders } from './loaders.ts';
import type { EventFilter, MembershipEventRow } from './membership-event-log.ts';

/** An event as subscribers receive it, with the loaders its `user` and `group` come from. */
export interface DeliveredEvent extends MembershipEventRow {
  cursor: string;
  loaders: EventLoaders;
}

/**
 * What a subscription stream yields: events, and last, when it ends for a reason the client
 * must act on, that error. Yielded rather than thrown, so that every transport sends it as a
 * result with its code and then completes the stream, the same way over SSE and WebSocket.
 */
export type StreamItem = DeliveredEvent | DomainError;

export interface SubscriptionLimits {
  /** Open subscriptions on this server instance. */
  perInstance: number;
  /** Open subscriptions on one connection (a WebSocket, or one HTTP/2 connection). */
  perConnection: number;
  /** Events waiting for a client that reads slowly before its subscription ends. */
  queuedEvents: number;
}

export const defaultSubscriptionLimits: SubscriptionLimits = {
  perInstance: 10_000,
  perConnection: 100,
  queuedEvents: 10_000,
};

export interface Subscriber {
  filter: EventFilter;
  /** The live events waiting for it; ending the queue removes the subscriber. */
  queue: EventQueue<DeliveredEvent>;
  /** Its start in the log is fixed: it hears of every change committed since. */
  following: boolean;
}

/**
 * An instance's subscribers, found by the group or the user they follow, so an event reaches its
 * few subscribers without a pass over all of them; with the limits on how many there may be.
 */
export class Subscribers {
  private readonly byGroup = new Map<number, Set<Subscriber>>();
  private readonly byUser = new Map<number, Set<Subscriber>>();
  private readonly perConnection = new WeakMap<object, number>();
  private total = 0;
  private followingTotal = 0;

  constructor(
    private readonly limits: SubscriptionLimits,
    /** Runs whenever the last subscriber leaves. */
    private readonly onEmpty: () => void,
  ) {}

  get count(): number {
    return this.total;
  }

  /** The subscribers whose start in the log is fixed (see markFollowing). */
  get following(): number {
    return this.followingTotal;
  }

  /** From now on the subscriber hears of every change committed; unless it has ended meanwhile. */
  markFollowing(subscriber: Subscriber): void {
    if (subscriber.following || subscriber.queue.ended) return;
    subscriber.following = true;
    this.followingTotal += 1;
  }

  /** A new subscriber, or TOO_MANY_SUBSCRIPTIONS for the instance or the connection. */
  add(filter: EventFilter, connection: object | undefined): Subscriber {
    if (this.total >= this.limits.perInstance) {
      throw new TooManySubscriptionsError(
        `This server carries its maximum of ${this.limits.perInstance} subscriptions. Try again later.`,
      );
    }
    const onConnection = connection ? (this.perConnection.get(connection) ?? 0) : 0;
    if (onConnection >= this.limits.perConnection) {
      throw new TooManySubscriptionsError(
        `A connection may carry at most ${this.limits.perConnection} subscriptions; end one or open another connection.`,
      );
    }
    const subscriber: Subscriber = {
      filter,
      queue: new EventQueue<DeliveredEvent>(
        this.limits.queuedEvents,
        () =>
          new SubscriptionTooSlowError(
            `More than ${this.limits.queuedEvents} events waited for this subscription. ` +
              'Subscribe again with `after` set to the last cursor you received.',
          ),
        () => this.remove(subscriber, connection),
      ),
      following: false,
    };
    const [index, key] = this.indexOf(filter);
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    set.add(subscriber);
    this.total += 1;
    if (connection) this.perConnection.set(connection, onConnection + 1);
    return subscriber;
  }

  /** Hands each event to the subscribers whose filter it matches, in the order given. */
  deliver(events: DeliveredEvent[]): void {
    for (const event of events) {
      for (const subscriber of this.byGroup.get(event.groupId) ?? []) {
        const { userId } = subscriber.filter;
        if (userId === undefined || userId === event.userId) subscriber.queue.push(event);
      }
      for (const subscriber of this.byUser.get(event.userId) ?? []) subscriber.queue.push(event);
    }
  }

  /** Ends every subscriber's stream with `error`. */
  endAll(error: Error): void {
    for (const index of [this.byGroup, this.byUser]) {
      for (const set of [...index.values()]) {
        for (const subscriber of [...set]) subscriber.queue.end(error);
      }
    }
  }

  /** Filtered by both, a subscriber is found through its group and checked for the user. */
  private indexOf({ groupId, userId }: EventFilter): [Map<number, Set<Subscriber>>, number] {
    return groupId !== undefined ? [this.byGroup, groupId] : [this.byUser, userId!];
  }

  private remove(subscriber: Subscriber, connection: object | undefined): void {
    const [index, key] = this.indexOf(subscriber.filter);
    const set = index.get(key);
    if (!set?.delete(subscriber)) return;
    if (set.size === 0) index.delete(key);
    this.total -= 1;
    if (subscriber.following) this.followingTotal -= 1;
    if (this.total === 0) this.onEmpty();
    if (connection) this.perConnection.set(connection, (this.perConnection.get(connection) ?? 1) - 1);
  }
}
