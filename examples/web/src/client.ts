import { persistedExchange } from '@urql/exchange-persisted';
import { createClient as createSseClient, type RequestParams } from 'graphql-sse';
import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { membershipCache } from './cache.ts';
import { authorizationHeaders } from './session.ts';

const endpoint = '/graphql';

/**
 * One client per signed-in token: signing in as someone else starts from an empty cache, so no
 * viewer-specific field (viewerRole) from the last user is shown to the next.
 */
export function createApiClient(token: string | null): Client {
  const headers = authorizationHeaders(token);
  // Subscriptions over Server-Sent Events, the transport Yoga serves on /graphql itself.
  const sse = createSseClient({ url: endpoint, headers: () => headers });
  return new Client({
    url: endpoint,
    fetchOptions: () => ({ headers }),
    exchanges: [
      membershipCache,
      // Trusted documents: send each operation's hash from the manifest codegen writes, never its
      // text. The client preset puts that hash on every document as __meta__.hash.
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        enableForSubscriptions: true,
        generateHash: async (_query, document) =>
          (document as { __meta__?: { hash?: string } }).__meta__!.hash!,
      }),
      fetchExchange,
      subscriptionExchange({
        enableAllOperations: false,
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            // Without the query's text: the persisted exchange sent its hash, and the server
            // finds the text in its manifest.
            unsubscribe: sse.subscribe(request as RequestParams, sink),
          }),
        }),
      }),
    ],
  });
}
