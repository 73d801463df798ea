import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { graphql } from './gql/index.ts';
import { createDatabase, type Database } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { maxNamedListPlans } from '../src/db/read-plans.ts';
import { createCommunity, type Community, groupGlobalId } from './fixtures.ts';
import { freshPostgresUrl, onPostgresOnly, selectRows, startTestApp, type TestApp } from './harness.ts';

// src/db/read-plans.ts builds each shape of relational query once and then executes it with
// each request's filter values: these tests hold it to answering every request with its own rows.

let app: TestApp;
let community: Community;

beforeAll(async () => {
  // Through the resolvers: a query PostgreSQL can build whole (src/resolvers/sql-responses.ts)
  // would skip the relational queries these tests watch.
  app = await startTestApp({ sqlResponses: false });
  community = await createCommunity(app.db, { userCount: 12, groupCount: 3, groupsPerUser: 2 });
});

const GroupMembers = graphql(`
  query ReadPlansGroupMembers($id: ID!, $first: Int!, $after: String) {
    group(id: $id) {
      name
      members(first: $first) {
        name
      }
      membersConnection(first: $first, after: $after) {
        edges {
          node {
            name
          }
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`);

// Only the test that watches drizzle build SQL asks for this shape.
const GroupMemberCount = graphql(`
  query ReadPlansGroupMemberCount($id: ID!) {
    group(id: $id) {
      memberCount
    }
  }
`);

async function read(groupIndex: number, first: number, after?: string) {
  app.statements.length = 0;
  const id = groupGlobalId(community.groupIds[groupIndex]!);
  const result = await app.gql(GroupMembers, { id, first, after });
  expect(result.errors).toBeUndefined();
  return { group: result.data!.group!, statements: [...app.statements] };
}

async function namesInDatabase(groupIndex: number): Promise<{ group: string; members: string[] }> {
  const groupId = community.groupIds[groupIndex]!;
  const members = await selectRows<{ name: string }>(
    app.db,
    sql`select u.name from users_to_groups m join users u on u.id = m.user_id
        where m.group_id = ${groupId} order by u.id`,
  );
  const [group] = await selectRows<{ name: string }>(
    app.db,
    sql`select name from groups where id = ${groupId}`,
  );
  return { group: group!.name, members: members.map((member) => member.name) };
}

describe('a query shape built once', () => {
  it('answers each group with its own members, through one SQL text', async () => {
    const first = await read(0, 50);
    const second = await read(1, 50);
    for (const [index, { group }] of [first, second].entries()) {
      const expected = await namesInDatabase(index);
      expect(group.name).toBe(expected.group);
      expect(group.members.map((member) => member.name)).toEqual(expected.members);
    }
    // The group's ID is a parameter, not part of the text, so both requests sent the same text.
    expect(second.statements).toHaveLength(1);
    expect(second.statements).toEqual(first.statements);
  });

  it('builds the SQL of a shape once', async () => {
    // drizzle's dialect is internal to its types; the test watches it build relational queries.
    const { dialect } = app.db as unknown as { dialect: { buildRelationalQuery: () => unknown } };
    const build = vi.spyOn(dialect, 'buildRelationalQuery');
    const countOf = async (groupIndex: number) => {
      const id = groupGlobalId(community.groupIds[groupIndex]!);
      const result = await app.gql(GroupMemberCount, { id });
      return result.data?.group?.memberCount;
    };
    try {
      const counts = [await countOf(0)];
      expect(build).toHaveBeenCalledOnce();
      counts.push(await countOf(1), await countOf(2));
      expect(build).toHaveBeenCalledOnce();
      const expected = await Promise.all(
        [0, 1, 2].map(async (i) => (await namesInDatabase(i)).members.length),
      );
      expect(counts).toEqual(expected);
    } finally {
      build.mockRestore();
    }
  });

  it('tells shapes apart by how many rows they take', async () => {
    const two = await read(0, 2);
    const three = await read(0, 3);
    expect(two.group.members).toHaveLength(2);
    expect(three.group.members).toHaveLength(3);
    expect(three.group.members.slice(0, 2)).toEqual(two.group.members);
  });

  it('pages with each request’s cursor', async () => {
    const { members } = await namesInDatabase(2);
    const paged: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const { membersConnection } = (await read(2, 3, after)).group;
      paged.push(...membersConnection.edges.map((edge) => edge.node.name));
      if (!membersConnection.pageInfo.hasNextPage) break;
      after = membersConnection.pageInfo.endCursor!;
    }
    expect(members.length).toBeGreaterThan(3);
    expect(paged).toEqual(members);
  });
});

describe.runIf(onPostgresOnly.namedStatements)('named plans', () => {
  // One connection, so pg_prepared_statements shows every statement the plans prepared.
  let database: Database;
  beforeAll(async () => {
    database = await createDatabase({ url: (await freshPostgresUrl())!, poolSize: 1 });
    await migrateDatabase(database);
    await createCommunity(database.db, { userCount: 3, groupCount: 80, groupsPerUser: 1 });
  });

  const namedPlans = async (kind: 'list' | 'other') =>
    (
      await selectRows<{ count: number }>(
        database.db,
        sql`select count(*)::int as count from pg_prepared_statements
            where name like 'plan\_%' and (statement like '% in (%') = ${kind === 'list'}`,
      )
    )[0]!.count;

  it('names at most maxNamedListPlans shapes that compare with lists, and still names others', async () => {
    const groups = await database.db.query.groups.findMany({ columns: { id: true, name: true } });
    const ids = groups.map((group) => group.id);
    const before = await namedPlans('other');
    for (let length = 1; length <= maxNamedListPlans + 10; length += 1) {
      const rows = await database.db.query.groups.findMany({
        columns: { id: true },
        where: { id: { in: ids.slice(0, length) } },
      });
      expect(rows).toHaveLength(length);
    }
    expect(await namedPlans('list')).toBe(maxNamedListPlans);
    const [group] = await database.db.query.groups.findMany({
      columns: { name: true },
      where: { id: ids[0]! },
    });
    expect(group?.name).toBe(groups[0]!.name);
    expect(await namedPlans('other')).toBe(before + 1);
    await database.close();
  });
});
