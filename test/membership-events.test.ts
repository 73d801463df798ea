import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { pruneEvents } from '../src/resolvers/membership-event-log.ts';
import { createAdmin, createCommunity, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import { graphql } from './gql/index.ts';
import { errorCodes, onPostgresOnly, startSecondInstance, startTestApp, type TestApp } from './harness.ts';
import { eventually, subscribe, type Transport } from './subscription-clients.ts';
import { startTcpProxy } from './tcp-proxy.ts';

const MembershipChanged = graphql(`
  subscription MembershipChanged($groupId: ID, $userId: ID, $after: String) {
    membershipChanged(groupId: $groupId, userId: $userId, after: $after) {
      cursor
      kind
      role
      at
      userId
      groupId
      user {
        id
        name
        email
      }
      group {
        id
        memberCount
      }
    }
  }
`);

const AddMemberForEvents = graphql(`
  mutation AddMemberForEvents($input: AddMemberInput!) {
    addMember(input: $input) {
      added
    }
  }
`);

const RemoveMemberForEvents = graphql(`
  mutation RemoveMemberForEvents($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removed
    }
  }
`);

const SetRoleForEvents = graphql(`
  mutation SetRoleForEvents($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) {
      changed
    }
  }
`);

const RemoveMembersForEvents = graphql(`
  mutation RemoveMembersForEvents($input: RemoveMembersInput!) {
    removeMembers(input: $input) {
      removedCount
    }
  }
`);

const DeleteUserForEvents = graphql(`
  mutation DeleteUserForEvents($input: DeleteUserInput!) {
    deleteUser(input: $input) {
      deletedUserId
    }
  }
`);

const transports: Transport[] = ['sse', 'ws'];

let app: TestApp;
let origin: string;
let community: Community;
let adminId: number;

beforeAll(async () => {
  app = await startTestApp({ liveEvents: true });
  origin = (await app.listen()).origin;
  community = await createCommunity(app.db, { userCount: 12, groupCount: 10, groupsPerUser: 0 });
  adminId = await createAdmin(app.db, community.groupIds);
});

const hub = () => app.membershipEvents!;
const user = (index: number) => community.userIds[index]!;
const group = (index: number) => community.groupIds[index]!;
const membership = (userIndex: number, groupIndex: number) => ({
  input: { userId: userGlobalId(user(userIndex)), groupId: groupGlobalId(group(groupIndex)) },
});

async function add(userIndex: number, groupIndex: number): Promise<void> {
  const result = await app.gql(AddMemberForEvents, membership(userIndex, groupIndex), { as: adminId });
  expect(result.data?.addMember.added).toBe(true);
}

async function remove(userIndex: number, groupIndex: number): Promise<void> {
  const result = await app.gql(RemoveMemberForEvents, membership(userIndex, groupIndex), { as: adminId });
  expect(result.data?.removeMember.removed).toBe(true);
}

/**
 * Subscribes and waits until the server holds the subscription, so no change is made before it;
 * `stop` waits until the server has let it go, so the next test counts from a settled number.
 */
async function following(
  transport: Transport,
  variables: { groupId?: string; userId?: string; after?: string },
) {
  const before = hub().subscriptions;
  const subscription = subscribe(transport, origin, MembershipChanged, variables);
  await eventually(
    () => hub().subscriptions === before + 1 || subscription.results.length > 0,
    'the subscription to start',
  );
  return {
    ...subscription,
    async stop() {
      await subscription.stop();
      await eventually(() => hub().subscriptions === before, 'the subscription to end');
    },
  };
}

const events = (results: { data?: { membershipChanged: unknown } | null | undefined }[]) =>
  results.map((result) => result.data?.membershipChanged as Record<string, unknown>);

describe.each(transports)('membershipChanged over %s', (transport) => {
  // Each transport's tests change groups of their own.
  const own = transport === 'sse' ? 6 : 8;

  it('delivers each committed change of a group, in commit order, with its user and group as they are now', async () => {
    const subscription = await following(transport, { groupId: groupGlobalId(group(own)) });
    await add(0, own);
    await add(1, own);
    const promoted = await app.gql(
      SetRoleForEvents,
      { input: { ...membership(1, own).input, role: 'ADMIN' } },
      { as: adminId },
    );
    expect(promoted.data?.setMemberRole.changed).toBe(true);
    await remove(0, own);
    await add(2, own + 1); // another group: not this subscription's
    await eventually(() => subscription.results.length >= 4, 'four events');
    await subscription.stop();

    const received = events(subscription.results);
    expect(received.map(({ kind, userId, role }) => [kind, userId, role])).toEqual([
      ['ADDED', userGlobalId(user(0)), 'MEMBER'],
      ['ADDED', userGlobalId(user(1)), 'MEMBER'],
      ['ROLE_CHANGED', userGlobalId(user(1)), 'ADMIN'],
      ['REMOVED', userGlobalId(user(0)), 'MEMBER'],
    ]);
    for (const event of received) {
      expect(event['groupId']).toBe(groupGlobalId(group(own)));
      // Read as anyone can read it: no email, even though it exists.
      expect(event['user']).toMatchObject({ id: event['userId'], email: null });
      expect(typeof event['cursor']).toBe('string');
    }
    // Loaded when delivered: the member count as it is then (admin + user 1 once all four ran).
    expect(received.at(-1)?.['group']).toEqual({ id: groupGlobalId(group(own)), memberCount: 2 });
    expect(new Set(received.map((event) => event['cursor'])).size).toBe(4);
  });

  it('resumes after a cursor: the missed events first, then live ones, none twice', async () => {
    const groupId = groupGlobalId(group(own));
    const first = await following(transport, { groupId });
    await add(3, own);
    await add(4, own);
    await eventually(() => first.results.length >= 2, 'two events');
    await first.stop();
    const lastSeen = events(first.results)[1]!['cursor'] as string;

    // Made while no client listens, on this group and on another.
    await remove(3, own);
    await add(5, own);
    await add(5, own + 1);

    const resumed = await following(transport, { groupId, after: lastSeen });
    await eventually(() => resumed.results.length >= 2, 'the missed events');
    await add(6, own);
    await eventually(() => resumed.results.length >= 3, 'a live event');
    await resumed.stop();
    expect(events(resumed.results).map(({ kind, userId }) => [kind, userId])).toEqual([
      ['REMOVED', userGlobalId(user(3))],
      ['ADDED', userGlobalId(user(5))],
      ['ADDED', userGlobalId(user(6))],
    ]);
  });
});

describe('membershipChanged filters and sources', () => {
  it('follows one user across groups, or one membership when given both', async () => {
    const ofUser = await following('sse', { userId: userGlobalId(user(7)) });
    const ofMembership = await following('ws', {
      userId: userGlobalId(user(7)),
      groupId: groupGlobalId(group(1)),
    });
    await add(7, 0);
    await add(8, 1);
    await add(7, 1);
    await eventually(() => ofUser.results.length >= 2 && ofMembership.results.length >= 1, 'the events');
    await ofMembership.stop();
    await ofUser.stop();
    expect(events(ofUser.results).map(({ groupId }) => groupId)).toEqual([
      groupGlobalId(group(0)),
      groupGlobalId(group(1)),
    ]);
    expect(events(ofMembership.results).map(({ userId, groupId }) => [userId, groupId])).toEqual([
      [userGlobalId(user(7)), groupGlobalId(group(1))],
    ]);
  });

  it('publishes nothing for a change that rolls back', async () => {
    const groupId = groupGlobalId(group(4));
    const subscription = await following('sse', { groupId });
    // The group's only admin cannot go, and a bulk removal naming them removes nobody.
    await add(9, 4);
    const refused = await app.gql(
      RemoveMembersForEvents,
      { input: { groupId, userIds: [userGlobalId(user(9)), userGlobalId(adminId)] } },
      { as: adminId },
    );
    expect(errorCodes(refused)).toEqual(['LAST_ADMIN']);
    // Any writer: a transaction that adds a member and then fails.
    await expect(
      app.db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into users_to_groups (user_id, group_id) values (${user(10)}, ${group(4)})`,
        );
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    await add(11, 4);
    await eventually(() => subscription.results.length >= 2, 'two events');
    await subscription.stop();
    expect(events(subscription.results).map(({ kind, userId }) => [kind, userId])).toEqual([
      ['ADDED', userGlobalId(user(9))],
      ['ADDED', userGlobalId(user(11))],
    ]);
  });

  it('reports the memberships a deleted user had, with the user gone', async () => {
    const doomed = await createAdmin(app.db);
    const subscription = await following('ws', { userId: userGlobalId(doomed) });
    for (const groupIndex of [0, 5]) {
      await app.gql(
        AddMemberForEvents,
        { input: { userId: userGlobalId(doomed), groupId: groupGlobalId(group(groupIndex)) } },
        { as: adminId },
      );
    }
    const deleted = await app.gql(
      DeleteUserForEvents,
      { input: { id: userGlobalId(doomed) } },
      { as: doomed },
    );
    expect(deleted.errors).toBeUndefined();
    await eventually(() => subscription.results.length >= 4, 'four events');
    await subscription.stop();
    const received = events(subscription.results);
    expect(received.map(({ kind, groupId }) => [kind, groupId])).toEqual([
      ['ADDED', groupGlobalId(group(0))],
      ['ADDED', groupGlobalId(group(5))],
      ['REMOVED', groupGlobalId(group(0))],
      ['REMOVED', groupGlobalId(group(5))],
    ]);
    expect(received.slice(2).map((event) => event['user'])).toEqual([null, null]);
  });
});

describe('membershipChanged refusals', () => {
  it('needs a group or a user, and a cursor it issued', async () => {
    const unfiltered = subscribe('sse', origin, MembershipChanged, {});
    const forged = subscribe('ws', origin, MembershipChanged, {
      groupId: groupGlobalId(group(0)),
      after: 'abc',
    });
    await Promise.all([unfiltered.ended, forged.ended]);
    expect(unfiltered.results.map(errorCodes)).toEqual([['BAD_USER_INPUT']]);
    expect(unfiltered.results[0]?.errors?.[0]?.message).toMatch(/groupId.*userId/);
    expect(forged.results.map(errorCodes)).toEqual([['BAD_USER_INPUT']]);
  });

  it('answers CURSOR_EXPIRED for a cursor older than the retention window', async () => {
    const groupId = groupGlobalId(group(5));
    const subscription = await following('sse', { groupId });
    await add(0, 5);
    await eventually(() => subscription.results.length >= 1, 'an event');
    await subscription.stop();
    const cursor = events(subscription.results)[0]!['cursor'] as string;
    // As if a day had passed: the event, and every one before it, is past a one-hour window.
    await app.db.execute(sql`update membership_events set at = now() - interval '1 day'`);
    expect(await pruneEvents(app.db, 3_600)).toBeGreaterThan(0);
    const expired = subscribe('ws', origin, MembershipChanged, { groupId, after: cursor });
    await expired.ended;
    expect(expired.results.map(errorCodes)).toEqual([['CURSOR_EXPIRED']]);
  });
});

describe('membershipChanged over raw Server-Sent Events', () => {
  it('labels each event with its cursor and resumes an EventSource from Last-Event-ID', async () => {
    const groupId = groupGlobalId(group(3));
    const query = `subscription { membershipChanged(groupId: "${groupId}") { cursor userId } }`;
    const url = `${origin}/graphql?query=${encodeURIComponent(query)}`;
    const first = await readEventStream(url, {}, 1, () => add(8, 3));
    expect(first.ids).toHaveLength(1);
    expect(first.events[0]).toMatchObject({ cursor: first.ids[0], userId: userGlobalId(user(8)) });

    await remove(8, 3);
    const resumed = await readEventStream(url, { 'last-event-id': first.ids[0]! }, 1, async () => {});
    expect(resumed.events).toEqual([{ cursor: resumed.ids[0], userId: userGlobalId(user(8)) }]);
  });

  it('keeps an idle stream alive with comments', async () => {
    const query = `subscription { membershipChanged(groupId: "${groupGlobalId(group(1))}") { cursor } }`;
    const before = hub().subscriptions;
    const response = await fetch(`${origin}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'text/event-stream' },
    });
    const reader = response.body!.getReader();
    let text = '';
    // Yoga pings every 12 s, every 300 ms under NODE_ENV=test (which vitest sets).
    while ((text.match(/^:$/gm) ?? []).length < 3)
      text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    await eventually(() => hub().subscriptions === before, 'the stream to end');
    expect(text).not.toContain('event: next');
  });
});

