import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorMessage } from './ErrorMessage.tsx';
import { GroupListQuery } from './operations.ts';
import { groupHref } from './routes.ts';

export function GroupList() {
  const [search, setSearch] = useState('');
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const filter = search.trim() ? { nameContains: search.trim() } : null;
  return (
    <section>
      <h1>Groups</h1>
      <input
        type="search"
        aria-label="Search groups"
        placeholder="Search groups by name"
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
          setPages([null]);
        }}
      />
      <ul className="groups">
        {pages.map((after, index) => (
          <GroupPage
            key={after ?? 'first'}
            filter={filter}
            after={after}
            onMore={index === pages.length - 1 ? (cursor) => setPages([...pages, cursor]) : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

function GroupPage({
  filter,
  after,
  onMore,
}: {
  filter: { nameContains: string } | null;
  after: string | null;
  onMore: ((cursor: string) => void) | undefined;
}) {
  const [{ data, fetching, error }] = useQuery({ query: GroupListQuery, variables: { filter, after } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return fetching ? <li>Loading…</li> : null;
  const { edges, pageInfo, totalCount } = data.groups;
  return (
    <>
      {after === null && totalCount === 0 && <li>No group matches.</li>}
      {edges.map(({ node }) => (
        <li key={node.id}>
          <a href={groupHref(node.id)}>{node.name}</a>{' '}
          <span className="count">{node.memberCount} members</span>
          {node.viewerRole && <span className="role">{node.viewerRole}</span>}
        </li>
      ))}
      {onMore && pageInfo.hasNextPage && pageInfo.endCursor && (
        <li>
          <button onClick={() => onMore(pageInfo.endCursor!)}>More groups</button>
        </li>
      )}
    </>
  );
}
