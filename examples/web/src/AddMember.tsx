import { useState } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { ErrorMessage } from './ErrorMessage.tsx';
import { UserSearchQuery } from './operations.ts';

export interface Candidate {
  id: string;
  name: string;
}

/** Pick a user by name and add them: shown to the group's admins. */
export function AddMember({ onAdd }: { onAdd: (user: Candidate) => Promise<CombinedError | undefined> }) {
  const [search, setSearch] = useState('');
  const [{ data }] = useQuery({
    query: UserSearchQuery,
    variables: { search: search.trim() },
    pause: !search.trim(),
  });
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
                onClick={async () => {
                  setError(undefined);
                  setSearch('');
                  setError(await onAdd(node));
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
