import { brandWithType } from '@pothos/core';
import { resolveNodes } from '@pothos/plugin-relay';
import { inKeyOrder } from '../resolvers/batch.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { User } from './user.ts';

// Relay's `node` and `nodes`. Both answer null for an ID no row has, as Relay expects.
// `nodes` loads each type's rows with one planned query (the selection under `... on User` is
// read once for all of them), instead of one fallback lookup per ID.

/** plugin-drizzle rejects a node lookup for a missing row with its documented "Model users(7) not found". */
function nullWhenRowMissing(error: unknown): null {
  if (error instanceof Error && /^Model \w+\(.*\) not found$/.test(error.message)) return null;
  throw error;
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Fetches any object by its global ID. Null when no object has this ID.',
    args: { id: t.arg.globalID({ required: true, description: 'The global ID of a User or Group.' }) },
    resolve: (_root, args, ctx, info) =>
      resolveNodes(builder, ctx, info, [args.id]).then(([node]) => node ?? null, nullWhenRowMissing),
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Fetches objects by global ID, in the order given; null for each unknown ID.',
    args: {
      ids: t.arg.globalIDList({ required: true, description: 'Global IDs of Users or Groups, in any mix.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const keysOf = (type: string) =>
        args.ids.filter((id) => id.typename === type).map((id) => Number(id.id));
      const [userKeys, groupKeys] = [keysOf('User'), keysOf('Group')];
      const [users, groups] = await Promise.all([
        userKeys.length === 0
          ? []
          : ctx.db.query.users.findMany(
              t.drizzleQueryFromInfo('users', {
                context: ctx,
                info,
                where: { id: { in: userKeys } },
                columns: { id: true },
              }),
            ),
        groupKeys.length === 0
          ? []
          : ctx.db.query.groups.findMany(
              t.drizzleQueryFromInfo('groups', {
                context: ctx,
                info,
                where: { id: { in: groupKeys } },
                columns: { id: true },
              }),
            ),
      ]);
      // The Node interface tells a User row from a Group row by this brand.
      users.forEach((row) => brandWithType(row, User));
      groups.forEach((row) => brandWithType(row, Group));
      const found = { User: inKeyOrder(userKeys, users), Group: inKeyOrder(groupKeys, groups) };
      const position = { User: 0, Group: 0 };
      return args.ids.map((id) => {
        if (id.typename !== 'User' && id.typename !== 'Group') return null;
        return found[id.typename][position[id.typename]++] ?? null;
      });
    },
  }),
}));
