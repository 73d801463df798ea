import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Serves a built frontend (WEB_APP_DIR, such as examples/web/dist) from the API's own origin, so
 * the page calls /graphql without CORS. A file that exists is served; anything else goes on to
 * the API, which keeps /graphql, /metrics, /health and the rest. The app routes with the URL's
 * hash, so it needs no fallback to index.html.
 */
export function withWebApp(directory: string, api: Handler): Handler {
  if (!existsSync(join(directory, 'index.html'))) {
    throw new Error(`WEB_APP_DIR=${directory} has no index.html: build the app first (npm run web:build).`);
  }
  // Files are listed once at start-up (dev: false); hashed assets may be cached for good.
  const files = sirv(directory, { dev: false, etag: true, immutable: true });
  return (request, response) => files(request, response, () => api(request, response));
}
