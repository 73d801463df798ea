import type { Db } from '../db/client.ts';
import { defaultQueryLimits, type QueryLimits } from './limits.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { MembershipEventHub } from './membership-event-hub.ts';

export interface Context {
  db: Db;
  /** The signed-in user's key from a verified token; undefined for anonymous requests. */
  viewerId: number | undefined;
  loaders: Loaders;
  queryLimits: QueryLimits;
  /** The instance's live membership events; undefined where the server runs without them. */
  membershipEvents: MembershipEventHub | undefined;
  /** What carries the request (a WebSocket, an HTTP connection), for per-connection limits. */
  connection: object | undefined;
  /** The SSE `Last-Event-ID` a reconnecting EventSource sends: where its subscription resumes. */
  lastEventId: string | undefined;
}

export type ContextOptions = Partial<
  Pick<Context, 'queryLimits' | 'membershipEvents' | 'connection' | 'lastEventId'>
>;

/** Builds one request's context: loaders are created per request so no cached row outlives it. */
export function createContext(
  db: Db,
  viewerId: number | undefined,
  { queryLimits = defaultQueryLimits, membershipEvents, connection, lastEventId }: ContextOptions = {},
): Context {
  return {
    ...readingFrom(db, viewerId),
    viewerId,
    queryLimits,
    membershipEvents,
    connection,
    lastEventId,
  };
}

/**
 * The parts of a context that read from `db`. A query sent to a read replica swaps both, so its
 * loaders read from the replica too.
 */
export function readingFrom(db: Db, viewerId: number | undefined): Pick<Context, 'db' | 'loaders'> {
  return { db, loaders: createLoaders(db, viewerId) };
}
