import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.ts';
import { groupGlobalId, unique, userGlobalId } from './fixtures.ts';
import { errorCodes, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

const CreateUser = graphql(`
  mutation UserCreate($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        name
        email
        createdAt
        groupCount
        groups {
          id
        }
      }
    }
  }
`);

const UpdateUser = graphql(`
  mutation UserUpdate($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user {
        id
        name
        email
      }
    }
  }
`);

const DeleteUser = graphql(`
  mutation UserDelete($input: DeleteUserInput!) {
    deleteUser(input: $input) {
      deletedUserId
    }
  }
`);

const UserById = graphql(`
  query UserById($id: ID!) {
    user(id: $id) {
      id
      name
      email
    }
  }
`);

const UsersPage = graphql(`
  query UsersPage($first: Int, $after: String, $last: Int, $before: String) {
    users(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        cursor
        node {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

/** The numeric key in a User's global ID: what a token's `sub` carries. */
function keyOf(globalId: string): number {
  return Number(atob(globalId).split(':')[1]);
}

/**
 * Signs a user up, as anyone may, without a token. Only the user themselves can see their email,
 * so the payload's is null; the lower-cased address is returned in its place.
 */
async function createUser(name = unique('name'), email = `${unique('mail')}@example.com`) {
  const result = await app.gql(CreateUser, { input: { name, email } });
  expect(result.errors).toBeUndefined();
  const user = result.data!.createUser.user;
  return { ...user, key: keyOf(user.id), email: email.toLowerCase() };
}

describe('createUser', () => {
  it('creates a user with a trimmed name and a lower-cased email, in no groups', async () => {
    const email = `${unique('Mixed.Case')}@Example.COM`;
    const result = await app.gql(CreateUser, { input: { name: '  Ada  ', email } });
    expect(result.errors).toBeUndefined();
    const user = result.data!.createUser.user;
    // Signed up anonymously, so the email is hidden (null) here like from anyone but the user.
    expect(user).toMatchObject({ name: 'Ada', email: null, groupCount: 0, groups: [] });
    expect(new Date(user.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const refetched = await app.gql(UserById, { id: user.id }, { as: keyOf(user.id) });
    expect(refetched.data?.user).toEqual({ id: user.id, name: 'Ada', email: email.toLowerCase() });
  });

  it('refuses an email another user has, in any letter case, with CONFLICT', async () => {
    const email = `${unique('taken')}@example.com`;
    await createUser('First', email);
    const result = await app.gql(CreateUser, { input: { name: 'Second', email: email.toUpperCase() } });
    expect(errorCodes(result)).toEqual(['CONFLICT']);
    expect(result.errors![0]!.message).toBe('Another user already has this email address.');
    expect(JSON.stringify(result)).not.toMatch(/users_email|duplicate key|insert/i);
  });

  it('refuses an empty name and a malformed email with BAD_USER_INPUT and writes nothing', async () => {
    const before = (await app.gql(UsersPage, { first: 0 })).data!.users.totalCount;
    const blank = await app.gql(CreateUser, { input: { name: '   ', email: `${unique('b')}@example.com` } });
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors![0]!.message).toBe('User name must not be empty.');
    const badEmail = await app.gql(CreateUser, { input: { name: 'Bob', email: 'not-an-address' } });
    expect(errorCodes(badEmail)).toEqual(['BAD_USER_INPUT']);
    expect(badEmail.errors![0]!.message).toContain('is not an email address');
    expect((await app.gql(UsersPage, { first: 0 })).data!.users.totalCount).toBe(before);
  });
});

describe('updateUser', () => {
  it('changes only the fields given', async () => {
    const user = await createUser('Before');
    const result = await app.gql(UpdateUser, { input: { id: user.id, name: 'After' } }, { as: user.key });
    expect(result.data?.updateUser.user).toEqual({ id: user.id, name: 'After', email: user.email });
  });

  it('answers UNAUTHENTICATED for a deleted user, CONFLICT for a taken email, BAD_USER_INPUT for no change', async () => {
    const [user, other] = [await createUser(), await createUser()];
    const as = { as: user.key };
    const taken = await app.gql(UpdateUser, { input: { id: user.id, email: other.email } }, as);
    expect(errorCodes(taken)).toEqual(['CONFLICT']);
    const nothing = await app.gql(UpdateUser, { input: { id: user.id } }, as);
    expect(errorCodes(nothing)).toEqual(['BAD_USER_INPUT']);
    expect((await app.gql(DeleteUser, { input: { id: user.id } }, as)).errors).toBeUndefined();
    // Only the user may update themselves, and a deleted user's token names nobody: the request
    // is refused before any lookup could answer NOT_FOUND.
    const gone = await app.gql(UpdateUser, { input: { id: user.id, name: 'Ghost' } }, as);
    expect(errorCodes(gone)).toEqual(['UNAUTHENTICATED']);
    expect((await app.gql(UserById, { id: user.id })).data?.user).toBeNull();
  });
});

describe('deleteUser', () => {
  it('deletes the user and returns its ID; a second delete with their token answers UNAUTHENTICATED', async () => {
    const user = await createUser();
    const result = await app.gql(DeleteUser, { input: { id: user.id } }, { as: user.key });
    expect(result.data?.deleteUser.deletedUserId).toBe(user.id);
    const refetched = await app.gql(UserById, { id: user.id });
    expect(refetched.data?.user).toBeNull();
    expect(errorCodes(refetched)).toEqual(['NOT_FOUND']);
    // Only the user may delete themselves, and their token now names nobody.
    const again = await app.gql(DeleteUser, { input: { id: user.id } }, { as: user.key });
    expect(errorCodes(again)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('user(id)', () => {
  it.each([
    ['a string that is not a global ID', 'not-an-id'],
    ['a Group ID', groupGlobalId(1)],
    ['a User ID whose key is not a number', btoa('User:abc')],
    ['an empty string', ''],
  ])('answers BAD_USER_INPUT for %s and runs no SQL', async (_case, id) => {
    app.statements.length = 0;
    const result = await app.gql(UserById, { id });
    expect(result.data?.user ?? null).toBeNull();
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(app.statements).toHaveLength(0);
  });

  it('answers NOT_FOUND for a well-formed ID nobody has', async () => {
    const result = await app.gql(UserById, { id: userGlobalId(2_000_000_000) });
    expect(result.data?.user).toBeNull();
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });
});

describe('users connection', () => {
  it('pages forward and backward by ID with cursors and totalCount', async () => {
    for (let i = 0; i < 5; i += 1) await createUser();
    const all = (await app.gql(UsersPage, { first: 1000 })).data!.users;
    expect(all.totalCount).toBe(all.edges.length);
    const ids = all.edges.map((edge) => edge.node.id);
    const numericIds = ids.map((id) => Number(atob(id).split(':')[1]));
    expect(numericIds).toEqual([...numericIds].sort((a, b) => a - b));

    const first = (await app.gql(UsersPage, { first: 2 })).data!.users;
    expect(first.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await app.gql(UsersPage, { first: 2, after: first.pageInfo.endCursor })).data!.users;
    expect(second.edges.map((edge) => edge.node.id)).toEqual(ids.slice(2, 4));
    const back = (await app.gql(UsersPage, { last: 1, before: second.pageInfo.startCursor })).data!.users;
    expect(back.edges.map((edge) => edge.node.id)).toEqual(ids.slice(1, 2));
  });

  it.each([
    [{ first: 1001 }, '`first` must be between 0 and 1000'],
    [{ first: -1 }, 'first'],
    [{ last: 5000 }, '`last` must be between 0 and 1000'],
    [{ first: 1, after: 'garbage' }, 'cursor'],
  ])('refuses %j with BAD_USER_INPUT before running SQL', async (variables, message) => {
    app.statements.length = 0;
    const result = await app.gql(UsersPage, variables);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain(message);
    expect(app.statements.filter((statement) => !statement.startsWith('select count'))).toHaveLength(0);
  });
});
