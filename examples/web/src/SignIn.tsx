import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ViewerQuery } from './operations.ts';
import { userHref } from './routes.ts';

/**
 * Development sign-in: paste a token. `npm run token -- 1` at the repository root prints one for
 * user 1 (Ada Lovelace in the demo data, an ADMIN of two groups).
 */
export function SignIn({
  token,
  onToken,
}: {
  token: string | null;
  onToken: (token: string | null) => void;
}) {
  const [draft, setDraft] = useState('');
  const [{ data, error }] = useQuery({ query: ViewerQuery, pause: !token });
  if (token) {
    // An expired or foreign token fails every request with UNAUTHENTICATED: say so here.
    return (
      <div className="session">
        {error ? (
          <ErrorMessage error={error} />
        ) : (
          <>
            Signed in as{' '}
            {data?.viewer ? <a href={userHref(data.viewer.id)}>{data.viewer.name}</a> : <span>…</span>}
          </>
        )}{' '}
        <button onClick={() => onToken(null)}>Sign out</button>
      </div>
    );
  }
  return (
    <form
      className="session"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim()) onToken(draft.trim());
      }}
    >
      <label>
        Token{' '}
        <input
          name="token"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="npm run token -- 1"
        />
      </label>
      <button type="submit">Sign in</button>
    </form>
  );
}
