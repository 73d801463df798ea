import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import WithInputPlugin from '@pothos/plugin-with-input';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { DateTimeResolver } from 'graphql-scalars';
import { relations, type Relations } from '../db/relations.ts';
import type { Context } from '../resolvers/context.ts';
import { BadUserInputError } from '../resolvers/errors.ts';
import { integerKeyOf } from '../resolvers/input.ts';
import { fieldComplexity, queryTooLargeError } from '../resolvers/limits.ts';
import { type AuthScopes, isGroupAdmin, isSelf, requireViewer } from '../resolvers/viewer.ts';
import { refusal } from './refusal.ts';

/**
 * Global IDs decode to a type name and a key. The key is checked here, once for every ID
 * argument and `node` lookup, because plugin-drizzle would turn "User:abc" into NaN and a key
 * beyond the integer range into a database error.
 */
export function decodeIntegerGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = decodeGlobalID(globalID);
  if (integerKeyOf(decoded.id) === undefined) {
    throw new BadUserInputError(`"${globalID.slice(0, 100)}" is not a valid ID.`);
  }
  return decoded;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DrizzleRelations: Relations;
  // The rules fields may name in `authScopes`; each is declared and answered in resolvers/viewer.ts.
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: { DateTime: { Input: Date; Output: Date } };
}>({
  // Federation last: it wraps the resolvers the others produce. Scope-auth after Relay and
  // WithInput, so rules see decoded global IDs, and before Drizzle, so no SQL runs unauthorized.
  plugins: [
    DirectivesPlugin,
    ComplexityPlugin,
    RelayPlugin,
    WithInputPlugin,
    ScopeAuthPlugin,
    DrizzlePlugin,
    FederationPlugin,
  ],
  defaultFieldNullability: false,
  complexity: {
    // Checked from the query's shape before any root field resolves, so before any SQL.
    fieldComplexity,
    limit: (ctx) => ctx.queryLimits,
    complexityError: (kind, result) => queryTooLargeError(kind, result),
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.viewerId !== undefined && (() => requireViewer(ctx).then(() => true)),
      self: (userId) => isSelf(ctx, userId),
      groupAdmin: (groupId) => isGroupAdmin(ctx, groupId),
    }),
    unauthorizedError: (_parent, ctx, info, result) => refusal(ctx, info, result.failure),
  },
  drizzle: {
    // A function of the request, never a module singleton: tests and transactions swap ctx.db.
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
  },
  relay: {
    clientMutationId: 'omit',
    decodeGlobalID: decodeIntegerGlobalID,
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a globally unique ID, refetchable with `node(id:)`.' },
    idFieldOptions: {
      description: 'Globally unique, opaque ID. Pass it to `node`, `user`, `group` or a mutation.',
    },
    // Defined in node.ts, so an unknown ID gives null instead of failing the whole list.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: {
      description: 'Where a page sits in a connection, and the cursors to move from it.',
    },
    cursorFieldOptions: { description: 'Opaque position of this edge; pass it as `after` or `before`.' },
    nodeFieldOptions: { nullable: false, description: 'The object at this position.' },
    edgesFieldOptions: { nullable: false, description: 'The page of edges, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Cursors and whether more pages exist in either direction.' },
    hasNextPageFieldOptions: { description: 'True when rows exist after this page.' },
    hasPreviousPageFieldOptions: { description: 'True when rows exist before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first edge; null on an empty page.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge; null on an empty page.' },
    firstArgOptions: { description: 'Returns the first n edges after `after` (default 100, at most 1000).' },
    lastArgOptions: { description: 'Returns the last n edges before `before` (at most 1000).' },
    afterArgOptions: { description: 'A cursor: return edges after this one.' },
    beforeArgOptions: { description: 'A cursor: return edges before this one.' },
  },
  withInput: {
    typeOptions: {
      name: ({ fieldName }) => `${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}Input`,
    },
    argOptions: { description: 'The fields of this mutation.' },
  },
});

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A point in time, as an ISO 8601 string with a UTC offset (RFC 3339).',
});

builder.queryType({ description: 'Read the users, groups and memberships.' });
builder.mutationType({ description: 'Change users, groups and memberships.' });
