import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { signToken } from '../../src/http/authentication.ts';
import { bundleOf } from './bundle.ts';
import { adaptPostgraphileAnswer, postgraphileRequest } from './postgraphile.ts';
import type { Pass, RequestBody, Workload } from './workloads.ts';

/** What one request of a workload posts, before JSON encoding. */
export interface GraphqlRequest extends RequestBody {
  /** Absent for the floor, which routes by path and never parses a document. */
  query?: string;
}

/** A server under test and how to ask it each workload. */
export interface SubjectDefinition {
  name: 'api' | 'dataloader' | 'naive' | 'floor' | 'postgraphile';
  label: string;
  command: string[];
  /** A baseline's TypeScript entry, which bundleBaselines compiles to the file `command` runs. */
  entry?: string;
  /** Set for this subject on top of what every subject gets (see startSubject). */
  env?: Record<string, string>;
  /** The line the server prints once it listens; its first group is the base URL. */
  ready: RegExp;
  /** The path a workload is posted to. */
  path: (workload: Workload) => string;
  /**
   * What is posted for a step, from the body the workload wrote for the API (its operation name
   * and variables, with the API's global IDs). Timed requests send exactly this.
   */
  request: (workload: Workload, body: RequestBody) => GraphqlRequest;
  /**
   * Turns this subject's answer to a read into the API's response, for the data check only
   * (never timed); absent when the subject answers in the API's shape already. `body` is the
   * API's body for the same step.
   */
  adapt?: (answer: unknown, workload: Workload, body: RequestBody) => unknown;
}

const graphqlPath = () => '/graphql';

/** A baseline runs as plain JavaScript, like the API: its bundle, with no TypeScript loader. */
function baseline(name: string): Pick<SubjectDefinition, 'command' | 'entry'> {
  const entry = `bench/baselines/${name}.ts`;
  return { entry, command: [process.execPath, bundleOf(entry)] };
}

/** The API's document with the API's variables: the subjects that serve the API's schema. */
const apiRequest = (workload: Workload, { operationName, variables }: RequestBody): GraphqlRequest => ({
  query: workload.query,
  operationName,
  variables,
});

export const subjectDefinitions: SubjectDefinition[] = [
  {
    name: 'api',
    label: 'this API (npm start)',
    command: ['npm', 'start', '--silent'],
    ready: /GraphQL API on (http:\/\/[^\s,/]+)/,
    path: graphqlPath,
    request: apiRequest,
  },
  {
    name: 'dataloader',
    label: 'DataLoader per level',
    ...baseline('dataloader'),
    ready: /listening on (http:\/\/\S+)/,
    path: graphqlPath,
    request: apiRequest,
  },
  {
    name: 'naive',
    label: 'naive (query per row)',
    ...baseline('naive'),
    ready: /listening on (http:\/\/\S+)/,
    path: graphqlPath,
    request: apiRequest,
  },
  {
    name: 'floor',
    label: 'hand-written SQL floor',
    ...baseline('floor'),
    ready: /listening on (http:\/\/\S+)/,
    path: (workload) => `/${workload.name.toLowerCase()}`,
    // The workload is in the path; the body carries the rest of the GraphQL request.
    request: (_workload, { operationName, variables }) => ({ operationName, variables }),
  },
  {
    name: 'postgraphile',
    label: 'PostGraphile v5 + pg-many-to-many',
    ...baseline('postgraphile'),
    // Grafast's production mode, stated rather than left to its default (which warns).
    env: { GRAPHILE_ENV: 'production' },
    ready: /listening on (http:\/\/\S+)/,
    path: graphqlPath,
    request: postgraphileRequest,
    adapt: adaptPostgraphileAnswer,
  },
];

/**
 * The secret every subject is started with (the API needs one with NODE_ENV=production; the
 * baselines ignore it) and the bench admin's token signed with it, made fresh for each run.
 */
export interface Credentials {
  jwtSecret: string;
  adminToken: string;
}

