import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
  url: string;
  /** Everything the process has written to stdout and stderr so far. */
  output(): string;
  /** The command line of every process started for this server, the first one's first. Linux only. */
  commandLines(): string[];
  /** Sends SIGTERM to the server and resolves with the exit code of the process that was started. */
  stop(): Promise<number | null>;
}

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

/**
 * Starts the server as `npm start` does and resolves once it serves GraphQL, or, with
 * `untilListening`, as soon as it listens (before the database is ready). By default it runs
 * `prestart` (the build) once per test file and then `start`'s command without npm around it,
 * so the exit code and the SIGTERM are the server's own; `npmStart` runs `npm start` itself.
 */
export async function startServerProcess(
  environment: NodeJS.ProcessEnv,
  { untilListening = false, npmStart = false } = {},
): Promise<RunningServer> {
  await buildOnce();
  const child: ChildProcess = npmStart
    ? spawn('npm', ['start'], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, startArguments(), { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = (
        untilListening ? /Listening on (http:\/\/[^\s;,]+)/ : /GraphQL API on (http:\/\/[^\s,]+)/
      ).exec(output);
      if (match) resolve(untilListening ? `${match[1]!}/graphql` : match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before listening:\n${output}`)),
    );
  });
  const commandLines = () => processTree(child.pid!).map(commandLineOf);
  return {
    url,
    output: () => output,
    commandLines,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        // npm exits at once on SIGTERM, without waiting for the server (and without passing the
        // signal on), so the server is signalled itself and npm exits with its exit code.
        const server = npmStart
          ? processTree(child.pid!).find((pid) => isServer(commandLineOf(pid)))
          : child.pid;
        process.kill(server!, 'SIGTERM');
      }),
  };
}

/** `start`'s arguments after `node`; anything but `node` there would put a compiler back in the server. */
function startArguments(): string[] {
  const [command, ...args] = packageJson.scripts['start']!.split(' ');
  if (command !== 'node') throw new Error(`npm start should run node, not ${command}`);
  return args;
}

const isServer = (commandLine: string) => commandLine === ['node', ...startArguments()].join(' ');

let built: Promise<void> | undefined;
const buildLock = 'dist/.build-lock';

/**
 * `npm start` builds dist/ first. Test files run in parallel, and two builds writing dist/ at
 * once could let a server read a file the other has just truncated, so each file builds once,
 * holding a lock file, before it starts a server; later builds find dist/ up to date and write
 * nothing.
 */
function buildOnce(): Promise<void> {
  built ??= (async () => {
    await mkdir('dist', { recursive: true });
    while (!(await lock())) await sleep(100);
    try {
      await run('npm', ['run', 'prestart', '--silent']);
    } finally {
      await rm(buildLock, { force: true });
    }
  })();
  return built;
}

async function lock(): Promise<boolean> {
  try {
    await writeFile(buildLock, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A test run killed mid-build leaves its lock behind. An empty file is one just being made.
    const holder = Number(await readFile(buildLock, 'utf8').catch(() => ''));
    if (holder && !isAlive(holder)) await rm(buildLock, { force: true });
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`);
}

function processTree(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
  return [pid, ...children.flatMap(processTree)];
}

function commandLineOf(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
}

/** Runs `npm run token -- <userId>`'s entry point with the environment and returns the token it prints. */
export async function mintToken(environment: NodeJS.ProcessEnv, userId: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/token.ts', String(userId)], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`token script exited with ${code}:\n${stderr}`);
  return stdout.trim();
}
