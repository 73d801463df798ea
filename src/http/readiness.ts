import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/client.ts';
import { pendingMigrations } from '../db/migrate.ts';

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
  const ready = async () => started() && !stopping() && (await pendingMigrations(db).catch(() => 1)) === 0;
  return [
    {
      // Not Yoga's useReadinessCheck: it tests every request's URL against a URLPattern
      // (a polyfill on Node 20), about 5% of the CPU a small mutation costs.
      onRequest({ url, endResponse, fetchAPI }) {
        if (url.pathname !== '/ready') return;
        return ready().then((isReady) =>
          endResponse(new fetchAPI.Response(null, { status: isReady ? 200 : 503 })),
        );
      },
    },
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
