import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Trusted documents (persisted operations): clients send the hash of an operation registered
 * at build time instead of its text. The manifest is what `npm run codegen` writes for the
 * frontend's operations, `{ "sha256:<hex>": "<operation text>" }`.
 */
export interface TrustedDocuments {
  manifest: Record<string, string>;
  /** Refuse every operation that is not in the manifest (production). */
  only: boolean;
}

export function loadTrustedDocuments(path: string, only: boolean): TrustedDocuments {
  return { manifest: JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>, only };
}

/**
 * Clients send the ID in the persisted-query extension that Apollo Client, urql and Relay
 * understand: `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}}`. The
 * manifest's keys carry the algorithm as a prefix; the extension's hash does not.
 */
function manifestKey(params: OperationParams): string | null {
  const extension = params.extensions?.['persistedQuery'];
  if (typeof extension !== 'object' || extension === null) return null;
  const { version, sha256Hash } = extension as { version?: unknown; sha256Hash?: unknown };
  return version === 1 && typeof sha256Hash === 'string'
    ? `sha256:${sha256Hash.replace(/^sha256:/, '')}`
    : null;
}

const refusals = {
  notFound: {
    message: 'No trusted document has this ID. Regenerate the client operations and deploy their manifest.',
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
  },
  keyNotFound: {
    message:
      'The request has no operation: send a query, or a persistedQuery extension with version 1 and the sha256Hash from the manifest.',
    extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
  },
  persistedQueryOnly: {
    message:
      'This server only runs trusted documents: send the persistedQuery hash from the manifest, not a query.',
    extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
  },
};

export function useTrustedDocuments({ manifest, only }: TrustedDocuments): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => manifest[id] ?? null,
    // One rule for Yoga's requests and for trustedOperationText below.
    extractPersistedOperationId: (params) => manifestKey(params),
    allowArbitraryOperations: !only,
    customErrors: refusals,
  });
}

type OperationParams = {
  query?: string | undefined;
  extensions?: Record<string, unknown> | null | undefined;
};

const refusal = ({ message, extensions }: { message: string; extensions: Record<string, unknown> }) =>
  new GraphQLError(message, { extensions });

/**
 * The text an operation that arrives outside Yoga's HTTP handling (over WebSocket, or answered
 * directly) runs, or the refusal Yoga would give, by the rules of its persisted-operations plugin
 * above: a query, when arbitrary operations are allowed, comes before any hash; without a query,
 * the manifest's text for the hash.
 */
export function trustedOperationText(
  trusted: TrustedDocuments | undefined,
  params: OperationParams,
): string | GraphQLError {
  if (params.query) return trusted?.only ? refusal(refusals.persistedQueryOnly) : params.query;
  if (!trusted)
    return refusal({ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } });
  const key = manifestKey(params);
  if (key === null) return refusal(refusals.keyNotFound);
  return trusted.manifest[key] ?? refusal(refusals.notFound);
}
