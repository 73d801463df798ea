import pg from 'pg';
import { seedBenchmarkData } from '../seed.ts';

export interface PreparedDatabase {
  url: string;
  shape: { users: number; groups: number; memberships: number; largestGroup: number };
  /** How long seeding took, when this run seeded; undefined when an earlier run's data was reused. */
  seedSeconds: number | undefined;
}

/**
 * The benchmark database for a scale, on the given server: `bench_s1` for scale 1,
 * `bench_s0_1` for 0.1. Seeded when missing or of another size, reused otherwise, since
 * seeding a million memberships takes longer than a quick run.
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
  if (shape?.users !== expectedUsers) {
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
      Record<'users' | 'groups' | 'memberships' | 'largest_group', string>
    >(`
      select (select count(*) from users) as users, (select count(*) from groups) as groups,
             (select count(*) from users_to_groups) as memberships,
             (select count(*) from users_to_groups where group_id = 1) as largest_group`);
    const row = rows[0]!;
    return {
      users: Number(row.users),
      groups: Number(row.groups),
      memberships: Number(row.memberships),
      largestGroup: Number(row.largest_group),
    };
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}
