import autocannon from 'autocannon';
import { requestBody, requestHeaders, type RunningSubject } from './subjects.ts';
import { seededRandom, type Workload } from './workloads.ts';

export interface LoadResult {
  requestsPerSecond: number;
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
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
