import { defineConfig } from 'vitest/config';

// Browser tests need Debian's chromium (`apt-get install chromium`), so they run on their own:
// `npm run test:browser`. CI runs them after the main suite.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
