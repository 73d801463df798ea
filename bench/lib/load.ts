import autocannon from 'autocannon';
import { requestBody, requestHeaders, type RunningSubject } from './subjects.ts';
import { type Pass, seededRandom, type Workload } from './workloads.ts';

export interface LoadResult {
  requestsPerSecond: number;
  /** CPU the server's processes spent per request while under load, in milliseconds. */
  cpuPerRequest: number;
  p50: number;
  p99: number;
  failures: number;
}

/** Drives one subject with one workload at fixed concurrency for `seconds`. */
export async function load(
  subject: RunningSubject,
  workload: Workload,
  { seconds, concurrency, seed }: { seconds: number; concurrency: number; seed: number },
): Promise<LoadResult> {
  const random = seededRandom(seed);
  const cpuBefore = subject.cpuMilliseconds();
  const result = await autocannon({
    url: subject.baseUrl,
    connections: concurrency,
    duration: seconds,
    initialContext: {},
    requests: workload.steps(random).map((step) => ({
      method: 'POST',
      path: subject.definition.path(workload),
      headers: requestHeaders(subject, workload),
      // A read sends one fixed body; a write builds each from the connection's pass.
      ...(workload.readOnly
        ? { body: requestBody(subject, workload, step.body({})) }
        : {
            setupRequest: (request, pass: Pass) => ({
              ...request,
              body: requestBody(subject, workload, step.body(pass)),
            }),
          }),
      ...(step.onAnswer && {
        onResponse: (_status: number, body: string, pass: Pass) => step.onAnswer!(JSON.parse(body), pass),
      }),
    })),
  });
  const cpuUsed = subject.cpuMilliseconds() - cpuBefore;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    cpuPerRequest: cpuUsed / Math.max(1, result.requests.total),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * Median latency of one request at a time, timed in this process to a microsecond: autocannon
 * reports whole milliseconds, too coarse for a single small request.
 */
export async function sequentialMedian(
  subject: RunningSubject,
  workload: Workload,
  { seconds }: { seconds: number },
): Promise<number> {
  if (!workload.readOnly) throw new Error(`${workload.name} changes data; time a read`);
  const [step] = workload.steps(seededRandom(1));
  if (!step) throw new Error(`${workload.name} has no request`);
  const url = `${subject.baseUrl}${subject.definition.path(workload)}`;
  const durations: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: requestHeaders(subject, workload),
      body: requestBody(subject, workload, step.body({})),
    });
    await response.arrayBuffer();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return durations[Math.floor(durations.length / 2)] ?? Number.NaN;
}
