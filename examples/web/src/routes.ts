import { useEffect, useState } from 'react';

/** Where the app is: hash routes, so the API can serve the page from `/` without rewrites. */
export type Route = { page: 'groups' } | { page: 'group'; id: string } | { page: 'user'; id: string };

export function parseRoute(hash: string): Route {
  const [, page, id] = hash.replace(/^#/, '').split('/');
  if (page === 'groups' && id) return { page: 'group', id: decodeURIComponent(id) };
  if (page === 'users' && id) return { page: 'user', id: decodeURIComponent(id) };
  return { page: 'groups' };
}

export const groupHref = (id: string) => `#/groups/${encodeURIComponent(id)}`;
export const userHref = (id: string) => `#/users/${encodeURIComponent(id)}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
