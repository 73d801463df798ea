import { decodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'drizzle-orm';
import { type DocumentNode, print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../bench/lib/workloads.ts';
import { decodeEventCursor, comparePositions } from '../src/resolvers/membership-event-log.ts';
import { createAdmin, createCommunity, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import { graphql } from './gql/index.ts';
import { selectRows, signedIn, startSecondInstance, startTestApp, type TestApp } from './harness.ts';
import { eventually, subscribe, type Subscription, type Transport } from './subscription-clients.ts';

// Many writers and subscribers at once: 32 clients make 2,000 changes (single and bulk) through
// two instances on one PostgreSQL while subscribers on both instances, over both transports,
// listen. Each subscriber must receive exactly the committed changes of its filter, each once, in
// an order that replays to the table's final state. PGlite is embedded: one instance there.

const WRITERS = 32;
const CHANGES = 2_000;
const GROUPS = 6;
const FOLLOWED_USERS = 4;

const AddMemberUnderLoad = graphql(`
  mutation AddMemberUnderLoad($input: AddMemberInput!) {
    addMember(input: $input) {
      added
    }
  }
`);
const RemoveMemberUnderLoad = graphql(`
  mutation RemoveMemberUnderLoad($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removed
    }
  }
`);
const SetRoleUnderLoad = graphql(`
  mutation SetRoleUnderLoad($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) {
      changed
    }
  }
`);
const AddMembersUnderLoad = graphql(`
  mutation AddMembersUnderLoad($input: AddMembersInput!) {
    addMembers(input: $input) {
      results {
        added
        userId
      }
    }
  }
`);
const RemoveMembersUnderLoad = graphql(`
  mutation RemoveMembersUnderLoad($input: RemoveMembersInput!) {
    removeMembers(input: $input) {
      results {
        removed
        userId
      }
    }
  }
`);
const FollowMemberships = graphql(`
  subscription FollowMemberships($groupId: ID, $userId: ID) {
    membershipChanged(groupId: $groupId, userId: $userId) {
      cursor
      kind
      role
      userId
      groupId
    }
  }
`);

type Role = 'MEMBER' | 'ADMIN';
interface Change {
  kind: 'ADDED' | 'REMOVED' | 'ROLE_CHANGED';
  userId: number;
  groupId: number;
  role?: Role;
}

let app: TestApp;
let instances: { origin: string; subscriptions: () => number }[];
let community: Community;
let adminId: number;
let token: Record<string, string>;

beforeAll(async () => {
  app = await startTestApp({ liveEvents: true });
  instances = [
    { origin: (await app.listen()).origin, subscriptions: () => app.membershipEvents!.subscriptions },
  ];
  if (app.databaseUrl) {
    const second = await startSecondInstance(app, { liveEvents: true });
    instances.push({ origin: second.origin, subscriptions: () => second.membershipEvents!.subscriptions });
  }
  community = await createCommunity(app.db, { userCount: 40, groupCount: GROUPS + 1, groupsPerUser: 2 });
  adminId = await createAdmin(app.db, community.groupIds);
  token = await signedIn(adminId);
});

const keyOf = ({ kind, userId, groupId, role }: Change) =>
  `${kind}:${userId}:${groupId}${kind === 'ROLE_CHANGED' ? `:${role}` : ''}`;
const numericId = (globalId: string) => Number(decodeGlobalID(globalId).id);

async function post(origin: string, document: DocumentNode, variables: unknown) {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...token },
    body: JSON.stringify({ query: print(document), variables }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    data?: Record<string, never>;
    errors?: { extensions?: { code?: string } }[];
  };
  // NOT_FOUND is a legitimate outcome (promoting a user who just left); anything else is not.
  for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('NOT_FOUND');
  return body.data;
}

/** Makes one random change through `origin` and returns the changes it reports having made. */
async function change(origin: string, random: () => number): Promise<Change[]> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const groupId = pick(community.groupIds.slice(0, GROUPS));
  const userIds = Array.from({ length: 3 }, () => pick(community.userIds));
  const [userId] = userIds as [number];
  const one = { userId: userGlobalId(userId), groupId: groupGlobalId(groupId) };
  const roll = random();
  if (roll < 0.35) {
    const data = await post(origin, AddMemberUnderLoad, { input: one });
    return data?.['addMember']?.['added'] ? [{ kind: 'ADDED', userId, groupId, role: 'MEMBER' }] : [];
  }
  if (roll < 0.65) {
    const data = await post(origin, RemoveMemberUnderLoad, { input: one });
    return data?.['removeMember']?.['removed'] ? [{ kind: 'REMOVED', userId, groupId }] : [];
  }
  if (roll < 0.8) {
    const role = pick(['MEMBER', 'ADMIN'] as const);
    const data = await post(origin, SetRoleUnderLoad, { input: { ...one, role } });
    return data?.['setMemberRole']?.['changed'] ? [{ kind: 'ROLE_CHANGED', userId, groupId, role }] : [];
  }
  const distinct = [...new Set(userIds)].map(userGlobalId);
  const input = { groupId: groupGlobalId(groupId), userIds: distinct };
  if (roll < 0.9) {
    const data = await post(origin, AddMembersUnderLoad, { input });
    const results = (data?.['addMembers']?.['results'] ?? []) as { added: boolean; userId: string }[];
    return results
      .filter((r) => r.added)
      .map((r) => ({ kind: 'ADDED', userId: numericId(r.userId), groupId, role: 'MEMBER' }));
  }
  const data = await post(origin, RemoveMembersUnderLoad, { input });
  const results = (data?.['removeMembers']?.['results'] ?? []) as { removed: boolean; userId: string }[];
  return results
    .filter((r) => r.removed)
    .map((r) => ({ kind: 'REMOVED', userId: numericId(r.userId), groupId }));
}

interface Received {
  cursor: string;
  kind: Change['kind'];
  role: Role;
  userId: string;
  groupId: string;
}

interface Follower {
  filter: { groupId?: number; userId?: number };
  subscription: Subscription<{ membershipChanged: Received }>;
}

describe('membershipChanged under concurrent writers', () => {
  it(`delivers exactly the committed changes of ${CHANGES} concurrent writes to every subscriber, once each, in commit order`, async () => {
    // Each group followed on every instance, over SSE on one and WebSocket on the other; a few
    // users followed too.
    const followers: Follower[] = [];
    const follow = (filter: Follower['filter'], index: number) => {
      const instance = instances[index % instances.length]!;
      const transport: Transport = index % 2 === 0 ? 'sse' : 'ws';
      const variables = {
        groupId: filter.groupId === undefined ? undefined : groupGlobalId(filter.groupId),
        userId: filter.userId === undefined ? undefined : userGlobalId(filter.userId),
      };
      followers.push({
        filter,
        subscription: subscribe(transport, instance.origin, FollowMemberships, variables),
      });
    };
    community.groupIds.slice(0, GROUPS).forEach((groupId, index) => {
      follow({ groupId }, index);
      follow({ groupId }, index + 1);
    });
    community.userIds.slice(0, FOLLOWED_USERS).forEach((userId, index) => follow({ userId }, index));
    const total = () => instances.reduce((sum, instance) => sum + instance.subscriptions(), 0);
    await eventually(() => total() === followers.length, 'every subscription to start');

    const matches = (filter: Follower['filter'], item: Change) =>
      (filter.groupId === undefined || filter.groupId === item.groupId) &&
      (filter.userId === undefined || filter.userId === item.userId);
    const received = (follower: Follower): Change[] =>
      follower.subscription.results.map(({ data, errors }) => {
        expect(errors).toBeUndefined();
        const event = data!.membershipChanged;
        return {
          kind: event.kind,
          userId: numericId(event.userId),
          groupId: numericId(event.groupId),
          role: event.role,
        };
      });
    /**
     * A change in every followed group, and for every followed user, made after everything
     * before it committed, by a user and in a group no writer touches; resolves once every
     * subscriber has it. Delivery is in log order, so a subscriber then has everything before it.
     * A subscription starts where its instance's reading of the log is, which may be just before
     * changes that committed as it started: the first markers draw the line after them.
     */
    const markAll = async (): Promise<Map<Follower, number>> => {
      const marker = await createAdmin(app.db);
      const [{ id: markerGroup }] = (await selectRows<{ id: number }>(
        app.db,
        sql`insert into groups (name) values (${`markers ${marker}`}) returning id`,
      )) as [{ id: number }];
      const changes: Change[] = [
        ...community.groupIds
          .slice(0, GROUPS)
          .map((groupId) => ({ kind: 'ADDED' as const, userId: marker, groupId })),
        ...community.userIds
          .slice(0, FOLLOWED_USERS)
          .map((userId) => ({ kind: 'ADDED' as const, userId, groupId: markerGroup })),
      ];
      for (const change of changes) {
        await app.db.execute(
          sql`insert into users_to_groups (user_id, group_id) values (${change.userId}, ${change.groupId})`,
        );
      }
      const at = new Map<Follower, number>();
      await eventually(
        () =>
          followers.every((follower) => {
            const key = keyOf(changes.find((change) => matches(follower.filter, change))!);
            const index = received(follower).findIndex((item) => keyOf(item) === key);
            if (index !== -1) at.set(follower, index);
            return index !== -1;
          }),
        'every subscriber to receive its marker',
        // Within the test's own timeout, so a marker that never comes is reported as one.
        60_000,
      );
      markerUsers.add(marker);
      return at;
    };
    const markerUsers = new Set<number>();
    const startMarks = await markAll();
    const initial = await memberships();

    const made: Change[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const random = seededRandom(writer + 1);
        for (let index = next++; index < CHANGES; index = next++) {
          made.push(...(await change(instances[index % instances.length]!.origin, random)));
        }
      }),
    );
    const endMarks = await markAll();
    await Promise.all(followers.map((follower) => follower.subscription.stop()));
    /** What a subscriber received between the two markers: the writers' changes. */
    const between = (follower: Follower) =>
      received(follower).slice(startMarks.get(follower)! + 1, endMarks.get(follower));

    expect(made.length).toBeGreaterThan(CHANGES / 4);
    for (const follower of followers) {
      // Exactly what the writers were told they changed, for this filter.
      const expected = made.filter((item) => matches(follower.filter, item)).map(keyOf);
      expect(between(follower).map(keyOf).sort()).toEqual(expected.sort());
      // In log order, each once.
      const positions = follower.subscription.results.map(({ data }) =>
        decodeEventCursor(data!.membershipChanged.cursor),
      );
      for (let i = 1; i < positions.length; i += 1) {
        expect(comparePositions(positions[i - 1]!, positions[i]!)).toBeLessThan(0);
      }
    }

    // Replaying each group's events over its first state gives its final state: the order is
    // the commit order wherever it matters. Both of a group's subscribers saw the same sequence.
    const final = await memberships();
    for (const groupId of community.groupIds.slice(0, GROUPS)) {
      const [first, second] = followers.filter((follower) => follower.filter.groupId === groupId);
      expect(between(second!)).toEqual(between(first!));
      const replayed = new Map(initial.get(groupId));
      for (const item of between(first!)) {
        if (item.kind === 'ADDED') {
          expect(replayed.has(item.userId)).toBe(false);
          replayed.set(item.userId, item.role!);
        } else {
          expect(replayed.has(item.userId)).toBe(true);
          if (item.kind === 'REMOVED') replayed.delete(item.userId);
          else replayed.set(item.userId, item.role!);
        }
      }
      const members = new Map(final.get(groupId));
      for (const marker of markerUsers) if (!initial.get(groupId)?.has(marker)) members.delete(marker);
      expect(replayed).toEqual(members);
    }
    const counts = await selectRows<{ id: number; member_count: number; actual: number }>(
      app.db,
      sql`select g.id, g.member_count, (select count(*)::int from users_to_groups m where m.group_id = g.id) as actual
          from groups g`,
    );
    for (const row of counts) expect(row.member_count).toBe(row.actual);
  });
});

/** Every group's members and their roles. */
async function memberships(): Promise<Map<number, Map<number, Role>>> {
  const rows = await selectRows<{ group_id: number; user_id: number; role: Role }>(
    app.db,
    sql`select group_id, user_id, role from users_to_groups`,
  );
  const byGroup = new Map<number, Map<number, Role>>();
  for (const row of rows) {
    if (!byGroup.has(row.group_id)) byGroup.set(row.group_id, new Map());
    byGroup.get(row.group_id)!.set(row.user_id, row.role);
  }
  return byGroup;
}