/** Reads an SSE stream as a browser's EventSource would, until `count` events have come. */
async function readEventStream(
  url: string,
  headers: Record<string, string>,
  count: number,
  whileOpen: () => Promise<void>,
): Promise<{ ids: string[]; events: Record<string, unknown>[] }> {
  const before = hub().subscriptions;
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
  await eventually(() => hub().subscriptions === before + 1, 'the stream to start');
  await whileOpen();
  const reader = response.body!.getReader();
  const ids: string[] = [];
  const received: Record<string, unknown>[] = [];
  let buffer = '';
  while (received.length < count) {
    buffer += new TextDecoder().decode((await reader.read()).value);
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.+)$/m.exec(message)?.[1];
      const id = /^id: (.+)$/m.exec(message)?.[1];
      if (data && id) {
        ids.push(id);
        received.push(
          (JSON.parse(data) as { data: { membershipChanged: Record<string, unknown> } }).data
            .membershipChanged,
        );
      }
    }
  }
  await reader.cancel();
  await eventually(() => hub().subscriptions === before, 'the stream to end');
  return { ids, events: received };
}

describe('membershipChanged limits and endings', () => {
  it.runIf(onPostgresOnly.connectionFaults)(
    'counts a subscription as started once its start in the log is fixed, and from then on misses nothing',
    async () => {
      // Its own app, so the hub follows nothing yet and reads the log's head for this subscriber.
      const quiet = await startTestApp({ liveEvents: true });
      const quietOrigin = (await quiet.listen()).origin;
      const { groupIds, userIds } = await createCommunity(quiet.db, {
        userCount: 1,
        groupCount: 1,
        groupsPerUser: 0,
      });
      // Holds reading the log's head back, as a busy server may, until the test lets it go. On
      // the server itself, not through PgBouncer, where the wait would not show.
      const blocker = new pg.Client({ connectionString: quiet.databaseDirectUrl ?? quiet.databaseUrl });
      await blocker.connect();
      try {
        await blocker.query('begin');
        await blocker.query('lock table membership_events in access exclusive mode');
        const subscription = subscribe('sse', quietOrigin, MembershipChanged, {
          groupId: groupGlobalId(groupIds[0]!),
        });
        // Waiting for the lock, whatever pg_stat_activity shows as its query: a statement being
        // prepared still shows the one before.
        const readingHead = async () => {
          const { rows } = await blocker.query<{ waiting: number }>(
            `select count(*)::int as waiting from pg_stat_activity
             where datname = current_database() and wait_event_type = 'Lock'`,
          );
          return rows[0]!.waiting > 0;
        };
        for (const deadline = Date.now() + 30_000; !(await readingHead()); await sleep(20)) {
          if (Date.now() > deadline) throw new Error('The server never read the log for the subscription.');
        }
        // A change committed now would be before its start: not started yet.
        expect(quiet.membershipEvents!.subscriptions).toBe(0);
        await blocker.query('commit');
        await eventually(() => quiet.membershipEvents!.subscriptions === 1, 'the subscription to start');
        await quiet.db.execute(
          sql`insert into users_to_groups (user_id, group_id) values (${userIds[0]!}, ${groupIds[0]!})`,
        );
        await eventually(() => subscription.results.length === 1, 'the change');
        await subscription.stop();
        expect(events(subscription.results).map(({ userId }) => userId)).toEqual([userGlobalId(userIds[0]!)]);
      } finally {
        await blocker.end();
      }
    },
  );

  it('limits subscriptions per connection and per instance', async () => {
    const limited = await startTestApp({
      liveEvents: { limits: { perConnection: 2, perInstance: 3, queuedEvents: 100 } },
    });
    const limitedOrigin = (await limited.listen()).origin;
    const { groupIds } = await createCommunity(limited.db, { userCount: 1, groupCount: 1, groupsPerUser: 0 });
    const groupId = groupGlobalId(groupIds[0]!);
    // One WebSocket carrying three subscriptions: the third is refused.
    const { createClient } = await import('graphql-ws');
    const { default: WebSocket } = await import('ws');
    const client = createClient({
      url: `${limitedOrigin.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const outcomes: unknown[][] = [[], [], []];
    const query = `subscription { membershipChanged(groupId: "${groupId}") { cursor } }`;
    const stops = outcomes.map((outcome) =>
      client.subscribe(
        { query },
        {
          next: (result) => void outcome.push(errorCodes(result as never)),
          error: () => {},
          complete: () => {},
        },
      ),
    );
    await eventually(
      () => limited.membershipEvents!.subscriptions === 2 && outcomes[2]!.length === 1,
      'the refusal',
    );
    expect(outcomes[2]).toEqual([['TOO_MANY_SUBSCRIPTIONS']]);
    // A second connection gets one more, up to the instance's three.
    const second = subscribe('sse', limitedOrigin, MembershipChanged, { groupId });
    await eventually(() => limited.membershipEvents!.subscriptions === 3, 'the third subscription');
    const third = subscribe('sse', limitedOrigin, MembershipChanged, { groupId });
    await third.ended;
    expect(third.results.map(errorCodes)).toEqual([['TOO_MANY_SUBSCRIPTIONS']]);
    for (const stop of stops) stop();
    await Promise.all([client.dispose(), second.stop()]);
  });

  it('ends every stream with SERVICE_UNAVAILABLE when the server stops', async () => {
    const stopping = await startTestApp({ liveEvents: true });
    const stoppingOrigin = (await stopping.listen()).origin;
    const { groupIds } = await createCommunity(stopping.db, {
      userCount: 1,
      groupCount: 1,
      groupsPerUser: 0,
    });
    const groupId = groupGlobalId(groupIds[0]!);
    const streams = transports.map((transport) =>
      subscribe(transport, stoppingOrigin, MembershipChanged, { groupId }),
    );
    await eventually(() => stopping.membershipEvents!.subscriptions === 2, 'both subscriptions');
    await stopping.membershipEvents!.stop();
    await Promise.all(streams.map((stream) => stream.ended));
    for (const stream of streams) expect(stream.results.map(errorCodes)).toEqual([['SERVICE_UNAVAILABLE']]);
  });

  it.runIf(onPostgresOnly.connectionFaults)(
    'ends streams with SERVICE_UNAVAILABLE when the database goes away, refuses new ones meanwhile, and loses nothing',
    async () => {
      // A second instance whose only way to the database is a proxy the test cuts.
      const proxy = await startTcpProxy(app.databaseUrl!);
      try {
        const cutOff = await startSecondInstance(app, { liveEvents: true, databaseUrl: proxy.url });
        const groupId = groupGlobalId(group(1));
        const before = subscribe('sse', cutOff.origin, MembershipChanged, { groupId });
        await eventually(() => cutOff.membershipEvents!.subscriptions === 1, 'the subscription to start');
        await add(9, 1);
        await eventually(() => before.results.length >= 1, 'an event');
        const cursor = events(before.results)[0]!['cursor'] as string;

        await proxy.cut();
        await before.ended;
        expect(before.results.slice(1).map(errorCodes)).toEqual([['SERVICE_UNAVAILABLE']]);
        // Changed while the instance cannot reach the database; the first instance still can.
        await remove(9, 1);
        const refused = subscribe('ws', cutOff.origin, MembershipChanged, { groupId, after: cursor });
        await refused.ended;
        expect(refused.results.map(errorCodes)).toEqual([['SERVICE_UNAVAILABLE']]);

        await proxy.restore();
        const resumed = subscribe('ws', cutOff.origin, MembershipChanged, { groupId, after: cursor });
        await eventually(() => resumed.results.length > 0, 'the missed event');
        await resumed.stop();
        expect(events(resumed.results).map(({ kind, userId }) => [kind, userId])).toEqual([
          ['REMOVED', userGlobalId(user(9))],
        ]);
      } finally {
        await proxy.close();
      }
    },
  );

  it.runIf(onPostgresOnly.connectionFaults)(
    'sends no notification on commit, so writers do not queue behind one another to commit',
    async () => {
      // PostgreSQL serializes the commits of notifying transactions cluster-wide; the events are
      // read from the log instead.
      const listener = new pg.Client({ connectionString: app.databaseDirectUrl ?? app.databaseUrl });
      await listener.connect();
      try {
        const notifications: string[] = [];
        listener.on('notification', ({ channel }) => notifications.push(channel));
        await listener.query('listen membership_events');
        const subscription = await following('sse', { groupId: groupGlobalId(group(2)) });
        await add(10, 2);
        await eventually(() => subscription.results.length === 1, 'the event, read from the log');
        await subscription.stop();
        // A notification of a committed transaction reaches a listener before its next answer.
        await listener.query('select 1');
        expect(notifications).toEqual([]);
      } finally {
        await listener.end();
      }
    },
  );
});
