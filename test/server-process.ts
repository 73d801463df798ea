import { type ChildProcess, spawn } from 'node:child_process';

export interface RunningServer {
  url: string;
  /** Everything the process has written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts `npm start`'s entry point as a child process and resolves once it serves GraphQL, or,
 * with `untilListening`, as soon as it listens (before the database is ready).
 */
export async function startServerProcess(
  environment: NodeJS.ProcessEnv,
  { untilListening = false } = {},
): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
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
