import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { groups, users, usersToGroups } from '../src/db/schema.ts';
import { graphql } from './gql/index.ts';
import type { GroupOrder, MemberOrder, MemberFilter, UserGroupFilter } from './gql/graphql.ts';
import { groupGlobalId, unique, userGlobalId } from './fixtures.ts';
import { errorCodes, selectRows, startTestApp, type TestApp } from './harness.ts';

// Every ordered, filtered page of a membership list is checked against a straightforward SQL
// query over the same random data: a join of the junction and the other side, with the filter
// as WHERE and the order (plus ID) as ORDER BY. Pages are walked forwards and backwards.

let app: TestApp;

/** A deterministic random source, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}
const next = random(20261201);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

// Names share prefixes and carry ILIKE's wildcards, so searches and ties are exercised.
const syllables = ['an', 'An', 'bo', 'ma', 'x_', '50%', 'ri', 'Ma', 'lé', 'o\\'];
const randomName = () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(syllables)).join('');

let userIds: number[] = [];
let groupIds: number[] = [];
const base = Date.parse('2026-01-01T00:00:00Z');

beforeAll(async () => {
  app = await startTestApp();
  const tag = unique('lists');
  const createdUsers = await app.db
    .insert(users)
    .values(Array.from({ length: 40 }, (_, i) => ({ name: randomName(), email: `${tag}-${i}@example.com` })))
    .returning({ id: users.id });
  userIds = createdUsers.map((user) => user.id);
  const createdGroups = await app.db
    .insert(groups)
    .values(Array.from({ length: 8 }, (_, i) => ({ name: `${randomName()} ${tag} ${i}` })))
    .returning({ id: groups.id });
  groupIds = createdGroups.map((group) => group.id);
  const memberships = userIds.flatMap((userId) =>
    groupIds
      .filter(() => next() < 0.6)
      .map((groupId) => ({
        userId,
        groupId,
        role: next() < 0.25 ? ('ADMIN' as const) : ('MEMBER' as const),
        // Whole hours over ten days: many memberships share a joinedAt.
        joinedAt: new Date(base + Math.floor(next() * 240) * 3_600_000),
      })),
  );
  await app.db.insert(usersToGroups).values(memberships);
});

type Direction = 'ASC' | 'DESC';

const MembersPage = graphql(`
  query ListsMembersPage(
    $id: ID!
    $first: Int
    $after: String
    $last: Int
    $before: String
    $orderBy: [MemberOrder!]
    $filter: MemberFilter
  ) {
    group(id: $id) {
      membersConnection(
        first: $first
        after: $after
        last: $last
        before: $before
        orderBy: $orderBy
        filter: $filter
      ) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        edges {
          cursor
          role
          node {
            id
          }
        }
      }
      members(first: 1000, orderBy: $orderBy, filter: $filter) {
        id
      }
    }
  }
`);

const GroupsPage = graphql(`
  query ListsGroupsPage(
    $id: ID!
    $first: Int
    $after: String
    $last: Int
    $before: String
    $orderBy: [GroupOrder!]
    $filter: UserGroupFilter
  ) {
    user(id: $id) {
      groupsConnection(
        first: $first
        after: $after
        last: $last
        before: $before
        orderBy: $orderBy
        filter: $filter
      ) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        edges {
          cursor
          node {
            id
          }
        }
      }
      groups(first: 1000, orderBy: $orderBy, filter: $filter) {
        id
      }
    }
  }
`);

interface Filter {
  role?: 'ADMIN' | 'MEMBER';
  nameStartsWith?: string;
  nameContains?: string;
  joinedAfter?: string;
  joinedBefore?: string;
}

function randomFilter(): Filter | undefined {
  if (next() < 0.3) return undefined;
  const filter: Filter = {};
  if (next() < 0.4) filter.role = pick(['ADMIN', 'MEMBER'] as const);
  if (next() < 0.3) filter.nameStartsWith = pick(syllables).slice(0, 1 + Math.floor(next() * 2));
  if (next() < 0.3) filter.nameContains = pick(syllables);
  if (next() < 0.3) filter.joinedAfter = new Date(base + Math.floor(next() * 120) * 3_600_000).toISOString();
  if (next() < 0.3)
    filter.joinedBefore = new Date(base + (120 + Math.floor(next() * 120)) * 3_600_000).toISOString();
  return filter;
}

function randomOrder<Field extends string>(
  fields: readonly Field[],
): { field: Field; direction: Direction }[] {
  const shuffled = [...fields].sort(() => next() - 0.5);
  return shuffled
    .slice(0, Math.floor(next() * 3))
    .map((field) => ({ field, direction: pick(['ASC', 'DESC'] as const) }));
}

/** The oracle: the IDs of the other side, in order, straight from SQL. */
async function oracle(
  side: 'members' | 'groups',
  parentId: number,
  filter: Filter | undefined,
  order: readonly { field: string; direction: Direction }[],
): Promise<number[]> {
  const other = side === 'members' ? sql`users o on o.id = m.user_id` : sql`groups o on o.id = m.group_id`;
  const parent = side === 'members' ? sql`m.group_id = ${parentId}` : sql`m.user_id = ${parentId}`;
  const like = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
  const conditions = [parent];
  if (filter?.role) conditions.push(sql`m.role = ${filter.role}`);
  if (filter?.nameStartsWith) conditions.push(sql`o.name ilike ${`${like(filter.nameStartsWith)}%`}`);
  if (filter?.nameContains) conditions.push(sql`o.name ilike ${`%${like(filter.nameContains)}%`}`);
  if (filter?.joinedAfter) conditions.push(sql`m.joined_at > ${filter.joinedAfter}`);
  if (filter?.joinedBefore) conditions.push(sql`m.joined_at < ${filter.joinedBefore}`);
  const columns: Record<string, string> = {
    NAME: 'o.name',
    JOINED_AT: 'm.joined_at',
    MEMBER_COUNT: 'o.member_count',
    ID: 'o.id',
  };
  const terms = [...order.map((term) => `${columns[term.field]} ${term.direction}`), 'o.id ASC'];
  const result = await selectRows<{ id: number }>(
    app.db,
    sql`select o.id from users_to_groups m join ${other} where ${sql.join(conditions, sql` and `)} order by ${sql.raw(terms.join(', '))}`,
  );
  return result.map((row) => Number(row.id));
}

