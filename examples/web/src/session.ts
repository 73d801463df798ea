/**
 * The signed-in user's token, kept in localStorage. For development, get one with
 * `npm run token -- <user id>` at the repository root; in production it comes from your
 * identity provider.
 */
const storageKey = 'memberships.token';

export function storedToken(): string | null {
  return localStorage.getItem(storageKey);
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(storageKey, token);
  else localStorage.removeItem(storageKey);
}

export function authorizationHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
