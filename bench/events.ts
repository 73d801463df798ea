/**
 * `npm run bench:events`: how fast live membership events reach subscribers. The API on the
 * scale's seeded database, with SUBSCRIBERS Server-Sent Events streams open on the one instance
 * (each following one group, as member-list screens would), while W4 adds and removes members
 * at full speed. Rounds alternate W4 alone and W4 with the subscribers, so the cost of serving
 * them shows as a ratio measured in one run. Writes its section of docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { prepareDatabase, settleAfterWrites, withClient } from './lib/databases.ts';
import { replaceSection } from './lib/document.ts';
import { load, type LoadResult } from './lib/load.ts';
import { benchCredentials, startSubject, subjectDefinitions } from './lib/subjects.ts';
import { workloads } from './lib/workloads.ts';

const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    subscribers: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '16' },
    // Development: print the results, leave docs/benchmarks.md alone.
    'dry-run': { type: 'boolean', default: false },
    server: {
      type: 'string',
      default: process.env['BENCH_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432',
    },
  },
});
const settings = {
  scale: Number(options.scale),
  subscribers: Number(options.subscribers),
  seconds: Number(options.seconds),
  rounds: Number(options.rounds),
  concurrency: Number(options.concurrency),
};
const log = (message: string) => console.log(`[bench:events] ${message}`);

interface Streams {
  /** Delivery time minus the event's `at` (the start of the changing statement), in ms. */
  latencies(): Promise<number[]>;
}

/** Opens one SSE stream per subscriber in a process of their own (bench/lib/subscribers.ts). */
async function openStreams(baseUrl: string, count: number, groups: number): Promise<Streams> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/lib/subscribers.ts', baseUrl, String(count), String(groups)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => output.includes('ready\n') && resolve());
    child.once('exit', (code) => reject(new Error(`the subscribers exited with ${code}`)));
  });
  return {
    latencies: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => {
          const last = output.trim().split('\n').at(-1)!;
          resolve((JSON.parse(last) as { latencies: number[] }).latencies);
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The deliveries due for the membership events committed since `since` (database time): one per
 * event and subscriber of its group, with `subscribers` spread round robin over the first `groups`.
 */
async function deliveriesDue(
  databaseUrl: string,
  since: string,
  subscribers: number,
  groups: number,
): Promise<number> {
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ group_id: number; count: string }>(
      'select group_id, count(*) from membership_events where at >= $1 and group_id <= $2 group by group_id',
      [since, groups],
    ),
  );
  const following = (groupId: number) =>
    Math.floor(subscribers / groups) + (groupId - 1 < subscribers % groups ? 1 : 0);
  return rows.reduce((sum, row) => sum + Number(row.count) * following(row.group_id), 0);
}

