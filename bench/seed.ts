/**
 * `npm run bench:seed [-- --scale N]`: creates the benchmark database if it is missing, applies
 * the project's migrations, and refills users, groups and users_to_groups. At scale 1 that is
 * 100,000 users, 1,000 groups and about 1,000,000 memberships; the scale multiplies all three.
 *
 * Every row comes from generate_series and PostgreSQL's seeded hash functions, never random(),
 * so each run at a given scale produces the same data, timestamps included, and subjects can
 * be compared across runs. With h(x) a hash of x in [0, 1), a user's group count is
 * k = 5 + floor(11 * h(user)), and the user's picks are 1 + floor(G * h(user, pick)²), which makes
 * groups with low ids popular and group 1 the largest (W2 relies on that). A repeated pick is
 * replaced by the next candidate rather than dropped, so each user really is in k groups, as
 * docs/benchmarks.md says, whenever G allows it; dropping repeats would leave some users in 3 or 4.
 *
 * W4's mutations need a group ADMIN, so one more user, the bench admin (id U + 1, after every
 * data user so no workload draws it), administers every group. The report leaves it out.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';

export interface SeedReport {
  scale: number;
  users: number;
  groups: number;
  memberships: number;
  /** Members of the largest group, which is always group 1. */
  largestGroupMembers: number;
  /** The three largest groups, largest first. */
  largestGroups: { groupId: number; members: number }[];
  groupsPerUser: { min: number; avg: number; max: number };
  /** Whether inserting memberships skipped the foreign-key checks (see skipForeignKeyChecks). */
  skippedForeignKeyChecks: boolean;
  /** Seconds spent in each phase; `users` includes emptying the tables. */
  phases: { migrate: number; users: number; groups: number; memberships: number; vacuum: number };
  /** Seconds for the whole seed, from connecting to the final report. */
  seconds: number;
}

type Phase = keyof SeedReport['phases'];

export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/bench';

/** The user the benchmark signs in as: ADMIN of every group. Found by this email. */
export const benchAdminEmail = 'bench-admin@example.com';

/** Rounded like bench/lib/databases.ts expects, so a seeded database is recognised by its size. */
function shapeOf(scale: number): { users: number; groups: number } {
  // Fewer than 10 groups would leave nothing to skew, and users could not reach 5 groups.
  return { users: Math.round(100_000 * scale), groups: Math.max(10, Math.round(1_000 * scale)) };
}

/**
 * r ∈ [0, 1) from 52 bits of a seeded 64-bit hash: a float8 holds them exactly, so r never
 * rounds up to 1 and the group index stays within 1..G.
 */
const unit = (value: string, seed: string) =>
  `((hashint8extended(${value}, ${seed}) & 4503599627370495)::float8 / 4503599627370496::float8)`;

/**
 * Picks for one user come from 30 candidates: repeats are skipped, and the first k distinct
 * groups are kept. At 1,000 groups no user needs more than about 20; with only 10 groups
 * (scale 0.01) a user ends up in fewer than k when the candidates run out.
 */
const candidatesPerUser = 30;

const membershipsSql = `
  INSERT INTO users_to_groups (user_id, group_id, joined_at)
  SELECT u, pick.group_id,
         timestamptz '2024-01-01 00:00:00+00'
           + interval '1 second' * floor(31536000 * ${unit('u', '-pick.j')})
  FROM generate_series(1, $1::int) AS u
  CROSS JOIN LATERAL (
    SELECT group_id, j FROM (
      SELECT DISTINCT ON (group_id) group_id, j FROM (
        SELECT j, 1 + floor($2::int * power(${unit('u', 'j')}, 2))::int AS group_id
        FROM generate_series(1, ${candidatesPerUser}) AS j
      ) candidate
      ORDER BY group_id, j
    ) first_pick
    ORDER BY j
    LIMIT 5 + floor(11 * ${unit('u', '0')})::int
  ) pick`;

const sqlState = (error: unknown): unknown =>
  error instanceof Error && 'code' in error ? error.code : undefined;

/** Connects to the server's `postgres` database to create the target when it does not exist. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return;
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    // 42P04 duplicate_database: another seed created it between our check and CREATE.
    if (sqlState(error) !== '42P04') throw error;
  } finally {
    await admin.end();
  }
}

async function migrate(url: string): Promise<void> {
  const database = await createDatabase({ url, poolSize: 1 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
}

/**
 * The two foreign-key checks per membership take two thirds of the insert's time, and every id
 * is valid by construction. Replica mode skips them, but it skips every ordinary trigger too, so
 * it is used only while users_to_groups has no enabled trigger of its own (fill() disables the
 * member count trigger and sets the counts itself), and only if this role may set it.
 */
