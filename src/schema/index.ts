import { encodeGlobalID } from '@pothos/plugin-relay';
import { assertInterfaceType, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './membership-role.ts';
import './user.ts';
import './group.ts';
import './membership.ts';
import './node.ts';
import './stitching.ts';
import './federation.ts';
import './user-mutations.ts';
import './group-mutations.ts';
import './membership-mutations.ts';

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
    if (idField) idField.resolve = (row: { id: number }) => encodeGlobalID(type.name, row.id);
  }
  return schema;
}

export const schema = encodeNodeIdsSynchronously(builder.toSchema());

/** The same API as an Apollo Federation v2 subgraph: adds `_entities` and `_service`. */
export const federationSchema = encodeNodeIdsSynchronously(
  builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key'],
  }),
);
