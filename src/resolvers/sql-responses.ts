import { complexityFromQuery } from '@pothos/plugin-complexity';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type DocumentNode,
  getArgumentValues,
  getVariableValues,
  isAbstractType,
  print,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import {
  aliasName,
  type ArgumentReader,
  connectionPageSize,
  type FieldContext,
  objectFields,
  type ObjectTypeName,
  rootFields,
  type RowTypes,
  tables,
} from './sql-response-fields.ts';
import type { Db } from '../db/client.ts';
import { prepareRows } from '../db/prepared.ts';
import { planName } from '../db/read-plans.ts';
import type { Context } from './context.ts';
import { integerKeyOf } from './input.ts';
import { checkBatchSize } from './batch.ts';

/**
 * Compiles a query made only of fields PostgreSQL can answer (sql-response-fields.ts) into one
 * statement that returns the whole response as JSON text, so the server neither parses rows nor
 * serializes a result: on a large read that was about half of its CPU. Compiled once per
 * document; each request only binds its argument values.
 */

/** Where a parameter's value comes from: one field's arguments, read when the request runs. */
export interface ParameterSource {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
  read: ArgumentReader;
}

export interface SqlResponsePlan {
  /** Selects `body` (the response's JSON text) and `complete` (false when a lookup by ID missed). */
  query: SQL;
  /** By placeholder name (`p0`, `p1`, …). */
  parameters: ReadonlyMap<string, ParameterSource>;
  /** The operation alone with its fragments, to measure its complexity as the resolvers do. */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The statement's name: one per operation text (see planName). */
  name: string;
}

/** Thrown while compiling a selection the resolvers have to answer. */
class NotAnswerable extends Error {}

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
      operation,
      name: planName(`response ${print(alone)}`),
    };
  } catch (error) {
    if (error instanceof NotAnswerable) return undefined;
    throw error;
  }
}

// json_build_object takes at most 100 arguments: a key and a value per field.
const maxFieldsPerObject = 50;

class Compiler {
  readonly parameters = new Map<string, ParameterSource>();
  private aliases = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  operation(operation: OperationDefinitionNode): SQL {
    if (operation.directives?.length) throw new NotAnswerable();
    const queryType = this.schema.getQueryType()!;
    const lookups: string[] = [];
    const roots: SQL[] = [];
    const entries = [...this.collectFields(queryType, [operation.selectionSet])].map(([key, nodes]) => {
      const node = nodes[0]!;
      const name = node.name.value;
      if (name === '__typename') return [key, sql.raw(`'${queryType.name}'`)] as const;
      const answer = rootFields[name];
      const field = queryType.getFields()[name];
      if (!answer || !field) throw new NotAnswerable();
      this.checkArguments(node, answer.arguments);
      // Each root field is a column of one row, so a lookup is both in the body and in `complete`.
      const column = `root_${roots.length}`;
      if (answer.kind === 'connection') {
        roots.push(
          sql`${this.connection(answer.type, answer.typename, field, nodes)} as ${sql.identifier(column)}`,
        );
      } else {
        roots.push(
          sql`${this.lookups(answer.kind, answer.types, field, nodes)} as ${sql.identifier(column)}`,
        );
        if (answer.kind === 'lookup' && answer.missIsError) lookups.push(column);
      }
      return [key, sql`roots.${sql.identifier(column)}`] as const;
    });
    // A lookup that misses is answered by the resolvers, which add the NOT_FOUND error.
    const complete = lookups.length
      ? sql.join(
          lookups.map((column) => sql`roots.${sql.identifier(column)} is not null`),
          sql` and `,
        )
      : sql`true`;
    const from = roots.length ? sql.join(roots, sql`, `) : sql`1`;
    return sql`select json_build_object('data', ${buildObject(entries)})::text as body, ${complete} as complete
      from (select ${from}) roots`;
  }

