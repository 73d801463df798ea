import { encodeGlobalID } from '@pothos/plugin-relay';
import type { MembershipChangeKind as Kind } from '../db/schema.ts';
import { BadUserInputError, ServiceUnavailableError } from '../resolvers/errors.ts';
import type { DeliveredEvent, StreamItem } from '../resolvers/event-subscribers.ts';
import { decodeEventCursor } from '../resolvers/membership-event-log.ts';
import { createLoaders } from '../resolvers/loaders.ts';
import { builder } from './builder.ts';
import { Group } from './group.ts';
import { MembershipRole } from './membership-role.ts';
import { User } from './user.ts';

export const MembershipChangeKind = builder.enumType('MembershipChangeKind', {
  description: 'What happened to a membership.',
  values: {
    ADDED: { description: 'The user joined the group (addMember, addMembers).' },
    REMOVED: {
      description: 'The user left or was removed, or the user or the group was deleted.',
    },
    ROLE_CHANGED: { description: 'The member was given another role (setMemberRole).' },
  } satisfies Record<Kind, { description: string }>,
});

export const MembershipEvent = builder.objectRef<DeliveredEvent>('MembershipEvent').implement({
  description:
    'A committed change to one membership, as `membershipChanged` delivers it: in commit order per group, each once.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', {
      description:
        'Opaque position of this event. Pass the last one you received as `after` when you subscribe again, and nothing in between is lost.',
    }),
    kind: t.field({
      type: MembershipChangeKind,
      description: 'What happened.',
      resolve: (event) => event.kind,
    }),
    role: t.field({
      type: MembershipRole,
      description: 'The role after the change; for REMOVED, the role the member had.',
      resolve: (event) => event.role,
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When the changing transaction began.' }),
    userId: t.id({
      description: 'The global ID of the user, kept after the user is deleted.',
      resolve: (event) => encodeGlobalID('User', event.userId),
    }),
    groupId: t.id({
      description: 'The global ID of the group, kept after the group is deleted.',
      resolve: (event) => encodeGlobalID('Group', event.groupId),
    }),
    user: t.field({
      type: User,
      nullable: true,
      description: 'The user as it is now; null once the user has been deleted.',
      resolve: (event) => event.loaders.userById.load(event.userId),
    }),
    group: t.field({
      type: Group,
      nullable: true,
      description: 'The group as it is now (its `memberCount` includes this change); null once deleted.',
      resolve: (event) => event.loaders.groupById.load(event.groupId),
    }),
  }),
});

builder.subscriptionType({
  description: 'Live changes, over Server-Sent Events or WebSocket on the GraphQL endpoint.',
});

builder.subscriptionField('membershipChanged', (t) =>
  t.field({
    type: MembershipEvent,
    description:
      'Every committed membership change of a group, of a user, or of one membership (give both), whichever server made it. ' +
      'Pass `after` (or send the SSE `Last-Event-ID`) to first receive every event since that cursor, then live ones.',
    args: {
      groupId: t.arg.globalID({ for: Group, description: 'Only this group’s memberships.' }),
      userId: t.arg.globalID({ for: User, description: 'Only this user’s memberships.' }),
      after: t.arg.string({
        description:
          'The `cursor` of the last event you received. Events are kept for MEMBERSHIP_EVENTS_RETENTION (24 hours by default); an older cursor fails with CURSOR_EXPIRED.',
      }),
    },
    subscribe: (_root, { groupId, userId, after }, ctx) => {
      if (!groupId && !userId) {
        throw new BadUserInputError('Pass `groupId`, `userId` or both: which memberships to follow.');
      }
      if (!ctx.membershipEvents) {
        throw new ServiceUnavailableError('This server does not deliver live membership events.');
      }
      // A reconnecting EventSource repeats the URL it started with (and its `after`), but sends the
      // ID of the last event it received: that one is newer.
      const cursor = ctx.lastEventId ?? after;
      return ctx.membershipEvents.subscribe({
        filter: {
          groupId: groupId ? Number(groupId.id) : undefined,
          userId: userId ? Number(userId.id) : undefined,
        },
        after: cursor ? decodeEventCursor(cursor) : undefined,
        connection: ctx.connection,
      });
    },
    resolve: (event: StreamItem, _args, ctx) => {
      if (event instanceof Error) throw event;
      // One context serves the whole subscription; each event starts with fresh request loaders,
      // so nothing an event's selection reads was cached by an earlier one.
      ctx.loaders = createLoaders(ctx.db, ctx.viewerId);
      return event;
    },
  }),
);
