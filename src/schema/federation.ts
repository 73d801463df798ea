import { builder, decodeIntegerGlobalID } from './builder.ts';
import { Group } from './group.ts';
import { User } from './user.ts';

// Apollo Federation v2 entities, served on their own endpoint (see app.ts): federation's @key
// takes `fields`, stitching's takes `selectionSet`, and one schema cannot define both.
// A gateway sends the global IDs this API hands out; unknown IDs resolve to null.

/** The row key in a representation's ID; undefined for an ID this API never handed out. */
function keyOf(globalID: string, typename: string): number | undefined {
  try {
    const decoded = decodeIntegerGlobalID(globalID);
    return decoded.typename === typename ? Number(decoded.id) : undefined;
  } catch {
    return undefined;
  }
}

builder.asEntity(User, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => {
    const key = keyOf(id, 'User');
    return key === undefined ? null : ctx.loaders.userById.load(key);
  },
});

builder.asEntity(Group, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async ({ id }, ctx) => {
    const key = keyOf(id, 'Group');
    return key === undefined ? null : ctx.loaders.groupById.load(key);
  },
});
