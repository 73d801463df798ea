import { readFileSync } from 'node:fs';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signToken } from '../../src/http/authentication.ts';
import { artifacts, serverAndBrowser } from './setup.ts';

// The example web app (examples/web), built and served by the API on one origin, in Debian's
// Chromium. The server only runs trusted documents, so the app must send nothing else.

const jwtSecret = 'web-app-browser-test-secret';
const manifest = JSON.parse(readFileSync('examples/gql/persisted-documents.json', 'utf8')) as Record<
  string,
  string
>;
// The demo data (src/db/seed.ts): Ada administers Algorithms, whose members are Ada, Alan,
// Edsger and Donald. Grace and Margaret are not members.
const demo = { ada: 1, alan: 2, grace: 3, donald: 6, margaret: 7, algorithms: 2, programmingLanguages: 4 };
const userId = (key: number) => encodeGlobalID('User', key);
const algorithms = encodeGlobalID('Group', demo.algorithms);

const running = serverAndBrowser(jwtSecret, {
  TRUSTED_DOCUMENTS: 'require',
  WEB_APP_DIR: 'examples/web/dist',
});

/**
 * Another client: a trusted document by operation name, straight to the API. Its data is `any`
 * on purpose: each caller reads the one field it needs.
 */
async function api(
  operationName: string,
  variables: Record<string, unknown>,
  asUser: number,
): Promise<Record<string, any>> {
  const id = Object.keys(manifest).find((key) =>
    new RegExp(`^(query|mutation|subscription) ${operationName}\\b`).test(manifest[key]!),
  );
  if (!id) throw new Error(`${operationName} is not in the manifest`);
  const response = await fetch(running.server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await signToken(jwtSecret, asUser)}`,
    },
    body: JSON.stringify({
      operationName,
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') } },
    }),
  });
  const result = (await response.json()) as { data: Record<string, any>; errors?: unknown[] };
  expect(result.errors).toBeUndefined();
  return result.data;
}

/** A page of the app signed in as `user`, recording the operations it sends. */
async function signedInPage(user: number): Promise<{ page: Page; operations: string[]; problems: string[] }> {
  const page = await running.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const operations: string[] = [];
  const problems: string[] = [];
  const origin = new URL(running.server.url).origin;
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) problems.push(`request elsewhere: ${request.url()}`);
    // Queries go as GET (cacheable by their hash), mutations and subscriptions as POST.
    const url = new URL(request.url());
    const body = request.postData();
    const { operationName, query } = body
      ? (JSON.parse(body) as { operationName?: string; query?: string })
      : {
          operationName: url.searchParams.get('operationName') ?? undefined,
          query: url.searchParams.get('query'),
        };
    if (query) problems.push(`sent a query's text: ${operationName}`);
    if (operationName) operations.push(operationName);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${origin}/`);
  await page.getByPlaceholder('npm run token -- 1').fill(await signToken(jwtSecret, user));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.session a').waitFor();
  return { page, operations, problems };
}

const memberCount = (page: Page) => page.locator('.member-count');
const memberRow = (page: Page, name: string) => page.locator(`tr[data-member="${name}"]`);

it('lets an admin search, add and remove members; both sides and the counts update from the payloads, without refetching', async () => {
  const { page, operations, problems } = await signedInPage(demo.ada);
  await expect.poll(() => page.locator('ul.groups li').count()).toBe(4);
  await page.getByLabel('Search groups').fill('algo');
  await expect
    .poll(() => page.locator('ul.groups li').allInnerTexts())
    .toEqual([expect.stringContaining('Algorithms')]);

  // Grace's page first, so her list of groups is in the cache.
  await page.goto(`${new URL(running.server.url).origin}/#/users/${encodeURIComponent(userId(demo.grace))}`);
  await expect.poll(() => page.locator('.group-count').innerText()).toBe('2');

  await page.goto(`${new URL(running.server.url).origin}/#/groups/${encodeURIComponent(algorithms)}`);
  await expect.poll(() => memberCount(page).innerText()).toBe('4');
  await expect.poll(() => page.locator('tbody tr').count()).toBe(4);
  expect(await page.getByText('you are ADMIN').count()).toBe(1);

  await page.getByLabel('Find a user to add').fill('Grace');
  const sentBefore = operations.length;
  await page.getByRole('button', { name: 'Add Grace Hopper' }).click();
  // Newest first: the new member on top, the count one up.
  await expect.poll(() => page.locator('tbody tr').first().getAttribute('data-member')).toBe('Grace Hopper');
  await expect.poll(() => memberCount(page).innerText()).toBe('5');
  await page.screenshot({ path: new URL('web-app-added.png', artifacts).pathname });

  // The other side: Grace's cached page now lists Algorithms, from the payload alone.
  await page.locator('tr[data-member="Grace Hopper"] a').click();
  await expect.poll(() => page.locator('.group-count').innerText()).toBe('3');
  expect(await page.locator('ul.groups').innerText()).toContain('Algorithms');
  await page.goBack();

  await memberRow(page, 'Grace Hopper').getByRole('button', { name: 'Remove' }).click();
  await expect.poll(() => memberRow(page, 'Grace Hopper').count()).toBe(0);
  await expect.poll(() => memberCount(page).innerText()).toBe('4');
  // Back on the group page it subscribes again; no list or count was fetched again.
  expect(operations.slice(sentBefore).filter((name) => name !== 'UserSearch')).toEqual([
    'AddGroupMember',
    'GroupMembersLive',
    'RemoveGroupMember',
  ]);

  // LAST_ADMIN: Ada administers Algorithms alone, so she may not leave it.
  await memberRow(page, 'Ada Lovelace').getByRole('button', { name: 'Leave' }).click();
  await expect.poll(() => page.getByRole('alert').innerText()).toContain('LAST_ADMIN');
  expect(await memberRow(page, 'Ada Lovelace').count()).toBe(1);
  await page.screenshot({ path: new URL('web-app-last-admin.png', artifacts).pathname });
  expect(problems).toEqual([]);
});

