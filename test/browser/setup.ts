import { mkdir } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServerProcess } from '../server-process.ts';

/** Where screenshots go: CI keeps them as test artifacts. */
export const artifacts = new URL('../../test-results/', import.meta.url);

/** Debian's Chromium (CHROMIUM_PATH overrides), headless and offline: never a downloaded one. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * For one test file: the server on a throwaway PGlite database with the demo data, and a browser.
 * Both start before the file's tests and stop after them. A fixed JWT_SECRET, so the server
 * does not make a development secret in the working tree and the tests can sign tokens.
 */
export function serverAndBrowser(
  jwtSecret: string,
  environment: NodeJS.ProcessEnv = {},
): { server: RunningServer; browser: Browser } {
  const running = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    running.server = await startServerProcess({
      ...process.env,
      PORT: '0',
      PGLITE_DIR: 'memory://',
      DATABASE_URL: '',
      JWT_SECRET: jwtSecret,
      ...environment,
    });
    running.browser = await launchChromium();
    await mkdir(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}
