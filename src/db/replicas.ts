import DataLoader from 'dataloader';
import type pg from 'pg';

/**
 * A position in the primary's write-ahead log. PostgreSQL prints it as two hexadecimal halves,
 * `16/B374D848`; as a number, positions compare in log order.
 */
export type WalPosition = bigint;

export function parseWalPosition(text: string | null | undefined): WalPosition | undefined {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text?.trim() ?? '');
  if (!match) return undefined;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** One streaming replica: its own pool, and what the last check saw of it. */
export interface Replica<Db> {
  /** `replica-1`, `replica-2`, …, in DATABASE_REPLICA_URLS order: metrics and logs say this, never the URL. */
  name: string;
  db: Db;
  pool: pg.Pool;
}

export interface ReplicaStatus {
  name: string;
  /** Whether reads may go there now: reachable, a standby, and no further behind than allowed. */
  usable: boolean;
  /** How old its data may be, as of the last check; undefined while it cannot be reached. */
  lagSeconds: number | undefined;
}

export interface ReplicaSetOptions<Db> {
  primary: pg.Pool;
  replicas: Replica<Db>[];
  /** A replica further behind than this is skipped until it catches up. */
  maxLagSeconds: number;
  /** How often the primary's position and each replica's replay are read. */
  checkIntervalMs?: number | undefined;
  /** Called when a replica stops answering or is not a standby, once per such spell. */
  onUnavailable?: ((replica: string, error: Error) => void) | undefined;
}

interface Observed {
  replayed: WalPosition | undefined;
  checkedAt: number;
  lagSeconds: number | undefined;
  failing: boolean;
}

const currentPosition = 'select pg_current_wal_lsn()::text as position';
// NULL on a server that is not in recovery: a promoted or misconfigured "replica" is never read.
const replayedPosition = 'select pg_last_wal_replay_lsn()::text as position';

/**
 * The read replicas of one primary, and which of them a read may use.
 *
 * Every `checkIntervalMs` the primary's current WAL position is sampled and each replica's replay
 * position read. A replica's lag is how long ago the primary was at a position the replica has
 * replayed: if it has replayed what the primary had written at time t, its data is at most
 * now − t old. Time, not bytes, because the threshold is about staleness a client can notice.
 *
 * Read-your-writes rests on the positions: after a write the primary's position is at or past
 * the write's commit, and a replica that has replayed that far shows the write. Replay only moves
 * forward, so a replica's last observed replay position is a safe lower bound between checks.
 */
