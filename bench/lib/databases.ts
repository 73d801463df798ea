import pg from 'pg';
import { benchAdminEmail, seedBenchmarkData } from '../seed.ts';

export interface PreparedDatabase {
  url: string;
  /** The data, without the bench admin; `adminId` is the user W4 signs in as. */
  shape: { users: number; groups: number; memberships: number; largestGroup: number; adminId: number };
  /** How long seeding took. */
  seedSeconds: number;
}

/**
 * The benchmark database for a scale, on the given server: `bench_s1` for scale 1,
 * `bench_s0_1` for 0.1, seeded afresh for every run (about 6 s at scale 1), so every run
 * starts from the same data whatever an earlier one, or anyone else, did to it.
 */
export async function prepareDatabase(
  serverUrl: string,
  scale: number,
  log: (message: string) => void,
): Promise<PreparedDatabase> {
  const url = new URL(serverUrl);
  url.pathname = `/bench_s${String(scale).replace('.', '_')}`;
  log(`seeding ${url.pathname.slice(1)} at scale ${scale}`);
  const { seconds } = await seedBenchmarkData(url.toString(), scale);
  const shape = await shapeOf(url.toString());
  if (!shape?.adminId) throw new Error(`could not read ${url.pathname} after seeding it`);
  return { url: url.toString(), shape, seedSeconds: seconds };
}

async function shapeOf(url: string): Promise<PreparedDatabase['shape'] | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  try {
    const { rows } = await client.query<
      Record<'users' | 'groups' | 'memberships' | 'largest_group', string> & { admin_id: number | null }
    >(
      `with admin as (select id from users where email = $1)
      select (select count(*) from users where id not in (select id from admin)) as users,
             (select count(*) from groups) as groups,
             (select count(*) from users_to_groups where user_id not in (select id from admin)) as memberships,
             (select count(*) from users_to_groups
               where group_id = 1 and user_id not in (select id from admin)) as largest_group,
             (select id from admin) as admin_id`,
      [benchAdminEmail],
    );
    const row = rows[0]!;
    return {
      users: Number(row.users),
      groups: Number(row.groups),
      memberships: Number(row.memberships),
      largestGroup: Number(row.largest_group),
      adminId: row.admin_id ?? 0,
    };
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

/**
 * After a write workload: vacuums and analyzes the tables it churned, outside any timed window.
 * W4's adds and removes leave tens of thousands of dead junction rows, more the faster a subject
 * writes; with them, PostgreSQL's plan for W6 flipped from the name index and key lookups (about
 * 1 ms) to scanning all 27,508 memberships of the group (about 250 ms), for the floor and the API
 * alike. Vacuumed, every subject's reads run on the same plans, whoever wrote before them.
 *
 * Then a checkpoint, so the next write turn starts with no dirty pages left to flush: without
 * it, whoever wrote next paid for flushing the vacuum's and the last writer's pages while its own
 * commits waited on the same disk. Measured with pgbench, the API's and the DataLoader
 * baseline's W4 statements alternating: 270–490 tps from turn to turn without, 320–390 with.
 */
export async function settleAfterWrites(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query('VACUUM (ANALYZE) users_to_groups, groups');
    await client.query('CHECKPOINT');
  });
}

/** Runs `use` on a connection of its own to `databaseUrl`, closed after. */
export async function withClient<Result>(
  databaseUrl: string,
  use: (client: pg.Client) => Promise<Result>,
): Promise<Result> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