async function databaseNow(databaseUrl: string): Promise<string> {
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ now: string }>('select now()::text as now'),
  );
  return rows[0]!.now;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main(): Promise<void> {
  const database = await prepareDatabase(options.server, settings.scale, log);
  const credentials = await benchCredentials(database.shape.adminId);
  const definition = subjectDefinitions.find((subject) => subject.name === 'api')!;
  const api = await startSubject(definition, { databaseUrl: database.url, poolSize: 10, credentials });
  const w4 = workloads(database.shape).find((workload) => workload.name === 'W4')!;
  const followed = Math.min(settings.subscribers, database.shape.groups);
  const alone: LoadResult[] = [];
  const withSubscribers: LoadResult[] = [];
  const latencies: number[] = [];
  const lightLatencies: number[] = [];
  let delivered = 0;
  let committed = 0;
  try {
    log('warming up');
    await load(api, w4, { seconds: 3, concurrency: settings.concurrency, seed: 99 });
    /** W4 at `concurrency` with the subscribers open: its result and the events' latencies. */
    const withStreams = async (concurrency: number, seed: number) => {
      const streams = await openStreams(api.baseUrl, settings.subscribers, followed);
      const since = await databaseNow(database.url);
      const result = await load(api, w4, { seconds: settings.seconds, concurrency, seed });
      const expected = await deliveriesDue(database.url, since, settings.subscribers, followed);
      // Events still on their way when the load stops get a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const received = await streams.latencies();
      log(`${received.length} of ${expected} deliveries due made`);
      delivered += received.length;
      committed += expected;
      await settleAfterWrites(database.url);
      return { result, latencies: received };
    };
    for (let round = 1; round <= settings.rounds; round += 1) {
      log(`round ${round}: W4 alone`);
      alone.push(
        await load(api, w4, { seconds: settings.seconds, concurrency: settings.concurrency, seed: round }),
      );
      await settleAfterWrites(database.url);
      log(`round ${round}: W4 with ${settings.subscribers} subscribers`);
      const round_ = await withStreams(settings.concurrency, 100 + round);
      withSubscribers.push(round_.result);
      latencies.push(...round_.latencies);
    }
    // The same with one writer: what delivery takes when the server is not saturated.
    log(`W4 on one connection with ${settings.subscribers} subscribers`);
    lightLatencies.push(...(await withStreams(1, 200)).latencies);
  } finally {
    await api.stop();
  }
  latencies.sort((a, b) => a - b);
  lightLatencies.sort((a, b) => a - b);
  const median = (results: LoadResult[], pick: (result: LoadResult) => number) =>
    results.map(pick).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
  const summary = {
    subscribers: settings.subscribers,
    followedGroups: followed,
    delivered,
    committed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? 0,
    lightP50: percentile(lightLatencies, 0.5),
    lightP99: percentile(lightLatencies, 0.99),
    aloneRps: median(alone, (r) => r.requestsPerSecond),
    withRps: median(withSubscribers, (r) => r.requestsPerSecond),
    aloneCpu: median(alone, (r) => r.cpuPerRequest),
    withCpu: median(withSubscribers, (r) => r.cpuPerRequest),
    failures: [...alone, ...withSubscribers].reduce((sum, r) => sum + r.failures, 0),
  };
  console.log(summary);
  if (!options['dry-run']) writeSection(section(summary));
}

function section(s: {
  subscribers: number;
  followedGroups: number;
  delivered: number;
  committed: number;
  p50: number;
  p99: number;
  max: number;
  lightP50: number;
  lightP99: number;
  aloneRps: number;
  withRps: number;
  aloneCpu: number;
  withCpu: number;
  failures: number;
}): string {
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  return `## Live membership events

\`npm run bench:events\` (scale ${settings.scale}, ${settings.rounds} rounds of ${settings.seconds} s, ${settings.concurrency} connections):
the API with ${s.subscribers} Server-Sent Events subscriptions open on its one instance, each
following one of ${s.followedGroups} groups as a member-list screen would, while W4 adds and
removes members at full speed. Latency runs from the start of the statement that made the change
(the event's \`at\`, on the same clock) to the subscriber reading the event; it includes the
commit, the wait for the next read of the log (every 50 ms while anyone subscribes), the read,
the \`group { memberCount }\` load and the SSE write.

| | value |
| --- | --- |
| deliveries made / due (one per event and subscriber of its group) | ${s.delivered} / ${s.committed} |
| latency p50, W4 at full speed (${settings.concurrency} connections) | ${s.p50} ms |
| latency p99, W4 at full speed | ${s.p99} ms |
| latency max, W4 at full speed | ${s.max} ms |
| latency p50 / p99, W4 on one connection | ${s.lightP50} ms / ${s.lightP99} ms |
| W4 throughput with subscribers / without (same run, interleaved) | ${ratio(s.withRps, s.aloneRps)} (${Math.round(s.withRps)} vs ${Math.round(s.aloneRps)} req/s) |
| server CPU per W4 request with subscribers / without | ${ratio(s.withCpu, s.aloneCpu)} (${s.withCpu.toFixed(2)} vs ${s.aloneCpu.toFixed(2)} ms, delivery included) |
| failed requests | ${s.failures} |

The subscribers run in a process of their own, on the same two cores as the server, PostgreSQL
and the load generator: at full speed most of the latency is waiting for a core, as the
one-writer row shows. Per delivery the server runs the subscriber's selection (graphql-js) and
writes one SSE event; per batch it reads the log once (every 50 ms) and loads the batch's
groups in one statement. With nobody subscribed it reads nothing, and W4 pays only for writing
the event row.
`;
}

/** Replaces this script's section of docs/benchmarks.md (npm run bench keeps it). */
function writeSection(markdown: string): void {
  const path = 'docs/benchmarks.md';
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), markdown));
  log(`wrote the live events section of ${path}`);
}

await main();
