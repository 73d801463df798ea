import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { renderGraphiQL, type GraphiQLOptions } from 'graphql-yoga';

// Yoga's GraphiQL page loads its scripts and styles from unpkg.com, which fails offline and
// behind many firewalls. We keep Yoga's page but point it at copies of the same assets served
// by this server, as separate files the browser caches, instead of inlining ~9 MB per page.

const require = createRequire(import.meta.url);
const assetsPackage = require('@graphql-yoga/graphiql/package.json') as { version: string };
const assetsDirectory = join(dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');

/** Versioned, so a new release gets new URLs and the assets can be cached forever. */
const assetsPath = `/graphiql-assets/${assetsPackage.version}/`;

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const servedAssets = new Set([
  'graphiql.css',
  'yoga-graphiql.umd.js',
  'monacoeditorwork/editor.worker.bundle.js',
  'monacoeditorwork/json.worker.bundle.js',
  'monacoeditorwork/graphql.worker..bundle.js',
]);

export function renderLocalGraphiQL(options: GraphiQLOptions): string {
  // Yoga's page fills the editor from `?query=`, else from `query`, else a welcome comment;
  // GraphiQL only falls back to `defaultQuery` on an empty editor, which never happens. Passing
  // the default as `query` too makes it appear (graphql-hive/graphql-yoga#3979 is the same bug).
  const pageOptions: GraphiQLOptions & { query?: string | undefined } = {
    ...options,
    query: options.defaultQuery,
  };
  return renderGraphiQL(pageOptions)
    .replace(/https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g, assetsPath)
    .replace(/<link rel=icon href=https:[^>]*>/, '<link rel=icon href=data:,>');
}

/** Serves the GraphiQL assets that renderLocalGraphiQL's page refers to. */
export function useGraphiQLAssets(): Plugin {
  const cache = new Map<string, Promise<Buffer>>();
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(assetsPath)) return;
      const asset = url.pathname.slice(assetsPath.length);
      if (!servedAssets.has(asset)) {
        endResponse(new fetchAPI.Response('Not found', { status: 404 }));
        return;
      }
      let content = cache.get(asset);
      if (!content) {
        content = readFile(join(assetsDirectory, asset));
        cache.set(asset, content);
      }
      return content.then((body) => {
        endResponse(
          new fetchAPI.Response(new Uint8Array(body), {
            headers: {
              'content-type': contentTypes[asset.slice(asset.lastIndexOf('.'))] ?? 'application/octet-stream',
              'cache-control': 'public, max-age=31536000, immutable',
            },
          }),
        );
      });
    },
  };
}
