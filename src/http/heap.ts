import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent: 50 means
 * the next full collection starts at 1.5 × the live heap.
 *
 * By default V8 picks the factor from how little time GC has been taking, up to 4 ×. Under a
 * load like W3 (16 responses of about 400 kB in flight, each built from parsed JSON) objects
 * live long enough to be promoted, the live heap stays near 45 MB, and V8 let the old
 * generation fill to about 200 MB before collecting it: 300 MB of peak RSS. At 50 % the same
 * load peaked at 190 MB with the same throughput and CPU (autocannon on W3 at scale 1,
 * alternating runs; npm run bench: 189 MiB against the DataLoader baseline's 219). It is a
 * growth policy, not a cap: a heap that needs more still gets it.
 */
export const heapGrowingPercent = 50;

/**
 * Applies heapGrowingPercent unless the command line chose a value (`node
 * --heap-growing-percent=0 dist/server.js` restores V8's own policy). Set at start-up, it takes
 * effect from the first full collection on.
 */
export function limitHeapGrowth(): void {
  if (!process.execArgv.some((option) => option.includes('heap-growing-percent'))) {
    setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
  }
}
