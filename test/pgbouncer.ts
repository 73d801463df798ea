import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** TEST_DATABASE_URL's server behind PgBouncer in transaction mode: same user, any database. */
    pgbouncerUrl: string;
  }
}

/**
 * Global setup of the `pgbouncer` test project: Debian's PgBouncer, started on a free port in
 * front of TEST_DATABASE_URL's server with `pool_mode = transaction`, every database passed
 * through. The suite then runs its PostgreSQL integration tests through it (test/harness.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test');
  const user = decodeURIComponent(server.username || 'postgres');
  const port = await freePort();
  const directory = await mkdtemp(join(tmpdir(), 'pgbouncer-'));
  // PgBouncer will not run as root; started as root it drops to `user`, who must read these
  // files and write its log here.
  await chmod(directory, 0o777);
  await writeFile(join(directory, 'userlist.txt'), `"${user}" ""\n`);
  await writeFile(
    join(directory, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(directory, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      'default_pool_size = 40',
      `logfile = ${join(directory, 'pgbouncer.log')}`,
    ].join('\n'),
  );
  const runAs = process.getuid?.() === 0 ? ['-u', user] : [];
  const command = existsSync('/usr/sbin/pgbouncer') ? '/usr/sbin/pgbouncer' : 'pgbouncer';
  const bouncer: ChildProcess = spawn(command, [...runAs, join(directory, 'pgbouncer.ini')], {
    stdio: 'inherit',
  });
  const url = new URL(server);
  url.port = String(port);
  for (let attempt = 0; ; attempt += 1) {
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      await client.query('select 1');
      break;
    } catch (error) {
      if (attempt > 50) throw new Error(`PgBouncer did not start on port ${port}`, { cause: error });
      await sleep(100);
    } finally {
      await client.end().catch(() => {});
    }
  }
  project.provide('pgbouncerUrl', url.toString());
  return async () => {
    bouncer.kill('SIGTERM');
    await new Promise((resolve) => bouncer.once('exit', resolve));
    await rm(directory, { recursive: true, force: true });
  };
}
