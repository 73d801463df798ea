import pg from 'pg';
import { benchAdminEmail, seedBenchmarkData } from '../seed.ts';

export interface PreparedDatabase {
  url: string;
  /** The data, without the bench admin; `adminId` is the user W4 signs in as. */
  shape: { users: number; groups: number; memberships: number; largestGroup: number; adminId: number };
  /** How long seeding took, when this run seeded; undefined when an earlier run's data was reused. */
  seedSeconds: number | undefined;
}

/**
 * The benchmark database for a scale, on the given server: `bench_s1` for scale 1,
 * `bench_s0_1` for 0.1. Seeded when missing or of another size, reused otherwise, since
 * seeding a million memberships takes longer than a quick run. A database seeded before the
 * bench admin existed is seeded again.
 */
export async function prepareDatabase(
  serverUrl: string,
  scale: number,
  log: (message: string) => void,
): Promise<PreparedDatabase> {
  const url = new URL(serverUrl);
  url.pathname = `/bench_s${String(scale).replace('.', '_')}`;
  const expectedUsers = Math.round(100_000 * scale);
  let shape = await shapeOf(url.toString());
  let seedSeconds: number | undefined;
  if (shape?.users !== expectedUsers || !shape.adminId) {
    log(`seeding ${url.pathname.slice(1)} at scale ${scale}`);
    seedSeconds = (await seedBenchmarkData(url.toString(), scale)).seconds;
    shape = await shapeOf(url.toString());
  }
  if (!shape) throw new Error(`could not read ${url.pathname}`);
  return { url: url.toString(), shape, seedSeconds };
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
