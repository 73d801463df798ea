/**
 * `npm run bench:events`: how fast live membership events reach subscribers. The API on the
 * scale's seeded database, with SUBSCRIBERS Server-Sent Events streams open on the one instance
 * (each following one group, as member-list screens would), while W4 adds and removes members
 * at full speed. Rounds alternate W4 alone and W4 with the subscribers, so the cost of serving
 * them shows as a ratio measured in one run. Writes its section of docs/benchmarks.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { prepareDatabase, settleAfterWrites } from './lib/databases.ts';
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
    write: { type: 'boolean', default: true },
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

const subscription = `subscription Follow($groupId: ID!) {
  membershipChanged(groupId: $groupId) { cursor kind at userId group { id memberCount } }
}`;

interface Streams {
  /** Delivery time minus the event's `at` (the start of the changing statement), in ms. */
  latencies: number[];
  delivered: number;
  close(): Promise<void>;
}

/** Opens one SSE stream per subscriber, each following a group, round robin over the groups. */
async function openStreams(baseUrl: string, count: number, groups: number): Promise<Streams> {
  const latencies: number[] = [];
  const controller = new AbortController();
  let delivered = 0;
  const readers = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const groupId = encodeGlobalID('Group', 1 + (index % groups));
      // The response's headers come once the server holds the subscription.
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: subscription, variables: { groupId } }),
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`subscribing: HTTP ${response.status}`);
      return response.body.getReader();
    }),
  );
  const decoder = new TextDecoder();
  const reading = readers.map(async (reader) => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.+)$/m.exec(message)?.[1];
          if (!data) continue;
          const at = (JSON.parse(data) as { data?: { membershipChanged?: { at: string } } }).data
            ?.membershipChanged?.at;
          if (!at) throw new Error(`an event without data: ${data}`);
          latencies.push(Date.now() - Date.parse(at));
          delivered += 1;
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  });
  return {
    latencies,
    get delivered() {
      return delivered;
    },
    async close() {
      controller.abort();
      await Promise.allSettled(reading);
    },
  };
}

/** Membership events committed since `since` (database time) in the groups subscribed to. */
async function eventsSince(databaseUrl: string, since: string, groups: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'select count(*) from membership_events where at >= $1 and group_id <= $2',
      [since, groups],
    );
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

async function databaseNow(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ now: string }>('select now()::text as now')).rows[0]!.now;
  } finally {
    await client.end();
  }
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
  let delivered = 0;
  let committed = 0;
  try {
    log('warming up');
    await load(api, w4, { seconds: 3, concurrency: settings.concurrency, seed: 99 });
    for (let round = 1; round <= settings.rounds; round += 1) {
      log(`round ${round}: W4 alone`);
      alone.push(
        await load(api, w4, { seconds: settings.seconds, concurrency: settings.concurrency, seed: round }),
      );
      await settleAfterWrites(database.url);
      log(`round ${round}: opening ${settings.subscribers} subscriptions`);
      const streams = await openStreams(api.baseUrl, settings.subscribers, followed);
      const since = await databaseNow(database.url);
      log(`round ${round}: W4 with ${settings.subscribers} subscribers`);
      withSubscribers.push(
        await load(api, w4, {
          seconds: settings.seconds,
          concurrency: settings.concurrency,
          seed: 100 + round,
        }),
      );
      const expected = await eventsSince(database.url, since, followed);
      // Events still on their way when the load stops are waited for, then counted.
      const deadline = Date.now() + 10_000;
      while (streams.delivered < expected && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      log(`round ${round}: ${streams.delivered} of ${expected} committed events delivered`);
      latencies.push(...streams.latencies);
      delivered += streams.delivered;
      committed += expected;
      await streams.close();
      await settleAfterWrites(database.url);
    }
  } finally {
    await api.stop();
  }
  latencies.sort((a, b) => a - b);
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
    aloneRps: median(alone, (r) => r.requestsPerSecond),
    withRps: median(withSubscribers, (r) => r.requestsPerSecond),
    aloneCpu: median(alone, (r) => r.cpuPerRequest),
    withCpu: median(withSubscribers, (r) => r.cpuPerRequest),
    failures: [...alone, ...withSubscribers].reduce((sum, r) => sum + r.failures, 0),
  };
  console.log(summary);
  if (options.write) writeSection(section(summary));
}

function section(s: {
  subscribers: number;
  followedGroups: number;
  delivered: number;
  committed: number;
  p50: number;
  p99: number;
  max: number;
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
commit, the notification, the read of the log, the \`group { memberCount }\` load and the SSE write.

| | value |
| --- | --- |
| events delivered / committed to followed groups | ${s.delivered} / ${s.committed} |
| latency p50 | ${s.p50} ms |
| latency p99 | ${s.p99} ms |
| latency max | ${s.max} ms |
| W4 throughput with subscribers / without (same run, interleaved) | ${ratio(s.withRps, s.aloneRps)} (${Math.round(s.withRps)} vs ${Math.round(s.aloneRps)} req/s) |
| server CPU per W4 request with subscribers / without | ${ratio(s.withCpu, s.aloneCpu)} (${s.withCpu.toFixed(2)} vs ${s.aloneCpu.toFixed(2)} ms, delivery included) |
| failed requests | ${s.failures} |
`;
}

/** Replaces this script's section of docs/benchmarks.md (npm run bench keeps it). */
function writeSection(markdown: string): void {
  const path = 'docs/benchmarks.md';
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), markdown));
  log(`wrote the live events section of ${path}`);
}

await main();
