import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Db } from '../src/db/client.ts';
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
