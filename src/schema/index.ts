import { encodeGlobalID } from '@pothos/plugin-relay';
import { assertInterfaceType, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './membership-role.ts';
import './user.ts';
import './group.ts';
import './membership.ts';
import './membership-connections.ts';
import './membership-lookup.ts';
import './node.ts';
import './stitching.ts';
import './federation.ts';
import './user-mutations.ts';
import './group-mutations.ts';
import './membership-mutations.ts';
import './membership-bulk-mutations.ts';
import './membership-event.ts';

/**
 * plugin-relay resolves every global `id` field with an async function, so each User and Group
 * in a response becomes a promise, and graphql-js then completes every object of a list
 * asynchronously: W3 of the benchmark (10,000 objects) spent half its time there. Every node's
 * key here is its `id` column, so its global ID is encoded synchronously instead. Only the
 * Node types' own `id` fields are replaced; no plugin wraps them.
 */
function encodeNodeIdsSynchronously(schema: GraphQLSchema): GraphQLSchema {
  const node = assertInterfaceType(schema.getType('Node'));
  for (const type of schema.getImplementations(node).objects) {
    const idField = type.getFields()['id'];
    if (idField) idField.resolve = globalIdEncoder(type.name);
  }
  return schema;
}

/** How many encoded IDs each type keeps before starting over: a few MiB at most. */
const MAX_CACHED_IDS = 100_000;

/**
 * Base64 through a Buffer costs about a microsecond an ID, a tenth of W3's CPU, and the same
 * users recur across groups in one response and across requests. A global ID is a pure function
 * of the type and key and says nothing a client cannot decode itself, so the strings are shared
 * between requests; no row data is.
 */
function globalIdEncoder(typename: string): (row: { id: number }) => string {
  const cache = new Map<number, string>();
  return ({ id }) => {
    let encoded = cache.get(id);
    if (encoded === undefined) {
      if (cache.size >= MAX_CACHED_IDS) cache.clear();
      encoded = encodeGlobalID(typename, id);
      cache.set(id, encoded);
    }
    return encoded;
  };
}

export const schema = encodeNodeIdsSynchronously(builder.toSchema());

/** The same API as an Apollo Federation v2 subgraph: adds `_entities` and `_service`. */
export const federationSchema = encodeNodeIdsSynchronously(
  builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key'],
  }),
);
