import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Logger } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import { Counter, Registry } from 'prom-client';

/**
 * Prometheus metrics for one server: requests and latencies per operation from Yoga's plugin,
 * plus the SQL statements sent, which is what shows an N+1 in production. Each server gets its
 * own registry so several apps in one process (the tests) do not collide.
 */
export interface Metrics {
  registry: Registry;
  /** Pass to createDatabase: counts every statement drizzle sends. */
  statementLogger: Logger;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const statements = new Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent to the database.',
    registers: [registry],
  });
  return { registry, statementLogger: { logQuery: () => statements.inc() } };
}

export const metricsEndpoint = '/metrics';

export function useMetrics(metrics: Metrics): Plugin {
  return usePrometheus({
    registry: metrics.registry,
    endpoint: metricsEndpoint,
    // The URL would repeat the host in every series; the operation name says what ran.
    labels: { url: false },
    // Each metric costs every request some work (about 10% of a small mutation's throughput for
    // the request counter alone), so only what dashboards and alerts use: errors, and HTTP
    // latency per operation, whose histogram _count is also the request count.
    metrics: {
      graphql_envelop_request: false,
      graphql_envelop_error_result: true,
      graphql_yoga_http_duration: true,
      graphql_envelop_request_duration: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
    },
  });
}
