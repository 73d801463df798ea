import { type Cache, cacheExchange } from '@urql/exchange-graphcache';
import type { ResultOf } from '@graphql-typed-document-node/core';
import {
  AddGroupMemberMutation,
  GroupMembersLiveSubscription,
  GroupMembersQuery,
  GroupSummaryFragment,
  RemoveGroupMemberMutation,
  UserQuery,
} from './operations.ts';

type MemberEdge = NonNullable<
  ResultOf<typeof GroupMembersQuery>['group']
>['membersConnection']['edges'][number];
/** An edge the cache has not seen: written with its typenames, which Graphcache keys entities by. */
type NewMemberEdge = Omit<MemberEdge, 'node'> & {
  __typename: 'GroupMembersEdge';
  node: MemberEdge['node'] & { __typename: 'User' };
};

/**
 * The normalized cache. Users and groups are entities keyed by their global IDs, so a count or
 * a name changed by any response shows everywhere at once. Lists are not refetched after a
 * change: the mutation payloads and the live events carry what each list needs, and the
 * updaters below put it in place.
 *
 * Optimistic results change counts only. The lists change from what the server answered: an
 * updater rewrites a whole list, and one that ran while an optimistic layer was on top would
 * read that layer's guess and write it under it, where it outlived a refusal (a live event
 * arriving between a click and the server's FORBIDDEN kept the member removed). The group page
 * shows pending adds and removes itself until the answer comes (GroupPage.tsx).
 */
export const membershipCache = cacheExchange({
  keys: {
    // Connections, edges, payloads and events belong to the object that holds them.
    GroupConnection: () => null,
    GroupEdge: () => null,
    GroupMembersConnection: () => null,
    GroupMembersEdge: () => null,
    UserConnection: () => null,
    UserEdge: () => null,
    PageInfo: () => null,
    Membership: () => null,
    MembershipEvent: () => null,
    AddMemberPayload: () => null,
    RemoveMemberPayload: () => null,
  },
  optimistic: {
    addMember: ({ input }, cache) => {
      const { groupId, userId } = input as { groupId: string; userId: string };
      return {
        __typename: 'AddMemberPayload',
        added: true,
        group: {
          __typename: 'Group',
          id: groupId,
          name: cache.resolve({ __typename: 'Group', id: groupId }, 'name') as string,
          memberCount: (count(cache, { __typename: 'Group', id: groupId }, 'memberCount') ?? 0) + 1,
          membership: { __typename: 'Membership', role: 'MEMBER', joinedAt: new Date().toISOString() },
        },
        user: {
          __typename: 'User',
          id: userId,
          name: cache.resolve({ __typename: 'User', id: userId }, 'name') as string,
          groupCount: (count(cache, { __typename: 'User', id: userId }, 'groupCount') ?? 0) + 1,
        },
      };
    },
    removeMember: ({ input }, cache) => {
      const { groupId, userId } = input as { groupId: string; userId: string };
      return {
        __typename: 'RemoveMemberPayload',
        removed: true,
        group: {
          __typename: 'Group',
          id: groupId,
          memberCount: Math.max(
            (count(cache, { __typename: 'Group', id: groupId }, 'memberCount') ?? 1) - 1,
            0,
          ),
          viewerRole: cache.resolve({ __typename: 'Group', id: groupId }, 'viewerRole') as string | null,
        },
        user: {
          __typename: 'User',
          id: userId,
          groupCount: Math.max((count(cache, { __typename: 'User', id: userId }, 'groupCount') ?? 1) - 1, 0),
        },
      };
    },
  },
  updates: {
    Mutation: {
      addMember(result, _args, cache, info) {
        if (info.optimistic) return;
        const { group, user } = (result as ResultOf<typeof AddGroupMemberMutation>).addMember;
        if (!group.membership) return;
        addMemberOnTop(cache, group.id, {
          __typename: 'GroupMembersEdge',
          role: group.membership.role,
          joinedAt: group.membership.joinedAt,
          node: { __typename: 'User', id: user.id, name: user.name },
        });
        addGroupToUser(cache, user.id, group.id);
      },
      removeMember(result, _args, cache, info) {
        if (info.optimistic) return;
        const { group, user } = (result as ResultOf<typeof RemoveGroupMemberMutation>).removeMember;
        removeMember(cache, group.id, user.id);
        removeGroupFromUser(cache, user.id, group.id);
      },
    },
    Subscription: {
      // Changes made anywhere else: another tab, another user, another server instance.
      membershipChanged(result, _args, cache) {
        const event = (result as ResultOf<typeof GroupMembersLiveSubscription>).membershipChanged;
        if (!event.group) return;
        if (event.kind === 'REMOVED') {
          removeMember(cache, event.group.id, event.userId);
          removeGroupFromUser(cache, event.userId, event.group.id);
        } else if (event.kind === 'ADDED' && event.user) {
          addMemberOnTop(cache, event.group.id, {
            __typename: 'GroupMembersEdge',
            role: event.role,
            joinedAt: event.at,
            node: { __typename: 'User', id: event.user.id, name: event.user.name },
          });
          addGroupToUser(cache, event.userId, event.group.id);
        } else if (event.kind === 'ROLE_CHANGED') {
          forEachMembersPage(cache, event.group.id, (edges) =>
            edges.map((edge) => (edge.node.id === event.userId ? { ...edge, role: event.role } : edge)),
          );
        }
      },
    },
  },
});

