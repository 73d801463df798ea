import { createUser, deleteUser, updateUser } from '../resolvers/user.ts';
import { builder } from './builder.ts';
import { payloadUserField } from './payload.ts';
import { User } from './user.ts';

const CreateUserPayload = builder.objectRef<{ userId: number }>('CreateUserPayload').implement({
  description: 'The result of `createUser`.',
  fields: (t) => ({ user: payloadUserField(t, 'The new user.') }),
});

const UpdateUserPayload = builder.objectRef<{ userId: number }>('UpdateUserPayload').implement({
  description: 'The result of `updateUser`.',
  fields: (t) => ({ user: payloadUserField(t, 'The user as it is after the change.') }),
});

const DeleteUserPayload = builder.objectRef<{ userId: number }>('DeleteUserPayload').implement({
  description: 'The result of `deleteUser`.',
  fields: (t) => ({
    deletedUserId: t.globalID({
      description: 'The global ID the deleted user had; remove it from client caches.',
      resolve: (payload) => ({ type: User, id: payload.userId }),
    }),
  }),
});

builder.mutationFields((t) => ({
  createUser: t.fieldWithInput({
    typeOptions: { description: 'What `createUser` needs: the new user’s name and email.' },
    type: CreateUserPayload,
    description:
      'Creates a user; anyone may sign up. Fails with CONFLICT when the email address is taken. The new user then signs in with a token whose `sub` is their ID.',
    input: {
      name: t.input.string({ required: true, description: 'Display name; surrounding spaces are trimmed.' }),
      email: t.input.string({ required: true, description: 'Email address; unique, case-insensitive.' }),
    },
    resolve: async (_root, { input }, ctx) => ({ userId: await createUser(ctx, input) }),
  }),
  updateUser: t.fieldWithInput({
    typeOptions: { description: 'Which user `updateUser` changes, and the new values.' },
    type: UpdateUserPayload,
    description:
      'Changes a user’s name or email. Only the user themselves may. Omitted or null fields stay as they are.',
    authScopes: (_root, { input }) => ({ self: input.id.id }),
    input: {
      id: t.input.globalID({ for: User, required: true, description: 'The user to change.' }),
      name: t.input.string({ description: 'New display name.' }),
      email: t.input.string({ description: 'New email address; CONFLICT when another user has it.' }),
    },
    resolve: async (_root, { input }, ctx) => ({ userId: await updateUser(ctx, input.id.id, input) }),
  }),
  deleteUser: t.fieldWithInput({
    typeOptions: { description: 'Which user `deleteUser` deletes.' },
    type: DeleteUserPayload,
    description:
      'Deletes a user and all of their memberships. Only the user themselves may. LAST_ADMIN, deleting nothing, while they are the last admin of a group.',
    authScopes: (_root, { input }) => ({ self: input.id.id }),
    input: { id: t.input.globalID({ for: User, required: true, description: 'The user to delete.' }) },
    resolve: async (_root, { input }, ctx) => ({ userId: await deleteUser(ctx, input.id.id) }),
  }),
}));
