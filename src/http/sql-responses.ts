import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import type { Context } from '../resolvers/context.ts';
import { isDatabaseUnavailable } from '../resolvers/errors.ts';
import { answerWithSql, compileSqlResponse, type SqlResponsePlan } from '../resolvers/sql-responses.ts';

/**
 * Answers queries PostgreSQL can build the whole response of (resolvers/sql-responses.ts) with
 * one statement, and sends its JSON text untouched; every other request, and any such request
 * the resolvers must answer after all, executes as before. Listed after the plugins that watch or
 * redirect execution (metrics, read replicas): they see these requests like any other.
 */
export function useSqlResponses(): Plugin<Context> {
  // Yoga hands over the same document for the same query text (its parse cache).
  const plans = new WeakMap<DocumentNode, Map<string, SqlResponsePlan | undefined>>();
  const planFor = ({ schema, document, operationName }: ExecutionArgs) => {
    let byOperation = plans.get(document);
    if (!byOperation) plans.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    if (!byOperation.has(key)) byOperation.set(key, compileSqlResponse(schema, document, operationName));
    return byOperation.get(key);
  };
  let logger: YogaLogger | undefined;
  // An outage is the resolvers' to report (SERVICE_UNAVAILABLE); any other failure is a statement
  // built wrong here, which the resolvers' answer would otherwise hide.
  const onStatementError = (error: unknown) => {
    if (!isDatabaseUnavailable(error))
      logger?.warn('A SQL-built response failed; the resolvers answered instead.', error);
  };
  return {
    onYogaInit({ yoga }) {
      logger = yoga.logger;
    },
    onExecute({ args, context, setResultAndStopExecution }) {
      const plan = planFor(args);
      if (!plan) return;
      return answerWithSql(plan, args.schema, args.variableValues, context, onStatementError).then((body) => {
        if (body !== undefined) setResultAndStopExecution(resultOf(body));
      });
    },
  };
}

/**
 * A result Yoga (or the direct path) sends as `body` by calling its own `stringify`; `data`
 * parses on demand, for a transport that reads it instead (graphql-ws). The first `stringify`
 * hands the body over and the result lets go of it: the result object stays reachable across
 * young-generation collections after its response has gone, and a body held that long is
 * promoted, then left to a full collection (about 40 kB per W1 request, 15% of its CPU; see
 * docs/performance.md).
 */
function resultOf(body: string): ExecutionResult {
  let unsent: string | undefined = body;
  let data: ExecutionResult['data'];
  return {
    get data() {
      if (data === undefined && unsent === undefined) throw sentAlready();
      data ??= (JSON.parse(unsent!) as ExecutionResult).data;
      return data;
    },
    stringify: () => {
      if (unsent === undefined) throw sentAlready();
      const sent = unsent;
      unsent = undefined;
      return sent;
    },
  } as ExecutionResult;
}

function sentAlready(): Error {
  return new Error('A SQL-built response was read after it had been sent.');
}
