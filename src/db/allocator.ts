import type pg from 'pg';

/**
 * Run first on each new connection. A PostgreSQL backend allocates with glibc's malloc, which
 * hands the top of its heap back to the system whenever more than 128 kB lie free there, until
 * the process has once freed a larger block of its own: that raises the threshold for good. A
 * statement that builds a response (src/resolvers/sql-responses.ts) takes about 160 kB and frees
 * it, so without this every execution shrank and regrew the backend's heap, 4 to 11 page faults
 * a statement: W2's statement cost 0.32 against 0.24 ms of PostgreSQL's CPU on one connection,
 * and more under load, where each shrink also flushes the TLBs of other cores. One megabyte,
 * allocated and freed, is enough.
 *
 * A module of its own, with no imports at run time: the benchmark's baselines open their
 * connections with it too (bench/baselines/shared.ts), so the floor is measured on the same footing.
 */
const raiseAllocatorThresholds = "select length(repeat('x', 1048576))";

/** Sends raiseAllocatorThresholds first on every connection `pool` opens. */
export function raiseAllocatorThresholdsOnConnect(pool: pg.Pool): void {
  // Queued ahead of the query the client was opened for. Should it fail, the connection is gone,
  // and that query reports it as any other would.
  pool.on('connect', (client) => void client.query(raiseAllocatorThresholds).catch(() => undefined));
}
