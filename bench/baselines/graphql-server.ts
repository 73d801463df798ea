/**
 * The parts of the naive and DataLoader baselines that do not depend on how relations load:
 * the SDL from schema.graphql, row types, ID fields, `users`, the two W4 mutations, and the
 * Yoga + /metrics HTTP server. Each baseline adds only its own relation resolvers.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import {
  type BaselineConfig,
  type CountingDb,
  encodeGlobalId,
  idOf,
  isMetricsRequest,
  missingSide,
  sendMetrics,
  serve,
} from './shared.ts';

/** The committed contract, so the baselines answer exactly the API's schema. */
export const typeDefs = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

// Rows carry their type name so Node.__resolveType can tell them apart inside `nodes`.
export interface UserRow {
  __typename: 'User';
  id: number;
  name: string;
}
export interface GroupRow {
  __typename: 'Group';
  id: number;
  name: string;
}
export type NodeRow = UserRow | GroupRow;

type Plain = { id: number; name: string };
export const asUser = (row: Plain): UserRow => ({ __typename: 'User', id: row.id, name: row.name });
export const asGroup = (row: Plain): GroupRow => ({ __typename: 'Group', id: row.id, name: row.name });

export interface ListArgs {
  first?: number | null;
}

/** Same bounds and default as the API (src/resolvers/pagination.ts), so errors match too. */
export function listLimit(first: number | null | undefined): number {
  if (first == null) return 100;
  if (!Number.isInteger(first) || first < 0 || first > 1000) {
    throw new GraphQLError(`\`first\` must be between 0 and 1000; got ${first}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return first;
}

export function notFound(type: 'user' | 'group'): GraphQLError {
  return new GraphQLError(`No ${type} has this ID. It may have been deleted.`, {
    extensions: { code: 'NOT_FOUND' },
  });
}

interface MembershipInput {
  input: { userId: string; groupId: string };
}

function membershipIds({ input }: MembershipInput): [number, number] {
  const userId = idOf('User', input.userId);
  const groupId = idOf('Group', input.groupId);
  if (userId === null) throw notFound('user');
  if (groupId === null) throw notFound('group');
  return [userId, groupId];
}

/** Resolvers both baselines share: nothing here loads a relation. */
export function commonResolvers(db: CountingDb) {
  return {
    Node: { __resolveType: (node: NodeRow) => node.__typename },
    User: { id: (user: UserRow) => encodeGlobalId('User', user.id) },
    Group: { id: (group: GroupRow) => encodeGlobalId('Group', group.id) },
    Query: {
      users: async (_root: unknown, args: ListArgs) => {
        const rows = await db.query<Plain>('select id, name from users order by id limit $1', [
          listLimit(args.first),
        ]);
        return { edges: rows.map((row) => ({ node: asUser(row) })) };
      },
    },
    // Writes touch one row each, so there is nothing to batch: both baselines send one statement.
    Mutation: {
      addMember: async (_root: unknown, args: MembershipInput) => {
        const rows = await db
          .query(
            `insert into users_to_groups (user_id, group_id) values ($1, $2)
             on conflict do nothing returning user_id`,
            membershipIds(args),
          )
          .catch((error: unknown) => {
            const missing = missingSide(error);
            throw missing ? notFound(missing) : error;
          });
        return { added: rows.length > 0 };
      },
      removeMember: async (_root: unknown, args: MembershipInput) => {
        const rows = await db.query(
          'delete from users_to_groups where user_id = $1 and group_id = $2 returning user_id',
          membershipIds(args),
        );
        return { removed: rows.length > 0 };
      },
    },
  };
}

type Resolvers<Context> = Parameters<typeof createSchema<Context>>[0]['resolvers'];

/** Serves the schema on /graphql and the statement counter on /metrics until SIGTERM. */
export function serveGraphql<Context extends object>(options: {
  db: CountingDb;
  config: BaselineConfig;
  resolvers: Resolvers<Context>;
  /** Called once per request; the DataLoader baseline builds its loaders here. */
  context: () => Context;
}): void {
  const yoga = createYoga<object, Context>({
    schema: createSchema<Context>({ typeDefs, resolvers: options.resolvers }),
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    logging: false,
    context: options.context,
  });
  const server = createServer((request, response) => {
    if (isMetricsRequest(request)) sendMetrics(options.db, response);
    else void yoga(request, response);
  });
  serve(server, options.db, options.config.port);
}
