/**
 * Times one workload through the API in-process, with no HTTP and no load generator, so a CPU
 * profile shows only the API's own work:
 *
 *   node --cpu-prof --import tsx bench/profile.ts W3 30
 *
 * Uses the scale-0.1 benchmark database unless DATABASE_URL names another.
 */
import { createApp } from '../src/app.ts';
import { createDatabase } from '../src/db/client.ts';
import { workloads } from './lib/workloads.ts';

const [name = 'W3', count = '30'] = process.argv.slice(2);
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/bench_s0_1';
const workload = workloads({ users: 10_000, groups: 100 }).find((candidate) => candidate.name === name);
if (!workload) throw new Error(`no workload ${name}`);

const database = await createDatabase({ url: databaseUrl });
const app = createApp({ db: database.db });
const body = JSON.stringify({ query: workload.query, ...workload.body(Math.random) });
const run = async () => {
  const response = await app.fetch(
    new Request('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    }),
  );
  return (await response.text()).length;
};

for (let i = 0; i < 5; i += 1) await run();
const started = performance.now();
let bytes = 0;
for (let i = 0; i < Number(count); i += 1) bytes = await run();
console.log(
  `${name}: ${((performance.now() - started) / Number(count)).toFixed(1)} ms per request, ${bytes} bytes`,
);
await database.close();
