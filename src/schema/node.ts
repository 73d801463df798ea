import { resolveNodes } from '@pothos/plugin-relay';
import { builder } from './builder.ts';

// Relay's `node` and `nodes`. plugin-drizzle loads a node by ID and rejects with its documented
// "Model users(7) not found" when the row does not exist; here such an ID gives null, as Relay
// expects, while any other failure (an outage) still fails the field.

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
    // One lookup per ID, so a missing row nulls only its own entry. They start in the same tick,
    // and plugin-drizzle batches them into one statement per type.
    resolve: (_root, args, ctx, info) =>
      args.ids.map((id) =>
        resolveNodes(builder, ctx, info, [id]).then(([node]) => node ?? null, nullWhenRowMissing),
      ),
  }),
}));
