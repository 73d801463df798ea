/**
 * How the runner asks PostGraphile (bench/baselines/postgraphile.ts): its own documents, from
 * bench/workloads/postgraphile/, with the API's variables turned into the ones a PostGraphile
 * client would send; and, for the data check only, its answers turned into the API's.
 *
 * The documents are what a PostGraphile user writes against the generated schema: connections
 * with `nodes`, pg-many-to-many's fields for both directions of users_to_groups, `orderBy:
 * ROW_ID_ASC` for the API's id order. They alias fields to the API's names (free at run time),
 * so what is left to reshape is IDs and connections:
 *
 * - PostGraphile's node IDs are base64 of JSON `["User",1]`, the API's base64 of `User:1`. W2
 *   sends the group's node ID; W4 and W5 send row ids, which PostGraphile's inputs take.
 * - A connection of which only `nodes` is selected is, in the API, a plain list.
 * - W5: users_by_row_ids (bench/baselines/postgraphile-setup.sql) skips ids without a user,
 *   where the API's nodes(ids:) answers null in place. The adapter puts the null back; it never
 *   reorders, so an order that differs from the API's still fails the check. A Group ID would be
 *   null here and `{}` in the API; the workload sends only user IDs.
 *
 * None of this reshaping is timed: timed requests send the documents as they are, and only the
 * data check calls adaptPostgraphileAnswer.
 */
import { readFileSync } from 'node:fs';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphqlRequest } from './subjects.ts';
import type { RequestBody, Workload } from './workloads.ts';

// W6 is not one of them: PostGraphile has no member filters without a plugin (workloads.ts).
const documents = new Map<Workload['name'], string>(
  (['W1', 'W2', 'W3', 'W4', 'W5'] as const).map((name) => [
    name,
    readFileSync(new URL(`../workloads/postgraphile/${name.toLowerCase()}.graphql`, import.meta.url), 'utf8'),
  ]),
);

/** The row id in an API global ID of the given type; null for any other. */
function rowId(type: 'User' | 'Group', globalId: unknown): number | null {
  if (typeof globalId !== 'string') return null;
  const { typename, id } = decodeGlobalID(globalId);
  return typename === type && Number.isInteger(Number(id)) ? Number(id) : null;
}

/** The node ID PostGraphile gives the row the API's global ID names. */
function nodeId(globalId: unknown): string | null {
  if (typeof globalId !== 'string') return null;
  const { typename, id } = decodeGlobalID(globalId);
  return Buffer.from(JSON.stringify([typename, Number(id)])).toString('base64');
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** PostGraphile's variables for the API's. */
function variablesFor(workload: Workload, variables: Record<string, unknown> = {}): Record<string, unknown> {
  switch (workload.name) {
    case 'W2':
      return { groupId: nodeId(variables['groupId']) };
    case 'W4': {
      const input = variables['input'];
      return {
        input: {
          userId: rowId('User', field(input, 'userId')),
          groupId: rowId('Group', field(input, 'groupId')),
        },
      };
    }
    case 'W5': {
      const ids = Array.isArray(variables['ids']) ? (variables['ids'] as unknown[]) : [];
      // A Group's ID matches no user: null, which users_by_row_ids skips.
      return { rowIds: ids.map((id) => rowId('User', id)) };
    }
    default:
      return variables;
  }
}

export function postgraphileRequest(workload: Workload, body: RequestBody): GraphqlRequest {
  return {
    query: documents.get(workload.name),
    operationName: body.operationName,
    variables: body.variables && variablesFor(workload, body.variables),
  };
}

/** The API's global ID for a PostGraphile node ID. */
function apiId(postgraphileId: string): string {
  const [typename, id] = JSON.parse(Buffer.from(postgraphileId, 'base64').toString('utf8')) as [
    string,
    number,
  ];
  return encodeGlobalID(typename, id);
}

/** IDs and `{ nodes }` connections into the API's form; everything else as it is, keys in order. */
function reshape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reshape);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only?.[0] === 'nodes' && Array.isArray(only[1])) return reshape(only[1]);
  return Object.fromEntries(
    entries.map(([key, child]) => [
      key,
      key === 'id' && typeof child === 'string' ? apiId(child) : reshape(child),
    ]),
  );
}

/**
 * Null in place of each requested ID that PostGraphile skipped. It never reorders: users out of
 * the requested order, or ones not requested, come back as they are and fail the check.
 */
function withNulls(users: unknown, requested: unknown): unknown {
  if (!Array.isArray(users) || !Array.isArray(requested)) return users;
  let next = 0;
  const placed = requested.map((id) => (field(users[next], 'id') === id ? users[next++] : null));
  return next === users.length ? placed : users;
}

export function adaptPostgraphileAnswer(answer: unknown, workload: Workload, body: RequestBody): unknown {
  const reshaped = reshape(answer);
  if (workload.name !== 'W5') return reshaped;
  const data = field(reshaped, 'data');
  return {
    ...(reshaped as object),
    data: { ...(data as object), nodes: withNulls(field(data, 'nodes'), body.variables?.['ids']) },
  };
}
