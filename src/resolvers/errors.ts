import { GraphQLError } from 'graphql';

/** Every `extensions.code` a client can see. Anything else arrives as INTERNAL_SERVER_ERROR. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'LAST_ADMIN'
  | 'SERVICE_UNAVAILABLE'
  | 'CURSOR_EXPIRED'
  | 'TOO_MANY_SUBSCRIPTIONS'
  | 'SUBSCRIPTION_TOO_SLOW';

/**
 * An outcome the client handles. The message is written for people and shown as it is;
 * Yoga passes GraphQLErrors through its masking, so only these reach a client verbatim.
 */
export abstract class DomainError extends GraphQLError {
  abstract readonly code: ErrorCode;

  constructor(message: string, code: ErrorCode) {
    super(message, { extensions: { code } });
  }
}

export class BadUserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string) {
    super(message, 'BAD_USER_INPUT');
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(message: string) {
    super(message, 'NOT_FOUND');
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(message: string) {
    super(message, 'CONFLICT');
  }
}

/** No valid credentials: no token where one is needed, or a token that fails verification. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED');
  }
}

export function signInRequired(): UnauthenticatedError {
  return new UnauthenticatedError('Sign in first: send `Authorization: Bearer <token>`.');
}

export function unknownViewer(): UnauthenticatedError {
  return new UnauthenticatedError('The token names a user that does not exist (any more). Get a new token.');
}

/** The viewer is known but may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message, 'FORBIDDEN');
  }
}

/** The change would leave a group with no ADMIN, so nobody could manage it any more. */
export class LastAdminError extends DomainError {
  readonly code = 'LAST_ADMIN';
  constructor(message: string) {
    super(message, 'LAST_ADMIN');
  }
}

/** The server cannot serve this now (the database is down, or the server is stopping); retry. */
export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message: string) {
    super(message, 'SERVICE_UNAVAILABLE');
  }
}

/** A subscription's `after` names an event older than the change log keeps. */
export class CursorExpiredError extends DomainError {
  readonly code = 'CURSOR_EXPIRED';
  constructor(message: string) {
    super(message, 'CURSOR_EXPIRED');
  }
}

/** The connection or the server already carries as many subscriptions as it allows. */
export class TooManySubscriptionsError extends DomainError {
  readonly code = 'TOO_MANY_SUBSCRIPTIONS';
  constructor(message: string) {
    super(message, 'TOO_MANY_SUBSCRIPTIONS');
  }
}

/** The client read its events more slowly than they came, and the server stopped queueing them. */
export class SubscriptionTooSlowError extends DomainError {
  readonly code = 'SUBSCRIPTION_TOO_SLOW';
  constructor(message: string) {
    super(message, 'SUBSCRIPTION_TOO_SLOW');
  }
}

/** The parts of a PostgreSQL error we map. node-postgres and PGlite both raise this shape. */
interface PostgresError {
  code: string;
  constraint?: string | undefined;
}

/** SQLSTATE codes we expect and turn into domain errors. */
export const SqlState = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
} as const;

/**
 * Finds the PostgreSQL error behind a failed query. Drizzle wraps driver errors in a
 * DrizzleQueryError whose `cause` is the driver's error, so follow the chain.
 */
export function postgresErrorOf(error: unknown): PostgresError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const candidate = current as Error & Partial<PostgresError>;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, constraint: candidate.constraint };
    }
    current = candidate.cause;
  }
  return undefined;
}

/**
 * Rethrows a failed write as the domain error the client should see, by SQLSTATE. A unique
 * violation becomes CONFLICT with the caller's message; anything unexpected is rethrown as it
 * is, to be masked and logged.
 */
export function rethrowWriteError(error: unknown, messages: { conflict: string }): never {
  const postgresError = postgresErrorOf(error);
  if (postgresError?.code === SqlState.uniqueViolation) {
    throw new ConflictError(messages.conflict);
  }
  throw error;
}

/** Node's socket errors when the database cannot be reached or drops the connection. */
const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/**
 * node-postgres' errors for a connection lost with queries still waiting on it, which carry no
 * code: a backend ended under the query before (the one that gets its 57P01) leaves these to the
 * queries queued behind it.
 */
const lostConnectionMessages = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
]);

/**
 * Whether an error means the database is unavailable rather than that the request was wrong:
 * SQLSTATE class 08 (connection exception), 57P01-57P03 (shut down, cannot connect now), a
 * socket error on the way there, or a connection lost under a queued query.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (code.startsWith('08') || /^57P0[123]$/.test(code) || unreachable.has(code))
    ) {
      return true;
    }
    if (lostConnectionMessages.has(current.message)) return true;
    current = current.cause;
  }
  return false;
}
