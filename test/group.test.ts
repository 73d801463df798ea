import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { createAdmin, unique, userGlobalId } from './fixtures.ts';
import { errorCodes, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
/** Signs in to create the groups here, so becomes the ADMIN who may rename and delete them. */
let creator: number;
beforeAll(async () => {
  app = await startTestApp();
  creator = await createAdmin(app.db);
});

const CreateGroup = graphql(`
  mutation GroupCreate($input: CreateGroupInput!) {
    createGroup(input: $input) {
      group {
        id
        name
        createdAt
        memberCount
        members {
          id
        }
        membersConnection {
          edges {
            role
          }
        }
      }
    }
  }
`);

const UpdateGroup = graphql(`
  mutation GroupUpdate($input: UpdateGroupInput!) {
    updateGroup(input: $input) {
      group {
        id
        name
      }
    }
  }
`);

const DeleteGroup = graphql(`
  mutation GroupDelete($input: DeleteGroupInput!) {
    deleteGroup(input: $input) {
      deletedGroupId
    }
  }
`);

const GroupById = graphql(`
  query GroupById($id: ID!) {
    group(id: $id) {
      id
      name
    }
  }
`);

const GroupsPage = graphql(`
  query GroupsPage($first: Int, $after: String) {
    groups(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

async function createGroup(name = unique('group')) {
  const result = await app.gql(CreateGroup, { input: { name } }, { as: creator });
  expect(result.errors).toBeUndefined();
  return result.data!.createGroup.group;
}

describe('createGroup', () => {
  it('creates a group with a trimmed name, its creator its only member and ADMIN', async () => {
    const name = unique('Readers');
    const group = await createGroup(`  ${name} `);
    expect(group).toMatchObject({
      name,
      memberCount: 1,
      members: [{ id: userGlobalId(creator) }],
      membersConnection: { edges: [{ role: 'ADMIN' }] },
    });
    expect((await app.gql(GroupById, { id: group.id })).data?.group).toEqual({ id: group.id, name });
  });

  it('refuses a taken name with CONFLICT and a blank one with BAD_USER_INPUT', async () => {
    const { name } = await createGroup();
    const taken = await app.gql(CreateGroup, { input: { name } }, { as: creator });
    expect(errorCodes(taken)).toEqual(['CONFLICT']);
    expect(taken.errors![0]!.message).toBe('Another group already has this name.');
    const blank = await app.gql(CreateGroup, { input: { name: '' } }, { as: creator });
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors![0]!.message).toBe('Group name must not be empty.');
    const tooLong = await app.gql(CreateGroup, { input: { name: 'x'.repeat(201) } }, { as: creator });
    expect(errorCodes(tooLong)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('updateGroup and deleteGroup', () => {
  it('renames a group, refusing a name another group has', async () => {
    const [group, other] = [await createGroup(), await createGroup()];
    const renamed = await app.gql(
      UpdateGroup,
      { input: { id: group.id, name: 'Renamed ' + group.name } },
      { as: creator },
    );
    expect(renamed.data?.updateGroup.group.name).toBe('Renamed ' + group.name);
    const taken = await app.gql(UpdateGroup, { input: { id: group.id, name: other.name } }, { as: creator });
    expect(errorCodes(taken)).toEqual(['CONFLICT']);
  });

  it('deletes a group once, then answers NOT_FOUND', async () => {
    const group = await createGroup();
    const deleted = await app.gql(DeleteGroup, { input: { id: group.id } }, { as: creator });
    expect(deleted.data?.deleteGroup.deletedGroupId).toBe(group.id);
    // Still signed in as its former admin: a group that is gone answers NOT_FOUND, not FORBIDDEN.
    const again = await app.gql(DeleteGroup, { input: { id: group.id } }, { as: creator });
    expect(errorCodes(again)).toEqual(['NOT_FOUND']);
    const renamed = await app.gql(
      UpdateGroup,
      { input: { id: group.id, name: unique('x') } },
      { as: creator },
    );
    expect(errorCodes(renamed)).toEqual(['NOT_FOUND']);
    const refetched = await app.gql(GroupById, { id: group.id });
    expect(refetched.data?.group).toBeNull();
    expect(errorCodes(refetched)).toEqual(['NOT_FOUND']);
  });

  it('refuses a User ID where a Group ID belongs, with BAD_USER_INPUT', async () => {
    const result = await app.gql(DeleteGroup, { input: { id: userGlobalId(1) } }, { as: creator });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain('is not of type: Group');
  });
});

describe('groups connection', () => {
  it('visits every group exactly once, in ID order, page by page', async () => {
    for (let i = 0; i < 5; i += 1) await createGroup();
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = (await app.gql(GroupsPage, { first: 2, after })).data!.groups;
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) {
        expect(seen).toHaveLength(page.totalCount);
        break;
      }
      after = page.pageInfo.endCursor;
    }
    const keys = seen.map((id) => Number(atob(id).split(':')[1]));
    expect(keys).toEqual([...new Set(keys)].sort((a, b) => a - b));
  });
});
