import {
  addMembers,
  type BulkChange,
  type BulkWrite,
  MAX_BULK_USERS,
  removeMembers,
} from '../resolvers/membership-bulk.ts';
import { userNotFound } from '../resolvers/user.ts';
import type { Context } from '../resolvers/context.ts';
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { MembershipRole } from './membership-role.ts';
import { payloadGroupField } from './payload.ts';
import { statementRefusal } from './refusal.ts';
import { User } from './user.ts';

interface BulkPayload {
  groupId: number;
  changes: BulkChange[];
}

/** One named user's result; `flag` (added or removed) says whether this call changed it. */
function bulkResultType(
  name: string,
  flag: 'added' | 'removed',
  description: string,
  flagDescription: string,
) {
  return builder.objectRef<BulkChange>(name).implement({
    description,
    fields: (t) => ({
      userId: t.globalID({
        description: 'The global ID of the User, as given.',
        resolve: (change) => ({ type: User.name, id: change.userId }),
      }),
      [flag]: t.boolean({ description: flagDescription, resolve: (change) => change.changed }),
      user: t.field({
        type: User,
        nullable: true,
        description: 'The user; null, with a NOT_FOUND error at this path, when no user has this ID.',
        // Every result's row comes from one statement (a DataLoader); plugin-drizzle batches the
        // relations selected beneath them across the results.
        resolve: async (change, _args, ctx) => {
          if (!change.found) throw userNotFound();
          const user = await ctx.loaders.userById.load(change.userId);
          // Deleted by a concurrent request between the write and this read.
          if (!user) throw userNotFound();
          return user;
        },
      }),
    }),
  });
}

const AddMembersResult = bulkResultType(
  'AddMembersResult',
  'added',
  'What `addMembers` did for one of the users it named.',
  'True when this call made the user a member; false when they already were (their role unchanged) or do not exist.',
);

const RemoveMembersResult = bulkResultType(
  'RemoveMembersResult',
  'removed',
  'What `removeMembers` did for one of the users it named.',
  'True when this call removed the user from the group; false when they were not a member or do not exist.',
);

function bulkPayloadType(
  name: string,
  description: string,
  resultType: typeof AddMembersResult,
  count: string,
) {
  return builder.objectRef<BulkPayload>(name).implement({
    description,
    fields: (t) => ({
      results: t.field({
        type: [resultType],
        description: 'One result per user named, in the order they were named.',
        // As many as the call named, which the limit cannot see from here: counted at the most.
        complexity: { field: 1, multiplier: MAX_BULK_USERS },
        resolve: (payload) => payload.changes,
      }),
      [`${count}Count`]: t.int({
        description: `How many memberships this call ${count === 'added' ? 'created' : 'removed'}.`,
        resolve: (payload) => payload.changes.filter((change) => change.changed).length,
      }),
      group: payloadGroupField(t, 'The group, with its member count after the change.'),
    }),
  });
}

const AddMembersPayload = bulkPayloadType(
  'AddMembersPayload',
  'The result of `addMembers`: per user, and the group after the change.',
  AddMembersResult,
  'added',
);

const RemoveMembersPayload = bulkPayloadType(
  'RemoveMembersPayload',
  'The result of `removeMembers`: per user, and the group after the change.',
  RemoveMembersResult,
  'removed',
);

/** The payload of a bulk write, or the error its own statement's refusal reads as. */
function payloadOf(groupId: number, write: BulkWrite, ctx: Context, info: GraphQLResolveInfo): BulkPayload {
  if ('refused' in write) throw statementRefusal(ctx, info, write.refused);
  return { groupId, changes: write.changes };
}

builder.mutationFields((t) => {
  const groupId = t.input.globalID({ for: Group, required: true, description: 'Global ID of the Group.' });
  const userIds = (verb: string) =>
    t.input.globalIDList({
      for: User,
      required: true,
      description: `Global IDs of the Users to ${verb}: at most ${MAX_BULK_USERS}, each once.`,
    });
  return {
    addMembers: t.fieldWithInput({
      typeOptions: { description: 'The group `addMembers` adds to, the users it adds, and their role.' },
      type: AddMembersPayload,
      description: `Adds up to ${MAX_BULK_USERS} users to a group in one statement. Only the group’s admins may. Idempotent per user: one who is already a member keeps their role and gets \`added: false\`; an unknown user ID gets a NOT_FOUND error at its result’s \`user\` without failing the rest. NOT_FOUND when the group does not exist; BAD_USER_INPUT, before any change, for more than ${MAX_BULK_USERS} IDs or one named twice.`,
      input: {
        groupId,
        userIds: userIds('add'),
        role: t.input.field({
          type: MembershipRole,
          defaultValue: 'MEMBER',
          description: 'The role the new members get. Default MEMBER.',
        }),
      },
      // No authScopes: the statement checks who may add, as addMember's does.
      resolve: async (_root, { input }, ctx, info) => {
        const ids = input.userIds.map((id) => id.id);
        const write = await addMembers(ctx, input.groupId.id, ids, input.role ?? 'MEMBER');
        return payloadOf(input.groupId.id, write, ctx, info);
      },
    }),
    removeMembers: t.fieldWithInput({
      typeOptions: { description: 'The group `removeMembers` removes from, and the users it removes.' },
      type: RemoveMembersPayload,
      description: `Removes up to ${MAX_BULK_USERS} users from a group, in one statement unless one of them is an admin. The group’s admins may remove anyone; a member may name only themselves (leaving). Idempotent per user: one who is not a member gets \`removed: false\`; an unknown user ID gets a NOT_FOUND error at its result’s \`user\` without failing the rest. LAST_ADMIN, changing nothing at all, when it would leave the group without an admin; BAD_USER_INPUT, before any change, for more than ${MAX_BULK_USERS} IDs or one named twice.`,
      input: { groupId, userIds: userIds('remove') },
      // No authScopes: the statement checks who may remove, as removeMember's does.
      resolve: async (_root, { input }, ctx, info) => {
        const ids = input.userIds.map((id) => id.id);
        return payloadOf(input.groupId.id, await removeMembers(ctx, input.groupId.id, ids), ctx, info);
      },
    }),
  };
});
