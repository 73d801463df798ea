import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTrustedDocuments } from '../src/http/trusted-documents.ts';
import {
  AddMemberDocument,
  CreateUserDocument,
  SetMemberRoleDocument,
  AddMembersDocument,
  GroupMembershipChangedDocument,
  GroupMembersPageDocument,
  SearchGroupMembersDocument,
  RemoveMemberDocument,
  UsersWithGroupsDocument,
} from '../examples/gql/graphql.ts';
import { createAdmin, createCommunity, type Community, groupGlobalId, userGlobalId } from './fixtures.ts';
import { errorCodes, signedIn, startTestApp, type TestApp } from './harness.ts';
import { eventually, subscribe, type Transport } from './subscription-clients.ts';

// The example frontend operations in examples/operations, run as a frontend would run them:
// typed documents from codegen, over HTTP, by text and by trusted-document ID. The membership
// mutations need a bearer token of the group's admin, which a frontend sends with each request.

const manifestPath = new URL('../examples/gql/persisted-documents.json', import.meta.url).pathname;

interface Response<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A frontend talking to the API, signed in as `userId` when given. */
function client(origin: string, userId?: number) {
  const post = async <T>(body: unknown): Promise<Response<T>> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(await signedIn(userId)),
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Response<T>;
  };
  return {
    /** Sends the operation's text. */
    byText: <T, V>(document: TypedDocumentNode<T, V>, variables: V) =>
      post<T>({ query: print(document), variables }),
    /** Sends only the operation's hash, as a production frontend with trusted documents does. */
    byId: <T, V>(document: TypedDocumentNode<T, V>, variables: V) =>
      post<T>({
        extensions: {
          persistedQuery: {
            version: 1,
            sha256Hash: (document as unknown as { __meta__: { hash: string } }).__meta__.hash.replace(
              'sha256:',
              '',
            ),
          },
        },
        variables,
      }),
  };
}

type Client = ReturnType<typeof client>;
let community: Community;

/** The app with a community, an anonymous client, and a client signed in as every group's admin. */
async function appWith(
  only: boolean | undefined,
): Promise<{ app: TestApp; origin: string; api: Client; admin: Client }> {
  const app = await startTestApp({
    liveEvents: true,
    ...(only === undefined ? {} : { trustedDocuments: loadTrustedDocuments(manifestPath, only) }),
  });
  community = await createCommunity(app.db, { userCount: 25, groupCount: 3, groupsPerUser: 2 });
  const adminId = await createAdmin(app.db, community.groupIds);
  const { origin } = await app.listen();
  return { app, origin, api: client(origin), admin: client(origin, adminId) };
}

