/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AddMember($userId: ID!, $groupId: ID!) {\n  addMember(input: {userId: $userId, groupId: $groupId}) {\n    added\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": typeof types.AddMemberDocument,
    "mutation AddMembers($groupId: ID!, $userIds: [ID!]!, $role: MembershipRole = MEMBER) {\n  addMembers(input: {groupId: $groupId, userIds: $userIds, role: $role}) {\n    addedCount\n    results {\n      userId\n      added\n      user {\n        id\n        name\n      }\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": typeof types.AddMembersDocument,
    "query GroupMembersPage($groupId: ID!, $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    memberCount\n    membersConnection(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.GroupMembersPageDocument,
    "query SearchGroupMembers($groupId: ID!, $search: String, $role: MembershipRole, $orderBy: [MemberOrder!] = [{field: NAME, direction: ASC}], $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    membersConnection(\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      filter: {nameContains: $search, role: $role}\n    ) {\n      totalCount\n      edges {\n        role\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.SearchGroupMembersDocument,
    "subscription GroupMembershipChanged($groupId: ID!, $after: String) {\n  membershipChanged(groupId: $groupId, after: $after) {\n    cursor\n    kind\n    role\n    userId\n    user {\n      id\n      name\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": typeof types.GroupMembershipChangedDocument,
    "mutation RemoveMember($userId: ID!, $groupId: ID!) {\n  removeMember(input: {userId: $userId, groupId: $groupId}) {\n    removed\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": typeof types.RemoveMemberDocument,
    "query UsersWithGroups($first: Int = 20, $after: String) {\n  users(first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        groups {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.UsersWithGroupsDocument,
};
const documents: Documents = {
    "mutation AddMember($userId: ID!, $groupId: ID!) {\n  addMember(input: {userId: $userId, groupId: $groupId}) {\n    added\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": types.AddMemberDocument,
    "mutation AddMembers($groupId: ID!, $userIds: [ID!]!, $role: MembershipRole = MEMBER) {\n  addMembers(input: {groupId: $groupId, userIds: $userIds, role: $role}) {\n    addedCount\n    results {\n      userId\n      added\n      user {\n        id\n        name\n      }\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": types.AddMembersDocument,
    "query GroupMembersPage($groupId: ID!, $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    memberCount\n    membersConnection(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.GroupMembersPageDocument,
    "query SearchGroupMembers($groupId: ID!, $search: String, $role: MembershipRole, $orderBy: [MemberOrder!] = [{field: NAME, direction: ASC}], $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    membersConnection(\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      filter: {nameContains: $search, role: $role}\n    ) {\n      totalCount\n      edges {\n        role\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.SearchGroupMembersDocument,
    "subscription GroupMembershipChanged($groupId: ID!, $after: String) {\n  membershipChanged(groupId: $groupId, after: $after) {\n    cursor\n    kind\n    role\n    userId\n    user {\n      id\n      name\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": types.GroupMembershipChangedDocument,
    "mutation RemoveMember($userId: ID!, $groupId: ID!) {\n  removeMember(input: {userId: $userId, groupId: $groupId}) {\n    removed\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": types.RemoveMemberDocument,
    "query UsersWithGroups($first: Int = 20, $after: String) {\n  users(first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        groups {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.UsersWithGroupsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddMember($userId: ID!, $groupId: ID!) {\n  addMember(input: {userId: $userId, groupId: $groupId}) {\n    added\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}"): (typeof documents)["mutation AddMember($userId: ID!, $groupId: ID!) {\n  addMember(input: {userId: $userId, groupId: $groupId}) {\n    added\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddMembers($groupId: ID!, $userIds: [ID!]!, $role: MembershipRole = MEMBER) {\n  addMembers(input: {groupId: $groupId, userIds: $userIds, role: $role}) {\n    addedCount\n    results {\n      userId\n      added\n      user {\n        id\n        name\n      }\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}"): (typeof documents)["mutation AddMembers($groupId: ID!, $userIds: [ID!]!, $role: MembershipRole = MEMBER) {\n  addMembers(input: {groupId: $groupId, userIds: $userIds, role: $role}) {\n    addedCount\n    results {\n      userId\n      added\n      user {\n        id\n        name\n      }\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GroupMembersPage($groupId: ID!, $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    memberCount\n    membersConnection(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query GroupMembersPage($groupId: ID!, $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    memberCount\n    membersConnection(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchGroupMembers($groupId: ID!, $search: String, $role: MembershipRole, $orderBy: [MemberOrder!] = [{field: NAME, direction: ASC}], $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    membersConnection(\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      filter: {nameContains: $search, role: $role}\n    ) {\n      totalCount\n      edges {\n        role\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query SearchGroupMembers($groupId: ID!, $search: String, $role: MembershipRole, $orderBy: [MemberOrder!] = [{field: NAME, direction: ASC}], $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    membersConnection(\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      filter: {nameContains: $search, role: $role}\n    ) {\n      totalCount\n      edges {\n        role\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription GroupMembershipChanged($groupId: ID!, $after: String) {\n  membershipChanged(groupId: $groupId, after: $after) {\n    cursor\n    kind\n    role\n    userId\n    user {\n      id\n      name\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}"): (typeof documents)["subscription GroupMembershipChanged($groupId: ID!, $after: String) {\n  membershipChanged(groupId: $groupId, after: $after) {\n    cursor\n    kind\n    role\n    userId\n    user {\n      id\n      name\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveMember($userId: ID!, $groupId: ID!) {\n  removeMember(input: {userId: $userId, groupId: $groupId}) {\n    removed\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}"): (typeof documents)["mutation RemoveMember($userId: ID!, $groupId: ID!) {\n  removeMember(input: {userId: $userId, groupId: $groupId}) {\n    removed\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersWithGroups($first: Int = 20, $after: String) {\n  users(first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        groups {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query UsersWithGroups($first: Int = 20, $after: String) {\n  users(first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        groups {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;