const rawId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

describe.each([
  { side: 'members' as const, fields: ['NAME', 'JOINED_AT', 'ID'] as const },
  { side: 'groups' as const, fields: ['NAME', 'JOINED_AT', 'MEMBER_COUNT', 'ID'] as const },
])('$side ordered and filtered', ({ side, fields }) => {
  async function page(
    parentId: number,
    variables: { first?: number; after?: string; last?: number; before?: string },
    orderBy: { field: string; direction: Direction }[],
    filter: Filter | undefined,
  ) {
    if (side === 'members') {
      const result = await app.gql(MembersPage, {
        id: groupGlobalId(parentId),
        ...variables,
        orderBy: orderBy as MemberOrder[],
        filter: filter as MemberFilter | undefined,
      });
      expect(result.errors).toBeUndefined();
      const group = result.data!.group!;
      return { connection: group.membersConnection, list: group.members.map((member) => rawId(member.id)) };
    }
    const result = await app.gql(GroupsPage, {
      id: userGlobalId(parentId),
      ...variables,
      orderBy: orderBy as GroupOrder[],
      filter: filter as UserGroupFilter | undefined,
    });
    expect(result.errors).toBeUndefined();
    const user = result.data!.user!;
    return { connection: user.groupsConnection, list: user.groups.map((group) => rawId(group.id)) };
  }

  it('returns what the SQL oracle returns, page by page in both directions, on random data', async () => {
    for (let round = 0; round < 25; round += 1) {
      const parentId = side === 'members' ? pick(groupIds) : pick(userIds);
      const filter = randomFilter();
      const orderBy = randomOrder(fields);
      const expected = await oracle(side, parentId, filter, orderBy);
      const size = 1 + Math.floor(next() * 6);
      const context = JSON.stringify({ parentId, filter, orderBy, size });

      const forwards: number[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 100; guard += 1) {
        const { connection, list } = await page(
          parentId,
          { first: size, ...(after ? { after } : {}) },
          orderBy,
          filter,
        );
        expect(list, context).toEqual(expected);
        expect(connection.totalCount, context).toBe(expected.length);
        forwards.push(...connection.edges.map((edge) => rawId(edge.node.id)));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor!;
      }
      expect(forwards, context).toEqual(expected);

      const backwards: number[] = [];
      let before: string | undefined;
      for (let guard = 0; guard < 100; guard += 1) {
        const { connection } = await page(
          parentId,
          { last: size, ...(before ? { before } : {}) },
          orderBy,
          filter,
        );
        backwards.unshift(...connection.edges.map((edge) => rawId(edge.node.id)));
        if (!connection.pageInfo.hasPreviousPage) break;
        before = connection.pageInfo.startCursor!;
      }
      expect(backwards, context).toEqual(expected);
    }
  });

  it('refuses a cursor made for another order, before any SQL', async () => {
    const parentId = side === 'members' ? groupIds[0]! : userIds[0]!;
    const first = await page(parentId, { first: 1 }, [{ field: 'NAME', direction: 'ASC' }], undefined);
    const cursor = first.connection.pageInfo.endCursor!;
    app.statements.length = 0;
    const result =
      side === 'members'
        ? await app.gql(MembersPage, { id: groupGlobalId(parentId), first: 1, after: cursor })
        : await app.gql(GroupsPage, { id: userGlobalId(parentId), first: 1, after: cursor });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/not a cursor of this list in this order/);
    expect(app.statements).toEqual([]);
  });

  it('refuses a cursor made by the other list field, before any SQL', async () => {
    const parentId = side === 'members' ? groupIds[0]! : userIds[0]!;
    const otherSide =
      side === 'members'
        ? (await app.gql(GroupsPage, { id: userGlobalId(userIds[0]!), first: 1 })).data!.user!
            .groupsConnection
        : (await app.gql(MembersPage, { id: groupGlobalId(groupIds[0]!), first: 1 })).data!.group!
            .membersConnection;
    app.statements.length = 0;
    const after = otherSide.pageInfo.endCursor!;
    const result =
      side === 'members'
        ? await app.gql(MembersPage, { id: groupGlobalId(parentId), first: 1, after })
        : await app.gql(GroupsPage, { id: userGlobalId(parentId), first: 1, after });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(app.statements).toEqual([]);
  });
});

