import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { statementName } from './prepared.ts';

/**
 * plugin-drizzle hands drizzle a fresh relational query config on every request, and drizzle
 * assembled that config's SQL and row mapper from scratch each time: about a sixth of the
 * server's CPU on a small read (W2). Two requests that select the same fields differ only in the
 * values their filters compare with. So every `db.query.<table>.findFirst/findMany` here is
 * keyed by its config with those values taken out; the first request of a shape prepares the
 * query with placeholders in their place, and later ones execute that with their own values.
 *
 * A config holding anything but plain data (a function, SQL, a Date) is built as before: its
 * shape cannot be told from its text.
 */
export const maxPlansPerDb = 1000;

/**
 * Plans are sent as named prepared statements (unless DATABASE_PREPARED_STATEMENTS is off), so
 * PostgreSQL parses and plans each once per connection: W2's throughput rose by a quarter over
 * unnamed ones. node-postgres keeps a connection's statements as long as the connection, and
 * clients choose the shapes, so only this many shapes get a name; later ones run unnamed.
 */
export const maxNamedPlans = 200;
/**
 * Of those, shapes comparing with a list of values (`id in (…)`), which make one shape per list
 * length: a gateway batches as many IDs as it has gathered, and would use up every name.
 */
export const maxNamedListPlans = 50;
const namedPlans = new Set<string>();
let namedListPlans = 0;

/** The key of a config and the filter values to execute it with, by placeholder name. */
interface Shape {
  key: string;
  values: Record<string, unknown>;
}

/** The parts of drizzle's relational query (pg-core/async/query.ts) this file uses. */
interface RelationalQuery {
  config: unknown;
  mode: 'first' | 'many';
  tableConfig: { name: string };
  execute(placeholderValues?: Record<string, unknown>): Promise<unknown>;
  prepare(name: string): PreparedQuery;
}

interface PreparedQuery {
  execute(placeholderValues: Record<string, unknown>): Promise<unknown>;
}

type RelationalQueryClass = new (...args: never[]) => RelationalQuery;

const notPlannable = Symbol('not plannable');

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Walks a query config in a fixed order. `onValue` sees each value that is a parameter of the
 * SQL and returns what a copy holds in its place; `key` receives the config's text with every
 * such value left out. Returns the copy when `rebuild` (else the value itself), or `notPlannable`.
 */
function walkConfig(
  value: unknown,
  isParameter: boolean,
  onValue: (value: string | number) => unknown,
  key: string[],
  rebuild: boolean,
): unknown {
  switch (typeof value) {
    case 'string':
    case 'number':
      if (isParameter) {
        key.push('?');
        return onValue(value);
      }
      key.push(JSON.stringify(value));
      return value;
    case 'boolean':
      key.push(value ? 'T' : 'F');
      return value;
    case 'undefined':
      key.push('U');
      return value;
    case 'object': {
      if (value === null) {
        key.push('N');
        return value;
      }
      if (Array.isArray(value)) {
        key.push('[');
        // Only a miss needs the copy; a hit only reads the key and the values.
        const copy: unknown[] | undefined = rebuild ? [] : undefined;
        for (const item of value) {
          const walked = walkConfig(item, isParameter, onValue, key, rebuild);
          if (walked === notPlannable) return notPlannable;
          copy?.push(walked);
          key.push(',');
        }
        key.push(']');
        return copy ?? value;
      }
      if (!isPlainObject(value)) return notPlannable;
      key.push('{');
      const copy: Record<string, unknown> | undefined = rebuild ? {} : undefined;
      for (const name in value) {
        key.push(name, ':');
        // Every string or number under `where` is a value compared with a column: `{ id: 1 }`,
        // `{ id: { gt: 1 } }`, `{ id: { in: [1, 2] } }`, also nested under OR, AND, NOT and
        // relation names (isNull and relation filters take booleans). Limits and offsets are
        // parameters too. Everything else (selected columns and relations, orderings) is shape.
        const childIsParameter = isParameter || name === 'where' || name === 'limit' || name === 'offset';
        const walked = walkConfig(value[name], childIsParameter, onValue, key, rebuild);
        if (walked === notPlannable) return notPlannable;
        if (copy) copy[name] = walked;
        key.push(';');
      }
      key.push('}');
      return copy ?? value;
    }
    default:
      return notPlannable;
  }
}

function shapeOf(query: RelationalQuery): Shape | undefined {
  const values: Record<string, unknown> = {};
  const key = [query.tableConfig.name, '.', query.mode, ' '];
  let next = 0;
  const walked = walkConfig(query.config, false, (value) => (values[`p${next++}`] = value), key, false);
  return walked === notPlannable ? undefined : { key: key.join(''), values };
}

/**
 * One name per shape in every db, as its SQL is one text; '' (unnamed) past the budgets above.
 * Every statement whose shape a client chooses takes its name here, so they share the budgets.
 */
export function planName(key: string): string {
  const name = `plan_${createHash('sha1').update(key).digest('base64url')}`;
  if (!namedPlans.has(name)) {
    // Only a list of values puts a placeholder first in an array (walkConfig).
    const comparesWithList = key.includes('[?');
    if (namedPlans.size >= maxNamedPlans) return '';
    if (comparesWithList && namedListPlans >= maxNamedListPlans) return '';
    namedPlans.add(name);
    if (comparesWithList) namedListPlans += 1;
  }
  return statementName(name);
}

function withPlaceholders(config: unknown): unknown {
  let next = 0;
  return walkConfig(config, false, () => sql.placeholder(`p${next++}`), [], true);
}

/**
 * Makes every relational query of `db` go through its plans: `db.query.<table>` builds its
 * queries from a class drizzle keeps in a field of its own, which this swaps for a subclass.
 * Transactions make their own `query` objects and keep building every query.
 */
export function planRelationalQueries<Database extends Db>(db: Database): Database {
  const plans = new Map<string, PreparedQuery>();
  for (const tableQueries of Object.values(db.query)) {
    // `builder` is private in drizzle's types (query-builders/query.ts); the cast reaches it.
    const holder = tableQueries as unknown as { builder: RelationalQueryClass };
    holder.builder = plannedQueries(holder.builder, plans);
  }
  return db;
}

function plannedQueries(Base: RelationalQueryClass, plans: Map<string, PreparedQuery>): RelationalQueryClass {
  return class PlannedRelationalQuery extends Base {
    // Awaiting a query calls execute() with no values: that is where a plan is used.
    override execute(placeholderValues?: Record<string, unknown>): Promise<unknown> {
      const shape = placeholderValues === undefined ? shapeOf(this) : undefined;
      if (!shape) return super.execute(placeholderValues);
      let plan = plans.get(shape.key);
      if (plan === undefined) {
        this.config = withPlaceholders(this.config);
        plan = this.prepare(planName(shape.key));
        if (plans.size >= maxPlansPerDb) plans.delete(plans.keys().next().value!);
        plans.set(shape.key, plan);
      }
      return plan.execute(shape.values);
    }
  };
}
