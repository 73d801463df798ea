import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { parseWalPosition, type ReplicaSet } from '../src/db/replicas.ts';
import type { Db } from '../src/db/client.ts';
import { createApp } from '../src/http/app.ts';
import { createMetrics } from '../src/http/metrics.ts';
import { databasePositionHeader } from '../src/http/read-replicas.ts';
import { createCommunity, groupGlobalId, makeAdmin, userGlobalId } from './fixtures.ts';
import { onPostgresOnly, serve, signedIn, testAuthenticate } from './harness.ts';
import { type ReplicatedCluster, startReplicatedCluster } from './replicated-cluster.ts';

/** The replica applies every commit this long after the primary made it. */
const applyDelayMs = 3_000;

const GroupMembers = `query GroupMembers($id: ID!) { group(id: $id) { memberCount members { id } } }`;
const AddMember = `mutation AddMember($input: AddMemberInput!) {
  addMember(input: $input) { added group { memberCount members { id } } }
}`;
const RemoveMember = `mutation RemoveMember($input: RemoveMemberInput!) { removeMember(input: $input) { removed } }`;

interface Instance {
  origin: string;
  database: Database;
  replicas: ReplicaSet<Db>;
}

/** Polls until `condition` holds; fails after `timeoutMs`. */
async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await sleep(50);
  }
}

async function post(
  instance: Instance,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${instance.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    position: response.headers.get(databasePositionHeader),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads its own shape
    body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] },
  };
}

