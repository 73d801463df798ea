import { useState } from 'react';
import { type CombinedError, useMutation, useQuery, useSubscription } from 'urql';
import { AddMember } from './AddMember.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import {
  GroupMembersLiveSubscription,
  GroupMembersQuery,
  GroupQuery,
  RemoveGroupMemberMutation,
  ViewerQuery,
} from './operations.ts';
import { userHref } from './routes.ts';

export function GroupPage({ groupId }: { groupId: string }) {
  const [{ data, error }, refetchGroup] = useQuery({ query: GroupQuery, variables: { groupId } });
  const [{ data: viewer }] = useQuery({ query: ViewerQuery });
  // Live: every change to this group's members, made anywhere, lands in the cache (cache.ts).
  useSubscription({ query: GroupMembersLiveSubscription, variables: { groupId } });
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [removal, removeMember] = useMutation(RemoveGroupMemberMutation);
  const [removalError, setRemovalError] = useState<CombinedError>();

  if (error) return <ErrorMessage error={error} />;
  if (!data?.group) return <p>Loading…</p>;
  const group = data.group;
  const isAdmin = group.viewerRole === 'ADMIN';
  const viewerId = viewer?.viewer?.id;

  const remove = async (userId: string) => {
    setRemovalError(undefined);
    const result = await removeMember({ groupId, userId });
    if (result.error) {
      setRemovalError(result.error);
      // Refused because the viewer's role changed meanwhile: show the controls they have now.
      refetchGroup({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section>
      <h1>{group.name}</h1>
      <p>
        <span className="member-count">{group.memberCount}</span> members
        {group.viewerRole && (
          <>
            {' '}
            · you are <span className="role">{group.viewerRole}</span>
          </>
        )}
      </p>
      {isAdmin && <AddMember groupId={groupId} />}
      <ErrorMessage error={removalError} />
      <table className="members">
        <thead>
          <tr>
            <th>Member</th>
            <th>Role</th>
            <th>Joined</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {pages.map((after, index) => (
            <MembersPage
              key={after ?? 'first'}
              groupId={groupId}
              after={after}
              onMore={index === pages.length - 1 ? (cursor) => setPages([...pages, cursor]) : undefined}
              action={(userId) =>
                userId === viewerId && group.viewerRole ? (
                  <button disabled={removal.fetching} onClick={() => void remove(userId)}>
                    Leave
                  </button>
                ) : isAdmin ? (
                  <button disabled={removal.fetching} onClick={() => void remove(userId)}>
                    Remove
                  </button>
                ) : null
              }
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function MembersPage({
  groupId,
  after,
  onMore,
  action,
}: {
  groupId: string;
  after: string | null;
  onMore: ((cursor: string) => void) | undefined;
  action: (userId: string) => React.ReactNode;
}) {
  const [{ data, error }] = useQuery({ query: GroupMembersQuery, variables: { groupId, after } });
  if (error) {
    return (
      <tr>
        <td colSpan={4}>
          <ErrorMessage error={error} />
        </td>
      </tr>
    );
  }
  if (!data?.group) return null;
  const { edges, pageInfo } = data.group.membersConnection;
  return (
    <>
      {edges.map((edge) => (
        <tr key={edge.node.id} data-member={edge.node.name}>
          <td>
            <a href={userHref(edge.node.id)}>{edge.node.name}</a>
          </td>
          <td>{edge.role}</td>
          <td>{new Date(edge.joinedAt).toLocaleDateString()}</td>
          <td>{action(edge.node.id)}</td>
        </tr>
      ))}
      {onMore && pageInfo.hasNextPage && pageInfo.endCursor && (
        <tr>
          <td colSpan={4}>
            <button onClick={() => onMore(pageInfo.endCursor!)}>More members</button>
          </td>
        </tr>
      )}
    </>
  );
}
