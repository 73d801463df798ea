import { expect, it } from 'vitest';
import { signToken } from '../../src/http/authentication.ts';
import { artifacts, serverAndBrowser } from './setup.ts';

// GraphiQL in a real browser, offline: Debian's Chromium, never a downloaded one, and every
// request the page makes must stay on this server.

const jwtSecret = 'graphiql-browser-test-secret';
const running = serverAndBrowser(jwtSecret);

it('opens with the example query, runs it, shows the result and the docs, all from this server', async () => {
  const page = await running.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requested: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await page.goto(running.server.url);
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

  const origin = new URL(running.server.url).origin;
  const elsewhere = requested.filter(
    (url) => !url.startsWith(origin) && !url.startsWith(`blob:${origin}`) && !url.startsWith('data:'),
  );
  expect(elsewhere).toEqual([]);
  expect(consoleErrors).toEqual([]);
}, 120_000);

/** A membership change made through the API as Ada, an ADMIN of Algorithms in the demo data. */
async function changeMembership(change: 'addMember' | 'removeMember'): Promise<void> {
  const response = await fetch(running.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await signToken(jwtSecret, 1)}` },
    // Barbara Liskov (User:5) and Algorithms (Group:2).
    body: JSON.stringify({
      query: `mutation { ${change}(input: { userId: "VXNlcjo1", groupId: "R3JvdXA6Mg==" }) { __typename } }`,
    }),
  });
  expect(await response.json()).toEqual({
    data: { [change]: { __typename: change === 'addMember' ? 'AddMemberPayload' : 'RemoveMemberPayload' } },
  });
}

it.each([
  ['Server-Sent Events', '', 'addMember', 'ADDED'],
  ['WebSocket', '?subscriptions=ws', 'removeMember', 'REMOVED'],
] as const)(
  'runs a subscription over %s and shows each change as it happens',
  async (transport, protocol, change, kind) => {
    const page = await running.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const subscription =
      'subscription WatchAlgorithms { membershipChanged(groupId: "R3JvdXA6Mg==") { kind user { name } group { name memberCount } } }';
    await page.goto(`${running.server.url}${protocol}`);
    const lines = page.locator('.graphiql-query-editor .view-lines');
    await lines.waitFor({ timeout: 60_000 });
    // Typed over the example query; inserted whole, so the editor adds no closing brackets.
    await lines.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(subscription);
    // GraphiQL takes in the edit a moment later; clicked before that, it runs the old query. It
    // names the tab after the new operation once it has.
    await page.locator('.graphiql-tab-active', { hasText: 'WatchAlgorithms' }).waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    // Subscribed once the button turns into the stop button; then a change arrives live.
    await page.locator('.graphiql-execute-button[aria-label*="Stop"]').waitFor({ timeout: 30_000 });
    await changeMembership(change);
    const response = page.locator('.graphiql-response').filter({ hasText: kind });
    await response.first().waitFor({ timeout: 30_000 });
    const shown = (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
    expect(shown).toContain('Barbara Liskov');
    expect(shown).toContain('Algorithms');
    await page.screenshot({
      path: new URL(`graphiql-subscription-${transport === 'WebSocket' ? 'ws' : 'sse'}.png`, artifacts)
        .pathname,
    });
    await page.close();
  },
  120_000,
);
