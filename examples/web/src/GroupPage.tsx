import { type ReactNode, useState } from 'react';
import { type CombinedError, useMutation, useQuery, useSubscription } from 'urql';
import { AddMember, type Candidate } from './AddMember.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import {
  AddGroupMemberMutation,
  GroupMembersLiveSubscription,
  GroupMembersQuery,
  GroupQuery,
  RemoveGroupMemberMutation,
  ViewerQuery,
} from './operations.ts';
import { userHref } from './routes.ts';

/** Changes sent and not yet answered: shown at once, until the answer updates the cache. */
interface Pending {
  additions: Candidate[];
  removals: ReadonlySet<string>;
}

export function GroupPage({ groupId }: { groupId: string }) {
  const [{ data, error }, refetchGroup] = useQuery({ query: GroupQuery, variables: { groupId } });
  const [{ data: viewer }] = useQuery({ query: ViewerQuery });
  // Live: every change to this group's members, made anywhere, lands in the cache (cache.ts).
  useSubscription({ query: GroupMembersLiveSubscription, variables: { groupId } });
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [, addMember] = useMutation(AddGroupMemberMutation);
  const [, removeMember] = useMutation(RemoveGroupMemberMutation);
  const [removalError, setRemovalError] = useState<CombinedError>();
  const [pending, setPending] = useState<Pending>({ additions: [], removals: new Set() });

  if (error) return <ErrorMessage error={error} />;
  if (!data?.group) return <p>Loading…</p>;
  const group = data.group;
  const isAdmin = group.viewerRole === 'ADMIN';
  const viewerId = viewer?.viewer?.id;

  const add = async (user: Candidate) => {
    setPending((now) => ({ ...now, additions: [...now.additions, user] }));
    const result = await addMember({ groupId, userId: user.id });
    setPending((now) => ({ ...now, additions: now.additions.filter((added) => added.id !== user.id) }));
    return result.error;
  };

  const remove = async (userId: string) => {
    setRemovalError(undefined);
    setPending((now) => ({ ...now, removals: new Set(now.removals).add(userId) }));
    const result = await removeMember({ groupId, userId });
    setPending((now) => ({ ...now, removals: new Set([...now.removals].filter((id) => id !== userId)) }));
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
      {isAdmin && <AddMember onAdd={add} />}
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
              pending={pending}
              onMore={index === pages.length - 1 ? (cursor) => setPages([...pages, cursor]) : undefined}
              action={(userId) =>
                userId === viewerId && group.viewerRole ? (
                  <button onClick={() => void remove(userId)}>Leave</button>
                ) : isAdmin ? (
                  <button onClick={() => void remove(userId)}>Remove</button>
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
  pending,
  onMore,
  action,
}: {
  groupId: string;
  after: string | null;
  pending: Pending;
  onMore: ((cursor: string) => void) | undefined;
  action: (userId: string) => ReactNode;
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
  // Newest first: members being added go on top of the first page until the server answers.
  const adding =
    after === null ? pending.additions.filter((user) => !edges.some((edge) => edge.node.id === user.id)) : [];
  return (
    <>
      {adding.map((user) => (
        <tr key={user.id} data-member={user.name} data-pending="">
          <td>{user.name}</td>
          <td>MEMBER</td>
          <td>adding…</td>
          <td />
        </tr>
      ))}
      {edges
        .filter((edge) => !pending.removals.has(edge.node.id))
        .map((edge) => (
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
