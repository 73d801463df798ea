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
    "\n  query AuthnViewer {\n    viewer {\n      id\n      name\n    }\n  }\n": typeof types.AuthnViewerDocument,
    "\n      mutation AuthnCreateGroup($input: CreateGroupInput!) {\n        createGroup(input: $input) {\n          group {\n            name\n          }\n        }\n      }\n    ": typeof types.AuthnCreateGroupDocument,
    "\n  mutation AuthUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        name\n      }\n    }\n  }\n": typeof types.AuthUpdateUserDocument,
    "\n  mutation AuthDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": typeof types.AuthDeleteUserDocument,
    "\n  mutation AuthCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        name\n        memberCount\n        membersConnection {\n          edges {\n            role\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuthCreateGroupDocument,
    "\n  mutation AuthUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        name\n      }\n    }\n  }\n": typeof types.AuthUpdateGroupDocument,
    "\n  mutation AuthDeleteGroup($input: DeleteGroupInput!) {\n    deleteGroup(input: $input) {\n      deletedGroupId\n    }\n  }\n": typeof types.AuthDeleteGroupDocument,
    "\n  mutation AuthAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": typeof types.AuthAddMemberDocument,
    "\n  mutation AuthRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": typeof types.AuthRemoveMemberDocument,
    "\n  mutation AuthSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n      role\n    }\n  }\n": typeof types.AuthSetMemberRoleDocument,
    "\n  mutation AuthCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        name\n      }\n    }\n  }\n": typeof types.AuthCreateUserDocument,
    "\n  query ErrorsUsersNames {\n    users(first: 1) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": typeof types.ErrorsUsersNamesDocument,
    "\n  mutation GroupCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        id\n        name\n        createdAt\n        memberCount\n        members {\n          id\n        }\n        membersConnection {\n          edges {\n            role\n          }\n        }\n      }\n    }\n  }\n": typeof types.GroupCreateDocument,
    "\n  mutation GroupUpdate($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        id\n        name\n      }\n    }\n  }\n": typeof types.GroupUpdateDocument,
    "\n  mutation GroupDelete($input: DeleteGroupInput!) {\n    deleteGroup(input: $input) {\n      deletedGroupId\n    }\n  }\n": typeof types.GroupDeleteDocument,
    "\n  query GroupById($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.GroupByIdDocument,
    "\n  query GroupsPage($first: Int, $after: String) {\n    groups(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.GroupsPageDocument,
    "\n  query LimitsExponential {\n    users(first: 1000) {\n      edges {\n        node {\n          groups(first: 1000) {\n            members(first: 1000) {\n              groups(first: 1000) {\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LimitsExponentialDocument,
    "\n  query LimitsW3Shape {\n    users(first: 50) {\n      edges {\n        node {\n          id\n          name\n          groups {\n            id\n            name\n            members(first: 20) {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LimitsW3ShapeDocument,
    "\n  query LimitsDeep {\n    users(first: 1) {\n      edges {\n        node {\n          groups(first: 1) {\n            members(first: 1) {\n              groups(first: 1) {\n                members(first: 1) {\n                  groups(first: 1) {\n                    members(first: 1) {\n                      groups(first: 1) {\n                        members(first: 1) {\n                          groups(first: 1) {\n                            members(first: 1) {\n                              groups(first: 1) {\n                                members(first: 1) {\n                                  name\n                                }\n                              }\n                            }\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LimitsDeepDocument,
    "\n  query LimitsFilteredMembers($id: ID!, $filter: MemberFilter, $orderBy: [MemberOrder!]) {\n    group(id: $id) {\n      members(first: 2, filter: $filter, orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n": typeof types.LimitsFilteredMembersDocument,
    "\n  fragment LoadingListFields on Group {\n    membership(userId: $userId) {\n      role\n      user {\n        name\n      }\n    }\n    members(first: 5, orderBy: [{ field: NAME, direction: DESC }], filter: { nameContains: \"User\" }) {\n      name\n    }\n    membersConnection(first: 5, orderBy: [{ field: JOINED_AT }], filter: { role: MEMBER }) {\n      totalCount\n      edges {\n        role\n        node {\n          membership(groupId: $groupId) {\n            joinedAt\n          }\n          sharedGroups(with: $userId, first: 3) {\n            totalCount\n            edges {\n              node {\n                name\n              }\n            }\n          }\n          groupsConnection(\n            first: 3\n            orderBy: [{ field: MEMBER_COUNT, direction: DESC }]\n            filter: { role: MEMBER }\n          ) {\n            totalCount\n            edges {\n              node {\n                groups: membersConnection(first: 2, orderBy: [{ field: NAME }]) {\n                  totalCount\n                }\n              }\n            }\n          }\n          groups(first: 3, orderBy: [{ field: NAME }], filter: { nameStartsWith: \"Group\" }) {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.LoadingListFieldsFragmentDoc,
    "\n  query LoadingListFieldsFromRoot($userId: ID!, $groupId: ID!) {\n    groups(first: 6) {\n      edges {\n        node {\n          ...LoadingListFields\n        }\n      }\n    }\n  }\n": typeof types.LoadingListFieldsFromRootDocument,
    "\n  mutation LoadingListFieldsFromAdd($input: AddMemberInput!, $userId: ID!, $groupId: ID!) {\n    addMember(input: $input) {\n      group {\n        ...LoadingListFields\n      }\n      user {\n        groupsConnection(first: 2, orderBy: [{ field: NAME }], filter: { role: MEMBER }) {\n          totalCount\n        }\n        membership(groupId: $groupId) {\n          role\n        }\n      }\n    }\n  }\n": typeof types.LoadingListFieldsFromAddDocument,
    "\n  mutation LoadingListFieldsFromBulk($input: AddMembersInput!, $userId: ID!, $groupId: ID!) {\n    addMembers(input: $input) {\n      group {\n        ...LoadingListFields\n      }\n    }\n  }\n": typeof types.LoadingListFieldsFromBulkDocument,
    "\n  query LoadingUsersDeep($first: Int!) {\n    users(first: $first) {\n      edges {\n        node {\n          id\n          name\n          groupCount\n          groups(first: 10) {\n            id\n            name\n            memberCount\n            members(first: 5) {\n              id\n              groups(first: 10) {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LoadingUsersDeepDocument,
    "\n  query LoadingUserConnections($id: ID!) {\n    user(id: $id) {\n      name\n      groupsConnection(first: 2) {\n        edges {\n          joinedAt\n          node {\n            name\n            membersConnection(first: 3) {\n              edges {\n                joinedAt\n                node {\n                  name\n                  groups {\n                    name\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LoadingUserConnectionsDocument,
    "\n  query LoadingConnectionTotals {\n    users(first: 1000) {\n      totalCount\n      edges {\n        node {\n          groupsConnection(first: 1) {\n            totalCount\n            edges {\n              node {\n                membersConnection(first: 1) {\n                  totalCount\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LoadingConnectionTotalsDocument,
    "\n  query LoadingNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        name\n        groupCount\n        groups {\n          name\n          members {\n            name\n          }\n        }\n      }\n      ... on Group {\n        name\n        memberCount\n        members {\n          name\n        }\n      }\n    }\n  }\n": typeof types.LoadingNodesDocument,
    "\n  mutation LoadingAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n      user {\n        groupCount\n        groups {\n          name\n          members {\n            name\n          }\n        }\n      }\n      group {\n        memberCount\n        members {\n          groups {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.LoadingAddMemberDocument,
    "\n  query LoadingUsersByIds($ids: [ID!]!) {\n    usersByIds(ids: $ids) {\n      id\n      groupCount\n      groups(first: 10) {\n        name\n        memberCount\n        members(first: 3) {\n          name\n          groups(first: 10) {\n            id\n          }\n        }\n      }\n      groupsConnection(first: 2) {\n        edges {\n          joinedAt\n        }\n      }\n    }\n  }\n": typeof types.LoadingUsersByIdsDocument,
    "\n  query LoadingGroupsByIds($ids: [ID!]!) {\n    groupsByIds(ids: $ids) {\n      id\n      members {\n        id\n      }\n    }\n  }\n": typeof types.LoadingGroupsByIdsDocument,
    "\n  query LoadingNodeGroup($id: ID!) {\n    node(id: $id) {\n      ... on Group {\n        memberCount\n        members {\n          name\n          groups {\n            name\n            memberCount\n          }\n        }\n      }\n    }\n  }\n": typeof types.LoadingNodeGroupDocument,
    "\n  mutation LoadingAddMemberOnly($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": typeof types.LoadingAddMemberOnlyDocument,
    "\n  mutation LoadingRemoveMemberOnly($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": typeof types.LoadingRemoveMemberOnlyDocument,
    "\n  mutation BulkAddMembers($input: AddMembersInput!) {\n    addMembers(input: $input) {\n      addedCount\n      results {\n        userId\n        added\n        user {\n          id\n          name\n          groups {\n            id\n          }\n        }\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.BulkAddMembersDocument,
    "\n  mutation BulkRemoveMembers($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      removedCount\n      results {\n        userId\n        removed\n        user {\n          id\n        }\n      }\n      group {\n        memberCount\n      }\n    }\n  }\n": typeof types.BulkRemoveMembersDocument,
    "\n  mutation BulkSingleAdd($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": typeof types.BulkSingleAddDocument,
    "\n  mutation BulkSingleRemove($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": typeof types.BulkSingleRemoveDocument,
    "\n    mutation BulkAddOnly($input: AddMembersInput!) {\n      addMembers(input: $input) {\n        addedCount\n      }\n    }\n  ": typeof types.BulkAddOnlyDocument,
    "\n  mutation AddMemberUnderLoad($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": typeof types.AddMemberUnderLoadDocument,
    "\n  mutation RemoveMemberUnderLoad($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": typeof types.RemoveMemberUnderLoadDocument,
    "\n  mutation SetRoleUnderLoad($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n    }\n  }\n": typeof types.SetRoleUnderLoadDocument,
    "\n  mutation AddMembersUnderLoad($input: AddMembersInput!) {\n    addMembers(input: $input) {\n      results {\n        added\n        userId\n      }\n    }\n  }\n": typeof types.AddMembersUnderLoadDocument,
    "\n  mutation RemoveMembersUnderLoad($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      results {\n        removed\n        userId\n      }\n    }\n  }\n": typeof types.RemoveMembersUnderLoadDocument,
    "\n  subscription FollowMemberships($groupId: ID, $userId: ID) {\n    membershipChanged(groupId: $groupId, userId: $userId) {\n      cursor\n      kind\n      role\n      userId\n      groupId\n    }\n  }\n": typeof types.FollowMembershipsDocument,
    "\n  subscription MembershipChanged($groupId: ID, $userId: ID, $after: String) {\n    membershipChanged(groupId: $groupId, userId: $userId, after: $after) {\n      cursor\n      kind\n      role\n      at\n      userId\n      groupId\n      user {\n        id\n        name\n        email\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": typeof types.MembershipChangedDocument,
    "\n  mutation AddMemberForEvents($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": typeof types.AddMemberForEventsDocument,
    "\n  mutation RemoveMemberForEvents($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": typeof types.RemoveMemberForEventsDocument,
    "\n  mutation SetRoleForEvents($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n    }\n  }\n": typeof types.SetRoleForEventsDocument,
    "\n  mutation RemoveMembersForEvents($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      removedCount\n    }\n  }\n": typeof types.RemoveMembersForEventsDocument,
    "\n  mutation DeleteUserForEvents($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": typeof types.DeleteUserForEventsDocument,
    "\n  query ListsMembersPage(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [MemberOrder!]\n    $filter: MemberFilter\n  ) {\n    group(id: $id) {\n      membersConnection(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        filter: $filter\n      ) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          role\n          node {\n            id\n          }\n        }\n      }\n      members(first: 1000, orderBy: $orderBy, filter: $filter) {\n        id\n      }\n    }\n  }\n": typeof types.ListsMembersPageDocument,
    "\n  query ListsGroupsPage(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [GroupOrder!]\n    $filter: UserGroupFilter\n  ) {\n    user(id: $id) {\n      groupsConnection(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        filter: $filter\n      ) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n          }\n        }\n      }\n      groups(first: 1000, orderBy: $orderBy, filter: $filter) {\n        id\n      }\n    }\n  }\n": typeof types.ListsGroupsPageDocument,
    "\n  query ListsLookups($first: Int!, $userId: ID!, $with: ID!, $filter: NameFilter, $groupFilter: NameFilter) {\n    groups(first: $first) {\n      edges {\n        node {\n          id\n          membership(userId: $userId) {\n            role\n            joinedAt\n            user {\n              id\n            }\n            group {\n              id\n            }\n          }\n        }\n      }\n    }\n    user(id: $userId) {\n      sharedGroups(with: $with, first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n    users(first: 100, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    searchedGroups: groups(first: 100, filter: $groupFilter) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ListsLookupsDocument,
    "\n  mutation RoleCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        name\n        memberCount\n        membersConnection {\n          edges {\n            role\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RoleCreateGroupDocument,
    "\n  mutation RoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": typeof types.RoleRemoveMemberDocument,
    "\n  mutation RoleSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n      role\n    }\n  }\n": typeof types.RoleSetMemberRoleDocument,
    "\n  mutation RoleDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": typeof types.RoleDeleteUserDocument,
    "\n  query AuthViewerEmail($id: ID!) {\n    viewer {\n      id\n      email\n    }\n    user(id: $id) {\n      email\n    }\n  }\n": typeof types.AuthViewerEmailDocument,
    "\n      query AuthRoles($id: ID!) {\n        group(id: $id) {\n          membersConnection {\n            edges {\n              role\n              node {\n                id\n              }\n            }\n          }\n        }\n      }\n    ": typeof types.AuthRolesDocument,
    "\n    query AuthGroupsWithRole {\n      groups(first: 1000) {\n        edges {\n          node {\n            id\n            viewerRole\n          }\n        }\n      }\n    }\n  ": typeof types.AuthGroupsWithRoleDocument,
    "\n  mutation MembershipAdd($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n      user {\n        id\n        groupCount\n        groups {\n          id\n        }\n      }\n      group {\n        id\n        memberCount\n        members {\n          id\n        }\n      }\n    }\n  }\n": typeof types.MembershipAddDocument,
    "\n  mutation MembershipRemove($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n      user {\n        groupCount\n      }\n      group {\n        memberCount\n        members {\n          id\n        }\n      }\n    }\n  }\n": typeof types.MembershipRemoveDocument,
    "\n  mutation MembershipDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": typeof types.MembershipDeleteUserDocument,
    "\n  query MembershipMembersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    group(id: $id) {\n      memberCount\n      membersConnection(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        edges {\n          cursor\n          joinedAt\n          role\n          node {\n            id\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MembershipMembersPageDocument,
    "\n  query MembershipUserGroups($id: ID!, $first: Int) {\n    user(id: $id) {\n      groups(first: $first) {\n        id\n      }\n      groupsConnection(first: $first) {\n        totalCount\n        edges {\n          joinedAt\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembershipUserGroupsDocument,
    "\n  query NodeMany($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        name\n      }\n      ... on Group {\n        memberCount\n      }\n    }\n  }\n": typeof types.NodeManyDocument,
    "\n  query NodeOne($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n": typeof types.NodeOneDocument,
    "\n  query ServerFirstUsers {\n    users(first: 100) {\n      totalCount\n      edges {\n        node {\n          name\n          groups {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ServerFirstUsersDocument,
    "\n  mutation UserCreate($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        name\n        email\n        createdAt\n        groupCount\n        groups {\n          id\n        }\n      }\n    }\n  }\n": typeof types.UserCreateDocument,
    "\n  mutation UserUpdate($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.UserUpdateDocument,
    "\n  mutation UserDelete($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": typeof types.UserDeleteDocument,
    "\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      email\n    }\n  }\n": typeof types.UserByIdDocument,
    "\n  query UsersPage($first: Int, $after: String, $last: Int, $before: String) {\n    users(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersPageDocument,
};
const documents: Documents = {
    "\n  query AuthnViewer {\n    viewer {\n      id\n      name\n    }\n  }\n": types.AuthnViewerDocument,
    "\n      mutation AuthnCreateGroup($input: CreateGroupInput!) {\n        createGroup(input: $input) {\n          group {\n            name\n          }\n        }\n      }\n    ": types.AuthnCreateGroupDocument,
    "\n  mutation AuthUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        name\n      }\n    }\n  }\n": types.AuthUpdateUserDocument,
    "\n  mutation AuthDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": types.AuthDeleteUserDocument,
    "\n  mutation AuthCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        name\n        memberCount\n        membersConnection {\n          edges {\n            role\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AuthCreateGroupDocument,
    "\n  mutation AuthUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        name\n      }\n    }\n  }\n": types.AuthUpdateGroupDocument,
    "\n  mutation AuthDeleteGroup($input: DeleteGroupInput!) {\n    deleteGroup(input: $input) {\n      deletedGroupId\n    }\n  }\n": types.AuthDeleteGroupDocument,
    "\n  mutation AuthAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": types.AuthAddMemberDocument,
    "\n  mutation AuthRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": types.AuthRemoveMemberDocument,
    "\n  mutation AuthSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n      role\n    }\n  }\n": types.AuthSetMemberRoleDocument,
    "\n  mutation AuthCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        name\n      }\n    }\n  }\n": types.AuthCreateUserDocument,
    "\n  query ErrorsUsersNames {\n    users(first: 1) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": types.ErrorsUsersNamesDocument,
    "\n  mutation GroupCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        id\n        name\n        createdAt\n        memberCount\n        members {\n          id\n        }\n        membersConnection {\n          edges {\n            role\n          }\n        }\n      }\n    }\n  }\n": types.GroupCreateDocument,
    "\n  mutation GroupUpdate($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        id\n        name\n      }\n    }\n  }\n": types.GroupUpdateDocument,
    "\n  mutation GroupDelete($input: DeleteGroupInput!) {\n    deleteGroup(input: $input) {\n      deletedGroupId\n    }\n  }\n": types.GroupDeleteDocument,
    "\n  query GroupById($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n": types.GroupByIdDocument,
    "\n  query GroupsPage($first: Int, $after: String) {\n    groups(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.GroupsPageDocument,
    "\n  query LimitsExponential {\n    users(first: 1000) {\n      edges {\n        node {\n          groups(first: 1000) {\n            members(first: 1000) {\n              groups(first: 1000) {\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LimitsExponentialDocument,
    "\n  query LimitsW3Shape {\n    users(first: 50) {\n      edges {\n        node {\n          id\n          name\n          groups {\n            id\n            name\n            members(first: 20) {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LimitsW3ShapeDocument,
    "\n  query LimitsDeep {\n    users(first: 1) {\n      edges {\n        node {\n          groups(first: 1) {\n            members(first: 1) {\n              groups(first: 1) {\n                members(first: 1) {\n                  groups(first: 1) {\n                    members(first: 1) {\n                      groups(first: 1) {\n                        members(first: 1) {\n                          groups(first: 1) {\n                            members(first: 1) {\n                              groups(first: 1) {\n                                members(first: 1) {\n                                  name\n                                }\n                              }\n                            }\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LimitsDeepDocument,
    "\n  query LimitsFilteredMembers($id: ID!, $filter: MemberFilter, $orderBy: [MemberOrder!]) {\n    group(id: $id) {\n      members(first: 2, filter: $filter, orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n": types.LimitsFilteredMembersDocument,
    "\n  fragment LoadingListFields on Group {\n    membership(userId: $userId) {\n      role\n      user {\n        name\n      }\n    }\n    members(first: 5, orderBy: [{ field: NAME, direction: DESC }], filter: { nameContains: \"User\" }) {\n      name\n    }\n    membersConnection(first: 5, orderBy: [{ field: JOINED_AT }], filter: { role: MEMBER }) {\n      totalCount\n      edges {\n        role\n        node {\n          membership(groupId: $groupId) {\n            joinedAt\n          }\n          sharedGroups(with: $userId, first: 3) {\n            totalCount\n            edges {\n              node {\n                name\n              }\n            }\n          }\n          groupsConnection(\n            first: 3\n            orderBy: [{ field: MEMBER_COUNT, direction: DESC }]\n            filter: { role: MEMBER }\n          ) {\n            totalCount\n            edges {\n              node {\n                groups: membersConnection(first: 2, orderBy: [{ field: NAME }]) {\n                  totalCount\n                }\n              }\n            }\n          }\n          groups(first: 3, orderBy: [{ field: NAME }], filter: { nameStartsWith: \"Group\" }) {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.LoadingListFieldsFragmentDoc,
    "\n  query LoadingListFieldsFromRoot($userId: ID!, $groupId: ID!) {\n    groups(first: 6) {\n      edges {\n        node {\n          ...LoadingListFields\n        }\n      }\n    }\n  }\n": types.LoadingListFieldsFromRootDocument,
    "\n  mutation LoadingListFieldsFromAdd($input: AddMemberInput!, $userId: ID!, $groupId: ID!) {\n    addMember(input: $input) {\n      group {\n        ...LoadingListFields\n      }\n      user {\n        groupsConnection(first: 2, orderBy: [{ field: NAME }], filter: { role: MEMBER }) {\n          totalCount\n        }\n        membership(groupId: $groupId) {\n          role\n        }\n      }\n    }\n  }\n": types.LoadingListFieldsFromAddDocument,
    "\n  mutation LoadingListFieldsFromBulk($input: AddMembersInput!, $userId: ID!, $groupId: ID!) {\n    addMembers(input: $input) {\n      group {\n        ...LoadingListFields\n      }\n    }\n  }\n": types.LoadingListFieldsFromBulkDocument,
    "\n  query LoadingUsersDeep($first: Int!) {\n    users(first: $first) {\n      edges {\n        node {\n          id\n          name\n          groupCount\n          groups(first: 10) {\n            id\n            name\n            memberCount\n            members(first: 5) {\n              id\n              groups(first: 10) {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LoadingUsersDeepDocument,
    "\n  query LoadingUserConnections($id: ID!) {\n    user(id: $id) {\n      name\n      groupsConnection(first: 2) {\n        edges {\n          joinedAt\n          node {\n            name\n            membersConnection(first: 3) {\n              edges {\n                joinedAt\n                node {\n                  name\n                  groups {\n                    name\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LoadingUserConnectionsDocument,
    "\n  query LoadingConnectionTotals {\n    users(first: 1000) {\n      totalCount\n      edges {\n        node {\n          groupsConnection(first: 1) {\n            totalCount\n            edges {\n              node {\n                membersConnection(first: 1) {\n                  totalCount\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LoadingConnectionTotalsDocument,
    "\n  query LoadingNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        name\n        groupCount\n        groups {\n          name\n          members {\n            name\n          }\n        }\n      }\n      ... on Group {\n        name\n        memberCount\n        members {\n          name\n        }\n      }\n    }\n  }\n": types.LoadingNodesDocument,
    "\n  mutation LoadingAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n      user {\n        groupCount\n        groups {\n          name\n          members {\n            name\n          }\n        }\n      }\n      group {\n        memberCount\n        members {\n          groups {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.LoadingAddMemberDocument,
    "\n  query LoadingUsersByIds($ids: [ID!]!) {\n    usersByIds(ids: $ids) {\n      id\n      groupCount\n      groups(first: 10) {\n        name\n        memberCount\n        members(first: 3) {\n          name\n          groups(first: 10) {\n            id\n          }\n        }\n      }\n      groupsConnection(first: 2) {\n        edges {\n          joinedAt\n        }\n      }\n    }\n  }\n": types.LoadingUsersByIdsDocument,
    "\n  query LoadingGroupsByIds($ids: [ID!]!) {\n    groupsByIds(ids: $ids) {\n      id\n      members {\n        id\n      }\n    }\n  }\n": types.LoadingGroupsByIdsDocument,
    "\n  query LoadingNodeGroup($id: ID!) {\n    node(id: $id) {\n      ... on Group {\n        memberCount\n        members {\n          name\n          groups {\n            name\n            memberCount\n          }\n        }\n      }\n    }\n  }\n": types.LoadingNodeGroupDocument,
    "\n  mutation LoadingAddMemberOnly($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": types.LoadingAddMemberOnlyDocument,
    "\n  mutation LoadingRemoveMemberOnly($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": types.LoadingRemoveMemberOnlyDocument,
    "\n  mutation BulkAddMembers($input: AddMembersInput!) {\n    addMembers(input: $input) {\n      addedCount\n      results {\n        userId\n        added\n        user {\n          id\n          name\n          groups {\n            id\n          }\n        }\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.BulkAddMembersDocument,
    "\n  mutation BulkRemoveMembers($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      removedCount\n      results {\n        userId\n        removed\n        user {\n          id\n        }\n      }\n      group {\n        memberCount\n      }\n    }\n  }\n": types.BulkRemoveMembersDocument,
    "\n  mutation BulkSingleAdd($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": types.BulkSingleAddDocument,
    "\n  mutation BulkSingleRemove($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": types.BulkSingleRemoveDocument,
    "\n    mutation BulkAddOnly($input: AddMembersInput!) {\n      addMembers(input: $input) {\n        addedCount\n      }\n    }\n  ": types.BulkAddOnlyDocument,
    "\n  mutation AddMemberUnderLoad($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": types.AddMemberUnderLoadDocument,
    "\n  mutation RemoveMemberUnderLoad($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": types.RemoveMemberUnderLoadDocument,
    "\n  mutation SetRoleUnderLoad($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n    }\n  }\n": types.SetRoleUnderLoadDocument,
    "\n  mutation AddMembersUnderLoad($input: AddMembersInput!) {\n    addMembers(input: $input) {\n      results {\n        added\n        userId\n      }\n    }\n  }\n": types.AddMembersUnderLoadDocument,
    "\n  mutation RemoveMembersUnderLoad($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      results {\n        removed\n        userId\n      }\n    }\n  }\n": types.RemoveMembersUnderLoadDocument,
    "\n  subscription FollowMemberships($groupId: ID, $userId: ID) {\n    membershipChanged(groupId: $groupId, userId: $userId) {\n      cursor\n      kind\n      role\n      userId\n      groupId\n    }\n  }\n": types.FollowMembershipsDocument,
    "\n  subscription MembershipChanged($groupId: ID, $userId: ID, $after: String) {\n    membershipChanged(groupId: $groupId, userId: $userId, after: $after) {\n      cursor\n      kind\n      role\n      at\n      userId\n      groupId\n      user {\n        id\n        name\n        email\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n": types.MembershipChangedDocument,
    "\n  mutation AddMemberForEvents($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n": types.AddMemberForEventsDocument,
    "\n  mutation RemoveMemberForEvents($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": types.RemoveMemberForEventsDocument,
    "\n  mutation SetRoleForEvents($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n    }\n  }\n": types.SetRoleForEventsDocument,
    "\n  mutation RemoveMembersForEvents($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      removedCount\n    }\n  }\n": types.RemoveMembersForEventsDocument,
    "\n  mutation DeleteUserForEvents($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": types.DeleteUserForEventsDocument,
    "\n  query ListsMembersPage(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [MemberOrder!]\n    $filter: MemberFilter\n  ) {\n    group(id: $id) {\n      membersConnection(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        filter: $filter\n      ) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          role\n          node {\n            id\n          }\n        }\n      }\n      members(first: 1000, orderBy: $orderBy, filter: $filter) {\n        id\n      }\n    }\n  }\n": types.ListsMembersPageDocument,
    "\n  query ListsGroupsPage(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [GroupOrder!]\n    $filter: UserGroupFilter\n  ) {\n    user(id: $id) {\n      groupsConnection(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        filter: $filter\n      ) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n          }\n        }\n      }\n      groups(first: 1000, orderBy: $orderBy, filter: $filter) {\n        id\n      }\n    }\n  }\n": types.ListsGroupsPageDocument,
    "\n  query ListsLookups($first: Int!, $userId: ID!, $with: ID!, $filter: NameFilter, $groupFilter: NameFilter) {\n    groups(first: $first) {\n      edges {\n        node {\n          id\n          membership(userId: $userId) {\n            role\n            joinedAt\n            user {\n              id\n            }\n            group {\n              id\n            }\n          }\n        }\n      }\n    }\n    user(id: $userId) {\n      sharedGroups(with: $with, first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n    users(first: 100, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    searchedGroups: groups(first: 100, filter: $groupFilter) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.ListsLookupsDocument,
    "\n  mutation RoleCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        name\n        memberCount\n        membersConnection {\n          edges {\n            role\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RoleCreateGroupDocument,
    "\n  mutation RoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n": types.RoleRemoveMemberDocument,
    "\n  mutation RoleSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n      role\n    }\n  }\n": types.RoleSetMemberRoleDocument,
    "\n  mutation RoleDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": types.RoleDeleteUserDocument,
    "\n  query AuthViewerEmail($id: ID!) {\n    viewer {\n      id\n      email\n    }\n    user(id: $id) {\n      email\n    }\n  }\n": types.AuthViewerEmailDocument,
    "\n      query AuthRoles($id: ID!) {\n        group(id: $id) {\n          membersConnection {\n            edges {\n              role\n              node {\n                id\n              }\n            }\n          }\n        }\n      }\n    ": types.AuthRolesDocument,
    "\n    query AuthGroupsWithRole {\n      groups(first: 1000) {\n        edges {\n          node {\n            id\n            viewerRole\n          }\n        }\n      }\n    }\n  ": types.AuthGroupsWithRoleDocument,
    "\n  mutation MembershipAdd($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n      user {\n        id\n        groupCount\n        groups {\n          id\n        }\n      }\n      group {\n        id\n        memberCount\n        members {\n          id\n        }\n      }\n    }\n  }\n": types.MembershipAddDocument,
    "\n  mutation MembershipRemove($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n      user {\n        groupCount\n      }\n      group {\n        memberCount\n        members {\n          id\n        }\n      }\n    }\n  }\n": types.MembershipRemoveDocument,
    "\n  mutation MembershipDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": types.MembershipDeleteUserDocument,
    "\n  query MembershipMembersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    group(id: $id) {\n      memberCount\n      membersConnection(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        edges {\n          cursor\n          joinedAt\n          role\n          node {\n            id\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.MembershipMembersPageDocument,
    "\n  query MembershipUserGroups($id: ID!, $first: Int) {\n    user(id: $id) {\n      groups(first: $first) {\n        id\n      }\n      groupsConnection(first: $first) {\n        totalCount\n        edges {\n          joinedAt\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.MembershipUserGroupsDocument,
    "\n  query NodeMany($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        name\n      }\n      ... on Group {\n        memberCount\n      }\n    }\n  }\n": types.NodeManyDocument,
    "\n  query NodeOne($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n": types.NodeOneDocument,
    "\n  query ServerFirstUsers {\n    users(first: 100) {\n      totalCount\n      edges {\n        node {\n          name\n          groups {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ServerFirstUsersDocument,
    "\n  mutation UserCreate($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        name\n        email\n        createdAt\n        groupCount\n        groups {\n          id\n        }\n      }\n    }\n  }\n": types.UserCreateDocument,
    "\n  mutation UserUpdate($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.UserUpdateDocument,
    "\n  mutation UserDelete($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n": types.UserDeleteDocument,
    "\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      email\n    }\n  }\n": types.UserByIdDocument,
    "\n  query UsersPage($first: Int, $after: String, $last: Int, $before: String) {\n    users(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.UsersPageDocument,
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
export function graphql(source: "\n  query AuthnViewer {\n    viewer {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuthnViewer {\n    viewer {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation AuthnCreateGroup($input: CreateGroupInput!) {\n        createGroup(input: $input) {\n          group {\n            name\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation AuthnCreateGroup($input: CreateGroupInput!) {\n        createGroup(input: $input) {\n          group {\n            name\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"): (typeof documents)["\n  mutation AuthDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        name\n        memberCount\n        membersConnection {\n          edges {\n            role\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        name\n        memberCount\n        membersConnection {\n          edges {\n            role\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthDeleteGroup($input: DeleteGroupInput!) {\n    deleteGroup(input: $input) {\n      deletedGroupId\n    }\n  }\n"): (typeof documents)["\n  mutation AuthDeleteGroup($input: DeleteGroupInput!) {\n    deleteGroup(input: $input) {\n      deletedGroupId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"): (typeof documents)["\n  mutation AuthAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"): (typeof documents)["\n  mutation AuthRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation AuthSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ErrorsUsersNames {\n    users(first: 1) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ErrorsUsersNames {\n    users(first: 1) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        id\n        name\n        createdAt\n        memberCount\n        members {\n          id\n        }\n        membersConnection {\n          edges {\n            role\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GroupCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        id\n        name\n        createdAt\n        memberCount\n        members {\n          id\n        }\n        membersConnection {\n          edges {\n            role\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupUpdate($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GroupUpdate($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      group {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupDelete($input: DeleteGroupInput!) {\n    deleteGroup(input: $input) {\n      deletedGroupId\n    }\n  }\n"): (typeof documents)["\n  mutation GroupDelete($input: DeleteGroupInput!) {\n    deleteGroup(input: $input) {\n      deletedGroupId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupById($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query GroupById($id: ID!) {\n    group(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupsPage($first: Int, $after: String) {\n    groups(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupsPage($first: Int, $after: String) {\n    groups(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsExponential {\n    users(first: 1000) {\n      edges {\n        node {\n          groups(first: 1000) {\n            members(first: 1000) {\n              groups(first: 1000) {\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LimitsExponential {\n    users(first: 1000) {\n      edges {\n        node {\n          groups(first: 1000) {\n            members(first: 1000) {\n              groups(first: 1000) {\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsW3Shape {\n    users(first: 50) {\n      edges {\n        node {\n          id\n          name\n          groups {\n            id\n            name\n            members(first: 20) {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LimitsW3Shape {\n    users(first: 50) {\n      edges {\n        node {\n          id\n          name\n          groups {\n            id\n            name\n            members(first: 20) {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsDeep {\n    users(first: 1) {\n      edges {\n        node {\n          groups(first: 1) {\n            members(first: 1) {\n              groups(first: 1) {\n                members(first: 1) {\n                  groups(first: 1) {\n                    members(first: 1) {\n                      groups(first: 1) {\n                        members(first: 1) {\n                          groups(first: 1) {\n                            members(first: 1) {\n                              groups(first: 1) {\n                                members(first: 1) {\n                                  name\n                                }\n                              }\n                            }\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LimitsDeep {\n    users(first: 1) {\n      edges {\n        node {\n          groups(first: 1) {\n            members(first: 1) {\n              groups(first: 1) {\n                members(first: 1) {\n                  groups(first: 1) {\n                    members(first: 1) {\n                      groups(first: 1) {\n                        members(first: 1) {\n                          groups(first: 1) {\n                            members(first: 1) {\n                              groups(first: 1) {\n                                members(first: 1) {\n                                  name\n                                }\n                              }\n                            }\n                          }\n                        }\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsFilteredMembers($id: ID!, $filter: MemberFilter, $orderBy: [MemberOrder!]) {\n    group(id: $id) {\n      members(first: 2, filter: $filter, orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query LimitsFilteredMembers($id: ID!, $filter: MemberFilter, $orderBy: [MemberOrder!]) {\n    group(id: $id) {\n      members(first: 2, filter: $filter, orderBy: $orderBy) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LoadingListFields on Group {\n    membership(userId: $userId) {\n      role\n      user {\n        name\n      }\n    }\n    members(first: 5, orderBy: [{ field: NAME, direction: DESC }], filter: { nameContains: \"User\" }) {\n      name\n    }\n    membersConnection(first: 5, orderBy: [{ field: JOINED_AT }], filter: { role: MEMBER }) {\n      totalCount\n      edges {\n        role\n        node {\n          membership(groupId: $groupId) {\n            joinedAt\n          }\n          sharedGroups(with: $userId, first: 3) {\n            totalCount\n            edges {\n              node {\n                name\n              }\n            }\n          }\n          groupsConnection(\n            first: 3\n            orderBy: [{ field: MEMBER_COUNT, direction: DESC }]\n            filter: { role: MEMBER }\n          ) {\n            totalCount\n            edges {\n              node {\n                groups: membersConnection(first: 2, orderBy: [{ field: NAME }]) {\n                  totalCount\n                }\n              }\n            }\n          }\n          groups(first: 3, orderBy: [{ field: NAME }], filter: { nameStartsWith: \"Group\" }) {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment LoadingListFields on Group {\n    membership(userId: $userId) {\n      role\n      user {\n        name\n      }\n    }\n    members(first: 5, orderBy: [{ field: NAME, direction: DESC }], filter: { nameContains: \"User\" }) {\n      name\n    }\n    membersConnection(first: 5, orderBy: [{ field: JOINED_AT }], filter: { role: MEMBER }) {\n      totalCount\n      edges {\n        role\n        node {\n          membership(groupId: $groupId) {\n            joinedAt\n          }\n          sharedGroups(with: $userId, first: 3) {\n            totalCount\n            edges {\n              node {\n                name\n              }\n            }\n          }\n          groupsConnection(\n            first: 3\n            orderBy: [{ field: MEMBER_COUNT, direction: DESC }]\n            filter: { role: MEMBER }\n          ) {\n            totalCount\n            edges {\n              node {\n                groups: membersConnection(first: 2, orderBy: [{ field: NAME }]) {\n                  totalCount\n                }\n              }\n            }\n          }\n          groups(first: 3, orderBy: [{ field: NAME }], filter: { nameStartsWith: \"Group\" }) {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoadingListFieldsFromRoot($userId: ID!, $groupId: ID!) {\n    groups(first: 6) {\n      edges {\n        node {\n          ...LoadingListFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoadingListFieldsFromRoot($userId: ID!, $groupId: ID!) {\n    groups(first: 6) {\n      edges {\n        node {\n          ...LoadingListFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadingListFieldsFromAdd($input: AddMemberInput!, $userId: ID!, $groupId: ID!) {\n    addMember(input: $input) {\n      group {\n        ...LoadingListFields\n      }\n      user {\n        groupsConnection(first: 2, orderBy: [{ field: NAME }], filter: { role: MEMBER }) {\n          totalCount\n        }\n        membership(groupId: $groupId) {\n          role\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LoadingListFieldsFromAdd($input: AddMemberInput!, $userId: ID!, $groupId: ID!) {\n    addMember(input: $input) {\n      group {\n        ...LoadingListFields\n      }\n      user {\n        groupsConnection(first: 2, orderBy: [{ field: NAME }], filter: { role: MEMBER }) {\n          totalCount\n        }\n        membership(groupId: $groupId) {\n          role\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadingListFieldsFromBulk($input: AddMembersInput!, $userId: ID!, $groupId: ID!) {\n    addMembers(input: $input) {\n      group {\n        ...LoadingListFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LoadingListFieldsFromBulk($input: AddMembersInput!, $userId: ID!, $groupId: ID!) {\n    addMembers(input: $input) {\n      group {\n        ...LoadingListFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoadingUsersDeep($first: Int!) {\n    users(first: $first) {\n      edges {\n        node {\n          id\n          name\n          groupCount\n          groups(first: 10) {\n            id\n            name\n            memberCount\n            members(first: 5) {\n              id\n              groups(first: 10) {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoadingUsersDeep($first: Int!) {\n    users(first: $first) {\n      edges {\n        node {\n          id\n          name\n          groupCount\n          groups(first: 10) {\n            id\n            name\n            memberCount\n            members(first: 5) {\n              id\n              groups(first: 10) {\n                id\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoadingUserConnections($id: ID!) {\n    user(id: $id) {\n      name\n      groupsConnection(first: 2) {\n        edges {\n          joinedAt\n          node {\n            name\n            membersConnection(first: 3) {\n              edges {\n                joinedAt\n                node {\n                  name\n                  groups {\n                    name\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoadingUserConnections($id: ID!) {\n    user(id: $id) {\n      name\n      groupsConnection(first: 2) {\n        edges {\n          joinedAt\n          node {\n            name\n            membersConnection(first: 3) {\n              edges {\n                joinedAt\n                node {\n                  name\n                  groups {\n                    name\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoadingConnectionTotals {\n    users(first: 1000) {\n      totalCount\n      edges {\n        node {\n          groupsConnection(first: 1) {\n            totalCount\n            edges {\n              node {\n                membersConnection(first: 1) {\n                  totalCount\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoadingConnectionTotals {\n    users(first: 1000) {\n      totalCount\n      edges {\n        node {\n          groupsConnection(first: 1) {\n            totalCount\n            edges {\n              node {\n                membersConnection(first: 1) {\n                  totalCount\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoadingNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        name\n        groupCount\n        groups {\n          name\n          members {\n            name\n          }\n        }\n      }\n      ... on Group {\n        name\n        memberCount\n        members {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoadingNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        name\n        groupCount\n        groups {\n          name\n          members {\n            name\n          }\n        }\n      }\n      ... on Group {\n        name\n        memberCount\n        members {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadingAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n      user {\n        groupCount\n        groups {\n          name\n          members {\n            name\n          }\n        }\n      }\n      group {\n        memberCount\n        members {\n          groups {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LoadingAddMember($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n      user {\n        groupCount\n        groups {\n          name\n          members {\n            name\n          }\n        }\n      }\n      group {\n        memberCount\n        members {\n          groups {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoadingUsersByIds($ids: [ID!]!) {\n    usersByIds(ids: $ids) {\n      id\n      groupCount\n      groups(first: 10) {\n        name\n        memberCount\n        members(first: 3) {\n          name\n          groups(first: 10) {\n            id\n          }\n        }\n      }\n      groupsConnection(first: 2) {\n        edges {\n          joinedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoadingUsersByIds($ids: [ID!]!) {\n    usersByIds(ids: $ids) {\n      id\n      groupCount\n      groups(first: 10) {\n        name\n        memberCount\n        members(first: 3) {\n          name\n          groups(first: 10) {\n            id\n          }\n        }\n      }\n      groupsConnection(first: 2) {\n        edges {\n          joinedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoadingGroupsByIds($ids: [ID!]!) {\n    groupsByIds(ids: $ids) {\n      id\n      members {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoadingGroupsByIds($ids: [ID!]!) {\n    groupsByIds(ids: $ids) {\n      id\n      members {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoadingNodeGroup($id: ID!) {\n    node(id: $id) {\n      ... on Group {\n        memberCount\n        members {\n          name\n          groups {\n            name\n            memberCount\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoadingNodeGroup($id: ID!) {\n    node(id: $id) {\n      ... on Group {\n        memberCount\n        members {\n          name\n          groups {\n            name\n            memberCount\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadingAddMemberOnly($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"): (typeof documents)["\n  mutation LoadingAddMemberOnly($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadingRemoveMemberOnly($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"): (typeof documents)["\n  mutation LoadingRemoveMemberOnly($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkAddMembers($input: AddMembersInput!) {\n    addMembers(input: $input) {\n      addedCount\n      results {\n        userId\n        added\n        user {\n          id\n          name\n          groups {\n            id\n          }\n        }\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkAddMembers($input: AddMembersInput!) {\n    addMembers(input: $input) {\n      addedCount\n      results {\n        userId\n        added\n        user {\n          id\n          name\n          groups {\n            id\n          }\n        }\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkRemoveMembers($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      removedCount\n      results {\n        userId\n        removed\n        user {\n          id\n        }\n      }\n      group {\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkRemoveMembers($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      removedCount\n      results {\n        userId\n        removed\n        user {\n          id\n        }\n      }\n      group {\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkSingleAdd($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"): (typeof documents)["\n  mutation BulkSingleAdd($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkSingleRemove($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"): (typeof documents)["\n  mutation BulkSingleRemove($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BulkAddOnly($input: AddMembersInput!) {\n      addMembers(input: $input) {\n        addedCount\n      }\n    }\n  "): (typeof documents)["\n    mutation BulkAddOnly($input: AddMembersInput!) {\n      addMembers(input: $input) {\n        addedCount\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMemberUnderLoad($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"): (typeof documents)["\n  mutation AddMemberUnderLoad($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMemberUnderLoad($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMemberUnderLoad($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRoleUnderLoad($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n    }\n  }\n"): (typeof documents)["\n  mutation SetRoleUnderLoad($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMembersUnderLoad($input: AddMembersInput!) {\n    addMembers(input: $input) {\n      results {\n        added\n        userId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddMembersUnderLoad($input: AddMembersInput!) {\n    addMembers(input: $input) {\n      results {\n        added\n        userId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMembersUnderLoad($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      results {\n        removed\n        userId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMembersUnderLoad($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      results {\n        removed\n        userId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowMemberships($groupId: ID, $userId: ID) {\n    membershipChanged(groupId: $groupId, userId: $userId) {\n      cursor\n      kind\n      role\n      userId\n      groupId\n    }\n  }\n"): (typeof documents)["\n  subscription FollowMemberships($groupId: ID, $userId: ID) {\n    membershipChanged(groupId: $groupId, userId: $userId) {\n      cursor\n      kind\n      role\n      userId\n      groupId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MembershipChanged($groupId: ID, $userId: ID, $after: String) {\n    membershipChanged(groupId: $groupId, userId: $userId, after: $after) {\n      cursor\n      kind\n      role\n      at\n      userId\n      groupId\n      user {\n        id\n        name\n        email\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MembershipChanged($groupId: ID, $userId: ID, $after: String) {\n    membershipChanged(groupId: $groupId, userId: $userId, after: $after) {\n      cursor\n      kind\n      role\n      at\n      userId\n      groupId\n      user {\n        id\n        name\n        email\n      }\n      group {\n        id\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMemberForEvents($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"): (typeof documents)["\n  mutation AddMemberForEvents($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMemberForEvents($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMemberForEvents($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRoleForEvents($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n    }\n  }\n"): (typeof documents)["\n  mutation SetRoleForEvents($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMembersForEvents($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      removedCount\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMembersForEvents($input: RemoveMembersInput!) {\n    removeMembers(input: $input) {\n      removedCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUserForEvents($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteUserForEvents($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListsMembersPage(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [MemberOrder!]\n    $filter: MemberFilter\n  ) {\n    group(id: $id) {\n      membersConnection(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        filter: $filter\n      ) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          role\n          node {\n            id\n          }\n        }\n      }\n      members(first: 1000, orderBy: $orderBy, filter: $filter) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListsMembersPage(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [MemberOrder!]\n    $filter: MemberFilter\n  ) {\n    group(id: $id) {\n      membersConnection(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        filter: $filter\n      ) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          role\n          node {\n            id\n          }\n        }\n      }\n      members(first: 1000, orderBy: $orderBy, filter: $filter) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListsGroupsPage(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [GroupOrder!]\n    $filter: UserGroupFilter\n  ) {\n    user(id: $id) {\n      groupsConnection(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        filter: $filter\n      ) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n          }\n        }\n      }\n      groups(first: 1000, orderBy: $orderBy, filter: $filter) {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListsGroupsPage(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [GroupOrder!]\n    $filter: UserGroupFilter\n  ) {\n    user(id: $id) {\n      groupsConnection(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        filter: $filter\n      ) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n          }\n        }\n      }\n      groups(first: 1000, orderBy: $orderBy, filter: $filter) {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListsLookups($first: Int!, $userId: ID!, $with: ID!, $filter: NameFilter, $groupFilter: NameFilter) {\n    groups(first: $first) {\n      edges {\n        node {\n          id\n          membership(userId: $userId) {\n            role\n            joinedAt\n            user {\n              id\n            }\n            group {\n              id\n            }\n          }\n        }\n      }\n    }\n    user(id: $userId) {\n      sharedGroups(with: $with, first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n    users(first: 100, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    searchedGroups: groups(first: 100, filter: $groupFilter) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListsLookups($first: Int!, $userId: ID!, $with: ID!, $filter: NameFilter, $groupFilter: NameFilter) {\n    groups(first: $first) {\n      edges {\n        node {\n          id\n          membership(userId: $userId) {\n            role\n            joinedAt\n            user {\n              id\n            }\n            group {\n              id\n            }\n          }\n        }\n      }\n    }\n    user(id: $userId) {\n      sharedGroups(with: $with, first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n    users(first: 100, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    searchedGroups: groups(first: 100, filter: $groupFilter) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        name\n        memberCount\n        membersConnection {\n          edges {\n            role\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RoleCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      group {\n        name\n        memberCount\n        membersConnection {\n          edges {\n            role\n            node {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"): (typeof documents)["\n  mutation RoleRemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation RoleSetMemberRole($input: SetMemberRoleInput!) {\n    setMemberRole(input: $input) {\n      changed\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoleDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"): (typeof documents)["\n  mutation RoleDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthViewerEmail($id: ID!) {\n    viewer {\n      id\n      email\n    }\n    user(id: $id) {\n      email\n    }\n  }\n"): (typeof documents)["\n  query AuthViewerEmail($id: ID!) {\n    viewer {\n      id\n      email\n    }\n    user(id: $id) {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AuthRoles($id: ID!) {\n        group(id: $id) {\n          membersConnection {\n            edges {\n              role\n              node {\n                id\n              }\n            }\n          }\n        }\n      }\n    "): (typeof documents)["\n      query AuthRoles($id: ID!) {\n        group(id: $id) {\n          membersConnection {\n            edges {\n              role\n              node {\n                id\n              }\n            }\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query AuthGroupsWithRole {\n      groups(first: 1000) {\n        edges {\n          node {\n            id\n            viewerRole\n          }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query AuthGroupsWithRole {\n      groups(first: 1000) {\n        edges {\n          node {\n            id\n            viewerRole\n          }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembershipAdd($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n      user {\n        id\n        groupCount\n        groups {\n          id\n        }\n      }\n      group {\n        id\n        memberCount\n        members {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MembershipAdd($input: AddMemberInput!) {\n    addMember(input: $input) {\n      added\n      user {\n        id\n        groupCount\n        groups {\n          id\n        }\n      }\n      group {\n        id\n        memberCount\n        members {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembershipRemove($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n      user {\n        groupCount\n      }\n      group {\n        memberCount\n        members {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MembershipRemove($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removed\n      user {\n        groupCount\n      }\n      group {\n        memberCount\n        members {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembershipDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"): (typeof documents)["\n  mutation MembershipDeleteUser($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembershipMembersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    group(id: $id) {\n      memberCount\n      membersConnection(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        edges {\n          cursor\n          joinedAt\n          role\n          node {\n            id\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembershipMembersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    group(id: $id) {\n      memberCount\n      membersConnection(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        edges {\n          cursor\n          joinedAt\n          role\n          node {\n            id\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembershipUserGroups($id: ID!, $first: Int) {\n    user(id: $id) {\n      groups(first: $first) {\n        id\n      }\n      groupsConnection(first: $first) {\n        totalCount\n        edges {\n          joinedAt\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembershipUserGroups($id: ID!, $first: Int) {\n    user(id: $id) {\n      groups(first: $first) {\n        id\n      }\n      groupsConnection(first: $first) {\n        totalCount\n        edges {\n          joinedAt\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeMany($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        name\n      }\n      ... on Group {\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query NodeMany($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on User {\n        name\n      }\n      ... on Group {\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeOne($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query NodeOne($id: ID!) {\n    node(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerFirstUsers {\n    users(first: 100) {\n      totalCount\n      edges {\n        node {\n          name\n          groups {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServerFirstUsers {\n    users(first: 100) {\n      totalCount\n      edges {\n        node {\n          name\n          groups {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserCreate($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        name\n        email\n        createdAt\n        groupCount\n        groups {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UserCreate($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        name\n        email\n        createdAt\n        groupCount\n        groups {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserUpdate($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UserUpdate($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UserDelete($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"): (typeof documents)["\n  mutation UserDelete($input: DeleteUserInput!) {\n    deleteUser(input: $input) {\n      deletedUserId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query UserById($id: ID!) {\n    user(id: $id) {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersPage($first: Int, $after: String, $last: Int, $before: String) {\n    users(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersPage($first: Int, $after: String, $last: Int, $before: String) {\n    users(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;