import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTableCreator,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

// Columns are camelCase in TypeScript and snake_case in SQL. Casing lives on the table creator,
// so drizzle-kit, the query builder and plugin-drizzle all see the same column names.
const pgTable = pgTableCreator((name) => name, 'snake_case');

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    // Stored lower-cased by the resolvers, so this plain unique constraint is case-insensitive.
    email: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('users_name_not_empty', sql`length(btrim(${table.name})) > 0`),
    // Name search (`nameContains`, `nameStartsWith`) is ILIKE, which a trigram index answers for
    // patterns anywhere in the name. The pg_trgm extension comes from migration *_pg_trgm.
    index('users_name_trgm').using('gin', sql`${table.name} gin_trgm_ops`),
  ],
);

export const groups = pgTable(
  'groups',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Kept equal to the group's rows in users_to_groups by triggers on that table (migration
    // *_member_count_per_statement), in the same transaction as the change: counting a group of
    // 27,000 members on every read took longer than reading its first page of them.
    memberCount: integer().notNull().default(0),
  },
  (table) => [
    check('groups_name_not_empty', sql`length(btrim(${table.name})) > 0`),
    index('groups_name_trgm').using('gin', sql`${table.name} gin_trgm_ops`),
  ],
);

/** What a member may do in a group. ADMINs manage members, roles and the group itself. */
export const membershipRole = pgEnum('membership_role', ['MEMBER', 'ADMIN']);

export type MembershipRole = (typeof membershipRole.enumValues)[number];

export const usersToGroups = pgTable(
  'users_to_groups',
  {
    userId: integer().notNull(),
    groupId: integer().notNull(),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    role: membershipRole().notNull().default('MEMBER'),
  },
  (table) => [
    // (user_id, group_id) serves "groups of a user"; the second index serves "members of a group".
    primaryKey({ columns: [table.userId, table.groupId] }),
    index('users_to_groups_group_id_user_id_idx').on(table.groupId, table.userId),
    // Finding a group's admins (the last-admin check) must not scan every member of a large group.
    index('users_to_groups_admins_idx')
      .on(table.groupId, table.userId)
      .where(sql`${table.role} = 'ADMIN'`),
    // Named, because resolvers/membership.ts tells a missing user from a missing group by
    // which of these two constraints a failed insert violated.
    foreignKey({
      name: 'users_to_groups_user_id_fkey',
      columns: [table.userId],
      foreignColumns: [users.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'users_to_groups_group_id_fkey',
      columns: [table.groupId],
      foreignColumns: [groups.id],
    }).onDelete('cascade'),
  ],
);
