import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Logger } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, type Histogram, Registry } from 'prom-client';
import type { ReplicaStatus } from '../db/replicas.ts';

/**
 * Prometheus metrics for one server: requests and latencies per operation from Yoga's plugin,
 * plus the SQL statements sent, which is what shows an N+1 in production. Each server gets its
 * own registry so several apps in one process (the tests) do not collide.
 */
export interface Metrics {
  registry: Registry;
  /**
   * Pass to createDatabase: counts every statement drizzle sends, per target (`primary`,
   * `replica-1`, …), which shows how reads spread over the replicas.
   */
  statementLogger(target?: string): Logger;
  /** Reports each replica's lag and whether reads may use it, read when /metrics is scraped. */
  watchReplicas(status: () => ReplicaStatus[]): void;
  /**
   * Records a request answered outside Yoga (direct-answers.ts): in Yoga's HTTP latency
   * histogram, with the labels its plugin gives, so dashboards see every request, and in a
   * count of its own, which shows how many requests skip Yoga's HTTP layer.
   */
  directAnswer(request: DirectAnswerLabels, seconds: number): void;
}

export interface DirectAnswerLabels {
  operationName: string | undefined;
  operationType: string;
  statusCode: number;
}

/** The histogram @graphql-yoga/plugin-prometheus registers (useMetrics below), by its name. */
const httpDurationMetric = 'graphql_yoga_http_duration';

export function createMetrics(): Metrics {
  const registry = new Registry();
  const statements = new Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent to the database, by target: primary, replica-1, …',
    labelNames: ['target'],
    registers: [registry],
  });
  const directAnswers = new Counter({
    name: 'graphql_direct_answers_total',
    help: 'Requests for operations already validated, answered without Yoga’s HTTP layer (also counted in graphql_yoga_http_duration).',
    registers: [registry],
  });
  return {
    registry,
    directAnswer({ operationName, operationType, statusCode }, seconds) {
      directAnswers.inc();
      const histogram = registry.getSingleMetric(httpDurationMetric) as Histogram | undefined;
      histogram?.observe(
        { operationName: operationName ?? 'Anonymous', operationType, method: 'POST', statusCode },
        seconds,
      );
    },
    statementLogger(target = 'primary') {
      const counter = statements.labels({ target });
      return { logQuery: () => counter.inc() };
    },
    watchReplicas(status) {
      new Gauge({
        name: 'db_replica_lag_seconds',
        help: "How old a read replica's data may be, as of its last check; absent while it is unreachable.",
        labelNames: ['target'],
        registers: [registry],
        collect() {
          this.reset();
          for (const replica of status()) {
            if (replica.lagSeconds !== undefined) this.set({ target: replica.name }, replica.lagSeconds);
          }
        },
      });
      new Gauge({
        name: 'db_replica_usable',
        help: 'Whether queries may read from the replica now (1) or it is skipped (0): down, or lagging beyond DATABASE_REPLICA_MAX_LAG.',
        labelNames: ['target'],
        registers: [registry],
        collect() {
          for (const replica of status()) this.set({ target: replica.name }, replica.usable ? 1 : 0);
        },
      });
    },
  };
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
