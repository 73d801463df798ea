import { useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { ErrorMessage } from './ErrorMessage.tsx';
import { AddGroupMemberMutation, UserSearchQuery } from './operations.ts';

/** Pick a user by name and add them: shown to the group's admins. */
export function AddMember({ groupId }: { groupId: string }) {
  const [search, setSearch] = useState('');
  const [{ data }] = useQuery({
    query: UserSearchQuery,
    variables: { search: search.trim() },
    pause: !search.trim(),
  });
  const [adding, addMember] = useMutation(AddGroupMemberMutation);
  const [error, setError] = useState<CombinedError>();
  return (
    <div className="add-member">
      <input
        type="search"
        aria-label="Find a user to add"
        placeholder="Add a member: type a name"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {search.trim() && (
        <ul className="candidates">
          {data?.users.edges.map(({ node }) => (
            <li key={node.id}>
              {node.name}{' '}
              <button
                disabled={adding.fetching}
                onClick={async () => {
                  setError(undefined);
                  const result = await addMember({ groupId, userId: node.id });
                  if (result.error) setError(result.error);
                  else setSearch('');
                }}
              >
                Add {node.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
