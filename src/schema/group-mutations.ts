import { createGroup, deleteGroup, updateGroup } from '../resolvers/group.ts';
import { requireViewer } from '../resolvers/viewer.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { payloadGroupField } from './payload.ts';

const CreateGroupPayload = builder.objectRef<{ groupId: number }>('CreateGroupPayload').implement({
  description: 'The result of `createGroup`.',
  fields: (t) => ({ group: payloadGroupField(t, 'The new group.') }),
});

const UpdateGroupPayload = builder.objectRef<{ groupId: number }>('UpdateGroupPayload').implement({
  description: 'The result of `updateGroup`.',
  fields: (t) => ({ group: payloadGroupField(t, 'The group as it is after the change.') }),
});

const DeleteGroupPayload = builder.objectRef<{ groupId: number }>('DeleteGroupPayload').implement({
  description: 'The result of `deleteGroup`.',
  fields: (t) => ({
    deletedGroupId: t.globalID({
      description: 'The global ID the deleted group had; remove it from client caches.',
      resolve: (payload) => ({ type: Group, id: payload.groupId }),
    }),
  }),
});

builder.mutationFields((t) => ({
  createGroup: t.fieldWithInput({
    typeOptions: { description: 'What `createGroup` needs: the new group’s name.' },
    type: CreateGroupPayload,
    description:
      'Creates a group whose first member, and ADMIN, is the signed-in viewer. Fails with CONFLICT when the name is taken.',
    authScopes: { authenticated: true },
    input: {
      name: t.input.string({
        required: true,
        description: 'Unique group name; surrounding spaces are trimmed.',
      }),
    },
    resolve: async (_root, { input }, ctx) => ({
      groupId: await createGroup(ctx, await requireViewer(ctx), input),
    }),
  }),
  updateGroup: t.fieldWithInput({
    typeOptions: { description: 'Which group `updateGroup` renames, and the new name.' },
    type: UpdateGroupPayload,
    description:
      'Renames a group. Only the group’s admins may. Fails with CONFLICT when another group has the name.',
    authScopes: (_root, { input }) => ({ groupAdmin: input.id.id }),
    input: {
      id: t.input.globalID({ for: Group, required: true, description: 'The group to rename.' }),
      name: t.input.string({ required: true, description: 'The new, unique name.' }),
    },
    resolve: async (_root, { input }, ctx) => ({ groupId: await updateGroup(ctx, input.id.id, input) }),
  }),
  deleteGroup: t.fieldWithInput({
    typeOptions: { description: 'Which group `deleteGroup` deletes.' },
    type: DeleteGroupPayload,
    description:
      'Deletes a group and all of its memberships. Only the group’s admins may. The users themselves remain.',
    authScopes: (_root, { input }) => ({ groupAdmin: input.id.id }),
    input: { id: t.input.globalID({ for: Group, required: true, description: 'The group to delete.' }) },
    resolve: async (_root, { input }, ctx) => ({ groupId: await deleteGroup(ctx, input.id.id) }),
  }),
}));
