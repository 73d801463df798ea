import autocannon from 'autocannon';
import { requestBody, requestHeaders, type RunningSubject } from './subjects.ts';
import { seededRandom, type Workload } from './workloads.ts';

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
    requests: [
      {
        method: 'POST',
        path: subject.definition.path(workload),
        headers: requestHeaders(subject, workload),
        body: requestBody(subject, workload, random),
        // Only W4 changes per request; the read workloads send one fixed body.
        ...(workload.readOnly
          ? {}
          : { setupRequest: (request) => ({ ...request, body: requestBody(subject, workload, random) }) }),
      },
    ],
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
  const random = seededRandom(1);
  const url = `${subject.baseUrl}${subject.definition.path(workload)}`;
  const durations: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: requestHeaders(subject, workload),
      body: requestBody(subject, workload, random),
    });
    await response.arrayBuffer();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return durations[Math.floor(durations.length / 2)] ?? Number.NaN;
}
