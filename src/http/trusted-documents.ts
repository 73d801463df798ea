import { readFileSync } from 'node:fs';
import {
  defaultExtractPersistedOperationId,
  type ExtractPersistedOperationId,
  usePersistedOperations,
} from '@graphql-yoga/plugin-persisted-operations';
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
const operationId: ExtractPersistedOperationId = (params, request, context) => {
  const hash = defaultExtractPersistedOperationId(params, request, context);
  return hash === null ? null : `sha256:${hash.replace(/^sha256:/, '')}`;
};

const refusals = {
  notFound: {
    message: 'No trusted document has this ID. Regenerate the client operations and deploy their manifest.',
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
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
    extractPersistedOperationId: operationId,
    allowArbitraryOperations: !only,
    customErrors: refusals,
  });
}

/**
 * The same rule for an operation that arrives outside Yoga's HTTP handling (over WebSocket): its
 * text, looked up by its persisted-query hash when it sends one, or the refusal HTTP would give.
 */
export function trustedOperationText(
  trusted: TrustedDocuments | undefined,
  params: { query?: string | undefined; extensions?: Record<string, unknown> | null | undefined },
): string | GraphQLError {
  const hash = (params.extensions?.['persistedQuery'] as { sha256Hash?: unknown } | undefined)?.sha256Hash;
  if (trusted && typeof hash === 'string') {
    const text = trusted.manifest[`sha256:${hash.replace(/^sha256:/, '')}`];
    return text ?? new GraphQLError(refusals.notFound.message, { extensions: refusals.notFound.extensions });
  }
  if (trusted?.only || params.query === undefined) {
    const { message, extensions } = refusals.persistedQueryOnly;
    return new GraphQLError(message, { extensions });
  }
  return params.query;
}
