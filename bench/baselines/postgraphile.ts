/**
 * Subject: PostGraphile v5 (amber preset) with @graphile-contrib/pg-many-to-many, the schema
 * generated from the same database, served by grafserv on node:http. PostGraphile plans each
 * request with Grafast and compiles it to SQL itself; nothing here writes a resolver.
 *
 *   node bench/baselines/.build-postgraphile.mjs   (PORT, DATABASE_URL, DATABASE_POOL_SIZE)
 *
 * as the runner starts it, from the bundle of this file it makes first (bench/lib/bundle.ts).
 *
 * The runner sends PostGraphile's own documents (bench/workloads/postgraphile/), with the
 * variables a PostGraphile client would send; bench/lib/postgraphile.ts maps the API's variables
 * to them and reshapes answers for the data check. PostGraphile sends one prepared statement per
 * level of the query (W1 2, W2 2, W3 3), each level for all parents at once.
 *
 * What the workloads need beyond the generated schema is in postgraphile-setup.sql, which runs at
 * start-up and adds SQL functions in a schema of their own, postgraphile_bench (the project's
 * migrations stay as drizzle-kit wrote them). W4: the generated createUsersToGroup fails on an
 * existing pair (unique violation), which W4 re-adds; the generated delete fails on a pair that
 * is not a membership; v5 has no upsert. So, as PostGraphile's docs suggest for custom writes,
 * two volatile functions become the mutations addMember and removeMember: add_member inserts with
 * ON CONFLICT DO NOTHING and remove_member deletes, each answering whether it changed anything,
 * as the API's do. W5 needs users by a list of ids, which PostGraphile has no field for (node(id:)
 * takes one), so a stable set-returning function, users_by_row_ids, becomes the root connection
 * usersByRowIds. Like the other baselines: no authorization, no RLS.
 *
 * Production settings: no GraphiQL, no GET, no schema watching, no explain, GRAPHILE_ENV=production
 * (set by the runner). The pool is the size every subject gets and counts its statements for
 * /metrics (createCountingPool). Node 20 needs node20.ts.
 */
// First, so PostGraphile finds what it needs from Node 22 (see node20.ts).
import './node20.ts';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { PgManyToManyPreset } from '@graphile-contrib/pg-many-to-many';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { createCountingPool, isMetricsRequest, readBaselineConfig, sendMetrics, serve } from './shared.ts';

const config = readBaselineConfig();
const db = createCountingPool(config);

await db.pool.query(readFileSync(new URL('./postgraphile-setup.sql', import.meta.url), 'utf8'));

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset, PgManyToManyPreset],
  pgServices: [makePgService({ pool: db.pool, schemas: ['public', 'postgraphile_bench'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, graphqlOverGET: false, watch: false },
  grafast: { explain: false },
});
// Builds the schema now, so the server is ready when it says it listens.
await pgl.getSchema();
const serv = pgl.createServ(grafserv);
// createHandler rather than addTo, so /metrics is answered before grafserv's own 404. Its
// deprecation is about websockets, which no workload uses.
const handler = serv.createHandler();

serve(
  createServer((request, response) => {
    if (isMetricsRequest(request)) sendMetrics(db, response);
    else handler(request, response);
  }),
  {
    // The pool is ours (passed to makePgService), so PostGraphile's release leaves it open.
    close: async () => {
      await pgl.release();
      await db.close();
    },
  },
  config.port,
);
