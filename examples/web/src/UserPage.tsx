import { useQuery } from 'urql';
import { ErrorMessage } from './ErrorMessage.tsx';
import { UserQuery } from './operations.ts';
import { groupHref } from './routes.ts';

export function UserPage({ userId }: { userId: string }) {
  const [{ data, error }] = useQuery({ query: UserQuery, variables: { userId } });
  if (error) return <ErrorMessage error={error} />;
  if (!data?.user) return <p>Loading…</p>;
  const { user } = data;
  return (
    <section>
      <h1>{user.name}</h1>
      <p>
        Member of <span className="group-count">{user.groupCount}</span> groups
      </p>
      <ul className="groups">
        {user.groups.map((group) => (
          <li key={group.id}>
            <a href={groupHref(group.id)}>{group.name}</a>{' '}
            <span className="count">{group.memberCount} members</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
