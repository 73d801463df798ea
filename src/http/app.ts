import { useSseEventIds } from './sse-event-ids.ts';
import { useSqlResponses } from './sql-responses.ts';
import { DirectAnswers } from './direct-answers.ts';
import { useVariableErrorCodes } from './variable-errors.ts';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, subscribe } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import type { Authenticate } from './authentication.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/client.ts';
import type { MembershipEventHub } from '../resolvers/membership-event-hub.ts';
import { renderLocalGraphiQL, useGraphiQLAssets } from './graphiql.ts';
import { corsPolicy } from './cors.ts';
import { type Metrics, useMetrics } from './metrics.ts';
import { type Context, createContext } from '../resolvers/context.ts';
import type { QueryLimits } from '../resolvers/limits.ts';
import { federationSchema, schema } from '../schema/index.ts';
import { useReadiness } from './readiness.ts';
import { useReadReplicas } from './read-replicas.ts';
import type { ReplicaSet } from '../db/replicas.ts';
import {
  defaultRequestLimits,
  type RequestLimits,
  useBodyLimit,
  useRequestLimits,
} from './request-limits.ts';
import { isDatabaseUnavailable } from '../resolvers/errors.ts';
import { type TrustedDocuments, useTrustedDocuments } from './trusted-documents.ts';
import { useRequestIdsOnErrors } from './logger.ts';

export const graphqlEndpoint = '/graphql';
export const federationEndpoint = '/federation';

const exampleQuery = `# Users and their groups, loaded in one SQL statement.
# Reading is open. To change groups, get a token (npm run token -- 1 signs you in as Ada, an
# ADMIN in the demo data) and add it under Headers: { "Authorization": "Bearer <token>" }
query UsersWithGroups {
  users(first: 5) {
    totalCount
    edges {
      node {
        id
        name
        groupCount
        groups {
          name
          memberCount
        }
      }
    }
  }
}
`;

/**
 * Pothos raises PothosValidationError for input it cannot parse (a malformed global ID, an ID of
 * the wrong type, a bad cursor): a client mistake, so it becomes BAD_USER_INPUT instead of
 * being masked as a server error. Everything else goes through Yoga's masking, which logs the
 * original error on the server and sends the client a generic message.
 */
function maskUnexpectedErrors(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof PothosValidationError && error instanceof GraphQLError) {
    // Yoga logs every error that masking replaces; a client's mistake is not the server's, so
    // the same error goes back, with its code.
    error.extensions['code'] = 'BAD_USER_INPUT';
    return error;
  }
  if (isDatabaseUnavailable(original)) {
    // A new error, so Yoga logs the outage; the client learns it may retry.
    return new GraphQLError('The database is unavailable. Try again in a few seconds.', {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  }
  return maskError(error, message, isDev);
}

export interface AppOptions {
  db: Db;
  /** Finds the viewer from the request's bearer token (authentication.ts). */
  authenticate: Authenticate;
  /** When given, serves them at /metrics. */
  metrics?: Metrics | undefined;
  /** When given, accepts operations by ID from this manifest (and, if `only`, nothing else). */
  trustedDocuments?: TrustedDocuments | undefined;
  /** Browser origins allowed by CORS; undefined allows pages served from localhost only. */
  corsOrigins?: string[] | undefined;
  /** How large a query may be; the defaults are in resolvers/limits.ts. */
  queryLimits?: QueryLimits | undefined;
  /** False until the server has reached and migrated the database; requests get 503 until then. */
  started?: (() => boolean) | undefined;
  /** True once shutdown has begun: /ready says 503 while requests still run. */
  stopping?: (() => boolean) | undefined;
  /** Body size, tokens, aliases and directives a request may have. */
  requestLimits?: RequestLimits | undefined;
  /** Production mode hides field suggestions ("Did you mean …?"). */
  production?: boolean | undefined;
  /** Where Yoga logs masked errors; its own console logger when not given. */
  logger?: YogaLogger | undefined;
  /** Live membership events for subscriptions; without it, subscribing is SERVICE_UNAVAILABLE. */
  membershipEvents?: MembershipEventHub | undefined;
  /** Read replicas that queries may read from (read-replicas.ts); everything reads the primary without. */
  replicas?: ReplicaSet<Db> | undefined;
  /**
   * Whether queries PostgreSQL can build the whole response of are answered that way
   * (sql-responses.ts). On by default; off, every query runs through the resolvers.
   */
  sqlResponses?: boolean | undefined;
  /**
   * Whether repeated operations are answered without Yoga's HTTP layer (direct-answers.ts), by
   * `handleHttp`. On by default; off, every request goes through Yoga.
   */
  directAnswers?: boolean | undefined;
}

/** What Node's HTTP server hands Yoga with each request (nothing when a test calls app.fetch). */
export interface ServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
}

