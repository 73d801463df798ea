import type { AuthenticationOptions } from './authentication.ts';
import { defaultRequestLimits, type RequestLimits } from './request-limits.ts';
import { defaultQueryLimits, type QueryLimits } from '../resolvers/limits.ts';

/** Everything the server reads from the environment, with its default. Documented in README.md. */
export interface Config {
  port: number;
  databaseUrl: string | undefined;
  pgliteDir: string;
  poolSize: number;
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

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', env['PORT'], 4000),
    databaseUrl: env['DATABASE_URL'] || undefined,
    pgliteDir: env['PGLITE_DIR'] || './.data/pglite',
    poolSize: integer('DATABASE_POOL_SIZE', env['DATABASE_POOL_SIZE'], 10),
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
    queryLimits: {
      complexity: integer('MAX_QUERY_COMPLEXITY', env['MAX_QUERY_COMPLEXITY'], defaultQueryLimits.complexity),
      depth: integer('MAX_QUERY_DEPTH', env['MAX_QUERY_DEPTH'], defaultQueryLimits.depth),
      breadth: integer('MAX_QUERY_FIELDS', env['MAX_QUERY_FIELDS'], defaultQueryLimits.breadth),
    },
  };
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
