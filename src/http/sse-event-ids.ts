import type { Plugin } from 'graphql-yoga';

/** A result as Yoga serializes it: with its own `stringify` when graphql-jit compiled one. */
interface Serializable {
  data?: unknown;
  stringify?: (result: never) => string;
}

/** The `cursor` a subscription result carries at its root field, if it selected one. */
function cursorOf(result: Serializable): string | undefined {
  for (const value of Object.values((result.data ?? {}) as Record<string, unknown>)) {
    const cursor = (value as { cursor?: unknown } | null)?.cursor;
    if (typeof cursor === 'string' && /^[\w-]+$/.test(cursor)) return cursor;
  }
  return undefined;
}

/** The result, serialized with an `id:` line after its data when it carries a cursor. */
function withEventId<Result extends Serializable>(result: Result): Result {
  const cursor = cursorOf(result);
  if (cursor === undefined) return result;
  const stringify = (result.stringify ?? JSON.stringify) as (result: Result) => string;
  return { ...result, stringify: (serialized: Result) => `${stringify(serialized)}\nid: ${cursor}` };
}

/**
 * Gives each SSE event the `id:` of the cursor it carries, so a browser's EventSource that
 * reconnects on its own sends it back as `Last-Event-ID` and resumes where it was (the context
 * reads that header). Yoga writes each result as `data: <stringified result>` and no id; the id
 * line is appended to the result's own serialization.
 */
export function useSseEventIds(): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      // Only SSE has event IDs; multipart responses (Accept: multipart/mixed) must stay JSON.
      if (!result || !(Symbol.asyncIterator in result)) return;
      if (!request.headers.get('accept')?.includes('text/event-stream')) return;
      const results = result[Symbol.asyncIterator]();
      setResult({
        [Symbol.asyncIterator]: () => ({
          next: () =>
            results.next().then((step) => (step.done ? step : { ...step, value: withEventId(step.value) })),
          // Passed on, so a client that leaves ends the subscription beneath.
          return: () => results.return?.() ?? Promise.resolve({ done: true as const, value: undefined }),
        }),
      });
    },
  };
}
