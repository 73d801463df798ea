/**
 * `npm run bench`: this API against a naive server, a DataLoader-per-level server, PostGraphile
 * and a hand-written SQL floor, on the same seeded PostgreSQL database, in one run. Subjects take
 * turns within each round so machine drift hits all alike. Writes docs/benchmarks.md and
 * docs/benchmarks.svg. See docs/benchmarks.md for the method.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { load, type LoadResult, sequentialMedian } from './lib/load.ts';
import { markdownTable, type Row, resultsChart } from './lib/report.ts';
import { prepareDatabase } from './lib/databases.ts';
import { explainWorkload } from './lib/explain.ts';
import { bundleBaselines } from './lib/bundle.ts';
import {
  ask,
  benchCredentials,
  type Credentials,
  type RunningSubject,
  startSubject,
  subjectDefinitions,
} from './lib/subjects.ts';
import { seededRandom, type Workload, workloads } from './lib/workloads.ts';

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'check-only': { type: 'boolean', default: false },
    scale: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    pool: { type: 'string', default: '10' },
    // Development: time only these (comma-separated), print the table, write no docs.
    workloads: { type: 'string' },
    subjects: { type: 'string' },
    server: {
      type: 'string',
      default: process.env['BENCH_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432',
    },
  },
});

const quick = options.quick || options['check-only'];
const settings = {
  scale: Number(options.scale ?? (options['check-only'] ? 0.01 : quick ? 0.1 : 1)),
  concurrency: Number(options.concurrency),
  rounds: Number(options.rounds ?? (quick ? 2 : 3)),
  seconds: Number(options.seconds ?? (quick ? 2 : 5)),
  // Long enough for V8 to optimize each subject's hot path: a signed-in W4 took about 3 s to
  // reach its steady CPU per request.
  warmUpSeconds: quick ? 1 : 3,
  poolSize: Number(options.pool),
  curveScales: quick ? [0.01, 0.1] : [0.01, 0.1, 1],
};

const only = (list: string | undefined) => list?.split(',').map((name) => name.trim().toLowerCase());
const onlyWorkloads = only(options.workloads);
const onlySubjects = only(options.subjects);
const partial = Boolean(onlyWorkloads || onlySubjects);

const log = (message: string) => console.log(`[bench] ${message}`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function startAll(databaseUrl: string, credentials: Credentials): Promise<RunningSubject[]> {
  const subjects: RunningSubject[] = [];
  // The floor always runs: every ratio is to it.
  const chosen = subjectDefinitions.filter(
    (definition) => !onlySubjects || definition.name === 'floor' || onlySubjects.includes(definition.name),
  );
  for (const definition of chosen) {
    subjects.push(await startSubject(definition, { databaseUrl, poolSize: settings.poolSize, credentials }));
  }
  return subjects;
}

/**
 * Every subject must return exactly the API's data, keys in the same order, for every read
 * workload; a subject with its own schema (PostGraphile) is compared after its `adapt`.
 */
async function checkSameData(subjects: RunningSubject[], reads: Workload[]): Promise<void> {
  for (const workload of reads) {
    const body = workload.steps(Math.random)[0]!.body({});
    const answers = await Promise.all(
      subjects.map(async (subject) => {
        const [answer] = await ask(subject, workload, Math.random);
        const { adapt } = subject.definition;
        return adapt ? adapt(answer, workload, body) : answer;
      }),
    );
    const [reference] = answers.map((answer) => JSON.stringify(answer));
    subjects.forEach((subject, i) => {
      if (JSON.stringify(answers[i]) !== reference) {
        throw new Error(
          `${subject.definition.name} returns different data than the API for ${workload.name}`,
        );
      }
    });
    log(`${workload.name}: all ${subjects.length} subjects return the same data`);
  }
}

/**
 * Every subject must answer the writes without a GraphQL error: an error comes with HTTP 200,
 * so the load generator would count a refused W4 (say, a missing token) as a success.
 */
async function checkWritesSucceed(subjects: RunningSubject[], writes: Workload[]): Promise<void> {
  for (const workload of writes) {
    for (const subject of subjects) {
      for (const answer of (await ask(subject, workload, seededRandom(11), 2)) as { errors?: unknown[] }[]) {
        if (answer.errors) {
          throw new Error(`${subject.definition.name} ${workload.name}: ${JSON.stringify(answer.errors)}`);
        }
      }
    }
    log(`${workload.name}: all ${subjects.length} subjects answer without errors`);
  }
}

