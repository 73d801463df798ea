import type { CORSOptions } from 'graphql-yoga';
import { databasePositionHeader } from './read-replicas.ts';

const localDevelopment = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Which browser origins may call the API. With a list (CORS_ORIGINS), exactly those, or every
 * origin for `*`; without one, any page served from this machine, which is what local frontend
 * development needs and nothing more.
 */
export function corsPolicy(allowedOrigins: string[] | undefined): (request: Request) => CORSOptions {
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin) return false;
    const allowed = allowedOrigins
      ? allowedOrigins.includes('*') || allowedOrigins.includes(origin)
      : localDevelopment.test(origin);
    // A page reads the position a mutation's response carries to send it back (read-replicas.ts).
    return allowed
      ? { origin, credentials: true, maxAge: 600, exposedHeaders: [databasePositionHeader] }
      : false;
  };
}
