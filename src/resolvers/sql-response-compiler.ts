import { decodeGlobalID } from '@pothos/plugin-relay';
import { type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type ASTNode,
  BREAK,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  isAbstractType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';
import { checkBatchSize } from './batch.ts';
import { integerKeyOf } from './input.ts';
import {
  aliasName,
  type ArgumentReader,
  connectionPageSize,
  type FieldContext,
  objectFields,
  type ObjectTypeName,
  rootFields,
  type RowTypes,
  type Selected,
  tables,
} from './sql-response-fields.ts';

/**
 * Turns an operation's selection into the SQL that builds its response as JSON
 * (sql-responses.ts compiles and runs it): one `json_build_object` per selected object, a
 * lateral join per list beside the row that owns it, response keys in the order graphql-js
 * writes them.
 */

/** Where a parameter's value comes from: one field's arguments, read when the request runs. */
export interface ParameterSource {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
  read: ArgumentReader;
}

/** Thrown while compiling a selection the resolvers have to answer. */
export class NotAnswerable extends Error {}

// json_build_object takes at most 100 arguments: a key and a value per field.
const maxFieldsPerObject = 50;

export class Compiler {
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
    // `offset 0` keeps PostgreSQL from pulling the subquery up into the outer select, which
    // copies each root's expression to every place that names it: a lookup, named in the body
    // and in `complete`, ran twice, and W2 took 3.5× the floor's time in the database.
    return sql`select json_build_object('data', ${buildObject(entries)})::text as body, ${complete} as complete
      from (select ${from} offset 0) roots`;
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
    const node = nodes[0]!;
    // One ID is one row of scalars, not an unnested array: PostgreSQL can only guess an array's
    // length, so with arrays its plan without the values looked 100 times dearer than with them,
    // and it planned the statement afresh on every execution (W2: 0.41 → 0.25 ms in PostgreSQL).
    const wanted =
      kind === 'lookup'
        ? sql`(select ${this.parameter(field, node, (args) => wantedId(args['id'], types).typename)}::text,
          ${this.parameter(field, node, (args) => wantedId(args['id'], types).key)}::int) as wanted(typename, key)`
        : sql`unnest(${this.parameter(field, node, (args) =>
            wantedIds(args['ids'], types).map((id) => id.typename),
          )}::text[], ${this.parameter(field, node, (args) =>
            wantedIds(args['ids'], types).map((id) => id.key),
          )}::int[]) with ordinality as wanted(typename, key, position)`;
    const rows = types.map((type) => ({ type, row: this.alias(type) }));
    const joins = rows.map(
      ({ type, row }) => sql`left join lateral (select * from ${tables[type]}
        where wanted.typename = ${sql.raw(`'${type}'`)} and ${tables[type].id} = wanted.key limit 1) ${aliasName(row)} on true`,
    );
    const selections = rows.map(({ type, row }) => this.selection(type, row, nodes));
    const element = sql`case ${sql.join(
      rows.map(({ row }, index) => sql`when ${row.id} is not null then ${selections[index]!.json}`),
      sql` `,
    )} end`;
    // A type's selection reads from joins on its row; for a row of another type (all nulls) they
    // find nothing, at the cost of one index probe.
    const from = sql`from ${wanted}
      ${sql.join(
        joins.map((join, index) => sql`${join} ${selections[index]!.joins}`),
        sql` `,
      )}`;
    return kind === 'lookup'
      ? sql`(select ${element} ${from})`
      : sql`(select coalesce(json_agg(${element} order by wanted.position), '[]') ${from})`;
  }

  /**
   * The first page of a whole table in ID order, as plugin-drizzle's connection answers it: one
   * row past the page tells `hasNextPage`, a page without `after` has no previous page, and a
   * cursor is base64 of `DC:N:<id>` (@pothos/core's encodeCursorChunk).
   */
  private connection(
    type: ObjectTypeName,
    typename: string,
    field: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
  ): SQL {
    const row = this.alias(type);
    const table = tables[type];
    const first = this.parameter(field, nodes[0]!, connectionPageSize);
    const onPage = sql`${aliasName(row)}.page_position <= ${first}`;
    const cursorOf = (id: unknown) => sql`encode(convert_to('DC:N:' || ${id}, 'UTF8'), 'base64')`;
    const pageInfo: Record<string, SQL> = {
      hasNextPage: sql`count(*) > ${first}`,
      hasPreviousPage: sql`false`,
      startCursor: cursorOf(sql`min(${row.id}) filter (where ${onPage})`),
      endCursor: cursorOf(sql`max(${row.id}) filter (where ${onPage})`),
    };
    const nodeJoins: SQL[] = [];
    const connection = this.fixedObject(typename, nodes, (name, fieldNodes) => {
      if (name === 'totalCount') return sql`(select count(*)::int from ${table})`;
      if (name === 'pageInfo') return this.fixedObject('PageInfo', fieldNodes, (info) => pageInfo[info]);
      if (name !== 'edges') return undefined;
      const edge = this.fixedObject(
        typename.replace(/Connection$/, 'Edge'),
        fieldNodes,
        (edgeField, nodeNodes) => {
          if (edgeField === 'cursor') return cursorOf(row.id);
          if (edgeField !== 'node') return undefined;
          const selected = this.selection(type, row, nodeNodes);
          nodeJoins.push(selected.joins);
          return selected.json;
        },
      );
      return sql`coalesce(json_agg(${edge} order by ${row.id}) filter (where ${onPage}), '[]')`;
    });
    // `group by ()`: one row even when the table has none, as aggregates alone would give; a
    // selection without one (only `totalCount`) would otherwise make the connection null.
    return sql`(select ${connection} from (select *, row_number() over (order by ${table.id}) as page_position
      from ${table} order by ${table.id} limit ${first} + 1) ${aliasName(row)} ${sql.join(nodeJoins, sql` `)} group by ())`;
  }

  /** An object of `typename` whose every field `answer` gives (undefined: one it cannot), without arguments. */
  private fixedObject(
    typename: string,
    nodes: readonly FieldNode[],
    answer: (field: string, nodes: FieldNode[]) => SQL | undefined,
  ): SQL {
    const type = this.schema.getType(typename) as GraphQLObjectType;
    const entries = [
      ...this.collectFields(
        type,
        nodes.map((node) => node.selectionSet!),
      ),
    ].map(([key, fieldNodes]) => {
      this.checkArguments(fieldNodes[0]!, []);
      const name = fieldNodes[0]!.name.value;
      const value = name === '__typename' ? sql.raw(`'${typename}'`) : answer(name, fieldNodes);
      if (!value) throw new NotAnswerable();
      return [key, value] as const;
    });
    return buildObject(entries);
  }

  /** The JSON object for the merged selection of `nodes` on a row of `type`, and its joins. */
  private selection<Type extends ObjectTypeName>(
    type: Type,
    row: RowTypes[Type],
    nodes: readonly FieldNode[],
  ): Selected {
    const joins: SQL[] = [];
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
        beside: (query) => {
          this.aliases += 1;
          const name = sql.identifier(`beside_${this.aliases}`);
          joins.push(sql`cross join lateral (${query}) ${name}`);
          return sql`${name}.value`;
        },
      };
      return [key, answer.sql(row, context)] as const;
    });
    return { json: buildObject(entries), joins: sql.join(joins, sql` `) };
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

  /**
   * The value `read` takes from the field's arguments: a constant when the document fixes them
   * (literals and defaults, no variable) and the value is an integer, a parameter otherwise. A
   * page size as a parameter hides how many rows a LIMIT keeps, so PostgreSQL planned such a
   * statement on every execution; written into the SQL, it plans it once per connection.
   */
  private parameter(field: GraphQLField<unknown, unknown>, node: FieldNode, read: ArgumentReader): SQL {
    if (!node.arguments?.some((argument) => containsVariable(argument.value))) {
      let value: unknown;
      try {
        value = read(getArgumentValues(field, node));
      } catch {
        // The resolvers refuse this argument on every request; they answer it.
        throw new NotAnswerable();
      }
      if (Number.isSafeInteger(value)) return sql.raw(String(value));
    }
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

/** Whether a variable appears anywhere in `node`. */
export function containsVariable(node: ASTNode): boolean {
  let found = false;
  visit(node, {
    Variable() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/** The ID a lookup asks for, as wantedIds decodes it. */
function wantedId(value: unknown, types: readonly ObjectTypeName[]): { typename: string; key: number } {
  return wantedIds([value], types)[0]!;
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
