import { groupNotFound } from '../resolvers/group.ts';
import { userNotFound } from '../resolvers/user.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { User } from './user.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type FieldBuilder<Shape> = PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>;

// Mutation payloads carry only IDs. Their `user` and `group` fields load the row afterwards with
// the client's whole nested selection planned into one statement, just like a root query.

export function payloadUserField<Shape extends { userId: number }>(
  t: FieldBuilder<Shape>,
  description: string,
) {
  return t.drizzleField({
    type: User,
    description,
    resolve: async (query, payload, _args, ctx) => {
      const user = await ctx.db.query.users.findFirst(query({ where: { id: payload.userId } }));
      // Deleted by a concurrent request between the write and this read.
      if (!user) throw userNotFound();
      return user;
    },
  });
}

export function payloadGroupField<Shape extends { groupId: number }>(
  t: FieldBuilder<Shape>,
  description: string,
) {
  return t.drizzleField({
    type: Group,
    description,
    resolve: async (query, payload, _args, ctx) => {
      const group = await ctx.db.query.groups.findFirst(query({ where: { id: payload.groupId } }));
      if (!group) throw groupNotFound();
      return group;
    },
  });
}