describe('bad list input', () => {
  const cases: [string, MemberFilter | undefined, MemberOrder[] | undefined, RegExp][] = [
    ['an empty search', { nameContains: '' }, undefined, /must be 1 to 200 characters/],
    ['a 201-character search', { nameStartsWith: 'a'.repeat(201) }, undefined, /must be 1 to 200 characters/],
    [
      'joinedAfter after joinedBefore',
      { joinedAfter: '2026-02-01T00:00:00Z', joinedBefore: '2026-01-01T00:00:00Z' },
      undefined,
      /must be earlier than/,
    ],
    [
      'a field ordered twice',
      undefined,
      [
        { field: 'NAME', direction: 'ASC' },
        { field: 'NAME', direction: 'DESC' },
      ],
      /names NAME twice/,
    ],
  ];
  it.each(cases)('%s is BAD_USER_INPUT, with no SQL run', async (_name, filter, orderBy, message) => {
    app.statements.length = 0;
    const result = await app.gql(MembersPage, { id: groupGlobalId(groupIds[0]!), first: 2, filter, orderBy });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(app.statements).toEqual([]);
  });

  it('an unknown order field sent as a variable is BAD_USER_INPUT naming the value, with no SQL run', async () => {
    const body = await postRaw(
      `query ($orderBy: [MemberOrder!]) { group(id: "${groupGlobalId(groupIds[0]!)}") { members(orderBy: $orderBy) { id } } }`,
      { orderBy: [{ field: 'SIZE' }] },
    );
    expect(body.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors[0]!.message).toMatch(/SIZE/);
    expect(app.statements).toEqual([]);
  });

  it('an unknown order field written into the document fails validation, with no SQL run', async () => {
    const body = await postRaw(
      `{ group(id: "${groupGlobalId(groupIds[0]!)}") { members(orderBy: [{ field: SIZE }]) { id } } }`,
    );
    expect(body.errors.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors[0]!.message).toMatch(/SIZE/);
    expect(app.statements).toEqual([]);
  });
});