it('shows a change another client makes, live, without a reload', async () => {
  const { page, problems } = await signedInPage(demo.alan);
  // The stream's response starts once the server has subscribed it: changes after that arrive.
  const subscribed = page.waitForResponse(
    (response) => response.request().postData()?.includes('GroupMembersLive') ?? false,
  );
  await page.goto(`${new URL(running.server.url).origin}/#/groups/${encodeURIComponent(algorithms)}`);
  await expect.poll(() => memberCount(page).innerText()).toBe('4');
  await subscribed;

  await api('AddMember', { groupId: algorithms, userId: userId(demo.margaret) }, demo.ada);
  await expect.poll(() => memberRow(page, 'Margaret Hamilton').count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => memberCount(page).innerText()).toBe('5');
  await page.screenshot({ path: new URL('web-app-live.png', artifacts).pathname });

  await api('RemoveMember', { groupId: algorithms, userId: userId(demo.margaret) }, demo.ada);
  await expect.poll(() => memberRow(page, 'Margaret Hamilton').count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => memberCount(page).innerText()).toBe('4');
  expect(problems).toEqual([]);
});

it('shows FORBIDDEN to a user who is no longer an admin, and puts the member back', async () => {
  await api('SetMemberRole', { groupId: algorithms, userId: userId(demo.alan), role: 'ADMIN' }, demo.ada);
  const { page, problems } = await signedInPage(demo.alan);
  await page.goto(`${new URL(running.server.url).origin}/#/groups/${encodeURIComponent(algorithms)}`);
  await memberRow(page, 'Donald Knuth').getByRole('button', { name: 'Remove' }).waitFor();

  // The removal is held on its way while Alan is demoted elsewhere, so the live event of the
  // demotion reaches the page while the removal still shows as pending: the refusal that
  // follows must bring the member back all the same.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/graphql**', async (route) => {
    if (route.request().postData()?.includes('RemoveGroupMember')) await held;
    await route.fallback();
  });
  await memberRow(page, 'Donald Knuth').getByRole('button', { name: 'Remove' }).click();
  await expect.poll(() => memberRow(page, 'Donald Knuth').count()).toBe(0);
  await api('SetMemberRole', { groupId: algorithms, userId: userId(demo.alan), role: 'MEMBER' }, demo.ada);
  await expect.poll(() => memberRow(page, 'Alan Turing').locator('td').nth(1).innerText()).toBe('MEMBER');
  release();
  await expect.poll(() => page.getByRole('alert').innerText()).toContain('FORBIDDEN');
  // The pending removal is undone, and the controls follow the new role.
  await expect.poll(() => memberRow(page, 'Donald Knuth').count()).toBe(1);
  await expect.poll(() => memberCount(page).innerText()).toBe('4');
  await expect.poll(() => page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
  await page.screenshot({ path: new URL('web-app-forbidden.png', artifacts).pathname });
  expect(problems).toEqual([]);
});

it('pages through a large group, twenty members at a time, newest first', async () => {
  const group = encodeGlobalID('Group', demo.programmingLanguages);
  const newcomers: string[] = [];
  for (let index = 1; index <= 21; index += 1) {
    const name = `Newcomer ${String(index).padStart(2, '0')}`;
    const created = await api('CreateUser', { name, email: `newcomer${index}@example.com` }, demo.ada);
    newcomers.push(created['createUser'].user.id as string);
  }
  await api('AddMembers', { groupId: group, userIds: newcomers }, demo.ada);

  const { page, problems } = await signedInPage(demo.ada);
  await page.goto(`${new URL(running.server.url).origin}/#/groups/${encodeURIComponent(group)}`);
  await expect.poll(() => memberCount(page).innerText()).toBe('25');
  await expect.poll(() => page.locator('tbody tr[data-member]').count()).toBe(20);
  // Joined together, so ordered by ID among themselves; the demo members joined before them.
  expect(await page.locator('tbody tr[data-member]').first().getAttribute('data-member')).toBe('Newcomer 01');
  await page.getByRole('button', { name: 'More members' }).click();
  await expect.poll(() => page.locator('tbody tr[data-member]').count()).toBe(25);
  const names = await page
    .locator('tbody tr[data-member]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-member')));
  expect(new Set(names).size).toBe(25);
  expect(names.slice(20)).toContain('Ada Lovelace');
  expect(await page.getByRole('button', { name: 'More members' }).count()).toBe(0);
  await page.screenshot({ path: new URL('web-app-pages.png', artifacts).pathname, fullPage: true });
  expect(problems).toEqual([]);
});

it('says when a pasted token is not valid, and lets the user sign out', async () => {
  const page = await running.browser.newPage();
  await page.goto(`${new URL(running.server.url).origin}/`);
  await page.getByPlaceholder('npm run token -- 1').fill('not-a-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.locator('.session [role="alert"]').innerText()).toContain('UNAUTHENTICATED');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
});
