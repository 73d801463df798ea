import { groups, users, usersToGroups } from './schema.ts';
import type { Db } from './client.ts';

const demoUsers = [
  { name: 'Ada Lovelace', email: 'ada@example.com' },
  { name: 'Alan Turing', email: 'alan@example.com' },
  { name: 'Grace Hopper', email: 'grace@example.com' },
  { name: 'Edsger Dijkstra', email: 'edsger@example.com' },
  { name: 'Barbara Liskov', email: 'barbara@example.com' },
  { name: 'Donald Knuth', email: 'donald@example.com' },
  { name: 'Margaret Hamilton', email: 'margaret@example.com' },
  { name: 'Ken Thompson', email: 'ken@example.com' },
];

const demoGroups = ['Compilers', 'Algorithms', 'Operating Systems', 'Programming Languages'];

/** Which demo groups (by index) each demo user (by index) belongs to. */
const demoMemberships: Record<number, number[]> = {
  0: [1, 3],
  1: [1],
  2: [0, 3],
  3: [1, 2],
  4: [3],
  5: [0, 1],
  6: [2],
  7: [0, 2, 3],
};

/**
 * Each demo group's ADMIN (group index → user index), so a new user can try every mutation:
 * Ada Lovelace, user 1 in a fresh database, administers Algorithms and Programming Languages.
 */
const demoAdmins: Record<number, number> = { 0: 2, 1: 0, 2: 3, 3: 0 };

/**
 * Loads a small demo data set so a new user has something to query, but only into an empty
 * database: an existing one is never touched.
 * @returns whether the demo data was loaded.
 */
export async function seedDemoData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await tx.$count(users)) > 0 || (await tx.$count(groups)) > 0) return false;
    const userRows = await tx.insert(users).values(demoUsers).returning({ id: users.id });
    const groupRows = await tx
      .insert(groups)
      .values(demoGroups.map((name) => ({ name })))
      .returning({ id: groups.id });
    const memberships = userRows.flatMap((user, userIndex) =>
      (demoMemberships[userIndex] ?? []).flatMap((groupIndex) => {
        const group = groupRows[groupIndex];
        const role = demoAdmins[groupIndex] === userIndex ? ('ADMIN' as const) : ('MEMBER' as const);
        return group ? [{ userId: user.id, groupId: group.id, role }] : [];
      }),
    );
    await tx.insert(usersToGroups).values(memberships);
    return true;
  });
}