function count(cache: Cache, entity: { __typename: string; id: string }, field: string): number | undefined {
  const value = cache.resolve(entity, field);
  return typeof value === 'number' ? value : undefined;
}

/** The `after` of every page of the group's members in the cache (null: the first page). */
function cachedMemberPages(cache: Cache, groupId: string): (string | null)[] {
  const groupKey = cache.keyOfEntity({ __typename: 'Group', id: groupId });
  if (!groupKey) return [];
  return cache
    .inspectFields(groupKey)
    .filter((field) => field.fieldName === 'membersConnection')
    .map((field) => (field.arguments?.['after'] as string | null | undefined) ?? null);
}

/** Rewrites the edges of one cached page of the group's members. */
function rewriteMembersPage(
  cache: Cache,
  groupId: string,
  after: string | null,
  rewrite: (edges: MemberEdge[]) => MemberEdge[],
): void {
  cache.updateQuery({ query: GroupMembersQuery, variables: { groupId, after } }, (data) =>
    data?.group
      ? {
          ...data,
          group: {
            ...data.group,
            membersConnection: {
              ...data.group.membersConnection,
              edges: rewrite(data.group.membersConnection.edges),
            },
          },
        }
      : data,
  );
}

function forEachMembersPage(
  cache: Cache,
  groupId: string,
  rewrite: (edges: MemberEdge[]) => MemberEdge[],
): void {
  for (const after of cachedMemberPages(cache, groupId)) rewriteMembersPage(cache, groupId, after, rewrite);
}

/** Newest first: a member who just joined goes on top of the first page, once. */
function addMemberOnTop(cache: Cache, groupId: string, edge: NewMemberEdge): void {
  const present = cachedMemberPages(cache, groupId).some((after) =>
    cache
      .readQuery({ query: GroupMembersQuery, variables: { groupId, after } })
      ?.group?.membersConnection.edges.some((candidate) => candidate.node.id === edge.node.id),
  );
  if (!present) rewriteMembersPage(cache, groupId, null, (edges) => [edge, ...edges]);
}

function removeMember(cache: Cache, groupId: string, userId: string): void {
  forEachMembersPage(cache, groupId, (edges) => edges.filter((edge) => edge.node.id !== userId));
}

/** The other side of the membership: the user's own list of groups, where it is cached. */
function addGroupToUser(cache: Cache, userId: string, groupId: string): void {
  cache.updateQuery({ query: UserQuery, variables: { userId } }, (data) => {
    if (!data?.user || data.user.groups.some((group) => group.id === groupId)) return data;
    const group = cache.readFragment(GroupSummaryFragment, { __typename: 'Group', id: groupId });
    return group ? { ...data, user: { ...data.user, groups: [...data.user.groups, group] } } : data;
  });
}

function removeGroupFromUser(cache: Cache, userId: string, groupId: string): void {
  cache.updateQuery({ query: UserQuery, variables: { userId } }, (data) =>
    data?.user
      ? { ...data, user: { ...data.user, groups: data.user.groups.filter((group) => group.id !== groupId) } }
      : data,
  );
}
