import { eq, ne, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { groups, usersToGroups } from '../src/db/schema.ts';
import { createAdmin, createCommunity, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import { seededRandom } from '../bench/lib/workloads.ts';
import { startSecondInstance, startTestApp, type TestApp, tokenFor } from './harness.ts';

// Many clients at once, over HTTP, against two app instances sharing one database: nothing
// lost, nothing duplicated, no 5xx. On PostgreSQL the second instance has its own connection
// pool, as a second server would; PGlite is embedded, so both instances share its one engine.
// Every client signs in as one admin of all the groups; the admin's own memberships are left out
// of the rows each test expects, and no client ever adds or removes the admin.

const CLIENTS = 32;
const OPS_PER_CLIENT = 100;

let app: TestApp;
let community: Community;
let adminId: number;
let adminToken: string;
let origins: string[];

beforeAll(async () => {
  app = await startTestApp();
  community = await createCommunity(app.db, { userCount: CLIENTS * 2 + 2, groupCount: 8, groupsPerUser: 0 });
  adminId = await createAdmin(app.db, community.groupIds);
  adminToken = await tokenFor(adminId);
  origins = [(await app.listen()).origin, (await startSecondInstance(app)).origin];
});

interface Outcome {
  status: number;
  body: {
    data?: Record<string, Record<string, unknown> | null>;
    errors?: { extensions?: { code?: string } }[];
  };
}

async function call(
  origin: string,
  query: string,
  variables: Record<string, unknown>,
  token = adminToken,
): Promise<Outcome> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Outcome['body'] };
}

const add = 'mutation ($input: AddMemberInput!) { addMember(input: $input) { added } }';
const remove = 'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { removed } }';
const pairKey = (userId: number, groupId: number) => `${userId}:${groupId}`;

/** Every membership but the admin's, which the clients never touch. */
async function membershipRows(): Promise<Set<string>> {
  const rows = await app.db.select().from(usersToGroups).where(ne(usersToGroups.userId, adminId));
  return new Set(rows.map((row) => pairKey(row.userId, row.groupId)));
}

describe(`${CLIENTS} concurrent clients on two instances`, () => {
  it('leave exactly the memberships their last writes asked for, with no error', async () => {
    const outcomes: Outcome[] = [];
    const expected = new Map<string, boolean>();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        // Each client owns two users, so the final state of every pair is its owner's last write.
        const random = seededRandom(client + 1);
        const users = community.userIds.slice(client * 2, client * 2 + 2);
        for (let op = 0; op < OPS_PER_CLIENT; op += 1) {
          const userId = users[Math.floor(random() * users.length)]!;
          const groupId = community.groupIds[Math.floor(random() * community.groupIds.length)]!;
          const adding = random() < 0.6;
          const input = { userId: userGlobalId(userId), groupId: groupGlobalId(groupId) };
          outcomes.push(await call(origins[op % 2]!, adding ? add : remove, { input }));
          expected.set(pairKey(userId, groupId), adding);
        }
      }),
    );
    expect(outcomes.filter((outcome) => outcome.status !== 200 || outcome.body.errors)).toEqual([]);
    const wanted = new Set([...expected].filter(([, present]) => present).map(([key]) => key));
    expect(await membershipRows()).toEqual(wanted);

    // memberCount and the connection's totalCount agree with the table (the admin included),
    // group by group.
    for (const groupId of community.groupIds) {
      const counted = await app.db.$count(usersToGroups, eq(usersToGroups.groupId, groupId));
      const { body } = await call(
        origins[1]!,
        'query ($id: ID!) { group(id: $id) { memberCount membersConnection(first: 0) { totalCount } } }',
        { id: groupGlobalId(groupId) },
      );
      expect(body.data!['group']).toEqual({
        memberCount: counted,
        membersConnection: { totalCount: counted },
      });
    }
  });

  it('report added: true exactly once when every client adds the same pairs at once', async () => {
    const shared = community.userIds
      .slice(-2)
      .flatMap((userId) =>
        community.groupIds
          .slice(0, 2)
          .map((groupId) => ({ userId: userGlobalId(userId), groupId: groupGlobalId(groupId) })),
      );
    for (const [mutation, field] of [
      [add, 'addMember'],
      [remove, 'removeMember'],
    ] as const) {
      const outcomes = await Promise.all(
        shared.flatMap((input) =>
          Array.from({ length: CLIENTS }, (_, client) => call(origins[client % 2]!, mutation, { input })),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status !== 200 || outcome.body.errors)).toEqual([]);
      const changed = outcomes.filter((outcome) => Object.values(outcome.body.data![field]!)[0] === true);
      expect(changed).toHaveLength(shared.length);
    }
  });

  it('never leave an orphan membership when a user is deleted while being added to groups', async () => {
    const [victim] = community.userIds.slice(-3, -2);
    const userId = userGlobalId(victim!);
    // Only users themselves may delete their account, so the victim signs in to delete it.
    const victimToken = await tokenFor(victim!);
    const adds = community.groupIds.map((groupId, i) =>
      call(origins[i % 2]!, add, { input: { userId, groupId: groupGlobalId(groupId) } }),
    );
    const deletion = call(
      origins[0]!,
      'mutation ($id: ID!) { deleteUser(input: { id: $id }) { deletedUserId } }',
      { id: userId },
      victimToken,
    );
    const outcomes = await Promise.all([...adds, deletion]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(outcomes.map(() => 200));
    const codes = outcomes.flatMap(
      (outcome) => outcome.body.errors?.map((error) => error.extensions?.code) ?? [],
    );
    expect(codes.filter((code) => code !== 'NOT_FOUND')).toEqual([]);
    expect(await app.db.$count(usersToGroups, eq(usersToGroups.userId, victim!))).toBe(0);
    expect(await app.db.$count(groups)).toBe(community.groupIds.length);
    // The cascade went through the trigger that keeps member_count: no group counts the victim.
    const miscounted = await app.db
      .select({ id: groups.id })
      .from(groups)
      .where(
        sql`${groups.memberCount} <> (select count(*) from ${usersToGroups} where ${usersToGroups.groupId} = ${groups.id})`,
      );
    expect(miscounted).toEqual([]);
  });
});
