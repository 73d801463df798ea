import { countGroups, groupNotFound } from '../resolvers/group.ts';
import { connectionPageSize } from '../resolvers/pagination.ts';
import { checkBatchSize, inKeyOrder } from '../resolvers/batch.ts';
import { viewerRoleIn } from '../resolvers/viewer.ts';
import { builder } from './builder.ts';
import { filteredTotalCount, NameFilter } from './name-filter.ts';
import { nameSearchWhere } from '../resolvers/name-search.ts';
import { MembershipRole } from './membership-role.ts';

export const Group = builder.drizzleNode('groups', {
  name: 'Group',
  // Load only the columns a query asks for, not every column of every row; except `name`, which
  // nearly every query asks for. See the comment on the `name` field.
  select: { columns: { id: true, name: true } },
  description: 'A named set of users. Each group name is unique.',
  id: { column: (group) => group.id },
  fields: (t) => ({
    // Not exposeString: an exposed column of a type with `select` is planned per field, and the
    // plugin then checks and records that plan each time it resolves, for every row of every
    // list. `name` comes with every row instead (see `select` above), so it is a plain read.
    name: t.string({
      description: 'The group name; unique and never empty.',
      resolve: (group) => group.name,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the group was created.' }),
    // A column the database keeps equal to the group's memberships (see src/db/schema.ts).
    memberCount: t.exposeInt('memberCount', { description: 'How many users belong to this group.' }),
    viewerRole: t.field({
      type: MembershipRole,
      nullable: true,
      description:
        'The signed-in viewer’s role in this group, to show or hide admin controls; null when anonymous or not a member. One statement per request, however many groups ask.',
      resolve: (group, _args, ctx) => viewerRoleIn(ctx, group.id),
    }),
  }),
});

builder.queryFields((t) => ({
  group: t.drizzleField({
    type: Group,
    nullable: true,
    description: 'One group by global ID. Null, with a NOT_FOUND error, when no group has this ID.',
    args: { id: t.arg.globalID({ for: Group, required: true, description: 'The global ID of a Group.' }) },
    resolve: async (query, _root, args, ctx) => {
      const group = await ctx.db.query.groups.findFirst(query({ where: { id: args.id.id } }));
      if (!group) throw groupNotFound();
      return group;
    },
  }),
  groupsByIds: t.drizzleField({
    type: [Group],
    nullable: { list: false, items: true },
    description:
      'Groups by global ID, in the order given, with null for each unknown ID. The batch entry point for gateways: one SQL statement per call, however deep the selection.',
    args: {
      ids: t.arg.globalIDList({
        for: Group,
        required: true,
        description: 'Global IDs of Groups; at most 1000.',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const ids = checkBatchSize(args.ids.map((id) => id.id));
      const rows = await ctx.db.query.groups.findMany(
        query({ where: { id: { in: [...ids] } }, columns: { id: true } }),
      );
      return inKeyOrder(ids, rows);
    },
  }),
  groups: t.drizzleConnection(
    {
      type: 'groups',
      description: 'All groups, or those the filter keeps, ordered by ID, as a connection.',
      args: { filter: t.arg({ type: NameFilter, description: 'Which groups to return: a search by name.' }) },
      totalCount: (_parent, args, ctx) => countGroups(ctx, args.filter),
      ...connectionPageSize,
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.groups.findMany(query({ orderBy: { id: 'asc' }, where: nameSearchWhere(args.filter) })),
    },
    {
      name: 'GroupConnection',
      description: 'A page of groups.',
      fields: (connection) => ({
        totalCount: connection.int(
          filteredTotalCount('How many groups the filter keeps (all of them without one), across all pages.'),
        ),
      }),
    },
    { name: 'GroupEdge', description: 'A group and its cursor.' },
  ),
}));
