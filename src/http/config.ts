import type { AuthenticationOptions } from './authentication.ts';
import { defaultRequestLimits, type RequestLimits } from './request-limits.ts';
import { defaultQueryLimits, type QueryLimits } from '../resolvers/limits.ts';
import { defaultSubscriptionLimits, type SubscriptionLimits } from '../resolvers/event-subscribers.ts';
import { defaultPollIntervalMs } from '../resolvers/membership-event-hub.ts';

/** Everything the server reads from the environment, with its default. Documented in README.md. */
export interface Config {
  port: number;
  databaseUrl: string | undefined;
  /** The server itself, for the migrations, when DATABASE_URL is a pooling proxy. */
  databaseDirectUrl: string | undefined;
  pgliteDir: string;
  poolSize: number;
  /** Streaming replicas of DATABASE_URL that queries may read from; empty without any. */
  databaseReplicaUrls: string[];
  /** A replica whose data is older than this is skipped until it catches up. */
  databaseReplicaMaxLagSeconds: number;
  /** False behind a transaction-pooling proxy that does not track named prepared statements. */
  namedStatements: boolean;
  seedDemoData: boolean;
  corsOrigins: string[] | undefined;
  trustedDocuments: { manifestPath: string; only: boolean } | undefined;
  queryLimits: QueryLimits;
  shutdownTimeoutMs: number;
  shutdownDelayMs: number;
  requestLimits: RequestLimits;
  production: boolean;
  logLevel: string;
  /** JWT_SECRET or JWT_JWKS_URL, with JWT_ISSUER and JWT_AUDIENCE. */
  authentication: AuthenticationOptions;
  /** How long membership events are kept for subscribers to resume from. */
  membershipEventsRetentionSeconds: number;
  /** How often each instance reads the membership events log while anyone subscribes. */
  membershipEventsPollIntervalMs: number;
  subscriptionLimits: SubscriptionLimits;
  /** A built frontend to serve from this origin, such as examples/web/dist (npm run web). */
  webAppDir: string | undefined;
  /** Where a development secret is kept when neither JWT_SECRET nor JWT_JWKS_URL is set. */
  developmentSecretFile: string;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative integer; got "${value}".`);
  }
  return parsed;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  const parsed = integer(name, value, fallback);
  if (parsed === 0) throw new Error(`${name} must be a positive integer; got "${value}".`);
  return parsed;
}

const secondsPerUnit = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

/** A duration in seconds, written as a number of seconds or with a unit: 90s, 30m, 24h, 7d. */
function duration(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!match || Number(match[1]) === 0) {
    throw new Error(`${name} must be a positive duration such as 3600, 90s, 30m, 24h or 7d; got "${value}".`);
  }
  return Number(match[1]) * secondsPerUnit[(match[2] || 's') as keyof typeof secondsPerUnit];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', env['PORT'], 4000),
    databaseUrl: env['DATABASE_URL'] || undefined,
    // DATABASE_LISTEN_URL: its name before live events stopped using LISTEN.
    databaseDirectUrl: env['DATABASE_DIRECT_URL'] || env['DATABASE_LISTEN_URL'] || undefined,
    databaseReplicaUrls: replicaUrls(env),
    databaseReplicaMaxLagSeconds: duration('DATABASE_REPLICA_MAX_LAG', env['DATABASE_REPLICA_MAX_LAG'], 5),
    pgliteDir: env['PGLITE_DIR'] || './.data/pglite',
    poolSize: integer('DATABASE_POOL_SIZE', env['DATABASE_POOL_SIZE'], 10),
    namedStatements: env['DATABASE_PREPARED_STATEMENTS'] !== 'false',
    seedDemoData: env['SEED_DEMO_DATA'] !== 'false',
    corsOrigins: env['CORS_ORIGINS']
      ? env['CORS_ORIGINS'].split(',').map((origin) => origin.trim())
      : undefined,
    trustedDocuments: trustedDocumentsMode(env),
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', env['SHUTDOWN_TIMEOUT_MS'], 10_000),
    shutdownDelayMs: integer('SHUTDOWN_DELAY_MS', env['SHUTDOWN_DELAY_MS'], 1_000),
    requestLimits: {
      bodyBytes: integer('MAX_BODY_BYTES', env['MAX_BODY_BYTES'], defaultRequestLimits.bodyBytes),
      tokens: integer('MAX_TOKENS', env['MAX_TOKENS'], defaultRequestLimits.tokens),
      aliases: integer('MAX_ALIASES', env['MAX_ALIASES'], defaultRequestLimits.aliases),
      directives: integer('MAX_DIRECTIVES', env['MAX_DIRECTIVES'], defaultRequestLimits.directives),
    },
    production: env['NODE_ENV'] === 'production',
    logLevel: env['LOG_LEVEL'] || 'info',
    authentication: {
      secret: env['JWT_SECRET'] || undefined,
      jwksUrl: env['JWT_JWKS_URL'] || undefined,
      issuer: env['JWT_ISSUER'] || undefined,
      audience: env['JWT_AUDIENCE'] || undefined,
    },
    developmentSecretFile: env['JWT_SECRET_FILE'] || './.data/jwt-secret',
    webAppDir: env['WEB_APP_DIR'] || undefined,
    membershipEventsRetentionSeconds: duration(
      'MEMBERSHIP_EVENTS_RETENTION',
      env['MEMBERSHIP_EVENTS_RETENTION'],
      86_400,
    ),
    membershipEventsPollIntervalMs: positiveInteger(
      'MEMBERSHIP_EVENTS_POLL_INTERVAL_MS',
      env['MEMBERSHIP_EVENTS_POLL_INTERVAL_MS'],
      defaultPollIntervalMs,
    ),
    subscriptionLimits: {
      perInstance: integer(
        'MAX_SUBSCRIPTIONS',
        env['MAX_SUBSCRIPTIONS'],
        defaultSubscriptionLimits.perInstance,
      ),
      perConnection: integer(
        'MAX_SUBSCRIPTIONS_PER_CONNECTION',
        env['MAX_SUBSCRIPTIONS_PER_CONNECTION'],
        defaultSubscriptionLimits.perConnection,
      ),
      queuedEvents: integer(
        'MAX_QUEUED_EVENTS',
        env['MAX_QUEUED_EVENTS'],
        defaultSubscriptionLimits.queuedEvents,
      ),
    },
    queryLimits: {
      complexity: integer('MAX_QUERY_COMPLEXITY', env['MAX_QUERY_COMPLEXITY'], defaultQueryLimits.complexity),
      depth: integer('MAX_QUERY_DEPTH', env['MAX_QUERY_DEPTH'], defaultQueryLimits.depth),
      breadth: integer('MAX_QUERY_FIELDS', env['MAX_QUERY_FIELDS'], defaultQueryLimits.breadth),
    },
  };
}

function replicaUrls(env: NodeJS.ProcessEnv): string[] {
  const urls = (env['DATABASE_REPLICA_URLS'] ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  if (urls.length > 0 && !env['DATABASE_URL']) {
    throw new Error(
      'DATABASE_REPLICA_URLS needs DATABASE_URL: replicas are copies of a PostgreSQL server, not of PGlite.',
    );
  }
  return urls;
}

function trustedDocumentsMode(env: NodeJS.ProcessEnv): Config['trustedDocuments'] {
  const mode = env['TRUSTED_DOCUMENTS'] ?? 'accept';
  if (mode === 'off') return undefined;
  if (mode !== 'accept' && mode !== 'require') {
    throw new Error(`TRUSTED_DOCUMENTS must be off, accept or require; got "${mode}".`);
  }
  const manifestPath = env['TRUSTED_DOCUMENTS_MANIFEST'] || 'examples/gql/persisted-documents.json';
  return { manifestPath, only: mode === 'require' };
}
