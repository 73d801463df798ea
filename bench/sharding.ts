/**
 * `npm run bench:sharding`: the sharding plan of docs/scaling.md, simulated with two PostgreSQL
 * databases on one server. Shard k holds the groups with `id % 2 = k` and their memberships
 * (distributed by group_id), and a copy of every user (a reference table). A routing layer in
 * this process sends an operation to the shard that owns its group, or to both and merges.
 *
 * It measures what a paper plan cannot: what the fan-out and merge of `User.groups` (W1's shape:
 * 100 users with their groups) costs against the same read on one database, and that an
 * operation on one group (W2's shape: a group's first 100 members) costs the same routed. Each
 * variant runs at concurrency 16 for a few seconds, alternating, several rounds; the ratios come
 * from one run. Both shards share this machine's one PostgreSQL, so this is the routing layer's
 * cost, not the capacity a second server would add.
 *
 *   npm run bench:sharding -- [--scale 0.1] [--rounds 3] [--seconds 4] [--dry-run]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { prepareDatabase, withClient } from './lib/databases.ts';

const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.1' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '4' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const settings = {
  scale: Number(options.scale),
  rounds: Number(options.rounds),
  seconds: Number(options.seconds),
  concurrency: 16,
};
const serverUrl = process.env['BENCH_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const log = (message: string) => console.log(`[bench:sharding] ${message}`);
const shardCount = 2;

/** W1's shape, as one statement: a page of users, each with its groups as JSON. */
const usersWithGroups = `
  select u.id, u.name, coalesce((
    select json_agg(json_build_object('id', g.id, 'name', g.name, 'memberCount', g.member_count) order by ug.group_id)
    from users_to_groups ug join groups g on g.id = ug.group_id
    where ug.user_id = u.id), '[]') as groups
  from users u where u.id > $1 order by u.id limit 100`;

/** W2's shape: a group with its first 100 members, on the database that holds the group. */
const groupMembers = `
  select g.id, g.name, g.member_count, coalesce((
    select json_agg(json_build_object('id', m.id, 'name', m.name))
    from (select u.id, u.name from users_to_groups ug join users u on u.id = ug.user_id
          where ug.group_id = g.id order by ug.user_id limit 100) m), '[]') as members
  from groups g where g.id = $1`;

interface UserRow {
  id: number;
  name: string;
  groups: { id: number; name: string; memberCount: number }[];
}

