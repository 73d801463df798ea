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
 * The server's V8 settings, each applied unless the command line names the flag: `node
 * --heap-growing-percent=0 dist/server.js` restores V8's own growth policy, `node
 * --flush-bytecode dist/server.js` its bytecode flushing. Set at start-up, they take effect from
 * the first full collection on.
 *
 * Bytecode flushing: V8 drops the compiled code of a function that has not run through five full
 * collections, and compiles and optimizes it again from scratch when it next runs. A server that
 * serves one operation now and then (a mutation among reads) paid that on every burst: in
 * `npm run bench`, where each subject's W4 turn comes after a round of reads, the API's CPU per
 * mutation was 0.62–1.07 ms (0.43–0.73 on the main thread, 0.14–0.23 on V8's other threads,
 * where it optimizes), against 0.38–0.42 ms (0.28–0.31 and 0.03–0.07) in runs of W4 alone.
 * With flushing off, in a second such run (`npx tsx bench/run.ts --subjects api,dataloader
 * --rounds 3`): 0.49–0.70 ms. The price is memory: the bytecode of every function the server has
 * run stays.
 */
export function applyV8Settings(): void {
  const settings = [`--heap-growing-percent=${heapGrowingPercent}`, '--no-flush-bytecode'];
  for (const setting of settings) {
    const name = setting.replace(/^--(no-)?/, '').split('=')[0]!;
    if (!process.execArgv.some((option) => option.includes(name))) setFlagsFromString(setting);
  }
}