export async function benchCredentials(adminId: number): Promise<Credentials> {
  const jwtSecret = randomBytes(32).toString('base64url');
  return { jwtSecret, adminToken: await signToken(jwtSecret, adminId, { expiresIn: '1d' }) };
}

export interface RunningSubject {
  definition: SubjectDefinition;
  baseUrl: string;
  credentials: Credentials;
  /** Total SQL statements the server reports having sent. */
  statements(): Promise<number>;
  /** Peak resident memory (VmHWM) of the server process tree, in bytes. */
  peakRss(): number;
  /** CPU time (user + system) the server process tree has used so far, in milliseconds. */
  cpuMilliseconds(): number;
  stop(): Promise<void>;
}

export async function startSubject(
  definition: SubjectDefinition,
  env: { databaseUrl: string; poolSize: number; credentials: Credentials },
): Promise<RunningSubject> {
  const child: ChildProcess = spawn(definition.command[0]!, definition.command.slice(1), {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_URL: env.databaseUrl,
      DATABASE_POOL_SIZE: String(env.poolSize),
      JWT_SECRET: env.credentials.jwtSecret,
      ...definition.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const onData = (chunk: Buffer) => void (output += chunk.toString());
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const ready = () => {
      const match = definition.ready.exec(output);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', ready);
    child.stderr!.on('data', ready);
    child.once('exit', (code) => reject(new Error(`${definition.name} exited with ${code}:\n${output}`)));
  });
  // Once ready, the output is drained and dropped. Collected, the API's line per request made
  // this process (which also runs the load generator) copy and search a growing string on every
  // chunk, taking CPU from the subjects on the same cores, and only from the API's turns.
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.removeAllListeners('data');
    stream.resume();
  }
  return {
    definition,
    baseUrl,
    credentials: env.credentials,
    async statements() {
      const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
      // The API counts per target (primary, replica-1, …); the baselines have one unlabelled count.
      const counts = [...metrics.matchAll(/^db_statements_total(?:\{[^}]*\})? (\d+)/gm)];
      if (counts.length === 0) throw new Error(`${definition.name} reports no db_statements_total`);
      return counts.reduce((sum, match) => sum + Number(match[1]), 0);
    },
    peakRss: () => Math.max(...processTree(child.pid!).map(peakRssOf)),
    cpuMilliseconds: () => processTree(child.pid!).reduce((sum, pid) => sum + cpuMillisecondsOf(pid), 0),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        // The whole group: `npm start` runs the server as a grandchild.
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}

function processTree(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
  return [pid, ...children.flatMap(processTree)];
}

function peakRssOf(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

const clockTicksPerSecond = 100;

function cpuMillisecondsOf(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
}

/**
 * Sends `passes` passes of a workload's steps to a subject, one request at a time, and returns
 * the parsed answers in order.
 */
export async function ask(
  subject: RunningSubject,
  workload: Workload,
  random: () => number,
  passes = 1,
): Promise<unknown[]> {
  const steps = workload.steps(random);
  const answers: unknown[] = [];
  for (let i = 0; i < passes; i += 1) {
    const pass: Pass = {};
    for (const step of steps) {
      const response = await fetch(subject.baseUrl + subject.definition.path(workload), {
        method: 'POST',
        headers: requestHeaders(subject, workload),
        body: requestBody(subject, workload, step.body(pass)),
      });
      if (!response.ok)
        throw new Error(`${subject.definition.name} ${workload.name}: HTTP ${response.status}`);
      const answer: unknown = await response.json();
      step.onAnswer?.(answer, pass);
      answers.push(answer);
    }
  }
  return answers;
}

export function requestBody(subject: RunningSubject, workload: Workload, body: RequestBody): string {
  return JSON.stringify(subject.definition.request(workload, body));
}

/** Every workload request's headers: the bench admin's token for those that need signing in. */
export function requestHeaders(subject: RunningSubject, workload: Workload): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(workload.signedIn && { authorization: `Bearer ${subject.credentials.adminToken}` }),
  };
}