async function statementsPerRequest(subject: RunningSubject, workload: Workload): Promise<number> {
  const before = await subject.statements();
  const answers = await ask(subject, workload, seededRandom(7), 10);
  return ((await subject.statements()) - before) / answers.length;
}

function pgbench(databaseUrl: string, workload: string): { tps: number; latencyMs: number } | undefined {
  try {
    const output = execFileSync(
      'pgbench',
      [
        '-n',
        '-M',
        'prepared',
        '-c',
        String(settings.concurrency),
        '-j',
        '2',
        '-T',
        String(settings.seconds),
        '-f',
        `bench/baselines/sql/${workload.toLowerCase()}.sql`,
        databaseUrl,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tps = /tps = ([\d.]+)/.exec(output);
    const latency = /latency average = ([\d.]+) ms/.exec(output);
    return tps && latency ? { tps: Number(tps[1]), latencyMs: Number(latency[1]) } : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`settings: ${JSON.stringify(settings)}`);
  // First, so a baseline that fails to compile stops the run before seeding does.
  await bundleBaselines(subjectDefinitions.flatMap((definition) => definition.entry ?? []));
  const main = await prepareDatabase(options.server, settings.scale, log);
  const all = workloads(main.shape).filter(
    (workload) => !onlyWorkloads || onlyWorkloads.includes(workload.name.toLowerCase()),
  );
  const reads = all.filter((workload) => workload.readOnly);
  const writes = all.filter((workload) => !workload.readOnly);

  const subjects = await startAll(main.url, await benchCredentials(main.shape.adminId));
  try {
    await checkSameData(subjects, reads);
    await checkWritesSucceed(subjects, writes);
    if (options['check-only']) return;

    const statements = new Map<string, number>();
    for (const subject of subjects) {
      for (const workload of all) {
        statements.set(
          `${subject.definition.name}/${workload.name}`,
          await statementsPerRequest(subject, workload),
        );
      }
    }
    log('warming up');
    for (const workload of all) {
      for (const subject of subjects)
        await load(subject, workload, {
          seconds: settings.warmUpSeconds,
          concurrency: settings.concurrency,
          seed: 1,
        });
    }
    const samples = new Map<string, LoadResult[]>();
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const workload of all) {
        // Rotate who goes first, so no subject always runs right after the same neighbour.
        const order = subjects.map((_, i) => subjects[(i + round) % subjects.length]!);
        for (const subject of order) {
          const result = await load(subject, workload, {
            seconds: settings.seconds,
            concurrency: settings.concurrency,
            seed: round + 2,
          });
          const key = `${subject.definition.name}/${workload.name}`;
          samples.set(key, [...(samples.get(key) ?? []), result]);
          log(
            `round ${round + 1} ${workload.name} ${subject.definition.name}: ${result.requestsPerSecond.toFixed(0)} req/s`,
          );
        }
      }
    }
    const peakRss = new Map(subjects.map((subject) => [subject.definition.label, subject.peakRss()]));
    const rows: Row[] = all.flatMap((workload) => {
      const floor = median(samples.get(`floor/${workload.name}`)!.map((sample) => sample.requestsPerSecond));
      return subjects.map((subject) => {
        const results = samples.get(`${subject.definition.name}/${workload.name}`)!;
        const requestsPerSecond = median(results.map((result) => result.requestsPerSecond));
        return {
          workload: workload.name,
          subject: subject.definition.label,
          requestsPerSecond,
          p50: median(results.map((result) => result.p50)),
          p99: median(results.map((result) => result.p99)),
          statementsPerRequest: statements.get(`${subject.definition.name}/${workload.name}`)!,
          cpuPerRequest: median(results.map((result) => result.cpuPerRequest)),
          ratioToFloor: requestsPerSecond / floor,
          failures: results.reduce((sum, result) => sum + result.failures, 0),
        };
      });
    });
    await stopAll(subjects);
    subjects.length = 0;
    if (partial) {
      console.log(`\n${markdownTable(rows, peakRss)}\n`);
      return;
    }

    const pgbenchRows = ['W1', 'W2', 'W3'].map((name) => ({ name, result: pgbench(main.url, name) }));
    const curve = await scaleCurve();
    const explain = await explainWorkload(
      curve.at(-1)!.url,
      all.find((workload) => workload.name === 'W2')!,
    );
    const minutes = (Date.now() - started) / 60_000;
    const markdown = document({
      rows,
      peakRss,
      pgbenchRows,
      curve,
      explain,
      seedSeconds: main.seedSeconds,
      minutes,
      shape: main.shape,
    });
    writeFileSync('docs/benchmarks.md', markdown);
    writeFileSync('docs/benchmarks.svg', await resultsChart(rows));
    console.log(`\n${markdownTable(rows, peakRss)}\n`);
    log(`wrote docs/benchmarks.md and docs/benchmarks.svg in ${minutes.toFixed(1)} minutes`);
  } finally {
    await stopAll(subjects);
  }
}

