import { sql } from 'drizzle-orm';
import {
  bigint,
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
    // The ordering key of the group's latest membership event, raised by the same triggers under
    // the group's row lock, so each event of a group sorts after the ones committed before it
    // (see membershipEvents.txOrder).
    lastEventTxOrder: bigint({ mode: 'number' }).notNull().default(0),
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

/** What happened to a membership. */
export const membershipChangeKind = pgEnum('membership_change_kind', ['ADDED', 'REMOVED', 'ROLE_CHANGED']);

export type MembershipChangeKind = (typeof membershipChangeKind.enumValues)[number];

/**
 * The change log subscriptions read: one row per membership added, removed or given a new role,
 * written by triggers on users_to_groups in the transaction that made the change (migration
 * *_membership_events_triggers), so only committed changes appear and every writer is covered. No
 * foreign keys: the events of a deleted user or group outlive them, for the subscribers that must
 * hear of the removal. Pruned after MEMBERSHIP_EVENTS_RETENTION (resolvers/membership-event-log.ts).
 *
 * An event's position is (txOrder, id). txOrder is the writing transaction's ID, raised to the
 * group's lastEventTxOrder when a transaction that started earlier commits later in the same
 * group. Every event ordered below the oldest transaction still running is final, so readers
 * deliver exactly that prefix: nothing committed later can sort before it.
 */
export const membershipEvents = pgTable(
  'membership_events',
  {
    id: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    txOrder: bigint({ mode: 'number' }).notNull(),
    kind: membershipChangeKind().notNull(),
    groupId: integer().notNull(),
    userId: integer().notNull(),
    /** The member's role after the change; for REMOVED, the role they had. */
    role: membershipRole().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.txOrder, table.id] }),
    // A subscriber resuming from a cursor reads only its group's or its user's events.
    index('membership_events_group_idx').on(table.groupId, table.txOrder, table.id),
    index('membership_events_user_idx').on(table.userId, table.txOrder, table.id),
    // Pruning finds expired rows by time; rows arrive in time order, so a BRIN index is enough
    // and costs a write almost nothing.
    index('membership_events_at_idx').using('brin', table.at),
  ],
);
