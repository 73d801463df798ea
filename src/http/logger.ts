import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAsyncIterable, type Plugin, type YogaLogger } from 'graphql-yoga';
import { type DestinationStream, pino, type Logger } from 'pino';
import type { ServerContext } from './app.ts';

/**
 * Lines are written to stdout in batches of at least 4 kB, or every quarter second, whichever
 * comes first, and whatever is left when the process exits: a write per request's line was about
 * a sixth of the server's CPU on a small write (W4, with autocannon: 0.42 → 0.34 ms per request).
 */
const stdout = { dest: 1, sync: false, minLength: 4096, periodicFlush: 250 };

/** Structured JSON logs (pino); lines about a request carry its id (withRequestLogging). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level }, destination ?? pino.destination(stdout));
}

/** The id of each request being served, by its Node request. */
const requestIds = new WeakMap<IncomingMessage, string>();

/**
 * The errors of each execution's result, by the id of its request. Yoga logs the original of an
 * error it masks with nothing but the error in hand, so the error carries the id to the line.
 * Not an AsyncLocalStorage: its promise hooks slow every promise once a store is entered, about
 * 8% of the CPU of a small write (W4, 0.54 → 0.50 ms per request; docs/performance.md).
 */
const errorRequestIds = new WeakMap<object, string>();

/** Files each error of an execution's result under its request's id; listed before masking runs. */
export function useRequestIdsOnErrors(): Plugin<ServerContext> {
  return {
    onExecute({ args }) {
      const request = (args.contextValue as ServerContext).req;
      const requestId = request && requestIds.get(request);
      if (requestId === undefined) return;
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result)) return;
          for (const error of result.errors ?? []) errorRequestIds.set(error, requestId);
        },
      };
    },
  };
}

/** Yoga's logger interface over pino: Yoga logs masked errors and warnings through it. */
export function yogaLogger(logger: Logger): YogaLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) {
        const requestId = errorRequestIds.get(first);
        logger[level](
          { err: first, ...(requestId && { requestId }) },
          rest.map(String).join(' ') || first.message,
        );
      } else
        logger[level](args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * Wraps the HTTP handler: takes the caller's X-Request-Id (a gateway's, say) or makes one,
 * echoes it in the response, files it for the request's errors and logs one line when done.
 */
export function withRequestLogging(
  logger: Logger,
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const given = request.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    response.setHeader('x-request-id', requestId);
    requestIds.set(request, requestId);
    const started = performance.now();
    response.once('finish', () =>
      logger.info(
        {
          requestId,
          method: request.method,
          path: request.url?.split('?')[0],
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      ),
    );
    handle(request, response);
  };
}
