import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { FetchAPI, Plugin, YogaInitialContext } from 'graphql-yoga';

/** Limits on the request itself, checked while it is read, parsed and validated: before any SQL. */
export interface RequestLimits {
  bodyBytes: number;
  tokens: number;
  aliases: number;
  directives: number;
}

export const defaultRequestLimits: RequestLimits = {
  bodyBytes: 100_000,
  tokens: 5_000,
  aliases: 30,
  directives: 50,
};

/** graphql-armor's errors carry no code; this reports the same message with ours instead. */
function reportWithCode(context: ValidationContext | null, error: GraphQLError): void {
  const coded = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
    extensions: { code: 'QUERY_TOO_LARGE' },
  });
  // Token counting happens while parsing, where there is no validation context to report to.
  if (!context) throw coded;
  context.reportError(coded);
}

function bodyTooLarge(limit: number): GraphQLError {
  return new GraphQLError(`The request body is over ${limit} bytes.`, {
    extensions: { code: 'REQUEST_TOO_LARGE', http: { status: 413 } },
  });
}

/** The request with a body that fails once more than `limit` bytes have been read. */
function withCountedBody(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  let bytesRead = 0;
  // A Request built in-process (app.fetch) has a native stream, which only pipes through a
  // native TransformStream; one from Yoga's HTTP adapter has the ponyfill's.
  const Transform =
    request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  const counted = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        if (bytesRead > limit) controller.error(bodyTooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    // @ts-expect-error -- `duplex` is required by fetch for a streamed body but missing from RequestInit's types.
    duplex: 'half',
  });
}

/**
 * The body limit. A declared Content-Length is checked on arrival, and HTTP framing holds the
 * body to it, so only a body sent without one (chunked) is counted as it is read. Yoga's own
 * limit (turned off in app.ts) wraps every body in a counting stream, which cost a small
 * mutation about 6% of its CPU.
 */
export function useBodyLimit(limit: number): Plugin {
  const tooLarge = JSON.stringify({
    errors: [{ message: bodyTooLarge(limit).message, extensions: { code: 'REQUEST_TOO_LARGE' } }],
  });
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if ((declaredLength(request) ?? 0) > limit) {
        endResponse(
          new fetchAPI.Response(tooLarge, { status: 413, headers: { 'content-type': 'application/json' } }),
        );
      }
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (declaredLength(request) !== undefined || !request.body || !requestParser) return;
      setRequestParser((unlimited) => requestParser(withCountedBody(unlimited, limit, fetchAPI)));
    },
  };
}

/** The body's length as its Content-Length declares it; undefined when absent or not one plain number. */
function declaredLength(request: Request): number | undefined {
  const header = request.headers.get('content-length');
  return header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
}

export function useRequestLimits(limits: RequestLimits, { production }: { production: boolean }): Plugin[] {
  const armor = { propagateOnRejection: false, onReject: [reportWithCode] };
  return [
    useBodyLimit(limits.bodyBytes),
    maxTokensPlugin<YogaInitialContext>({ n: limits.tokens, ...armor }),
    maxAliasesPlugin<YogaInitialContext>({ n: limits.aliases, ...armor }),
    maxDirectivesPlugin<YogaInitialContext>({ n: limits.directives, ...armor }),
    // "Did you mean …?" maps out a schema for someone who may not see it; GraphiQL and
    // introspection serve developers.
    ...(production ? [blockFieldSuggestionsPlugin<YogaInitialContext>()] : []),
  ];
}
