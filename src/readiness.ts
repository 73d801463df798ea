import { type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { Db } from './db/client.ts';
import { pendingMigrations } from './db/migrate.ts';

/**
 * `/ready` for orchestrators: 200 once the database answers and every migration is applied,
 * 503 otherwise, and 503 again once shutdown has begun so load balancers stop sending requests.
 * `/health` (Yoga's own) only says the process is up.
 */
export function useReadiness(db: Db, started: () => boolean, stopping: () => boolean): Plugin[] {
  const serviceUnavailable = JSON.stringify({
    errors: [
      {
        message: 'The database is not available yet. Try again in a few seconds.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    ],
  });
  return [
    useReadinessCheck({
      endpoint: '/ready',
      check: async () => started() && !stopping() && (await pendingMigrations(db).catch(() => 1)) === 0,
    }),
    {
      // Until the database has been reached and migrated, answer at once instead of queueing
      // requests behind a connection that is not there.
      onRequest({ url, endResponse, fetchAPI }) {
        if (started() || url.pathname === '/health' || url.pathname === '/ready') return;
        endResponse(
          new fetchAPI.Response(serviceUnavailable, {
            status: 503,
            headers: { 'content-type': 'application/json', 'retry-after': '5' },
          }),
        );
      },
    },
  ];
}
