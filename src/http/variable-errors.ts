import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * Variables that do not fit the operation (a value of the wrong type, an unknown enum value, a
 * required one missing) fail the request before any field runs, with errors that carry no path
 * and no code. They are the client's input, so they get BAD_USER_INPUT like every other input
 * the API refuses. A document that does not validate keeps GRAPHQL_VALIDATION_FAILED.
 */
export function useVariableErrorCodes(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (isAsyncIterable(result) || !result.errors?.some(isVariableError)) return;
        setResult({
          ...result,
          errors: result.errors.map((error) =>
            // graphql-jit reports these without an extensions object, so each is rebuilt.
            isVariableError(error)
              ? new GraphQLError(error.message, {
                  nodes: error.nodes,
                  extensions: { code: 'BAD_USER_INPUT' },
                })
              : error,
          ),
        });
      },
    }),
  };
}

function isVariableError(error: GraphQLError): boolean {
  return error.path === undefined && error.extensions?.['code'] === undefined;
}
