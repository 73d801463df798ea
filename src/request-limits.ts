import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';

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

export function useRequestLimits(limits: RequestLimits, { production }: { production: boolean }): Plugin[] {
  const armor = { propagateOnRejection: false, onReject: [reportWithCode] };
  const tooLarge = JSON.stringify({
    errors: [
      {
        message: `The request body is over ${limits.bodyBytes} bytes.`,
        extensions: { code: 'REQUEST_TOO_LARGE' },
      },
    ],
  });
  return [
    {
      onRequest({ request, endResponse, fetchAPI }) {
        if (Number(request.headers.get('content-length') ?? 0) > limits.bodyBytes) {
          endResponse(
            new fetchAPI.Response(tooLarge, { status: 413, headers: { 'content-type': 'application/json' } }),
          );
        }
      },
    },
    maxTokensPlugin<YogaInitialContext>({ n: limits.tokens, ...armor }),
    maxAliasesPlugin<YogaInitialContext>({ n: limits.aliases, ...armor }),
    maxDirectivesPlugin<YogaInitialContext>({ n: limits.directives, ...armor }),
    // "Did you mean …?" maps out a schema for someone who may not see it; GraphiQL and
    // introspection serve developers.
    ...(production ? [blockFieldSuggestionsPlugin<YogaInitialContext>()] : []),
  ];
}
