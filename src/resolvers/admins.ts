import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Transaction } from '../db/client.ts';
import { groups, usersToGroups } from '../db/schema.ts';
import { LastAdminError } from './errors.ts';
import { groupNotFound } from './group.ts';

/**
 * Every group keeps at least one ADMIN. Two admins demoting each other at once would each see
 * the other still in place and both succeed, leaving none; so every change that can take an
 * admin away first locks the group's row, which serializes those changes per group. The lock
 * is FOR NO KEY UPDATE: it does not block adding members, whose foreign key check only needs
 * FOR KEY SHARE.
 */
export async function lockGroup(tx: Transaction, groupId: number): Promise<{ id: number; name: string }> {
  const [group] = await tx
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(eq(groups.id, groupId))
    .for('no key update');
  if (!group) throw groupNotFound();
  return group;
}

function lastAdmin(groupName: string): LastAdminError {
  return new LastAdminError(
    `This would leave “${groupName}” without an admin. Make another member an admin first, or delete the group.`,
  );
}

/** Throws LAST_ADMIN (rolling the transaction back) when the locked group has no ADMIN left. */
export async function ensureAdminRemains(
  tx: Transaction,
  group: { id: number; name: string },
): Promise<void> {
  const [admin] = await tx
    .select({ userId: usersToGroups.userId })
    .from(usersToGroups)
    .where(and(eq(usersToGroups.groupId, group.id), eq(usersToGroups.role, 'ADMIN')))
    .limit(1);
  if (!admin) throw lastAdmin(group.name);
}

/**
 * Before a user is deleted: locks every group they administer and throws LAST_ADMIN if one of
 * them has no other admin.
 */
export async function ensureOtherAdminsRemain(tx: Transaction, userId: number): Promise<void> {
  // Locked in ID order, so two of these never wait on each other in a cycle.
  const administered = await tx
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .innerJoin(usersToGroups, eq(usersToGroups.groupId, groups.id))
    .where(and(eq(usersToGroups.userId, userId), eq(usersToGroups.role, 'ADMIN')))
    .orderBy(groups.id)
    .for('no key update', { of: groups });
  if (administered.length === 0) return;
  const others = await tx
    .selectDistinct({ groupId: usersToGroups.groupId })
    .from(usersToGroups)
    .where(
      and(
        inArray(
          usersToGroups.groupId,
          administered.map((group) => group.id),
        ),
        eq(usersToGroups.role, 'ADMIN'),
        ne(usersToGroups.userId, userId),
      ),
    );
  const covered = new Set(others.map((row) => row.groupId));
  const orphaned = administered.find((group) => !covered.has(group.id));
  if (orphaned) throw lastAdmin(orphaned.name);
}
