import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendNodeResponse } from '@whatwg-node/server';
import { type DocumentNode, type ExecutionResult, getOperationAST } from 'graphql';
import {
  type GraphQLParams,
  type Plugin,
  processRegularResult,
  type YogaInitialContext,
  type YogaServerInstance,
} from 'graphql-yoga';
import type { Context } from '../resolvers/context.ts';
import type { ServerContext } from './app.ts';
import { LRUCache } from 'lru-cache';
import type { Metrics } from './metrics.ts';
import { type TrustedDocuments, trustedOperationText } from './trusted-documents.ts';

type Yoga = YogaServerInstance<ServerContext, Context>;

type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** Yoga and the methods the direct path calls on it, read once. */
interface Served {
  yoga: Yoga;
  getEnveloped: Yoga['getEnveloped'];
  handleRequest: Yoga['handleRequest'];
  fetchAPI: Yoga['fetchAPI'];
}

/** An operation Yoga has parsed and validated, by its text and operation name. */
interface KnownOperation {
  /** As the request named it, for execution. */
  operationName: string | undefined;
  /** As the document names it (the request may not), for metrics. */
  name: string | undefined;
  type: 'query' | 'mutation';
}

export interface DirectAnswerOptions {
  endpoint: string;
  bodyBytes: number;
  started: () => boolean;
  trustedDocuments?: TrustedDocuments | undefined;
  /**
   * With read replicas, mutations go through Yoga: its read-replicas plugin puts the primary's
   * position after the write on the response (read-replicas.ts).
   */
  mutationsThroughYoga: boolean;
  metrics?: Metrics | undefined;
}

/** As many documents as Yoga's own parse and validation caches keep. */
const knownOperationsLimit = 1_000;

/**
 * The response types a request may get here, from the first type its Accept header names,
 * as Yoga chooses: none or any means JSON. A request for anything else goes to Yoga.
 */
const mediaTypes: Record<string, string> = {
  '': 'application/json',
  '*/*': 'application/json',
  'application/json': 'application/json',
  'application/graphql-response+json': 'application/graphql-response+json',
};

const requestKeys = new Set(['query', 'operationName', 'variables', 'extensions']);

/** As Yoga's Node adapter sends its responses (whatwg-node's default). */
const singleWriteHead = true;

const internalError = JSON.stringify({ errors: [{ message: 'Unexpected error.' }] });

/**
 * Answers repeated operations without Yoga's HTTP layer. A POST whose document Yoga has already
 * parsed and validated (every document it executes is remembered, so a client's second request
 * of an operation qualifies) skips the fetch-API Request and Response, the body parser, and the
 * parse and validation caches, which were about a third of a small request's CPU; it runs
 * through the same envelop pipeline as Yoga's requests and WebSocket operations (context and
 * authentication, graphql-jit, SQL-built responses, complexity limits, error masking, metrics),
 * with Yoga's own result processor for any response with errors.
 *
 * Everything else goes to Yoga untouched: other paths and methods, browsers (an Origin header:
 * CORS is Yoga's), event streams, bodies without a length or over the limit, batches, unknown
 * documents, and any request whose context cannot be built (a bad token's 401 is Yoga's to send).
 */
export class DirectAnswers {
  private readonly known = new LRUCache<string, Map<string, KnownOperation>>({ max: knownOperationsLimit });

  constructor(private readonly options: DirectAnswerOptions) {}

  /**
   * Remembers each operation Yoga (or the WebSocket transport) executes after validating it, by
   * the text it was parsed from: never by what the request claims, which may differ (a trusted
   * document's hash beside some other query).
   */
  plugin(): Plugin {
    const sources = new WeakMap<DocumentNode, string>();
    return {
      onParse:
        ({ params: { source } }) =>
        ({ result }) => {
          if (result && !(result instanceof Error))
            sources.set(result, typeof source === 'string' ? source : source.body);
        },
      onExecute: ({ args }) => {
        const source = sources.get(args.document);
        const name = args.operationName ?? '';
        if (source === undefined || this.known.get(source)?.has(name)) return;
        const operation = getOperationAST(args.document, args.operationName);
        const type = operation?.operation;
        if (type !== 'query' && type !== 'mutation') return;
        const byName = this.known.get(source) ?? new Map<string, KnownOperation>();
        byName.set(name, {
          operationName: args.operationName ?? undefined,
          name: operation?.name?.value,
          type,
        });
        this.known.set(source, byName);
      },
    };
  }

  /** The Node request handler: known operations answered here, everything else by `yoga`. */
  handler(yoga: Yoga): NodeHandler {
    // Once: the server adapter is a Proxy that binds its methods on every read.
    const served: Served = {
      yoga,
      getEnveloped: yoga.getEnveloped,
      handleRequest: yoga.handleRequest,
      fetchAPI: yoga.fetchAPI,
    };
    return (request, response) => {
      const mediaType = this.mediaTypeFor(request);
      if (!mediaType) return void yoga(request, response);
      const started = Date.now();
      readBody(request)
        .then((body) => this.answer(served, request, response, { body, mediaType, started }))
        .catch((error: unknown) => {
          // The client went away mid-request: nothing to answer, and nothing wrong here.
          if (request.destroyed && !request.complete)
            return yoga.logger.debug('A request was aborted.', error);
          // Execution reports its errors in the result, so this is a broken connection or a bug.
          yoga.logger.error('A request answered outside Yoga failed.', error);
          if (response.headersSent) response.destroy();
          else
            response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(internalError);
        });
    };
  }

