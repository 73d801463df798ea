/**
 * `npm run bench`: this API against a naive server, a DataLoader-per-level server, PostGraphile
 * and a hand-written SQL floor, on the same seeded PostgreSQL database, in one run. Subjects take
 * turns within each round so machine drift hits all alike. Writes docs/benchmarks.md and
 * docs/benchmarks.svg. See docs/benchmarks.md for the method.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { load, type LoadResult, sequentialMedian } from './lib/load.ts';
import { markdownTable, type Row, resultsChart } from './lib/report.ts';
import { targetsTable } from './lib/targets.ts';
import { type CurvePoint, document, replaceSection, sectionOf, targetSubjects } from './lib/document.ts';
import { prepareDatabase, settleAfterWrites, withClient } from './lib/databases.ts';
import { explainWorkload } from './lib/explain.ts';
import { bundleBaselines } from './lib/bundle.ts';
import { turnOrders } from './lib/turns.ts';
import {
  ask,
  benchCredentials,
  type Credentials,
  type RunningSubject,
  startSubject,
  subjectDefinitions,
} from './lib/subjects.ts';
import { implementsWorkload, seededRandom, type Workload, workloads } from './lib/workloads.ts';

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
  // Five: one 5-second turn can swing 2× on a shared 2-core machine (W4: 425 against 857–892 req/s
  // for the same subject in one run), and a median of three follows one outlier too far.
  rounds: Number(options.rounds ?? (quick ? 2 : 5)),
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
/** The subjects that take part in a workload (W6 is the API's and the floor's only). */
const takingPart = (subjects: RunningSubject[], workload: Workload) =>
  subjects.filter((subject) => implementsWorkload(subject.definition.name, workload));
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
async function checkSameData(everySubject: RunningSubject[], reads: Workload[]): Promise<void> {
  for (const workload of reads) {
    const subjects = takingPart(everySubject, workload);
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
 * so the load generator would count a refused W4 (say, a missing token) as a success. And its
 * passes must leave the memberships as they found them (each removes what it added): a subject
 * that ran its add where the remove was asked (the API did, through a graphql-jit cache keyed
 * by document alone) answered without errors while doing other work than the rest.
 */
async function checkWritesSucceed(
  everySubject: RunningSubject[],
  writes: Workload[],
  databaseUrl: string,
): Promise<void> {
  const memberships = () =>
    withClient(databaseUrl, async (client) =>
      Number((await client.query('select count(*) from users_to_groups')).rows[0].count),
    );
  for (const workload of writes) {
    const subjects = takingPart(everySubject, workload);
    for (const subject of subjects) {
      const before = await memberships();
      // Several passes: the API answers a document's first request and its later ones apart.
      for (const answer of (await ask(subject, workload, seededRandom(11), 4)) as { errors?: unknown[] }[]) {
        if (answer.errors) {
          throw new Error(`${subject.definition.name} ${workload.name}: ${JSON.stringify(answer.errors)}`);
        }
      }
      const after = await memberships();
      if (after !== before) {
        throw new Error(
          `${subject.definition.name} ${workload.name}: ${after - before} memberships left over after its passes`,
        );
      }
    }
    log(`${workload.name}: all ${subjects.length} subjects answer without errors and undo their writes`);
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
    await checkWritesSucceed(subjects, writes, main.url);
    if (options['check-only']) return;

    const statements = new Map<string, number>();
    for (const workload of all) {
      for (const subject of takingPart(subjects, workload)) {
        statements.set(
          `${subject.definition.name}/${workload.name}`,
          await statementsPerRequest(subject, workload),
        );
      }
    }
    log('warming up');
    for (const workload of all) {
      for (const subject of takingPart(subjects, workload)) {
        await load(subject, workload, {
          seconds: settings.warmUpSeconds,
          concurrency: settings.concurrency,
          seed: 1,
        });
        if (!workload.readOnly) await settleAfterWrites(main.url);
      }
    }
    const samples = new Map<string, LoadResult[]>();
    const orders = new Map(
      all.map((workload) => [workload, turnOrders(takingPart(subjects, workload).length, settings.rounds)]),
    );
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const workload of all) {
        const present = takingPart(subjects, workload);
        for (const subject of orders.get(workload)![round]!.map((index) => present[index]!)) {
          const result = await load(subject, workload, {
            seconds: settings.seconds,
            concurrency: settings.concurrency,
            // Reads: every subject gets the same requests. Writes: each turn its own pairs. With the
            // round's pairs shared, whoever wrote them first paid for the index pages they split
            // and the heap pages they added, and those after reused them: in a W4 round the second
            // and third subjects beat the first every time, by up to 40%.
            seed: workload.readOnly ? round + 2 : 1_000 * (round + 2) + present.indexOf(subject),
          });
          if (!workload.readOnly) await settleAfterWrites(main.url);
          const key = `${subject.definition.name}/${workload.name}`;
          samples.set(key, [...(samples.get(key) ?? []), result]);
          log(
            `round ${round + 1} ${workload.name} ${subject.definition.name}: ${result.requestsPerSecond.toFixed(0)} req/s, ${result.cpuPerRequest.toFixed(2)} ms server CPU per request`,
          );
        }
      }
    }
    const peakRss = new Map(subjects.map((subject) => [subject.definition.label, subject.peakRss()]));
    const rows: Row[] = all.flatMap((workload) => {
      const floor = median(samples.get(`floor/${workload.name}`)!.map((sample) => sample.requestsPerSecond));
      return takingPart(subjects, workload).map((subject) => {
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
      console.log(`\n${markdownTable(rows, peakRss)}\n\n${targetsTable(rows, peakRss, targetSubjects())}\n`);
      return;
    }

    const pgbenchRows = ['W1', 'W2', 'W3', 'W6'].map((name) => ({ name, result: pgbench(main.url, name) }));
    const curve = await scaleCurve();
    const explains = [];
    for (const workload of all.filter(({ name }) => name === 'W2' || name === 'W6')) {
      explains.push(await explainWorkload(curve.at(-1)!.url, workload));
    }
    const minutes = (Date.now() - started) / 60_000;
    const markdown = document({
      settings,
      quick,
      rows,
      peakRss,
      pgbenchRows,
      curve,
      explains,
      seedSeconds: main.seedSeconds,
      minutes,
      shape: main.shape,
    });
    // npm run bench:events measures live events on its own; its section stays.
    const liveEvents =
      existsSync('docs/benchmarks.md') && sectionOf(readFileSync('docs/benchmarks.md', 'utf8'));
    writeFileSync('docs/benchmarks.md', liveEvents ? replaceSection(markdown, liveEvents) : markdown);
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

await main();