/** Copies one database's rows into each shard: users whole, groups and memberships by group. */
async function makeShards(sourceUrl: string): Promise<string[]> {
  const urls: string[] = [];
  for (let shard = 0; shard < shardCount; shard += 1) {
    const url = new URL(serverUrl);
    url.pathname = `/bench_shard_${shard}`;
    await withClient(serverUrl.replace(/\/?$/, '/postgres'), async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS bench_shard_${shard} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE bench_shard_${shard}`);
    });
    const database = await createDatabase({ url: url.toString() });
    await migrateDatabase(database);
    await database.close();
    const source = new pg.Client({ connectionString: sourceUrl });
    const target = new pg.Client({ connectionString: url.toString() });
    await Promise.all([source.connect(), target.connect()]);
    // A copy, not a change: no triggers, no foreign-key checks, as the benchmark seed does.
    await target.query('SET session_replication_role = replica');
    for (const [table, where] of [
      ['users', 'true'],
      ['groups', `id % ${shardCount} = ${shard}`],
      ['users_to_groups', `group_id % ${shardCount} = ${shard}`],
    ] as const) {
      const { rows } = await source.query<{ rows: unknown[] }>(
        `select coalesce(json_agg(t), '[]') as rows from ${table} t where ${where}`,
      );
      await target.query(
        `insert into ${table} overriding system value select * from json_populate_recordset(null::${table}, $1)`,
        [JSON.stringify(rows[0]!.rows)],
      );
    }
    await target.query('VACUUM (ANALYZE)');
    await Promise.all([source.end(), target.end()]);
    urls.push(url.toString());
  }
  return urls;
}

type Variant = { name: string; run: (random: () => number) => Promise<unknown> };

/** Runs `variant` at the set concurrency for the set time: requests per second, p50, CPU here. */
async function measure(variant: Variant): Promise<{ perSecond: number; p50: number; cpuMs: number }> {
  const durations: number[] = [];
  const until = performance.now() + settings.seconds * 1000;
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: settings.concurrency }, async (_, worker) => {
      // Each worker its own seeded sequence (a linear congruential generator), so runs repeat.
      let state = worker + 1;
      const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      while (performance.now() < until) {
        const started = performance.now();
        await variant.run(random);
        durations.push(performance.now() - started);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  durations.sort((a, b) => a - b);
  return {
    perSecond: durations.length / settings.seconds,
    p50: durations[Math.floor(durations.length / 2)]!,
    cpuMs: (cpu.user + cpu.system) / 1000 / durations.length,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const prepared = await prepareDatabase(serverUrl, settings.scale, log);
  log('copying it into two shards by group_id');
  const shardUrls = await makeShards(prepared.url);
  const single = new pg.Pool({ connectionString: prepared.url, max: 10 });
  // Ten connections in all on either side: the shards share one server here.
  const shards = shardUrls.map((url) => new pg.Pool({ connectionString: url, max: 10 / shardCount }));
  const { users, groups } = prepared.shape;
  const userPage = (random: () => number) => [Math.floor(random() * (users - 100))];
  // Popular groups are the small IDs (bench/seed.ts); any group will do for routing.
  const someGroup = (random: () => number) => [1 + Math.floor(random() * groups)];

  const variants: Record<'fanOut' | 'routed', [Variant, Variant]> = {
    fanOut: [
      { name: 'one database', run: (random) => single.query(usersWithGroups, userPage(random)) },
      {
        name: 'two shards, fan-out and merge',
        run: async (random) => {
          const page = userPage(random);
          const answers = await Promise.all(
            shards.map((shard) => shard.query<UserRow>(usersWithGroups, page)),
          );
          // Every shard returns the same users (a reference table); their groups are split.
          return answers[0]!.rows.map((user, index) => ({
            ...user,
            groups: answers.flatMap((answer) => answer.rows[index]!.groups).sort((a, b) => a.id - b.id),
          }));
        },
      },
    ],
    routed: [
      { name: 'one database', run: (random) => single.query(groupMembers, someGroup(random)) },
      {
        name: 'two shards, routed by group',
        run: (random) => {
          const [groupId] = someGroup(random);
          return shards[groupId! % shardCount]!.query(groupMembers, [groupId]);
        },
      },
    ],
  };

  // The merged answer must be the one database's answer.
  const middle = () => 0.5;
  const expected = (await single.query<UserRow>(usersWithGroups, userPage(middle))).rows;
  const merged = await variants.fanOut[1].run(middle);
  if (JSON.stringify(merged) !== JSON.stringify(expected)) throw new Error('the shards answer differently');

  const results = new Map<string, { perSecond: number[]; p50: number[]; cpuMs: number[] }>();
  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const [shape, pair] of Object.entries(variants)) {
      for (const variant of round % 2 ? pair : [...pair].reverse()) {
        const result = await measure(variant);
        const key = `${shape}:${variant.name}`;
        const entry = results.get(key) ?? { perSecond: [], p50: [], cpuMs: [] };
        entry.perSecond.push(result.perSecond);
        entry.p50.push(result.p50);
        entry.cpuMs.push(result.cpuMs);
        results.set(key, entry);
        log(`round ${round} ${key}: ${result.perSecond.toFixed(0)}/s, p50 ${result.p50.toFixed(2)} ms`);
      }
    }
  }
  await Promise.all([single.end(), ...shards.map((shard) => shard.end())]);

  const rows = Object.entries(variants).flatMap(([shape, pair]) => {
    const base = results.get(`${shape}:${pair[0].name}`)!;
    return pair.map((variant) => {
      const result = results.get(`${shape}:${variant.name}`)!;
      return `| ${shape === 'fanOut' ? "W1's shape: 100 users with their groups" : "W2's shape: a group's first 100 members"} | ${variant.name} | ${median(result.perSecond).toFixed(0)} | ${(median(result.perSecond) / median(base.perSecond)).toFixed(2)} | ${median(result.p50).toFixed(2)} | ${median(result.cpuMs).toFixed(3)} |`;
    });
  });
  const section = `Measured by \`npm run bench:sharding\` (\`bench/sharding.ts\`) on ${new Date().toISOString().slice(0, 10)}: scale ${settings.scale} (${users.toLocaleString('en-US')} users, ${groups.toLocaleString('en-US')} groups, ${prepared.shape.memberships.toLocaleString('en-US')} memberships) copied into two databases on this machine's PostgreSQL, groups and memberships by \`group_id % 2\`, users to both. Concurrency ${settings.concurrency}, ${settings.rounds} alternating rounds of ${settings.seconds} s, medians; ten connections in all on either side; CPU is the routing process's, per request. The merged answers are checked against the one database's first.

| Read | Where | requests/s | × one database | p50 ms | routing CPU ms / request |
| --- | --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`;
  console.log(`\n${section}`);
  if (!options['dry-run']) writeSection(section);
}

const markers = { start: '<!-- sharding-simulation:start -->', end: '<!-- sharding-simulation:end -->' };

function writeSection(section: string): void {
  const path = new URL('../docs/scaling.md', import.meta.url);
  const markdown = readFileSync(path, 'utf8');
  const start = markdown.indexOf(markers.start);
  const end = markdown.indexOf(markers.end);
  if (start === -1 || end === -1) throw new Error('docs/scaling.md has no sharding-simulation markers');
  writeFileSync(path, `${markdown.slice(0, start + markers.start.length)}\n${section}${markdown.slice(end)}`);
  log('wrote docs/scaling.md');
}

await main();