  /**
   * Rows by global ID, of any of `types`: the JSON of the one asked for (`lookup`, SQL null when
   * no row has it), or a JSON array with one entry per ID in the order given (`batch`, null where
   * none). Each ID is one primary-key probe into its type's table.
   */
  private lookups(
    kind: 'lookup' | 'batch',
    types: readonly ObjectTypeName[],
    field: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
  ): SQL {
    const argument = kind === 'lookup' ? 'id' : 'ids';
    const typenames = this.parameter(field, nodes[0]!, (args) =>
      wantedIds(args[argument], types).map((id) => id.typename),
    );
    const keys = this.parameter(field, nodes[0]!, (args) =>
      wantedIds(args[argument], types).map((id) => id.key),
    );
    const rows = types.map((type) => ({ type, row: this.alias(type) }));
    const joins = rows.map(
      ({ type, row }) => sql`left join lateral (select * from ${tables[type]}
        where wanted.typename = ${sql.raw(`'${type}'`)} and ${tables[type].id} = wanted.key limit 1) ${aliasName(row)} on true`,
    );
    const element = sql`case ${sql.join(
      rows.map(({ type, row }) => sql`when ${row.id} is not null then ${this.selection(type, row, nodes)}`),
      sql` `,
    )} end`;
    const from = sql`from unnest(${typenames}::text[], ${keys}::int[]) with ordinality as wanted(typename, key, position)
      ${sql.join(joins, sql` `)}`;
    return kind === 'lookup'
      ? sql`(select ${element} ${from})`
      : sql`(select coalesce(json_agg(${element} order by wanted.position), '[]') ${from})`;
  }

  /** The first page of a whole table, ordered by ID, with only `edges { node }` selected. */
  private connection(
    type: ObjectTypeName,
    typename: string,
    field: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
  ): SQL {
    const connectionType = this.schema.getType(typename) as GraphQLObjectType;
    const edgeTypename = typename.replace(/Connection$/, 'Edge');
    const row = this.alias(type);
    const limit = this.parameter(field, nodes[0]!, connectionPageSize);
    const entries = [
      ...this.collectFields(
        connectionType,
        nodes.map((node) => node.selectionSet!),
      ),
    ].map(([key, edgesNodes]) => {
      const name = edgesNodes[0]!.name.value;
      if (name === '__typename') return [key, sql.raw(`'${typename}'`)] as const;
      if (name !== 'edges') throw new NotAnswerable();
      this.checkArguments(edgesNodes[0]!, []);
      const edgeType = this.schema.getType(edgeTypename) as GraphQLObjectType;
      const edge = [
        ...this.collectFields(
          edgeType,
          edgesNodes.map((node) => node.selectionSet!),
        ),
      ].map(([edgeKey, nodeNodes]) => {
        const edgeField = nodeNodes[0]!.name.value;
        if (edgeField === '__typename') return [edgeKey, sql.raw(`'${edgeTypename}'`)] as const;
        if (edgeField !== 'node') throw new NotAnswerable();
        return [edgeKey, this.selection(type, row, nodeNodes)] as const;
      });
      return [
        key,
        sql`(select coalesce(json_agg(${buildObject(edge)} order by ${row.id}), '[]')
            from (select * from ${tables[type]} order by ${tables[type].id} limit ${limit}) ${aliasName(row)})`,
      ] as const;
    });
    return buildObject(entries);
  }

