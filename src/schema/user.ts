import { connectionPageSize } from '../resolvers/pagination.ts';
import { countUsers, userNotFound } from '../resolvers/user.ts';
import { checkBatchSize, inKeyOrder } from '../resolvers/batch.ts';
import { unknownViewer } from '../resolvers/errors.ts';
import { builder } from './builder.ts';
import { filteredTotalCount, NameFilter } from './name-filter.ts';
import { nameSearchWhere } from '../resolvers/name-search.ts';

export const User = builder.drizzleNode('users', {
  name: 'User',
  // Load only the columns a query asks for, not every column of every row; except `name`, which
  // nearly every query asks for. See the comment on the `name` field.
  select: { columns: { id: true, name: true } },
  description: 'A person. A user belongs to any number of groups, and a group has any number of members.',
  id: { column: (user) => user.id },
  fields: (t) => ({
    // Not exposeString: an exposed column of a type with `select` is planned per field, and the
    // plugin then checks and records that plan each time it resolves, for every row of every
    // list. `name` comes with every row instead (see `select` above), so it is a plain read.
    name: t.string({ description: 'Display name; never empty.', resolve: (user) => user.name }),
    email: t.exposeString('email', {
      nullable: true,
      description:
        'Email address, unique across users and stored lower-cased. Only the user themselves can see it: null, without an error, for everyone else.',
      authScopes: (user) => ({ self: user.id }),
      unauthorizedResolver: () => null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the user was created.' }),
    // Counts junction rows rather than distinct groups: the composite primary key makes them equal,
    // and count(*) on the junction is an index-only scan where counting through the join is not.
    groupCount: t.relatedCount('memberships', { description: 'How many groups this user belongs to.' }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.drizzleField({
    type: User,
    nullable: true,
    description:
      'The signed-in user, from the request’s bearer token; null for anonymous requests. UNAUTHENTICATED when the token names a user that no longer exists.',
    resolve: async (query, _root, _args, ctx) => {
      if (ctx.viewerId === undefined) return null;
      const viewer = await ctx.db.query.users.findFirst(query({ where: { id: ctx.viewerId } }));
      if (!viewer) throw unknownViewer();
      return viewer;
    },
  }),
  user: t.drizzleField({
    type: User,
    nullable: true,
    description: 'One user by global ID. Null, with a NOT_FOUND error, when no user has this ID.',
    args: { id: t.arg.globalID({ for: User, required: true, description: 'The global ID of a User.' }) },
    resolve: async (query, _root, args, ctx) => {
      const user = await ctx.db.query.users.findFirst(query({ where: { id: args.id.id } }));
      if (!user) throw userNotFound();
      return user;
    },
  }),
  usersByIds: t.drizzleField({
    type: [User],
    nullable: { list: false, items: true },
    description:
      'Users by global ID, in the order given, with null for each unknown ID. The batch entry point for gateways: one SQL statement per call, however deep the selection.',
    args: {
      ids: t.arg.globalIDList({
        for: User,
        required: true,
        description: 'Global IDs of Users; at most 1000.',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const ids = checkBatchSize(args.ids.map((id) => id.id));
      const rows = await ctx.db.query.users.findMany(
        query({ where: { id: { in: [...ids] } }, columns: { id: true } }),
      );
      return inKeyOrder(ids, rows);
    },
  }),
  users: t.drizzleConnection(
    {
      type: 'users',
      description: 'All users, or those the filter keeps, ordered by ID, as a connection.',
      args: { filter: t.arg({ type: NameFilter, description: 'Which users to return: a search by name.' }) },
      totalCount: (_parent, args, ctx) => countUsers(ctx, args.filter),
      ...connectionPageSize,
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.users.findMany(query({ orderBy: { id: 'asc' }, where: nameSearchWhere(args.filter) })),
    },
    {
      name: 'UserConnection',
      description: 'A page of users.',
      fields: (connection) => ({
        totalCount: connection.int(
          filteredTotalCount('How many users the filter keeps (all of them without one), across all pages.'),
        ),
      }),
    },
    { name: 'UserEdge', description: 'A user and its cursor.' },
  ),
}));
