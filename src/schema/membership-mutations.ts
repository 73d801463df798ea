import { addMember, removeMember } from '../resolvers/membership.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { payloadGroupField, payloadUserField } from './payload.ts';
import { User } from './user.ts';

interface MembershipChange {
  userId: number;
  groupId: number;
  changed: boolean;
}

const AddMemberPayload = builder.objectRef<MembershipChange>('AddMemberPayload').implement({
  description: 'The result of `addMember`: both sides, so a client can refresh both lists.',
  fields: (t) => ({
    added: t.boolean({
      description: 'True when this call created the membership; false when it already existed.',
      resolve: (change) => change.changed,
    }),
    user: payloadUserField(t, 'The user, now a member of the group.'),
    group: payloadGroupField(t, 'The group, which now includes the user.'),
  }),
});

const RemoveMemberPayload = builder.objectRef<MembershipChange>('RemoveMemberPayload').implement({
  description: 'The result of `removeMember`: both sides, so a client can refresh both lists.',
  fields: (t) => ({
    removed: t.boolean({
      description: 'True when this call removed the membership; false when there was none.',
      resolve: (change) => change.changed,
    }),
    user: payloadUserField(t, 'The user, no longer a member of the group.'),
    group: payloadGroupField(t, 'The group, which no longer includes the user.'),
  }),
});

builder.mutationFields((t) => {
  // addMember and removeMember name a membership the same way; their inputs stay separate types
  // so either can grow a field (a role, a reason) without changing the other.
  const membershipInput = {
    userId: t.input.globalID({ for: User, required: true, description: 'Global ID of the User.' }),
    groupId: t.input.globalID({ for: Group, required: true, description: 'Global ID of the Group.' }),
  };
  return {
    addMember: t.fieldWithInput({
      typeOptions: { description: 'The user and group that `addMember` joins.' },
      type: AddMemberPayload,
      description:
        'Makes a user a member of a group. Idempotent: adding an existing membership succeeds with `added: false`. NOT_FOUND when the user or group does not exist.',
      input: membershipInput,
      resolve: async (_root, { input }, ctx) => {
        const [userId, groupId] = [input.userId.id, input.groupId.id];
        return { userId, groupId, changed: await addMember(ctx, userId, groupId) };
      },
    }),
    removeMember: t.fieldWithInput({
      typeOptions: { description: 'The user and group that `removeMember` separates.' },
      type: RemoveMemberPayload,
      description:
        'Removes a user from a group. Idempotent: removing a missing membership succeeds with `removed: false`. NOT_FOUND when the user or group does not exist.',
      input: membershipInput,
      resolve: async (_root, { input }, ctx) => {
        const [userId, groupId] = [input.userId.id, input.groupId.id];
        return { userId, groupId, changed: await removeMember(ctx, userId, groupId) };
      },
    }),
  };
});
