import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Db } from '../src/db/client.ts';
import { eq, inArray, or } from 'drizzle-orm';
import { groups, users, usersToGroups } from '../src/db/schema.ts';

let sequence = 0;
/** A value no other fixture in this process has, so tests sharing a database never collide. */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
}

export const userGlobalId = (id: number): string => encodeGlobalID('User', id);
export const groupGlobalId = (id: number): string => encodeGlobalID('Group', id);

export interface Community {
  userIds: number[];
  groupIds: number[];
  /** groupIdsByUser[i] lists the groups of userIds[i], ascending. */
  groupIdsByUser: number[][];
}

/**
 * Inserts `userCount` users and `groupCount` groups straight into the tables; user i joins
 * `groupsPerUser` consecutive groups starting at group i, so every group has members.
 */
export async function createCommunity(
  db: Db,
  { userCount, groupCount, groupsPerUser }: { userCount: number; groupCount: number; groupsPerUser: number },
): Promise<Community> {
  const tag = unique('community');
  const userRows = await db
    .insert(users)
    .values(
      Array.from({ length: userCount }, (_, i) => ({
        name: `User ${i} ${tag}`,
        email: `u${i}.${tag}@example.com`,
      })),
    )
    .returning({ id: users.id });
  const groupRows = await db
    .insert(groups)
    .values(Array.from({ length: groupCount }, (_, i) => ({ name: `Group ${i} ${tag}` })))
    .returning({ id: groups.id });
  const userIds = userRows.map((row) => row.id);
  const groupIds = groupRows.map((row) => row.id);
  const groupIdsByUser = userIds.map((_, i) =>
    Array.from({ length: groupsPerUser }, (_, k) => groupIds[(i + k) % groupCount]!).sort((a, b) => a - b),
  );
  const memberships = userIds.flatMap((userId, i) =>
    groupIdsByUser[i]!.map((groupId) => ({ userId, groupId })),
  );
  if (memberships.length > 0) await db.insert(usersToGroups).values(memberships);
  return { userIds, groupIds, groupIdsByUser };
}

/** Makes the user an ADMIN of each group, adding the membership where there is none. */
export async function makeAdmin(db: Db, userId: number, groupIds: readonly number[]): Promise<void> {
  if (groupIds.length === 0) return;
  await db
    .insert(usersToGroups)
    .values(groupIds.map((groupId) => ({ userId, groupId, role: 'ADMIN' as const })))
    .onConflictDoUpdate({ target: [usersToGroups.userId, usersToGroups.groupId], set: { role: 'ADMIN' } });
}

/**
 * A new user who administers the given groups: the one to sign in as when a test changes their
 * memberships. Note that it is a member too, so each group has one member more.
 */
export async function createAdmin(db: Db, groupIds: readonly number[] = []): Promise<number> {
  const tag = unique('admin');
  const [admin] = await db
    .insert(users)
    .values({ name: `Admin ${tag}`, email: `${tag}@example.com` })
    .returning({ id: users.id });
  await makeAdmin(db, admin!.id, groupIds);
  return admin!.id;
}

/**
 * One group and the people around it: `admin` administers it, `member` and `otherMember`
 * belong to it, `outsider` is a user with no tie to it.
 */
export interface Cast {
  groupId: number;
  admin: number;
  member: number;
  otherMember: number;
  outsider: number;
}

export type Viewer = keyof Omit<Cast, 'groupId'> | 'anonymous';

export async function createCast(db: Db): Promise<Cast> {
  const tag = unique('cast');
  const rows = await db
    .insert(users)
    .values(
      ['admin', 'member', 'otherMember', 'outsider'].map((role) => ({
        name: `${role} ${tag}`,
        email: `${role}.${tag}@example.com`,
      })),
    )
    .returning({ id: users.id });
  const [admin, member, otherMember, outsider] = rows.map((row) => row.id) as [
    number,
    number,
    number,
    number,
  ];
  const [group] = await db
    .insert(groups)
    .values({ name: `Group ${tag}` })
    .returning({ id: groups.id });
  const groupId = group!.id;
  await db.insert(usersToGroups).values([
    { userId: admin, groupId, role: 'ADMIN' },
    { userId: member, groupId },
    { userId: otherMember, groupId },
  ]);
  return { groupId, admin, member, otherMember, outsider };
}

/** Every row the cast's users, group and memberships have, to compare before and after a call. */
export async function snapshot(db: Db, cast: Cast) {
  const userIds = [cast.admin, cast.member, cast.otherMember, cast.outsider];
  return {
    users: await db.select().from(users).where(inArray(users.id, userIds)).orderBy(users.id),
    groups: await db.select().from(groups).where(eq(groups.id, cast.groupId)),
    memberships: await db
      .select()
      .from(usersToGroups)
      .where(or(eq(usersToGroups.groupId, cast.groupId), inArray(usersToGroups.userId, userIds)))
      .orderBy(usersToGroups.userId, usersToGroups.groupId),
    // Catches rows a call should not have created anywhere, such as a refused createGroup's.
    totals: [await db.$count(users), await db.$count(groups), await db.$count(usersToGroups)],
  };
}
