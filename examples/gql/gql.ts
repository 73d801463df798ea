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
    "mutation CreateUser($name: String!, $email: String!) {\n  createUser(input: {name: $name, email: $email}) {\n    user {\n      id\n      name\n    }\n  }\n}": typeof types.CreateUserDocument,
    "query GroupMembersPage($groupId: ID!, $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    memberCount\n    membersConnection(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.GroupMembersPageDocument,
    "query SearchGroupMembers($groupId: ID!, $search: String, $role: MembershipRole, $orderBy: [MemberOrder!] = [{field: NAME, direction: ASC}], $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    membersConnection(\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      filter: {nameContains: $search, role: $role}\n    ) {\n      totalCount\n      edges {\n        role\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.SearchGroupMembersDocument,
    "subscription GroupMembershipChanged($groupId: ID!, $after: String) {\n  membershipChanged(groupId: $groupId, after: $after) {\n    cursor\n    kind\n    role\n    userId\n    user {\n      id\n      name\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": typeof types.GroupMembershipChangedDocument,
    "mutation RemoveMember($userId: ID!, $groupId: ID!) {\n  removeMember(input: {userId: $userId, groupId: $groupId}) {\n    removed\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": typeof types.RemoveMemberDocument,
    "mutation SetMemberRole($groupId: ID!, $userId: ID!, $role: MembershipRole!) {\n  setMemberRole(input: {groupId: $groupId, userId: $userId, role: $role}) {\n    changed\n    role\n    group {\n      id\n      viewerRole\n    }\n  }\n}": typeof types.SetMemberRoleDocument,
    "query UsersWithGroups($first: Int = 20, $after: String) {\n  users(first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        groups {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.UsersWithGroupsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query GroupList($filter: NameFilter, $after: String) {\n    groups(first: 20, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          viewerRole\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.GroupListDocument,
    "\n  query Group($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      viewerRole\n    }\n  }\n": typeof types.GroupDocument,
    "\n  query GroupMembers($groupId: ID!, $after: String) {\n    group(id: $groupId) {\n      id\n      membersConnection(first: 20, after: $after, orderBy: [{ field: JOINED_AT, direction: DESC }]) {\n        edges {\n          role\n          joinedAt\n          node {\n            id\n            name\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.GroupMembersDocument,
    "\n  query UserSearch($search: String!) {\n    users(first: 8, filter: { nameContains: $search }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.UserSearchDocument,
    "\n  query User($userId: ID!) {\n    user(id: $userId) {\n      id\n      name\n      groupCount\n      groups {\n        id\n        name\n        memberCount\n      }\n    }\n  }\n": typeof types.UserDocument,
    "\n  mutation AddGroupMember($groupId: ID!, $userId: ID!) {\n    addMember(input: { groupId: $groupId, userId: $userId }) {\n      added\n      group {\n        id\n        name\n        memberCount\n        membership(userId: $userId) {\n          role\n          joinedAt\n        }\n      }\n      user {\n        id\n        name\n        groupCount\n      }\n    }\n  }\n": typeof types.AddGroupMemberDocument,
    "\n  mutation RemoveGroupMember($groupId: ID!, $userId: ID!) {\n    removeMember(input: { groupId: $groupId, userId: $userId }) {\n      removed\n      group {\n        id\n        memberCount\n        viewerRole\n      }\n      user {\n        id\n        groupCount\n      }\n    }\n  }\n": typeof types.RemoveGroupMemberDocument,
    "\n  subscription GroupMembersLive($groupId: ID!) {\n    membershipChanged(groupId: $groupId) {\n      cursor\n      kind\n      role\n      at\n      userId\n      user {\n        id\n        name\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.GroupMembersLiveDocument,
    "\n  fragment GroupSummary on Group {\n    id\n    name\n    memberCount\n  }\n": typeof types.GroupSummaryFragmentDoc,
};
const documents: Documents = {
    "mutation AddMember($userId: ID!, $groupId: ID!) {\n  addMember(input: {userId: $userId, groupId: $groupId}) {\n    added\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": types.AddMemberDocument,
    "mutation AddMembers($groupId: ID!, $userIds: [ID!]!, $role: MembershipRole = MEMBER) {\n  addMembers(input: {groupId: $groupId, userIds: $userIds, role: $role}) {\n    addedCount\n    results {\n      userId\n      added\n      user {\n        id\n        name\n      }\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": types.AddMembersDocument,
    "mutation CreateUser($name: String!, $email: String!) {\n  createUser(input: {name: $name, email: $email}) {\n    user {\n      id\n      name\n    }\n  }\n}": types.CreateUserDocument,
    "query GroupMembersPage($groupId: ID!, $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    memberCount\n    membersConnection(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.GroupMembersPageDocument,
    "query SearchGroupMembers($groupId: ID!, $search: String, $role: MembershipRole, $orderBy: [MemberOrder!] = [{field: NAME, direction: ASC}], $first: Int = 20, $after: String) {\n  group(id: $groupId) {\n    id\n    name\n    membersConnection(\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      filter: {nameContains: $search, role: $role}\n    ) {\n      totalCount\n      edges {\n        role\n        joinedAt\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.SearchGroupMembersDocument,
    "subscription GroupMembershipChanged($groupId: ID!, $after: String) {\n  membershipChanged(groupId: $groupId, after: $after) {\n    cursor\n    kind\n    role\n    userId\n    user {\n      id\n      name\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": types.GroupMembershipChangedDocument,
    "mutation RemoveMember($userId: ID!, $groupId: ID!) {\n  removeMember(input: {userId: $userId, groupId: $groupId}) {\n    removed\n    user {\n      id\n      groupCount\n    }\n    group {\n      id\n      memberCount\n    }\n  }\n}": types.RemoveMemberDocument,
    "mutation SetMemberRole($groupId: ID!, $userId: ID!, $role: MembershipRole!) {\n  setMemberRole(input: {groupId: $groupId, userId: $userId, role: $role}) {\n    changed\n    role\n    group {\n      id\n      viewerRole\n    }\n  }\n}": types.SetMemberRoleDocument,
    "query UsersWithGroups($first: Int = 20, $after: String) {\n  users(first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        groups {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.UsersWithGroupsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n    }\n  }\n": types.ViewerDocument,
    "\n  query GroupList($filter: NameFilter, $after: String) {\n    groups(first: 20, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          viewerRole\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.GroupListDocument,
    "\n  query Group($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      viewerRole\n    }\n  }\n": types.GroupDocument,
    "\n  query GroupMembers($groupId: ID!, $after: String) {\n    group(id: $groupId) {\n      id\n      membersConnection(first: 20, after: $after, orderBy: [{ field: JOINED_AT, direction: DESC }]) {\n        edges {\n          role\n          joinedAt\n          node {\n            id\n            name\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.GroupMembersDocument,
    "\n  query UserSearch($search: String!) {\n    users(first: 8, filter: { nameContains: $search }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.UserSearchDocument,
    "\n  query User($userId: ID!) {\n    user(id: $userId) {\n      id\n      name\n      groupCount\n      groups {\n        id\n        name\n        memberCount\n      }\n    }\n  }\n": types.UserDocument,
    "\n  mutation AddGroupMember($groupId: ID!, $userId: ID!) {\n    addMember(input: { groupId: $groupId, userId: $userId }) {\n      added\n      group {\n        id\n        name\n        memberCount\n        membership(userId: $userId) {\n          role\n          joinedAt\n        }\n      }\n      user {\n        id\n        name\n        groupCount\n      }\n    }\n  }\n": types.AddGroupMemberDocument,
    "\n  mutation RemoveGroupMember($groupId: ID!, $userId: ID!) {\n    removeMember(input: { groupId: $groupId, userId: $userId }) {\n      removed\n      group {\n        id\n        memberCount\n        viewerRole\n      }\n      user {\n        id\n        groupCount\n      }\n    }\n  }\n": types.RemoveGroupMemberDocument,
    "\n  subscription GroupMembersLive($groupId: ID!) {\n    membershipChanged(groupId: $groupId) {\n      cursor\n      kind\n      role\n      at\n      userId\n      user {\n        id\n        name\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.GroupMembersLiveDocument,
    "\n  fragment GroupSummary on Group {\n    id\n    name\n    memberCount\n  }\n": types.GroupSummaryFragmentDoc,
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
export function graphql(source: "mutation CreateUser($name: String!, $email: String!) {\n  createUser(input: {name: $name, email: $email}) {\n    user {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["mutation CreateUser($name: String!, $email: String!) {\n  createUser(input: {name: $name, email: $email}) {\n    user {\n      id\n      name\n    }\n  }\n}"];
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
export function graphql(source: "mutation SetMemberRole($groupId: ID!, $userId: ID!, $role: MembershipRole!) {\n  setMemberRole(input: {groupId: $groupId, userId: $userId, role: $role}) {\n    changed\n    role\n    group {\n      id\n      viewerRole\n    }\n  }\n}"): (typeof documents)["mutation SetMemberRole($groupId: ID!, $userId: ID!, $role: MembershipRole!) {\n  setMemberRole(input: {groupId: $groupId, userId: $userId, role: $role}) {\n    changed\n    role\n    group {\n      id\n      viewerRole\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersWithGroups($first: Int = 20, $after: String) {\n  users(first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        groups {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query UsersWithGroups($first: Int = 20, $after: String) {\n  users(first: $first, after: $after) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        groups {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupList($filter: NameFilter, $after: String) {\n    groups(first: 20, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          viewerRole\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupList($filter: NameFilter, $after: String) {\n    groups(first: 20, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          viewerRole\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Group($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      viewerRole\n    }\n  }\n"): (typeof documents)["\n  query Group($groupId: ID!) {\n    group(id: $groupId) {\n      id\n      name\n      memberCount\n      viewerRole\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupMembers($groupId: ID!, $after: String) {\n    group(id: $groupId) {\n      id\n      membersConnection(first: 20, after: $after, orderBy: [{ field: JOINED_AT, direction: DESC }]) {\n        edges {\n          role\n          joinedAt\n          node {\n            id\n            name\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupMembers($groupId: ID!, $after: String) {\n    group(id: $groupId) {\n      id\n      membersConnection(first: 20, after: $after, orderBy: [{ field: JOINED_AT, direction: DESC }]) {\n        edges {\n          role\n          joinedAt\n          node {\n            id\n            name\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSearch($search: String!) {\n    users(first: 8, filter: { nameContains: $search }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserSearch($search: String!) {\n    users(first: 8, filter: { nameContains: $search }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($userId: ID!) {\n    user(id: $userId) {\n      id\n      name\n      groupCount\n      groups {\n        id\n        name\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query User($userId: ID!) {\n    user(id: $userId) {\n      id\n      name\n      groupCount\n      groups {\n        id\n        name\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddGroupMember($groupId: ID!, $userId: ID!) {\n    addMember(input: { groupId: $groupId, userId: $userId }) {\n      added\n      group {\n        id\n        name\n        memberCount\n        membership(userId: $userId) {\n          role\n          joinedAt\n        }\n      }\n      user {\n        id\n        name\n        groupCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddGroupMember($groupId: ID!, $userId: ID!) {\n    addMember(input: { groupId: $groupId, userId: $userId }) {\n      added\n      group {\n        id\n        name\n        memberCount\n        membership(userId: $userId) {\n          role\n          joinedAt\n        }\n      }\n      user {\n        id\n        name\n        groupCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveGroupMember($groupId: ID!, $userId: ID!) {\n    removeMember(input: { groupId: $groupId, userId: $userId }) {\n      removed\n      group {\n        id\n        memberCount\n        viewerRole\n      }\n      user {\n        id\n        groupCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveGroupMember($groupId: ID!, $userId: ID!) {\n    removeMember(input: { groupId: $groupId, userId: $userId }) {\n      removed\n      group {\n        id\n        memberCount\n        viewerRole\n      }\n      user {\n        id\n        groupCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GroupMembersLive($groupId: ID!) {\n    membershipChanged(groupId: $groupId) {\n      cursor\n      kind\n      role\n      at\n      userId\n      user {\n        id\n        name\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription GroupMembersLive($groupId: ID!) {\n    membershipChanged(groupId: $groupId) {\n      cursor\n      kind\n      role\n      at\n      userId\n      user {\n        id\n        name\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupSummary on Group {\n    id\n    name\n    memberCount\n  }\n"): (typeof documents)["\n  fragment GroupSummary on Group {\n    id\n    name\n    memberCount\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;