import type { CombinedError } from 'urql';

/** The API's own message and code: they say what went wrong and what to do. */
export function ErrorMessage({ error }: { error: CombinedError | undefined }) {
  if (!error) return null;
  const graphQLError = error.graphQLErrors[0];
  return (
    <p role="alert" className="error">
      {graphQLError ? graphQLError.message : 'The API cannot be reached. Try again in a moment.'}
      {typeof graphQLError?.extensions['code'] === 'string' && (
        <code> {graphQLError.extensions['code']}</code>
      )}
    </p>
  );
}