async function stopAll(subjects: RunningSubject[]): Promise<void> {
  await Promise.all(subjects.map((subject) => subject.stop()));
}

interface CurvePoint {
  memberships: number;
  url: string;
  w2: number;
  w3: number;
}

/** W2 and W3 latency of the API alone, one request at a time, as the data grows. */
async function scaleCurve(): Promise<CurvePoint[]> {
  const points: CurvePoint[] = [];
  for (const scale of settings.curveScales) {
    const database = await prepareDatabase(options.server, scale, log);
    const api = await startSubject(subjectDefinitions[0]!, {
      databaseUrl: database.url,
      poolSize: settings.poolSize,
      credentials: await benchCredentials(database.shape.adminId),
    });
    try {
      const [, w2, w3] = workloads(database.shape);
      const measure = async (workload: Workload) => {
        await sequentialMedian(api, workload, { seconds: 1 });
        return sequentialMedian(api, workload, { seconds: settings.seconds });
      };
      points.push({
        memberships: database.shape.memberships,
        url: database.url,
        w2: await measure(w2!),
        w3: await measure(w3!),
      });
    } finally {
      await api.stop();
    }
  }
  return points;
}

function document(input: {
  rows: Row[];
  peakRss: Map<string, number>;
  pgbenchRows: { name: string; result: { tps: number; latencyMs: number } | undefined }[];
  curve: CurvePoint[];
  explain: { sql: string; plan: string };
  seedSeconds: number;
  minutes: number;
  shape: { users: number; groups: number; memberships: number; largestGroup: number };
}): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const first = input.curve[0]!;
  const last = input.curve.at(-1)!;
  return `# Benchmarks

Generated by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}.
Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${pgVersion()}.
The whole run took ${input.minutes.toFixed(1)} minutes. Absolute numbers depend on the machine; compare the ratios, which were
measured in the same run.

![Throughput relative to the floor, and server CPU per request](benchmarks.svg)

## Results

Data: ${input.shape.users.toLocaleString('en-US')} users, ${input.shape.groups.toLocaleString('en-US')} groups,
${input.shape.memberships.toLocaleString('en-US')} memberships (largest group: ${input.shape.largestGroup.toLocaleString('en-US')} members).
Seeding it (\`npm run bench:seed\`, which every run does first) took ${input.seedSeconds.toFixed(1)} s.
Concurrency ${settings.concurrency}, database pool ${settings.poolSize} connections for every subject, ${settings.rounds} rounds of
${settings.seconds} s per subject and workload; medians over rounds.

${markdownTable(input.rows, input.peakRss)}

### PostgreSQL alone

The floor's SQL timed with \`pgbench\` (prepared statements, same concurrency), to show how much of the floor is PostgreSQL itself:

| Workload | transactions/s | average latency ms |
| --- | ---: | ---: |
${input.pgbenchRows.map(({ name, result }) => `| ${name} | ${result ? result.tps.toFixed(0) : 'n/a'} | ${result ? result.latencyMs.toFixed(2) : 'n/a'} |`).join('\n')}

### Scale curve

p50 latency of the API, one request at a time:

| Memberships | W2 p50 ms | W3 p50 ms |
| ---: | ---: | ---: |
${input.curve.map((point) => `| ${point.memberships.toLocaleString('en-US')} | ${point.w2.toFixed(2)} | ${point.w3.toFixed(2)} |`).join('\n')}

W2 grows ${(last.w2 / first.w2).toFixed(2)}× from ${first.memberships.toLocaleString('en-US')} to ${last.memberships.toLocaleString('en-US')} memberships.

The statement the API sends for W2 at ${last.memberships.toLocaleString('en-US')} memberships, and PostgreSQL's plan for it
(\`EXPLAIN (ANALYZE, BUFFERS)\`): index scans on the junction table, no sequential scan.

\`\`\`sql
${input.explain.sql}
\`\`\`

\`\`\`
${input.explain.plan}
\`\`\`

## Method

- Subjects, all started as separate processes against the same database: this API as users start it (\`npm start\`
  with \`DATABASE_URL\`, \`NODE_ENV=production\`); \`bench/baselines/naive.ts\`, the same schema with resolvers that
  query once per parent row; \`bench/baselines/dataloader.ts\`, the same schema with one DataLoader per relation level;
  \`bench/baselines/floor.ts\`, plain \`node:http\` + \`pg\` answering each workload with one hand-written SQL statement
  that builds the JSON in PostgreSQL; and \`bench/baselines/postgraphile.ts\`, PostGraphile v5 (amber preset) with
  \`@graphile-contrib/pg-many-to-many\`, its schema generated from the same database and served by grafserv with
  production settings (no GraphiQL, no watch, no explain, \`GRAPHILE_ENV=production\`). Its packages declare Node 22;
  on Node 20 it needs \`Promise.withResolvers\`, which \`bench/baselines/node20.ts\` defines.
- Every subject runs as compiled JavaScript, with no TypeScript loader in any server process: the API from \`dist/\`, each
  baseline from an esbuild bundle of its source (packages external) made at the start of the run (\`bench/lib/bundle.ts\`).
- Workloads are the documents in \`bench/workloads/\`. PostGraphile gets its own, in \`bench/workloads/postgraphile/\`:
  what a PostGraphile user would write against its schema (\`allUsers\`, \`group(id:)\`, pg-many-to-many's
  \`groupsByUsersToGroupUserIdAndGroupId\` and \`usersByUsersToGroupGroupIdAndUserId\` ordered by \`ROW_ID_ASC\`, the
  same \`first\` limits), and two things it has no field for come from SQL functions that
  \`bench/baselines/postgraphile-setup.sql\` adds in a schema of their own: \`add_member\`/\`remove_member\` for W4 (the
  generated create mutation fails on an existing pair) and \`users_by_row_ids\` for W5 (PostGraphile's \`node\` takes
  one ID). Before timing, every subject's answer to W1, W2, W3 and W5 is compared with the API's and must be
  identical; PostGraphile's after turning its node IDs into the API's and its \`{ nodes }\` connections into lists
  (\`bench/lib/postgraphile.ts\`, never timed). W4 is sent signed in as a seeded admin of every group; each
  connection adds a random pair and then removes that pair again (or, when the pair was already a membership, adds it
  once more), so the data ends as seeded: this API checks the viewer's role before each change (one statement,
  counted below); the baselines and PostGraphile do no authorization. Every subject must answer W4 without a GraphQL
  error before timing.
- Load: autocannon, ${settings.concurrency} connections; ${settings.warmUpSeconds} s of warm-up per subject and workload first.
- Statements per request: the subject's own \`db_statements_total\` counter (its \`/metrics\`), over 10 sequential requests;
  PostGraphile's counts every statement its pool's clients send.
- Server CPU per request: user + system time of the subject's process tree (\`/proc/<pid>/stat\`) over a timed
  round, divided by the requests it answered; the median over rounds. PostgreSQL's and the load generator's share of
  the machine is not in it: on a small machine, a subject that needs more CPU per request leaves less for them.
- Peak RSS: \`VmHWM\` of the subject's process tree, read from \`/proc\` at the end of the timed rounds.
- Data: \`npm run bench:seed\` (\`bench/seed.ts\`) applies the project's migrations and fills the tables with
  \`generate_series\`, deterministically: every user in 5 to 15 groups, group popularity skewed toward low ids.
`;
}

function pgVersion(): string {
  try {
    return execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'PostgreSQL';
  }
}

await main();
