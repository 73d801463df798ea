/**
 * Times one workload through the API in-process, with no HTTP and no load generator, so a CPU
 * profile shows only the API's own work:
 *
 *   node --cpu-prof --import tsx bench/profile.ts W3 30
 *
 * Uses the scale-0.1 benchmark database unless DATABASE_URL names another.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createApp } from '../src/http/app.ts';
import { createAuthenticator, signToken } from '../src/http/authentication.ts';
import { createDatabase } from '../src/db/client.ts';
import { users } from '../src/db/schema.ts';
import { benchAdminEmail } from './seed.ts';
import { type Pass, workloads } from './lib/workloads.ts';

const [name = 'W3', count = '30'] = process.argv.slice(2);
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/bench_s0_1';
const workload = workloads({ users: 10_000, groups: 100 }).find((candidate) => candidate.name === name);
if (!workload) throw new Error(`no workload ${name}`);

const database = await createDatabase({ url: databaseUrl });
const secret = randomBytes(32).toString('base64url');
const app = createApp({ db: database.db, authenticate: createAuthenticator({ secret }) });
// W4 signs in as the bench admin, as bench/run.ts does; the token's check is part of the profile.
const headers: Record<string, string> = { 'content-type': 'application/json' };
if (workload.signedIn) {
  const [admin] = await database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, benchAdminEmail));
  if (!admin) throw new Error('no bench admin: seed the database again with npm run bench:seed');
  headers['authorization'] = `Bearer ${await signToken(secret, admin.id)}`;
}
// W4 goes through its passes (add a pair, then remove it), as the load generator does.
const steps = workload.steps(Math.random);
let pass: Pass = {};
let next = 0;
const run = async () => {
  if (next === 0) pass = {};
  const step = steps[next]!;
  next = (next + 1) % steps.length;
  const body = JSON.stringify({ query: workload.query, ...step.body(pass) });
  const response = await app.fetch(new Request('http://bench/graphql', { method: 'POST', headers, body }));
  const text = await response.text();
  step.onAnswer?.(JSON.parse(text), pass);
  return text.length;
};

for (let i = 0; i < 5; i += 1) await run();
const started = performance.now();
let bytes = 0;
for (let i = 0; i < Number(count); i += 1) bytes = await run();
console.log(
  `${name}: ${((performance.now() - started) / Number(count)).toFixed(1)} ms per request, ${bytes} bytes`,
);
await database.close();
