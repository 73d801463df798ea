/**
 * Baseline: the straightforward resolver set, one query per parent row. W1 costs 1 + (users)
 * statements, W3 adds one per (user, group) pair. This is the N+1 the API is measured against.
 *
 *   node bench/baselines/.build-naive.mjs   (PORT, DATABASE_URL, DATABASE_POOL_SIZE)
 *
 * as the runner starts it, from the bundle of this file it makes first (bench/lib/bundle.ts).
 */
import {
  asGroup,
  asUser,
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

type Plain = { id: number; name: string };

async function userById(id: number): Promise<UserRow | null> {
  const [row] = await db.query<Plain>('select id, name from users where id = $1', [id]);
  return row ? asUser(row) : null;
}

async function groupById(id: number): Promise<GroupRow | null> {
  const [row] = await db.query<Plain>('select id, name from groups where id = $1', [id]);
  return row ? asGroup(row) : null;
}

async function nodeById(globalId: string): Promise<NodeRow | null> {
  const decoded = decodeGlobalId(globalId);
  if (!decoded) return null;
  return decoded.type === 'User' ? userById(decoded.id) : groupById(decoded.id);
}

serveGraphql({
  db,
  config,
  context: () => ({}),
  resolvers: {
    ...common,
    Query: {
      ...common.Query,
      group: async (_root: unknown, args: { id: string }) => {
        const id = idOf('Group', args.id);
        const group = id === null ? null : await groupById(id);
        if (!group) throw notFound('group');
        return group;
      },
      nodes: (_root: unknown, args: { ids: string[] }) => Promise.all(args.ids.map(nodeById)),
    },
    User: {
      ...common.User,
      groups: async (user: UserRow, args: ListArgs) => {
        const rows = await db.query<Plain>(
          `select g.id, g.name from users_to_groups ug join groups g on g.id = ug.group_id
           where ug.user_id = $1 order by ug.group_id limit $2`,
          [user.id, listLimit(args.first)],
        );
        return rows.map(asGroup);
      },
    },
    Group: {
      ...common.Group,
      members: async (group: GroupRow, args: ListArgs) => {
        const rows = await db.query<Plain>(
          `select u.id, u.name from users_to_groups ug join users u on u.id = ug.user_id
           where ug.group_id = $1 order by ug.user_id limit $2`,
          [group.id, listLimit(args.first)],
        );
        return rows.map(asUser);
      },
      memberCount: async (group: GroupRow) => {
        const [row] = await db.query<{ count: number }>(
          'select member_count as count from groups where id = $1',
          [group.id],
        );
        return row?.count ?? 0;
      },
    },
  },
});
