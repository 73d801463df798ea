import { complexityFromQuery } from '@pothos/plugin-complexity';
import type { SQL } from 'drizzle-orm';
import {
  BREAK,
  type DocumentNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getVariableValues,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  print,
  visit,
} from 'graphql';
import type { Db } from '../db/client.ts';
import { prepareRows } from '../db/prepared.ts';
import { planName } from '../db/read-plans.ts';
import type { Context } from './context.ts';
import { complexityArguments } from './limits.ts';
import { Compiler, containsVariable, NotAnswerable, type ParameterSource } from './sql-response-compiler.ts';

/**
 * Compiles a query made only of fields PostgreSQL can answer (sql-response-fields.ts) into one
 * statement that returns the whole response as JSON text, so the server neither parses rows nor
 * serializes a result: on a large read that was about half of its CPU. Compiled once per
 * document; each request only binds its argument values.
 */

export interface SqlResponsePlan {
  /** Selects `body` (the response's JSON text) and `complete` (false when a lookup by ID missed). */
  query: SQL;
  /** By placeholder name (`p0`, `p1`, …). */
  parameters: ReadonlyMap<string, ParameterSource>;
  /** The operation alone with its fragments, to measure its complexity as the resolvers do. */
  document: DocumentNode;
  /** Whether a variable sets an argument the complexity depends on; if not, it is measured once. */
  costVaries: boolean;
  operation: OperationDefinitionNode;
  /** The statement's name: one per operation text (see planName). */
  name: string;
}

/**
 * The plan for `operationName` in `document`, or undefined when some part of it needs the
 * resolvers (a field not in sql-response-fields.ts, a directive, a mutation).
 */
export function compileSqlResponse(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): SqlResponsePlan | undefined {
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((definition) => definition.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (operation?.operation !== 'query') return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  try {
    const compiler = new Compiler(schema, fragments);
    const query = compiler.operation(operation);
    const alone: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] };
    return {
      query,
      parameters: compiler.parameters,
      document: alone,
      costVaries: costVariesIn(alone),
      operation,
      name: planName(`response ${print(alone)}`),
    };
  } catch (error) {
    if (error instanceof NotAnswerable) return undefined;
    throw error;
  }
}

/** Whether a variable sets, at any depth of its value, an argument the complexity depends on. */
function costVariesIn(document: DocumentNode): boolean {
  const names = new Set<string>(complexityArguments);
  let varies = false;
  visit(document, {
    Argument(argument) {
      if (!names.has(argument.name.value) || !containsVariable(argument.value)) return undefined;
      varies = true;
      return BREAK;
    },
  });
  return varies;
}

/** The cost of each plan whose cost no variable changes, measured at its first request. */
const fixedCosts = new WeakMap<SqlResponsePlan, ReturnType<typeof complexityFromQuery>>();

function costOf(
  plan: SqlResponsePlan,
  schema: GraphQLSchema,
  variables: Record<string, unknown>,
  context: Context,
): ReturnType<typeof complexityFromQuery> {
  const fixed = fixedCosts.get(plan);
  if (fixed) return fixed;
  const cost = complexityFromQuery(plan.document, { schema, variables, ctx: context });
  if (!plan.costVaries) fixedCosts.set(plan, cost);
  return cost;
}

// Weak both ways: a plan lives as long as Yoga caches its document, a db as long as its pool.
const statements = new WeakMap<SqlResponsePlan, WeakMap<Db, ReturnType<typeof prepareRows>>>();

function statementOf(db: Db, plan: SqlResponsePlan): ReturnType<typeof prepareRows> {
  let byDb = statements.get(plan);
  if (!byDb) statements.set(plan, (byDb = new WeakMap()));
  let statement = byDb.get(db);
  if (!statement) byDb.set(db, (statement = prepareRows(db, plan.query, plan.name)));
  return statement;
}

/**
 * The response to a request for `plan`, as JSON text; undefined when the resolvers must answer
 * it: a variable or argument they would refuse, a query over the limits, a lookup by ID that
 * missed (they add its NOT_FOUND), a database error (they report it as they report any other).
 * So every error a client sees comes from one place.
 */
export async function answerWithSql(
  plan: SqlResponsePlan,
  schema: GraphQLSchema,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  context: Context,
  onStatementError?: (error: unknown) => void,
): Promise<string | undefined> {
  const coerced = getVariableValues(schema, plan.operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  const values: Record<string, unknown> = {};
  try {
    const { complexity, depth, breadth } = costOf(plan, schema, coerced.coerced, context);
    const limits = context.queryLimits;
    if (complexity > limits.complexity || depth > limits.depth || breadth > limits.breadth) return undefined;
    for (const [name, { field, node, read }] of plan.parameters) {
      values[name] = read(getArgumentValues(field, node, coerced.coerced));
    }
  } catch {
    return undefined;
  }
  const rows = await statementOf(context.db, plan)
    .execute(values)
    .catch((error: unknown) => {
      onStatementError?.(error);
      return undefined;
    });
  const [body, complete] = (rows?.[0] ?? []) as [string?, boolean?];
  return complete ? body : undefined;
}
