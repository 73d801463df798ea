import type { SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Statements that run on every signed-in request (the membership writes, the viewer's access
 * loaders) are built from drizzle's query builder once per Db and then executed with new
 * parameters: assembling the SQL from the builder took about a quarter of the server's CPU under
 * a write load, and only the parameters differ between two requests.
 *
 * Built per Db, never at module level: a prepared query belongs to the db (pool, PGlite instance
 * or transaction) it was prepared on, and tests and transactions swap that object.
 */
export function perDb<Statements>(build: (db: Db) => Statements): (db: Db) => Statements {
  const built = new WeakMap<Db, Statements>();
  return (db) => {
    let statements = built.get(db);
    if (statements === undefined) {
      statements = build(db);
      built.set(db, statements);
    }
    return statements;
  };
}

/**
 * Whether these statements are sent as named prepared statements: node-postgres then parses and
 * plans each once per connection (and executes it by name afterwards). PGlite ignores the name.
 *
 * The one switch for it, DATABASE_PREPARED_STATEMENTS. PgBouncer in transaction mode before
 * 1.21 does not track named statements: the next transaction may run on a server connection that
 * never saw the Parse ("prepared statement … does not exist"), or one that already has the name.
 * Turned off, an empty name makes node-postgres send an unnamed statement, so the SQL is still
 * built once here and only parsed by the server on every execution.
 */
let namedStatements = true;

/**
 * Sets the switch for the whole process, before the first statement is built: statements are
 * built once per Db and keep the name they were built with.
 */
export function useNamedStatements(enabled: boolean): void {
  namedStatements = enabled;
}

/** The name to `.prepare()` a statement with, following `namedStatements`. Unique per SQL text. */
export function statementName(name: string): string {
  return namedStatements ? name : '';
}

/** The parts of drizzle's database object `prepareRows` reaches: both are internal in its types. */
interface DrizzleInternals {
  dialect: { sqlToQuery(query: SQL): unknown };
  _: { session: { prepareQuery(query: unknown, mode: 'arrays', name: string): PreparedRows } };
}

interface PreparedRows {
  execute(placeholderValues: Record<string, unknown>): Promise<unknown[][]>;
}

/**
 * Raw SQL with `sql.placeholder` values, prepared on `db` under `name` (see statementName) and
 * executed with a request's values; rows come back as arrays, each column as the driver reads it.
 * Drizzle has no public way to name a raw statement, hence the internals; its logger still sees
 * every execution, so statement counts include these.
 */
export function prepareRows(db: Db, query: SQL, name: string): PreparedRows {
  const internals = db as unknown as DrizzleInternals;
  return internals._.session.prepareQuery(internals.dialect.sqlToQuery(query), 'arrays', name);
}