describe('the example operations', () => {
  let api: Client;
  let admin: Client;
  beforeAll(async () => {
    ({ api, admin } = await appWith(undefined));
  });

  it('list users with their groups, page by page', async () => {
    const first = await api.byText(UsersWithGroupsDocument, { first: 10 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.users.edges).toHaveLength(10);
    expect(first.data!.users.edges[0]!.node.groups).toHaveLength(2);
    const next = await api.byText(UsersWithGroupsDocument, {
      first: 10,
      after: first.data!.users.pageInfo.endCursor,
    });
    expect(next.data!.users.edges[0]!.node.id).not.toBe(first.data!.users.edges[0]!.node.id);
  });

  it('page through a group’s members with joinedAt, and add and remove a member', async () => {
    const groupId = groupGlobalId(community.groupIds[0]!);
    const page = await api.byText(GroupMembersPageDocument, { groupId, first: 5 });
    const members = page.data!.group!.membersConnection;
    expect(members.edges).toHaveLength(5);
    expect(members.totalCount).toBe(page.data!.group!.memberCount);
    expect(Date.parse(members.edges[0]!.joinedAt)).not.toBeNaN();

    const userId = userGlobalId(community.userIds[1]!);
    const anonymous = await api.byText(AddMemberDocument, { userId, groupId });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const added = await admin.byText(AddMemberDocument, { userId, groupId });
    expect(added.data!.addMember).toMatchObject({
      added: true,
      group: { memberCount: members.totalCount + 1 },
    });
    const removed = await admin.byText(RemoveMemberDocument, { userId, groupId });
    expect(removed.data!.removeMember).toMatchObject({
      removed: true,
      group: { memberCount: members.totalCount },
    });
  });

  it('sign a user up, and make a member an ADMIN and a MEMBER again', async () => {
    const signUp = await api.byText(CreateUserDocument, {
      name: 'Example Newcomer',
      email: 'newcomer@example.com',
    });
    expect(signUp.data!.createUser.user.name).toBe('Example Newcomer');

    const groupId = groupGlobalId(community.groupIds[1]!);
    const userId = signUp.data!.createUser.user.id;
    await admin.byText(AddMemberDocument, { userId, groupId });
    const promoted = await admin.byText(SetMemberRoleDocument, { groupId, userId, role: 'ADMIN' });
    expect(promoted.data!.setMemberRole).toMatchObject({
      changed: true,
      role: 'ADMIN',
      group: { viewerRole: 'ADMIN' },
    });
    const demoted = await admin.byText(SetMemberRoleDocument, { groupId, userId, role: 'MEMBER' });
    expect(demoted.data!.setMemberRole).toMatchObject({ changed: true, role: 'MEMBER' });
    const anonymous = await api.byText(SetMemberRoleDocument, { groupId, userId, role: 'ADMIN' });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the member-list example operations', () => {
  let api: Client;
  let admin: Client;
  beforeAll(async () => {
    ({ api, admin } = await appWith(undefined));
  });

  it('search a group’s members by name, ordered by name, page by page', async () => {
    const groupId = groupGlobalId(community.groupIds[0]!);
    // Fixture names are "User <i> <tag>": "User 1" matches users 1 and 10 to 19.
    const first = await api.byText(SearchGroupMembersDocument, { groupId, search: 'user 1', first: 3 });
    expect(first.errors).toBeUndefined();
    const connection = first.data!.group!.membersConnection;
    const names = connection.edges.map((edge) => edge.node.name);
    expect(names).toHaveLength(3);
    expect(names.every((name) => name.startsWith('User 1'))).toBe(true);
    // The order itself is checked against SQL (with the database's collation) in
    // membership-lists.test.ts; here, that the pages split the results without gap or overlap.
    const next = await api.byText(SearchGroupMembersDocument, {
      groupId,
      search: 'user 1',
      first: 100,
      after: connection.pageInfo.endCursor,
    });
    const rest = next.data!.group!.membersConnection.edges.map((edge) => edge.node.name);
    expect(names.length + rest.length).toBe(connection.totalCount);
    expect(new Set([...names, ...rest]).size).toBe(connection.totalCount);
  });

  it('add several members in one call, each reported', async () => {
    const groupId = groupGlobalId(community.groupIds[2]!);
    const userIds = community.userIds.slice(0, 4).map(userGlobalId);
    const result = await admin.byText(AddMembersDocument, { groupId, userIds });
    expect(result.errors).toBeUndefined();
    const payload = result.data!.addMembers;
    expect(payload.results.map((entry) => entry.userId)).toEqual(userIds);
    const before = payload.group.memberCount - payload.addedCount;
    expect(payload.results.filter((entry) => entry.added)).toHaveLength(payload.addedCount);
    const again = await admin.byText(AddMembersDocument, { groupId, userIds });
    expect(again.data!.addMembers).toMatchObject({
      addedCount: 0,
      group: { memberCount: before + payload.addedCount },
    });
  });
});

describe('trusted documents', () => {
  it('accepts registered IDs and arbitrary operations alike by default', async () => {
    const { api } = await appWith(false);
    const byId = await api.byId(UsersWithGroupsDocument, { first: 2 });
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.users.edges).toHaveLength(2);
    expect((await api.byText(UsersWithGroupsDocument, { first: 2 })).errors).toBeUndefined();
  });

  it('in production mode runs only registered documents', async () => {
    const { api, admin } = await appWith(true);
    const byId = await admin.byId(AddMemberDocument, {
      userId: userGlobalId(community.userIds[0]!),
      groupId: groupGlobalId(community.groupIds[2]!),
    });
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.addMember.added).toBe(true);

    const byText = await api.byText(UsersWithGroupsDocument, { first: 2 });
    expect(byText.data).toBeUndefined();
    expect(byText.errors![0]!.extensions!['code']).toBe('PERSISTED_QUERY_ONLY');

    const unknown = await api.byId({ __meta__: { hash: 'sha256:0000' } } as never, {});
    expect(unknown.errors![0]!.extensions!['code']).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it.each<Transport>(['sse', 'ws'])(
    'in production mode takes subscriptions over %s by ID only, as it does queries',
    async (transport) => {
      const { app, origin, admin } = await appWith(true);
      const groupId = groupGlobalId(community.groupIds[1]!);
      const byText = subscribe(transport, origin, GroupMembershipChangedDocument, { groupId });
      await byText.ended;
      if (transport === 'ws') {
        expect(byText.results.map(errorCodes)).toEqual([['PERSISTED_QUERY_ONLY']]);
      } else {
        // Refused before any stream starts: an HTTP 400, whose body the graphql-sse client does not read.
        expect(byText.results[0]!.errors![0]!.message).toMatch(/400/);
        const refused = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ query: print(GroupMembershipChangedDocument), variables: { groupId } }),
        });
        expect(await refused.text()).toContain('PERSISTED_QUERY_ONLY');
      }

      const live = subscribe(
        transport,
        origin,
        GroupMembershipChangedDocument,
        { groupId },
        { byHash: true },
      );
      await eventually(() => app.membershipEvents!.subscriptions === 1, 'the subscription to start');
      // Fixture user 2 belongs to groups 2 and 0, not 1.
      const userId = userGlobalId(community.userIds[2]!);
      expect((await admin.byId(AddMemberDocument, { userId, groupId })).data?.addMember.added).toBe(true);
      await eventually(() => live.results.length === 1, 'the event');
      await live.stop();
      expect(live.results[0]!.data!.membershipChanged).toMatchObject({
        kind: 'ADDED',
        userId,
        group: { id: groupId },
      });
    },
  );
});
