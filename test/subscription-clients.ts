import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';

export type Transport = 'sse' | 'ws';

/** A subscription held open by a real client, collecting what the server sends. */
export interface Subscription<Result> {
  /** Every result received so far, in order. */
  results: ExecutionResult<Result>[];
  /** Settles when the server completes the stream (or the client fails). */
  ended: Promise<void>;
  /** Ends the subscription from the client's side. */
  stop(): Promise<void>;
}

/**
 * Subscribes with the graphql-sse client (distinct connections, as Yoga serves it) or the
 * graphql-ws client. Neither retries: each test decides itself when to subscribe again.
 */
export function subscribe<Result, Variables extends Record<string, unknown>>(
  transport: Transport,
  origin: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  { headers = {}, byHash = false }: { headers?: Record<string, string>; byHash?: boolean } = {},
): Subscription<Result> {
  const results: ExecutionResult<Result>[] = [];
  // By hash, as a frontend with trusted documents sends it: the document's ID from codegen.
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash?.replace('sha256:', '');
  const payload = byHash
    ? { query: '', variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
    : { query: print(document), variables };
  let dispose: () => void = () => {};
  let stopClient: () => Promise<void> = async () => {};
  const ended = new Promise<void>((resolve) => {
    const sink = {
      next: (result: ExecutionResult<Result>) => void results.push(result),
      error: (error: unknown) => {
        // graphql-ws reports a refused operation as its GraphQL errors; anything else is a
        // transport failure. Either is recorded like a result, beside the others.
        const errors = Array.isArray(error)
          ? error
          : [{ message: error instanceof Error ? error.message : String(error) }];
        results.push({ errors } as unknown as ExecutionResult<Result>);
        resolve();
      },
      complete: () => resolve(),
    };
    if (transport === 'sse') {
      const client = createSseClient({ url: `${origin}/graphql`, headers, retryAttempts: 0 });
      dispose = client.subscribe<Result>(payload, sink);
      stopClient = async () => client.dispose();
    } else {
      const client = createWsClient({
        url: `${origin.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: headers,
        retryAttempts: 0,
      });
      dispose = client.subscribe<Result>(payload, sink);
      stopClient = async () => client.dispose();
    }
  });
  return {
    results,
    ended,
    async stop() {
      dispose();
      await stopClient();
    },
  };
}

/** Waits until `condition` holds, checking every few milliseconds; fails after `timeoutMs`. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}
