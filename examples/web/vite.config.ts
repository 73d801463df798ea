import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run web` at the repository root builds this app and has the API serve it on its own
// origin. For live reloading, run the API (`npm start` at the root) and `npm run dev` here: the
// dev server sends /graphql to the API, streams and WebSockets included.
export default defineConfig({
  plugins: [react()],
  // In this repository's workspace, urql sits at the root beside another React (the API's
  // dependencies bring one): one copy for the whole app, or hooks fail.
  resolve: { dedupe: ['react', 'react-dom'] },
  server: {
    proxy: { '/graphql': { target: process.env['API_URL'] ?? 'http://localhost:4000', ws: true } },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