/** A metric's value from the instance's /metrics, for one target; 0 when absent. */
async function metric(instance: Instance, name: string, target: string): Promise<number> {
  const text = await (await fetch(`${instance.origin}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{target="${target}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/** Which database served `read`: the one whose statement count grew. */
async function servedBy<T>(
  instance: Instance,
  read: () => Promise<T>,
): Promise<{ target: string; result: T }> {
  const before = await metric(instance, 'db_statements_total', 'replica-1');
  const primaryBefore = await metric(instance, 'db_statements_total', 'primary');
  const result = await read();
  const onReplica = (await metric(instance, 'db_statements_total', 'replica-1')) - before;
  const onPrimary = (await metric(instance, 'db_statements_total', 'primary')) - primaryBefore;
  expect(onReplica + onPrimary).toBe(1);
  return { target: onReplica === 1 ? 'replica-1' : 'primary', result };
}

/** Until the instance's /metrics says whether reads may use the replica. */
function untilReplicaUsable(instance: Instance, usable: boolean, what: string): Promise<void> {
  return until(
    async () => (await metric(instance, 'db_replica_usable', 'replica-1')) === (usable ? 1 : 0),
    what,
  );
}

describe.runIf(onPostgresOnly.replicas)(
  'read replicas (a real streaming replica, commits applied 3 s late)',
  () => {
    let cluster: ReplicatedCluster;
    const databases: Database[] = [];
    let instance: Instance;
    let admin: number;
    let groupId: string;
    let outsider: string;

    async function startInstance(maxLagSeconds: number): Promise<Instance> {
      const metrics = createMetrics();
      const database = await createDatabase({
        url: cluster.primaryUrl,
        logger: metrics.statementLogger(),
        replicas: {
          urls: [cluster.replicaUrl],
          maxLagSeconds,
          logger: (name) => metrics.statementLogger(name),
        },
      });
      databases.push(database);
      if (database.kind !== 'postgres' || !database.replicas)
        throw new Error('expected a primary with a replica');
      const replicas = database.replicas;
      metrics.watchReplicas(() => replicas.status());
      const app = createApp({ db: database.db, authenticate: testAuthenticate, metrics, replicas });
      return { origin: await serve(app), database, replicas };
    }

    /** Until the replica has applied everything the primary has now. */
    async function replicaCaughtUp(on: Instance): Promise<void> {
      const now = parseWalPosition(await on.replicas.position());
      await until(() => on.replicas.pick(now) !== undefined, 'the replica caught up');
    }

    /** The group's members, read without a position, and which database served them. */
    const readMembers = (on: Instance) => servedBy(on, () => post(on, GroupMembers, { id: groupId }));

    beforeAll(async () => {
      cluster = await startReplicatedCluster({ applyDelay: `${applyDelayMs}ms` });
      instance = await startInstance(30);
      await migrateDatabase(instance.database);
      const community = await createCommunity(instance.database.db, {
        userCount: 2,
        groupCount: 2,
        groupsPerUser: 1,
      });
      admin = community.userIds[0]!;
      await makeAdmin(instance.database.db, admin, [community.groupIds[0]!]);
      groupId = groupGlobalId(community.groupIds[0]!);
      outsider = userGlobalId(community.userIds[1]!);
      await replicaCaughtUp(instance);
    });

    afterAll(async () => {
      for (const database of databases) await database.close();
      await cluster?.close();
    });

    it('reads a mutation payload from the primary and sends back the position after the write; only X-Database-Position keeps the next read from being stale', async () => {
      const write = await post(
        instance,
        AddMember,
        { input: { groupId, userId: outsider } },
        await signedIn(admin),
      );
      expect(write.body.errors).toBeUndefined();
      // The payload is read in the same operation as the write: from the primary.
      expect(write.body.data.addMember.group.memberCount).toBe(2);
      expect(write.body.data.addMember.group.members.map((member: { id: string }) => member.id)).toContain(
        outsider,
      );
      expect(write.position).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

      // Without the rule: the replica has not applied the write yet, and says so.
      const stale = await readMembers(instance);
      expect(stale.target).toBe('replica-1');
      expect(stale.result.body.data.group.memberCount).toBe(1);

      // With it: never the state before the write, from the primary until the replica has replayed
      // that far, then from the replica.
      const targets: string[] = [];
      await until(async () => {
        const read = await servedBy(instance, () =>
          post(instance, GroupMembers, { id: groupId }, { [databasePositionHeader]: write.position! }),
        );
        expect(read.result.body.data.group.memberCount).toBe(2);
        expect(read.result.body.data.group.members.map((member: { id: string }) => member.id)).toContain(
          outsider,
        );
        targets.push(read.target);
        return read.target === 'replica-1';
      }, 'a read with the position went to the replica');
      expect(targets[0]).toBe('primary');
    });

    it('skips a replica lagging beyond DATABASE_REPLICA_MAX_LAG, and uses it again once it catches up', async () => {
      const strict = await startInstance(1);
      await replicaCaughtUp(strict);
      const write = await post(
        strict,
        RemoveMember,
        { input: { groupId, userId: outsider } },
        await signedIn(admin),
      );
      expect(write.body.data.removeMember.removed).toBe(true);
      await untilReplicaUsable(strict, false, 'the replica lags by over 1 s');
      expect(await metric(strict, 'db_replica_lag_seconds', 'replica-1')).toBeGreaterThan(1);
      // No position sent, and still fresh: the lagging replica is not used at all.
      const read = await readMembers(strict);
      expect(read.target).toBe('primary');
      expect(read.result.body.data.group.memberCount).toBe(1);
      await untilReplicaUsable(strict, true, 'the replica caught up');
      expect((await readMembers(strict)).target).toBe('replica-1');
    });

    it('reads from the primary while the replica is down, stays ready, and returns to the replica when it is back', async () => {
      await cluster.stopReplica();
      await untilReplicaUsable(instance, false, 'the replica is skipped');
      const read = await readMembers(instance);
      expect(read.target).toBe('primary');
      expect(read.result.body.errors).toBeUndefined();
      expect((await fetch(`${instance.origin}/ready`)).status).toBe(200);

      await cluster.startReplica();
      await untilReplicaUsable(instance, true, 'the replica is used again');
      expect((await readMembers(instance)).target).toBe('replica-1');
    });

    it('refuses a malformed X-Database-Position with BAD_USER_INPUT', async () => {
      const read = await post(
        instance,
        GroupMembers,
        { id: groupId },
        { [databasePositionHeader]: 'yesterday' },
      );
      expect(read.status).toBe(400);
      expect(read.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  },
);
