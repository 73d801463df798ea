import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createCommunity, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import { onPostgresOnly, signedIn, startTestApp, type TestApp } from './harness.ts';

// The database drops every connection in the middle of a load: requests fail fast with
// SERVICE_UNAVAILABLE (never a 500 or a masked error), no write is half-applied, and the
// service recovers on its own once the database takes connections again. Every request is
// signed in as an admin of all the groups, so the authorization checks run under the cuts too.

let app: TestApp;
let community: Community;
let origin: string;
let auth: Record<string, string>;

describe.runIf(onPostgresOnly.connectionFaults)('losing every database connection mid-load', () => {
  beforeAll(async () => {
    app = await startTestApp();
    community = await createCommunity(app.db, { userCount: 40, groupCount: 4, groupsPerUser: 1 });
    auth = await signedIn(await createAdmin(app.db, community.groupIds));
    ({ origin } = await app.listen());
  });

  async function call(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: any;
        errors?: { message: string; extensions?: { code?: string } }[];
      },
    };
  }

  async function terminateBackends(): Promise<number> {
    const admin = new pg.Client({ connectionString: app.databaseUrl });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      return rowCount ?? 0;
    } finally {
      await admin.end();
    }
  }

  it('answers SERVICE_UNAVAILABLE while connections drop, applies each write whole, and recovers', async () => {
    const add = 'mutation ($input: AddMemberInput!) { addMember(input: $input) { added } }';
    const read = '{ users(first: 50) { totalCount edges { node { name groups { name } } } } }';
    const writes = community.userIds.map((userId, i) =>
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, i * 3));
        const input = {
          userId: userGlobalId(userId),
          groupId: groupGlobalId(community.groupIds[(i + 1) % 4]!),
        };
        return { userId, outcome: await call(add, { input }) };
      })(),
    );
    const reads = Array.from({ length: 80 }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 2));
      return call(read);
    });
    // Keep cutting every connection while the load runs, so some are cut mid-query.
    let cuts = 0;
    for (let round = 0; round < 15; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      cuts += await terminateBackends();
    }
    expect(cuts).toBeGreaterThan(0);
    const outcomes = [
      ...(await Promise.all(writes)).map((write) => write.outcome),
      ...(await Promise.all(reads)),
    ];

    expect(outcomes.filter((outcome) => outcome.status >= 500)).toEqual([]);
    const codes = outcomes.flatMap(
      (outcome) => outcome.body.errors?.map((error) => error.extensions?.code) ?? [],
    );
    expect(codes.filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(codes).toContain('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(outcomes)).not.toMatch(/terminating connection|administrator command/);

    // Every write that reported success is there, whole.
    const settled = await Promise.all(writes);
    for (const { userId, outcome } of settled) {
      const groupCount = (
        await call('query ($id: ID!) { user(id: $id) { groupCount } }', { id: userGlobalId(userId) })
      ).body.data.user.groupCount;
      if (outcome.body.data?.addMember?.added) expect(groupCount).toBe(2);
      // A cut can land after the commit and before the answer: the add may or may not be there,
      // and since addMember is idempotent the client's retry is safe either way.
      else expect([1, 2]).toContain(groupCount);
    }

    // Recovered, with no restart: a fresh load goes through.
    const after = await Promise.all(Array.from({ length: 10 }, () => call(read)));
    expect(after.map((outcome) => outcome.body.errors ?? null)).toEqual(after.map(() => null));
  });
});