  /** The response's media type when the request may be answered here, from its headers alone. */
  private mediaTypeFor(request: IncomingMessage): string | undefined {
    const { headers } = request;
    const length = Number(headers['content-length']);
    if (
      request.method !== 'POST' ||
      request.url !== this.options.endpoint ||
      headers.origin !== undefined ||
      !headers['content-type']?.toLowerCase().startsWith('application/json') ||
      !(length <= this.options.bodyBytes) ||
      !this.options.started()
    ) {
      return undefined;
    }
    const [firstAccepted = '', ...parameters] = (headers.accept?.split(',')[0] ?? '')
      .toLowerCase()
      .split(';');
    // Yoga refuses a charset other than UTF-8 (406): it is Yoga's to answer.
    const charset = parameters.find((parameter) => parameter.trim().startsWith('charset='));
    if (charset && !/^charset="?utf-?8"?$/.test(charset.trim())) return undefined;
    return mediaTypes[firstAccepted.trim()];
  }

  private async answer(
    { yoga, getEnveloped, fetchAPI, handleRequest }: Served,
    request: IncomingMessage,
    response: ServerResponse,
    { body, mediaType, started }: { body: Buffer; mediaType: string; started: number },
  ): Promise<void> {
    const params = paramsOf(body);
    const known = params && this.knownOperation(params);
    if (!params?.query || !known || (known.type === 'mutation' && this.options.mutationsThroughYoga)) {
      return replay({ fetchAPI, handleRequest }, request, response, body);
    }
    const fetchRequest = new fetchAPI.Request(urlOf(request), {
      method: 'POST',
      headers: headersOf(request),
    });
    const { parse, execute, contextFactory, schema } = getEnveloped({
      request: fetchRequest,
      req: request,
      params,
    });
    // From Yoga's parse cache. Parsing through the pipeline also lets its plugins see the
    // operation as on Yoga's path: the metrics plugin takes its error counter's labels here.
    const document = parse(params.query);
    let contextValue: unknown;
    try {
      contextValue = await contextFactory();
    } catch {
      // Nothing has run yet: Yoga answers, with the status the error asks for (a bad token's 401).
      return replay({ fetchAPI, handleRequest }, request, response, body);
    }
    let status = 200;
    try {
      const result = (await execute({
        schema,
        document,
        operationName: known.operationName,
        variableValues: params.variables,
        contextValue,
      })) as ExecutionResult;
      if (result.errors || result.extensions) {
        // Yoga's own result processor: the same status, headers and error shapes as through Yoga.
        const answered = processRegularResult(result, fetchAPI, mediaType);
        status = answered.status;
        await sendNodeResponse(answered, response, request, singleWriteHead);
      } else {
        // Unbound, as Yoga calls it: graphql-jit's and the SQL-built responses' stringify.
        const stringify =
          (result as { stringify?: (result: ExecutionResult) => string }).stringify ?? JSON.stringify;
        const text = stringify(result);
        response.writeHead(200, {
          'content-type': `${mediaType}; charset=utf-8`,
          'content-length': Buffer.byteLength(text),
        });
        response.end(text);
      }
    } catch (error) {
      status = 500;
      throw error;
    } finally {
      this.options.metrics?.directAnswer(
        { operationName: known.name, operationType: known.type, statusCode: status },
        (Date.now() - started) / 1000,
      );
    }
  }

  private knownOperation(params: GraphQLParams): KnownOperation | undefined {
    // Yoga's rules for which text runs (trusted-documents.ts); a refusal is Yoga's to send.
    const text = trustedOperationText(this.options.trustedDocuments, params);
    if (typeof text !== 'string') return undefined;
    // A trusted document runs by its text, which is what Yoga remembered it by.
    params.query = text;
    return this.known.get(text)?.get(params.operationName ?? '');
  }
}

const urlOf = (request: IncomingMessage) => `http://${request.headers.host ?? 'localhost'}${request.url}`;

// whatwg-node's Headers take Node's headers as they are (its own adapter passes them so), arrays
// of repeated headers included, though the type says a record of strings.
const headersOf = (request: IncomingMessage) => request.headers as Record<string, string>;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

/** The GraphQL request in a JSON body, when it has the shape Yoga accepts; undefined otherwise. */
function paramsOf(body: Buffer): GraphQLParams | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const params = parsed as Record<string, unknown>;
  const isObject = (value: unknown) => value == null || (typeof value === 'object' && !Array.isArray(value));
  const fits =
    Object.keys(params).every((key) => requestKeys.has(key)) &&
    (params['query'] === undefined || typeof params['query'] === 'string') &&
    (params['operationName'] == null || typeof params['operationName'] === 'string') &&
    isObject(params['variables']) &&
    isObject(params['extensions']);
  return fits ? (params as GraphQLParams) : undefined;
}

/** Hands a request whose body has been read to Yoga, as if it had come straight there. */
async function replay(
  { fetchAPI, handleRequest }: Pick<Served, 'fetchAPI' | 'handleRequest'>,
  request: IncomingMessage,
  response: ServerResponse,
  body: Buffer,
): Promise<void> {
  const replayed = new fetchAPI.Request(urlOf(request), {
    method: request.method,
    headers: headersOf(request),
    // The bytes as read, undecoded. A socket's buffers are never shared memory, which is all
    // the type's ArrayBufferLike leaves open.
    body: body as Uint8Array<ArrayBuffer>,
  });
  const answered = await handleRequest(replayed, { req: request, res: response });
  await sendNodeResponse(answered, response, request, singleWriteHead);
}
