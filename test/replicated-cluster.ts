import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

/**
 * A PostgreSQL primary and a streaming replica of it, made for one test file: `initdb` for the
 * primary, `pg_basebackup` for the replica, both in a temporary directory on free ports, so the
 * machine's own server and its configuration stay as they are. The replica applies each commit
 * `applyDelay` after the primary made it (`recovery_min_apply_delay`), which makes lag visible.
 */
export interface ReplicatedCluster {
  primaryUrl: string;
  replicaUrl: string;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL's server programs: PG_BINDIR, else the newest of Debian's versioned directories. */
function serverBinaries(): string {
  const configured = process.env['PG_BINDIR'];
  if (configured) return configured;
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
    : [];
  const found = versions
    .map((version) => `/usr/lib/postgresql/${version}/bin`)
    .find((dir) => existsSync(join(dir, 'initdb')));
  if (!found) throw new Error('No PostgreSQL server programs (initdb, pg_ctl); set PG_BINDIR.');
  return found;
}

export async function startReplicatedCluster({
  applyDelay,
}: {
  applyDelay: string;
}): Promise<ReplicatedCluster> {
  const bin = serverBinaries();
  // PostgreSQL will not run as root: as root, run its programs as the postgres user.
  const asServerUser = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const pgProgram = (program: string, args: string[]) => {
    const [command, ...rest] = [...asServerUser, join(bin, program), ...args];
    return run(command!, rest);
  };
  const directory = await mkdtemp(join(tmpdir(), 'replicated-'));
  await chmod(directory, 0o777);
  const primary = { dir: join(directory, 'primary'), port: await freePort() };
  const replica = { dir: join(directory, 'replica'), port: await freePort() };
  const serverOptions = (port: number, extra = '') =>
    `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories= -c fsync=off ${extra}`;
  const start = (server: { dir: string; port: number }, extra?: string) =>
    pgProgram('pg_ctl', [
      '-D',
      server.dir,
      '-l',
      `${server.dir}.log`,
      '-o',
      serverOptions(server.port, extra),
      '-w',
      'start',
    ]);
  const stop = (server: { dir: string }) =>
    pgProgram('pg_ctl', ['-D', server.dir, '-m', 'fast', '-w', 'stop']);

  await pgProgram('initdb', ['-D', primary.dir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  await appendFile(join(primary.dir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
  await start(primary);
  // -R writes the standby's primary_conninfo and standby.signal: it streams from the primary.
  await pgProgram('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    replica.dir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  const startReplica = () => start(replica, `-c recovery_min_apply_delay=${applyDelay}`).then(() => {});
  await startReplica();
  const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    primaryUrl: url(primary.port),
    replicaUrl: url(replica.port),
    startReplica,
    stopReplica: () => stop(replica).then(() => {}),
    async close() {
      await stop(replica).catch(() => {});
      await stop(primary).catch(() => {});
      await rm(directory, { recursive: true, force: true });
    },
  };
}