async function skipForeignKeyChecks(client: pg.Client): Promise<boolean> {
  const own = await client.query(
    `SELECT 1 FROM pg_trigger
     WHERE tgrelid = 'users_to_groups'::regclass AND NOT tgisinternal AND tgenabled <> 'D'`,
  );
  if (own.rowCount) return false;
  await client.query('SAVEPOINT replica_mode');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query('RELEASE SAVEPOINT replica_mode');
    return true;
  } catch (error) {
    // 42501 insufficient_privilege: not a superuser and not granted SET on the setting.
    if (sqlState(error) !== '42501') throw error;
    await client.query('ROLLBACK TO SAVEPOINT replica_mode');
    return false;
  }
}

/**
 * Refills the three tables, and empties the event log, in one transaction, so a failed seed
 * leaves the old data in place.
 * @returns whether the foreign-key checks were skipped.
 */
async function fill(client: pg.Client, scale: number, time: Timer): Promise<boolean> {
  const { users, groups } = shapeOf(scale);
  let skipped = false;
  await client.query('BEGIN');
  try {
    // One commit at the end, so waiting for its WAL flush buys nothing.
    await client.query('SET LOCAL synchronous_commit = off');
    await time('users', async () => {
      // The event log too: every W4 write appends to it, about half a million rows per run, and
      // nothing else in a bench database ever removes them.
      await client.query(
        'TRUNCATE users_to_groups, users, groups, membership_events RESTART IDENTITY CASCADE',
      );
      // Explicit ids, so id = i does not depend on the order nextval() is called in.
      await client.query(
        `INSERT INTO users (id, name, email, created_at) OVERRIDING SYSTEM VALUE
         SELECT i, 'User ' || i, 'user' || i || '@example.com',
                timestamptz '2023-01-01 00:00:00+00' + interval '1 minute' * i
         FROM generate_series(1, $1::int) AS i`,
        [users],
      );
      await client.query(
        `INSERT INTO users (id, name, email, created_at) OVERRIDING SYSTEM VALUE
         VALUES ($1::int + 1, 'Bench admin', $2, timestamptz '2023-01-01 00:00:00+00')`,
        [users, benchAdminEmail],
      );
      await client.query(`SELECT setval(pg_get_serial_sequence('users', 'id'), $1::int + 1)`, [users]);
    });
    await time('groups', async () => {
      await client.query(
        `INSERT INTO groups (id, name, created_at) OVERRIDING SYSTEM VALUE
         SELECT i, 'Group ' || i, timestamptz '2023-01-01 00:00:00+00' + interval '1 hour' * i
         FROM generate_series(1, $1::int) AS i`,
        [groups],
      );
      await client.query(`SELECT setval(pg_get_serial_sequence('groups', 'id'), $1::int)`, [groups]);
    });
    await time('memberships', async () => {
      // The counting triggers would collect a million rows to count; the counts are set once,
      // after the inserts, instead. USER leaves the foreign keys' own triggers alone.
      await client.query('ALTER TABLE users_to_groups DISABLE TRIGGER USER');
      skipped = await skipForeignKeyChecks(client);
      await client.query(membershipsSql, [users, groups]);
      await client.query(
        `INSERT INTO users_to_groups (user_id, group_id, joined_at, role)
         SELECT $1::int + 1, g, timestamptz '2023-01-01 00:00:00+00', 'ADMIN'
         FROM generate_series(1, $2::int) AS g`,
        [users, groups],
      );
      await client.query(
        `UPDATE groups SET member_count = counted.members
         FROM (SELECT group_id, count(*) AS members FROM users_to_groups GROUP BY group_id) AS counted
         WHERE groups.id = counted.group_id`,
      );
      await client.query('ALTER TABLE users_to_groups ENABLE TRIGGER USER');
      await client.query('COMMIT');
    });
    return skipped;
  } catch (error) {
    // If the connection itself failed, ROLLBACK fails too; the first error is the one to report.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

type Timer = (phase: Phase, work: () => Promise<void>) => Promise<void>;

async function measure(
  client: pg.Client,
): Promise<Omit<SeedReport, 'scale' | 'phases' | 'seconds' | 'skippedForeignKeyChecks'>> {
  // The data only: the bench admin, in every group, is left out of every figure.
  const admin = `(SELECT id FROM users WHERE email = '${benchAdminEmail}')`;
  const counts = await client.query<Record<'users' | 'groups' | 'memberships', string>>(
    `SELECT (SELECT count(*) FROM users WHERE id <> ${admin}) AS users, (SELECT count(*) FROM groups) AS groups,
            (SELECT count(*) FROM users_to_groups WHERE user_id <> ${admin}) AS memberships`,
  );
  const largest = await client.query<{ group_id: number; members: string }>(
    `SELECT group_id, count(*) AS members FROM users_to_groups WHERE user_id <> ${admin}
     GROUP BY group_id ORDER BY members DESC, group_id LIMIT 3`,
  );
  // Left join, so a user without groups would show up as a minimum of 0.
  const perUser = await client.query<Record<'min' | 'avg' | 'max', string>>(
    `SELECT min(n) AS min, avg(n) AS avg, max(n) AS max FROM (
       SELECT count(m.user_id) AS n FROM users u LEFT JOIN users_to_groups m ON m.user_id = u.id
       WHERE u.id <> ${admin} GROUP BY u.id) per_user`,
  );
  const [count, spread] = [counts.rows[0], perUser.rows[0]];
  if (!count || !spread) throw new Error('the report queries returned no rows');
  const largestGroups = largest.rows.map((row) => ({ groupId: row.group_id, members: Number(row.members) }));
  const [first] = largestGroups;
  // W2 asks for group 1 as "the largest group"; fail loudly rather than benchmark a smaller one.
  if (first && first.groupId !== 1) throw new Error(`group ${first.groupId} is larger than group 1`);
  return {
    users: Number(count.users),
    groups: Number(count.groups),
    memberships: Number(count.memberships),
    largestGroupMembers: first?.members ?? 0,
    largestGroups,
    groupsPerUser: { min: Number(spread.min), avg: Number(spread.avg), max: Number(spread.max) },
  };
}

export async function seedBenchmarkData(url: string, scale: number): Promise<SeedReport> {
  if (!(scale > 0) || shapeOf(scale).users < 1) throw new Error(`scale must be positive, got ${scale}`);
  const started = performance.now();
  const phases: SeedReport['phases'] = { migrate: 0, users: 0, groups: 0, memberships: 0, vacuum: 0 };
  const time: Timer = async (phase, work) => {
    const start = performance.now();
    await work();
    phases[phase] += (performance.now() - start) / 1000;
  };
  await time('migrate', async () => {
    await ensureDatabase(url);
    await migrate(url);
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const skippedForeignKeyChecks = await fill(client, scale, time);
    // VACUUM sets the visibility map, so the members-of-a-group index can answer index-only;
    // it cannot run inside the transaction above.
    await time('vacuum', async () => {
      await client.query('VACUUM (ANALYZE) users, groups, users_to_groups');
    });
    const measured = await measure(client);
    const seconds = (performance.now() - started) / 1000;
    return { scale, ...measured, skippedForeignKeyChecks, phases, seconds };
  } finally {
    await client.end();
  }
}

function printReport(report: SeedReport): void {
  const s = (seconds: number) => `${seconds.toFixed(2)} s`;
  const { min, avg, max } = report.groupsPerUser;
  const phases = Object.entries(report.phases).map(([phase, seconds]) => `${phase} ${s(seconds)}`);
  console.log(
    [
      `scale ${report.scale}: ${report.users} users, ${report.groups} groups, ${report.memberships} memberships`,
      `largest groups: ${report.largestGroups.map((g) => `#${g.groupId} ${g.members}`).join(', ')}`,
      `groups per user: min ${min}, avg ${avg.toFixed(2)}, max ${max}`,
      `phases: ${phases.join(', ')}; total ${s(report.seconds)}`,
      `plus the bench admin (${benchAdminEmail}), ADMIN of every group`,
      `foreign-key checks while inserting memberships: ${report.skippedForeignKeyChecks ? 'skipped' : 'done'}`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string' } } });
  const scale = Number(values.scale ?? process.env['BENCH_SCALE'] ?? 1);
  const url = process.env['DATABASE_URL'] ?? defaultDatabaseUrl;
  console.log(`seeding ${new URL(url).pathname.slice(1)} at scale ${scale}`);
  printReport(await seedBenchmarkData(url, scale));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