  /** The JSON object for the merged selection of `nodes` on a row of `type`. */
  private selection<Type extends ObjectTypeName>(
    type: Type,
    row: RowTypes[Type],
    nodes: readonly FieldNode[],
  ): SQL {
    const objectType = this.schema.getType(type) as GraphQLObjectType;
    const answers = objectFields[type] as Record<string, (typeof objectFields)[Type][string]>;
    const entries = [
      ...this.collectFields(
        objectType,
        nodes.map((node) => node.selectionSet!),
      ),
    ].map(([key, fieldNodes]) => {
      const node = fieldNodes[0]!;
      const answer = answers[node.name.value];
      if (!answer) throw new NotAnswerable();
      this.checkArguments(node, answer.arguments);
      const field = objectType.getFields()[node.name.value]!;
      const context: FieldContext = {
        select: (nestedType, nestedRow) => this.selection(nestedType, nestedRow, fieldNodes),
        alias: (nestedType) => this.alias(nestedType),
        parameter: (read) => this.parameter(field, node, read),
      };
      return [key, answer.sql(row, context)] as const;
    });
    return buildObject(entries);
  }

  /**
   * The fields of a selection by response key, in the order graphql-js writes them, merged
   * across fragments. Fragments apply when their type condition is the type or an interface of
   * it; directives (@skip, @include, anything else) leave the query to the resolvers.
   */
  private collectFields(
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
    fields = new Map<string, FieldNode[]>(),
    visited = new Set<string>(),
  ): Map<string, FieldNode[]> {
    for (const selectionSet of selectionSets) {
      for (const selection of selectionSet.selections) {
        if (selection.directives?.length) throw new NotAnswerable();
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const merged = fields.get(key);
          if (merged) merged.push(selection);
          else fields.set(key, [selection]);
          continue;
        }
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
        if (!fragment) throw new NotAnswerable();
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          if (visited.has(selection.name.value)) continue;
          visited.add(selection.name.value);
        }
        if (fragment.directives?.length) throw new NotAnswerable();
        if (!this.applies(fragment.typeCondition?.name.value, type)) continue;
        this.collectFields(type, [fragment.selectionSet], fields, visited);
      }
    }
    if (fields.size > maxFieldsPerObject) throw new NotAnswerable();
    return fields;
  }

  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private checkArguments(node: FieldNode, allowed: readonly string[]): void {
    if (node.arguments?.some((argument) => !allowed.includes(argument.name.value))) throw new NotAnswerable();
  }

  private alias<Type extends ObjectTypeName>(type: Type): RowTypes[Type] {
    this.aliases += 1;
    return alias(tables[type], `${type.toLowerCase()}_${this.aliases}`) as RowTypes[Type];
  }

  private parameter(field: GraphQLField<unknown, unknown>, node: FieldNode, read: ArgumentReader): SQL {
    const name = `p${this.parameters.size}`;
    this.parameters.set(name, { field, node, read });
    return sql`${sql.placeholder(name)}`;
  }
}

function buildObject(entries: readonly (readonly [string, SQL])[]): SQL {
  // Response keys are GraphQL names ([_A-Za-z][_0-9A-Za-z]*): safe as literals.
  return sql`json_build_object(${sql.join(
    entries.map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`),
    sql`, `,
  )})`;
}

/**
 * The IDs a lookup (`id`) or batch (`ids`) asks for, decoded as the resolvers decode them; throws
 * for a malformed ID, one of another type, or a batch larger than they take.
 */
function wantedIds(value: unknown, types: readonly ObjectTypeName[]): { typename: string; key: number }[] {
  const ids = checkBatchSize(Array.isArray(value) ? value : [value]);
  return ids.map((id) => {
    const decoded = decodeGlobalID(String(id));
    const key = integerKeyOf(decoded.id);
    if (!types.includes(decoded.typename as ObjectTypeName) || key === undefined) throw new RangeError('id');
    return { typename: decoded.typename, key };
  });
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
): Promise<string | undefined> {
  const coerced = getVariableValues(schema, plan.operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  const values: Record<string, unknown> = {};
  try {
    const { complexity, depth, breadth } = complexityFromQuery(plan.document, {
      schema,
      variables: coerced.coerced,
      ctx: context,
    });
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
    .catch(() => undefined);
  const [body, complete] = (rows?.[0] ?? []) as [string?, boolean?];
  return complete ? body : undefined;
}