export class ReplicaSet<Db> {
  readonly #primary: pg.Pool;
  readonly #replicas: { replica: Replica<Db>; observed: Observed }[];
  readonly #maxLagMs: number;
  readonly #checkIntervalMs: number;
  readonly #onUnavailable: ((replica: string, error: Error) => void) | undefined;
  /** The primary's sampled positions over the last maxLag (and a little), oldest first. */
  readonly #samples: { at: number; position: WalPosition }[] = [];
  readonly #positions: DataLoader<0, string>;
  #next = 0;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor({
    primary,
    replicas,
    maxLagSeconds,
    checkIntervalMs = 100,
    onUnavailable,
  }: ReplicaSetOptions<Db>) {
    this.#primary = primary;
    this.#replicas = replicas.map((replica) => ({
      replica,
      observed: { replayed: undefined, checkedAt: 0, lagSeconds: undefined, failing: false },
    }));
    this.#maxLagMs = maxLagSeconds * 1000;
    this.#checkIntervalMs = checkIntervalMs;
    this.#onUnavailable = onUnavailable;
    // Writes that finish together share one query; each is sent after all of them returned, so
    // the position it reads is at or past every one of their commits.
    this.#positions = new DataLoader(
      async (keys) => {
        const { rows } = await this.#primary.query<{ position: string }>(currentPosition);
        return keys.map(() => rows[0]!.position);
      },
      { cache: false },
    );
  }

  /** Starts checking the replicas. Until the first check, every read goes to the primary. */
  start(): void {
    if (this.#timer !== undefined || this.#stopped) return;
    const tick = async () => {
      await this.#check();
      if (!this.#stopped) this.#timer = setTimeout(tick, this.#checkIntervalMs).unref();
    };
    this.#timer = setTimeout(tick, 0).unref();
  }

  /**
   * A replica a read may use, taking turns: one that answers, is within the lag limit and, when
   * `after` is given, has replayed at least that far. Undefined means: read from the primary.
   */
  pick(after?: WalPosition): Replica<Db> | undefined {
    const now = performance.now();
    for (let tried = 0; tried < this.#replicas.length; tried += 1) {
      const candidate = this.#replicas[this.#next]!;
      this.#next = (this.#next + 1) % this.#replicas.length;
      if (
        this.#usable(candidate.observed, now) &&
        (after === undefined || candidate.observed.replayed! >= after)
      ) {
        return candidate.replica;
      }
    }
    return undefined;
  }

  /** The primary's position now: what a client passes back to read its own writes. */
  position(): Promise<string> {
    return this.#positions.load(0);
  }

  status(): ReplicaStatus[] {
    const now = performance.now();
    return this.#replicas.map(({ replica, observed }) => ({
      name: replica.name,
      usable: this.#usable(observed, now),
      lagSeconds: observed.lagSeconds,
    }));
  }

  async close(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await Promise.all(this.#replicas.map(({ replica }) => replica.pool.end()));
  }

  /**
   * How long a replica's last check counts: a check that has not come back for this long means
   * the replica (or the way to it) hangs, and the check gives up on it.
   */
  get #staleAfterMs(): number {
    return Math.max(3 * this.#checkIntervalMs, 1_000);
  }

  #usable(observed: Observed, now: number): boolean {
    const fresh = now - observed.checkedAt <= this.#staleAfterMs;
    return fresh && observed.lagSeconds !== undefined && observed.lagSeconds * 1000 <= this.#maxLagMs;
  }

  async #check(): Promise<void> {
    const at = performance.now();
    try {
      const { rows } = await this.#primary.query<{ position: string }>(currentPosition);
      const position = parseWalPosition(rows[0]?.position);
      if (position !== undefined) this.#samples.push({ at, position });
    } catch {
      // The primary's own outage shows on every request; replicas keep their last samples.
    }
    while (this.#samples.length > 1 && this.#samples[0]!.at < at - this.#maxLagMs - 1_000)
      this.#samples.shift();
    await Promise.all(
      this.#replicas.map(async ({ replica, observed }) => {
        try {
          const { rows } = await withTimeout(
            replica.pool.query<{ position: string | null }>(replayedPosition),
            this.#staleAfterMs,
          );
          const replayed = parseWalPosition(rows[0]?.position);
          if (replayed === undefined)
            throw new Error('It is not a standby: pg_last_wal_replay_lsn() is null.');
          observed.replayed = replayed;
          observed.checkedAt = performance.now();
          observed.lagSeconds = this.#lagSeconds(replayed, observed.checkedAt);
          observed.failing = false;
        } catch (error) {
          observed.lagSeconds = undefined;
          if (!observed.failing) this.#onUnavailable?.(replica.name, error as Error);
          observed.failing = true;
        }
      }),
    );
  }

  /** Now minus the newest sample the replica has replayed; unknown (too far) before the window. */
  #lagSeconds(replayed: WalPosition, now: number): number | undefined {
    for (let index = this.#samples.length - 1; index >= 0; index -= 1) {
      const sample = this.#samples[index]!;
      if (sample.position <= replayed)
        return index === this.#samples.length - 1 ? 0 : (now - sample.at) / 1000;
    }
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms.`)), ms);
  });
  return Promise.race([promise, timedOut]).finally(() => clearTimeout(timer));
}
