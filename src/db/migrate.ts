import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { pgSchema, text } from 'drizzle-orm/pg-core';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database, Db } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Drizzle's own record of applied migrations, read to tell whether the schema is current. */
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', { hash: text().notNull() });

/** Applies every migration in ./migrations that the database has not seen yet. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db, { migrationsFolder });
  } else {
    // On a connection of its own to the server itself, closed after: a session keeps the
    // settings it started with, and the pool's sessions must start after the migrations that set
    // database defaults (*_jit_off). Through a pooling proxy this session would join its pool.
    const client = new pg.Client({ connectionString: database.directUrl });
    await client.connect();
    try {
      await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder });
    } finally {
      await client.end();
    }
  }
}

/** How many migrations in ./migrations the database has not applied; throws when unreachable. */
export async function pendingMigrations(db: Db): Promise<number> {
  const local = readMigrationFiles({ migrationsFolder }).length;
  return local - (await db.$count(appliedMigrations));
}