/** Posts a document the typed client cannot express. */
async function postRaw(query: string, variables?: Record<string, unknown>) {
  app.statements.length = 0;
  const response = await app.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { errors: { message: string; extensions?: { code?: string } }[] };
}

const Lookups = graphql(`
  query ListsLookups($first: Int!, $userId: ID!, $with: ID!, $filter: NameFilter, $groupFilter: NameFilter) {
    groups(first: $first) {
      edges {
        node {
          id
          membership(userId: $userId) {
            role
            joinedAt
            user {
              id
            }
            group {
              id
            }
          }
        }
      }
    }
    user(id: $userId) {
      sharedGroups(with: $with, first: 100) {
        totalCount
        edges {
          node {
            id
          }
        }
      }
    }
    users(first: 100, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
    searchedGroups: groups(first: 100, filter: $groupFilter) {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);

describe('lookups, shared groups and search', () => {
  it('answers membership lookups for many groups, shared groups and a name search in one statement', async () => {
    const [userId, otherId] = [userIds[0]!, userIds[1]!];
    app.statements.length = 0;
    const result = await app.gql(Lookups, {
      first: 1000,
      userId: userGlobalId(userId),
      with: userGlobalId(otherId),
      filter: { nameContains: 'an' },
      groupFilter: { nameStartsWith: 'ma' },
    });
    expect(result.errors).toBeUndefined();
    // One root query per root field (groups, user, users, searchedGroups), and one count for each
    // searched root connection's totalCount; sharedGroups' totalCount is part of the user's.
    expect(app.statements).toHaveLength(6);

    const rows = await selectRows<{ group_id: number; role: string; joined_at: string }>(
      app.db,
      sql`select group_id, role, joined_at from users_to_groups where user_id = ${userId}`,
    );
    const expected = new Map(rows.map((row) => [Number(row.group_id), row]));
    for (const edge of result.data!.groups.edges) {
      const groupId = rawId(edge.node.id);
      const membership = edge.node.membership;
      if (!expected.has(groupId)) {
        expect(membership).toBeNull();
        continue;
      }
      expect(membership?.role).toBe(expected.get(groupId)!.role);
      expect(rawId(membership!.user.id)).toBe(userId);
      expect(rawId(membership!.group.id)).toBe(groupId);
    }

    const shared = await selectRows<{ group_id: number }>(
      app.db,
      sql`select a.group_id from users_to_groups a join users_to_groups b on b.group_id = a.group_id
          where a.user_id = ${userId} and b.user_id = ${otherId} order by a.group_id`,
    );
    expect(result.data!.user!.sharedGroups.edges.map((edge) => rawId(edge.node.id))).toEqual(
      shared.map((row) => Number(row.group_id)),
    );
    expect(result.data!.user!.sharedGroups.totalCount).toBe(shared.length);

    const matching = await selectRows<{ id: number }>(
      app.db,
      sql`select id from users where name ilike '%an%' order by id limit 100`,
    );
    expect(result.data!.users.edges.map((edge) => rawId(edge.node.id))).toEqual(
      matching.map((row) => Number(row.id)),
    );
    for (const edge of result.data!.users.edges) expect(edge.node.name.toLowerCase()).toContain('an');
    const [matchingUsers] = await selectRows<{ count: string }>(
      app.db,
      sql`select count(*) from users where name ilike '%an%'`,
    );
    expect(result.data!.users.totalCount).toBe(Number(matchingUsers!.count));

    const groupsMatching = await selectRows<{ id: number }>(
      app.db,
      sql`select id from groups where name ilike 'ma%' order by id`,
    );
    expect(result.data!.searchedGroups.edges.map((edge) => rawId(edge.node.id))).toEqual(
      groupsMatching.slice(0, 100).map((row) => Number(row.id)),
    );
    expect(result.data!.searchedGroups.totalCount).toBe(groupsMatching.length);
  });
});
