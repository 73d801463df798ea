/**
 * Baseline: the usual fix for N+1, one DataLoader per relation, built per request. Each level
 * of a query costs one statement: W1 is users + groups (2), W3 users + groups + members (3).
 *
 *   node bench/baselines/.build-dataloader.mjs   (PORT, DATABASE_URL, DATABASE_POOL_SIZE)
 *
 * as the runner starts it, from the bundle of this file it makes first (bench/lib/bundle.ts).
 */
import { createLoaders, type Loaders } from './dataloader-loaders.ts';
import {
  commonResolvers,
  type GroupRow,
  type ListArgs,
  listLimit,
  type NodeRow,
  notFound,
  serveGraphql,
  type UserRow,
} from './graphql-server.ts';
import { createCountingDb, decodeGlobalId, idOf, readBaselineConfig } from './shared.ts';

const config = readBaselineConfig();
const db = createCountingDb(config);
const common = commonResolvers(db);

interface Context {
  loaders: Loaders;
}

function nodeById(globalId: string, { loaders }: Context): Promise<NodeRow | null> {
  const decoded = decodeGlobalId(globalId);
  if (!decoded) return Promise.resolve(null);
  return decoded.type === 'User' ? loaders.userById.load(decoded.id) : loaders.groupById.load(decoded.id);
}

serveGraphql<Context>({
  db,
  config,
  // Fresh loaders per request: a shared cache would serve one request's rows to the next.
  context: () => ({ loaders: createLoaders(db) }),
  resolvers: {
    ...common,
    Query: {
      ...common.Query,
      group: async (_root: unknown, args: { id: string }, { loaders }: Context) => {
        const id = idOf('Group', args.id);
        const group = id === null ? null : await loaders.groupById.load(id);
        if (!group) throw notFound('group');
        return group;
      },
      nodes: (_root: unknown, args: { ids: string[] }, context: Context) =>
        Promise.all(args.ids.map((id) => nodeById(id, context))),
    },
    User: {
      ...common.User,
      groups: (user: UserRow, args: ListArgs, { loaders }: Context) =>
        loaders.groupsByUserId(listLimit(args.first)).load(user.id),
    },
    Group: {
      ...common.Group,
      members: (group: GroupRow, args: ListArgs, { loaders }: Context) =>
        loaders.membersByGroupId(listLimit(args.first)).load(group.id),
      memberCount: (group: GroupRow, _args: unknown, { loaders }: Context) =>
        loaders.memberCountByGroupId.load(group.id),
    },
  },
});
