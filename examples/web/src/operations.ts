import { graphql } from '../../gql';

// Every operation the app sends. `npm run codegen` at the repository root types them from the
// API's schema.graphql and adds them to the trusted-documents manifest; the app sends only their
// hashes (client.ts), so a server with TRUSTED_DOCUMENTS=require runs it unchanged.

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
    }
  }
`);

export const GroupListQuery = graphql(`
  query GroupList($filter: NameFilter, $after: String) {
    groups(first: 20, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          memberCount
          viewerRole
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const GroupQuery = graphql(`
  query Group($groupId: ID!) {
    group(id: $groupId) {
      id
      name
      memberCount
      viewerRole
    }
  }
`);

/** One page of a group's members, newest first: a member added here or elsewhere goes on top. */
export const GroupMembersQuery = graphql(`
  query GroupMembers($groupId: ID!, $after: String) {
    group(id: $groupId) {
      id
      membersConnection(first: 20, after: $after, orderBy: [{ field: JOINED_AT, direction: DESC }]) {
        edges {
          role
          joinedAt
          node {
            id
            name
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const UserSearchQuery = graphql(`
  query UserSearch($search: String!) {
    users(first: 8, filter: { nameContains: $search }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const UserQuery = graphql(`
  query User($userId: ID!) {
    user(id: $userId) {
      id
      name
      groupCount
      groups {
        id
        name
        memberCount
      }
    }
  }
`);

export const AddGroupMemberMutation = graphql(`
  mutation AddGroupMember($groupId: ID!, $userId: ID!) {
    addMember(input: { groupId: $groupId, userId: $userId }) {
      added
      group {
        id
        name
        memberCount
        membership(userId: $userId) {
          role
          joinedAt
        }
      }
      user {
        id
        name
        groupCount
      }
    }
  }
`);

export const RemoveGroupMemberMutation = graphql(`
  mutation RemoveGroupMember($groupId: ID!, $userId: ID!) {
    removeMember(input: { groupId: $groupId, userId: $userId }) {
      removed
      group {
        id
        memberCount
        viewerRole
      }
      user {
        id
        groupCount
      }
    }
  }
`);

export const GroupMembersLiveSubscription = graphql(`
  subscription GroupMembersLive($groupId: ID!) {
    membershipChanged(groupId: $groupId) {
      cursor
      kind
      role
      at
      userId
      user {
        id
        name
      }
      group {
        id
        memberCount
      }
    }
  }
`);

/** What a user's list of groups shows of each: the cache reads it to add a group to the list. */
export const GroupSummaryFragment = graphql(`
  fragment GroupSummary on Group {
    id
    name
    memberCount
  }
`);
