import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/client.ts';
import { parseWalPosition, type ReplicaSet } from '../db/replicas.ts';
import { type Context, readingFrom } from '../resolvers/context.ts';

/**
 * Sent with every mutation's response: the primary's WAL position after the write. A client that
 * sends it back on later requests reads its own writes: those requests read from a replica only
 * once it has replayed that far, and from the primary until then.
 */
export const databasePositionHeader = 'X-Database-Position';

/**
 * Routes queries to read replicas. Mutations, their payloads, and subscriptions stay on the
 * primary: the payload is read in the same operation as the write, and a replica would not have
 * it yet. A query reads from a replica that is up and within DATABASE_REPLICA_MAX_LAG, and that
 * has replayed the X-Database-Position the client sent, if any; otherwise from the primary.
 */
export function useReadReplicas(replicas: ReplicaSet<Db>): Plugin<Context> {
  const writes = new WeakSet<Request>();
  return {
    onExecute({ args, extendContext, setResultAndStopExecution }) {
      const { request, viewerId } = args.contextValue as Context & { request: Request };
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation === 'mutation') writes.add(request);
      if (operation !== 'query') return;
      const sent = request.headers.get(databasePositionHeader);
      const after = sent === null ? undefined : parseWalPosition(sent);
      if (sent !== null && after === undefined) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `The ${databasePositionHeader} header must be a position such as 0/16B3748, sent back as a mutation's response gave it; got "${sent.slice(0, 40)}".`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            ),
          ],
        });
        return;
      }
      const replica = replicas.pick(after);
      if (replica) extendContext(readingFrom(replica.db, viewerId));
    },
    async onResponse({ request, response }) {
      if (!writes.has(request)) return;
      try {
        response.headers.set(databasePositionHeader, await replicas.position());
      } catch {
        // The primary went away after the write; the response still says what happened to it.
      }
    },
  };
}