type Yoga = YogaServerInstance<ServerContext, Context>;

export type App = Yoga & {
  /**
   * Serves a Node HTTP request: operations Yoga has validated before are answered directly
   * (direct-answers.ts), everything else by Yoga. The server and the tests listen with this;
   * `app.fetch` always goes through Yoga.
   */
  handleHttp: (request: IncomingMessage, response: ServerResponse) => void;
};

/**
 * Serves the federation subgraph from the main server. A stitching gateway reads /graphql and
 * its _sdl; a federation gateway reads /federation. Both answer from the same resolvers.
 */
function useFederationEndpoint(federation: Yoga): Plugin {
  return {
    onRequest({ url, request, endResponse }) {
      if (url.pathname !== federationEndpoint) return;
      return Promise.resolve(federation.fetch(request)).then(endResponse);
    },
  };
}

/**
 * graphql-jit (as of 0.8) hands a subscription field the operation's variables instead of its
 * arguments, so `membershipChanged(groupId: "…")` arrives without its groupId. Subscriptions run
 * on graphql-js instead; this hook runs for subscription operations only, so queries and
 * mutations keep the compiled path.
 */
function useInterpretedSubscriptions(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribe);
    },
  };
}

export function createApp({
  db,
  authenticate,
  metrics,
  trustedDocuments,
  corsOrigins,
  queryLimits,
  started = () => true,
  stopping = () => false,
  requestLimits = defaultRequestLimits,
  production = false,
  logger,
  membershipEvents,
  replicas,
  sqlResponses = true,
  directAnswers = true,
}: AppOptions): App {
  const direct = new DirectAnswers({
    endpoint: graphqlEndpoint,
    bodyBytes: requestLimits.bodyBytes,
    started,
    trustedDocuments,
    mutationsThroughYoga: replicas !== undefined,
    metrics,
  });
  const shared = {
    context: async ({ request, req }: { request: Request } & ServerContext) =>
      createContext(db, await authenticate(request), {
        queryLimits,
        membershipEvents,
        connection: req?.socket,
        lastEventId: request.headers.get('last-event-id') ?? undefined,
      }),
    maskedErrors: { maskError: maskUnexpectedErrors },
    logging: logger ?? true,
    // useRequestLimits enforces the limit, counting only bodies sent without a Content-Length.
    maxRequestBodySize: false as const,
  };
  const federation = createYoga<ServerContext, Context>({
    ...shared,
    schema: federationSchema,
    graphqlEndpoint: federationEndpoint,
    graphiql: false,
    landingPage: false,
    plugins: [useBodyLimit(requestLimits.bodyBytes)],
  });
  const yoga = createYoga<ServerContext, Context>({
    ...shared,
    schema,
    graphqlEndpoint,
    // Subscriptions in GraphiQL go over SSE; `/graphql?subscriptions=ws` opens it on WebSocket.
    graphiql: (request) => ({
      title: 'Memberships API',
      defaultQuery: exampleQuery,
      subscriptionsProtocol: new URL(request.url).searchParams.get('subscriptions') === 'ws' ? 'WS' : 'SSE',
    }),
    renderGraphiQL: renderLocalGraphiQL,
    cors: corsPolicy(corsOrigins),
    plugins: [
      useRequestIdsOnErrors(),
      // Compiles each document once into plain JavaScript: about a third less CPU per read than
      // graphql-js' interpreter. plugin-drizzle finds preloaded rows under it thanks to
      // patches/@pothos+selection-mapper (see patches/README.md).
      useGraphQlJit(),
      useInterpretedSubscriptions(),
      useSseEventIds(),
      useVariableErrorCodes(),
      ...useReadiness(db, started, stopping),
      ...useRequestLimits(requestLimits, { production }),
      useGraphiQLAssets(),
      useFederationEndpoint(federation),
      ...(metrics ? [useMetrics(metrics)] : []),
      ...(trustedDocuments ? [useTrustedDocuments(trustedDocuments)] : []),
      ...(replicas ? [useReadReplicas(replicas)] : []),
      ...(directAnswers ? [direct.plugin()] : []),
      // Last: it ends execution for the queries it answers, and the plugins above must see them.
      ...(sqlResponses ? [useSqlResponses()] : []),
    ],
  });
  // Yoga's handler is a function with properties; the one added keeps every one of them.
  return Object.assign(yoga, {
    handleHttp: directAnswers
      ? direct.handler(yoga)
      : (request: IncomingMessage, response: ServerResponse) => void yoga(request, response),
  });
}
