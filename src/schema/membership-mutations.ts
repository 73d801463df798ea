import type { MembershipRole as Role } from '../db/schema.ts';
import { addMember, removeMember, setMemberRole } from '../resolvers/membership.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { MembershipRole } from './membership-role.ts';
import { payloadGroupField, payloadUserField } from './payload.ts';
import { statementRefusal } from './refusal.ts';
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

interface RoleChange extends MembershipChange {
  role: Role;
}

const SetMemberRolePayload = builder.objectRef<RoleChange>('SetMemberRolePayload').implement({
  description: 'The result of `setMemberRole`.',
  fields: (t) => ({
    changed: t.boolean({
      description: 'True when the role changed; false when the member already had it.',
      resolve: (change) => change.changed,
    }),
    role: t.field({
      type: MembershipRole,
      description: 'The member’s role now.',
      resolve: (change) => change.role,
    }),
    user: payloadUserField(t, 'The member.'),
    group: payloadGroupField(t, 'The group.'),
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
        'Makes a user a MEMBER of a group. Only the group’s admins may. Idempotent: adding an existing membership succeeds with `added: false` and keeps its role. NOT_FOUND when the user or group does not exist.',
      input: membershipInput,
      // No authScopes: the insert checks who may add in its own statement (one round trip, not
      // a role lookup first), and a refusal reads as authScopes' would.
      resolve: async (_root, { input }, ctx, info) => {
        const [userId, groupId] = [input.userId.id, input.groupId.id];
        const outcome = await addMember(ctx, userId, groupId);
        if ('refused' in outcome) throw statementRefusal(ctx, info, outcome.refused);
        return { userId, groupId, changed: outcome.changed };
      },
    }),
    removeMember: t.fieldWithInput({
      typeOptions: { description: 'The user and group that `removeMember` separates.' },
      type: RemoveMemberPayload,
      description:
        'Removes a user from a group. The group’s admins may remove anyone; any member may leave. Idempotent: removing a missing membership succeeds with `removed: false`. NOT_FOUND when the user or group does not exist; LAST_ADMIN, changing nothing, when it would leave the group without an admin.',
      input: membershipInput,
      // No authScopes: the delete checks who may remove in its own statement, as addMember's does.
      resolve: async (_root, { input }, ctx, info) => {
        const [userId, groupId] = [input.userId.id, input.groupId.id];
        const outcome = await removeMember(ctx, userId, groupId);
        if ('refused' in outcome) throw statementRefusal(ctx, info, outcome.refused);
        return { userId, groupId, changed: outcome.changed };
      },
    }),
    setMemberRole: t.fieldWithInput({
      typeOptions: { description: 'The membership whose role `setMemberRole` changes, and the new role.' },
      type: SetMemberRolePayload,
      description:
        'Makes a member an ADMIN or a plain MEMBER. Only the group’s admins may. NOT_FOUND when the user is not a member; LAST_ADMIN, changing nothing, when it would demote the group’s last admin.',
      input: {
        ...membershipInput,
        role: t.input.field({ type: MembershipRole, required: true, description: 'The new role.' }),
      },
      authScopes: (_root, { input }) => ({ groupAdmin: input.groupId.id }),
      resolve: async (_root, { input }, ctx) => {
        const [userId, groupId, role] = [input.userId.id, input.groupId.id, input.role];
        return { userId, groupId, role, changed: await setMemberRole(ctx, userId, groupId, role) };
      },
    }),
  };
});
