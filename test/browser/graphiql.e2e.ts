import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServerProcess } from '../server-process.ts';

// GraphiQL in a real browser, offline: Debian's Chromium, never a downloaded one, and every
// request the page makes must stay on this server.

const artifacts = new URL('../../test-results/', import.meta.url);
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // A fixed JWT_SECRET, so the server does not make a development secret in the working tree.
  server = await startServerProcess({
    ...process.env,
    PORT: '0',
    PGLITE_DIR: 'memory://',
    DATABASE_URL: '',
    JWT_SECRET: 'graphiql-browser-test-secret',
  });
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
  await mkdir(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('opens with the example query, runs it, shows the result and the docs, all from this server', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requested: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await page.goto(server.url);
  const editor = page.locator('.graphiql-query-editor');
  await page.waitForSelector('.graphiql-query-editor .view-lines', { timeout: 60_000 });
  await expect
    .poll(async () => (await editor.innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 })
    .toContain('query UsersWithGroups');

  await page.locator('.graphiql-execute-button').click();
  const response = page.locator('.graphiql-response').filter({ hasText: 'Ada Lovelace' });
  await response.first().waitFor({ timeout: 30_000 });
  const shown = (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
  expect(shown).toContain('"totalCount": 8');
  await page.screenshot({ path: new URL('graphiql-result.png', artifacts).pathname });

  await page.locator('[aria-label="Show Documentation Explorer"]').click();
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Query', { exact: true }).first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: new URL('graphiql-docs.png', artifacts).pathname });

  const origin = new URL(server.url).origin;
  const elsewhere = requested.filter(
    (url) => !url.startsWith(origin) && !url.startsWith(`blob:${origin}`) && !url.startsWith('data:'),
  );
  expect(elsewhere).toEqual([]);
  expect(consoleErrors).toEqual([]);
}, 120_000);
