import type { IncomingMessage, Server } from 'node:http';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import type { OperationResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from './app.ts';
import { type TrustedDocuments, trustedOperationText } from './trusted-documents.ts';

/** Sockets the server pings every so often, closing those that stop answering. */
const keepAliveMs = 12_000;

/**
 * The WebSocket handshake cannot carry an Authorization header from a browser, so a graphql-ws
 * client sends it in its connection parameters (`{ Authorization: "Bearer …" }`), and GraphiQL
 * sends the headers typed in its Headers tab with each operation. The context is made from a
 * Request carrying whichever was given, exactly as for HTTP.
 */
function requestOf(
  upgrade: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  operationHeaders: unknown,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(upgrade.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  for (const given of [connectionParams, operationHeaders]) {
    if (typeof given !== 'object' || given === null) continue;
    for (const [name, value] of Object.entries(given)) {
      if (name.toLowerCase() === 'authorization' && typeof value === 'string')
        headers.set('authorization', value);
    }
  }
  return new Request(`http://${upgrade.headers.host ?? 'localhost'}${upgrade.url ?? '/'}`, { headers });
}

/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the app's own endpoint, beside SSE. Each
 * operation goes through the same envelop pipeline as an HTTP request (parsing limits, masking,
 * the same context), so both transports answer alike.
 */
export function serveWebSockets(
  server: Server,
  app: App,
  trustedDocuments?: TrustedDocuments | undefined,
): { close(): Promise<void> } {
  const sockets = new WebSocketServer({ server, path: app.graphqlEndpoint });
  const graphqlWs = useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        // Trusted documents hold here as over HTTP: by hash, and in `require` mode only by hash.
        const text = trustedOperationText(trustedDocuments, params);
        if (text instanceof GraphQLError) return [text];
        const request = requestOf(ctx.extra.request, ctx.connectionParams, params.extensions?.['headers']);
        // The plugins see the text that runs, as Yoga's persisted-operations plugin shows them.
        const { schema, execute, subscribe, contextFactory, parse, validate } = app.getEnveloped({
          request,
          req: ctx.extra.request,
          params: { ...params, query: text },
        });
        const document = parse(text);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        let contextValue: unknown;
        try {
          contextValue = await contextFactory();
        } catch (error) {
          // A bad token: the client hears why, as it would over HTTP, and the socket stays open.
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables,
          contextValue,
          rootValue: { execute, subscribe } satisfies Enveloped,
        };
        return args;
      },
    },
    sockets,
    keepAliveMs,
  );
  return {
    // Closes every socket with 1001 (going away): graphql-ws clients reconnect, to another instance.
    close: () => Promise.resolve(graphqlWs.dispose()),
  };
}

/** The envelop pipeline's own execute and subscribe, handed to graphql-ws through rootValue. */
interface Enveloped {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}
