import { serverAudits } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from './fixtures.ts';
import { signedIn, startTestApp, type TestApp } from './harness.ts';

// GraphQL over HTTP, as a client library sees it: graphql-http's audit of the spec, CORS, and
// which methods may carry which operations. Every request goes over a real socket.

let app: TestApp;
let origin: string;
let restricted: string;
let userId: number;

beforeAll(async () => {
  app = await startTestApp();
  // A user who administers no group yet: any signed-in user may create one.
  userId = await createAdmin(app.db);
  ({ origin } = await app.listen());
  const configured = await startTestApp({ corsOrigins: ['https://app.example.com'] });
  ({ origin: restricted } = await configured.listen());
});

describe('the graphql-http audit', () => {
  const audits = serverAudits({ url: () => `${origin}/graphql`, fetchFn: fetch });
  // Every audit passes, the SHOULDs and MAYs included; the reason is printed if one stops.
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : result.reason).toBe('ok');
    });
  }
});

describe('methods', () => {
  it('answers queries over GET, so they can be cached', async () => {
    const response = await fetch(
      `${origin}/graphql?query=${encodeURIComponent('{ users(first: 1) { totalCount } }')}`,
      {
        headers: { accept: 'application/graphql-response+json' },
      },
    );
    expect(response.status).toBe(200);
    expect(
      ((await response.json()) as { data: { users: { totalCount: number } } }).data.users.totalCount,
    ).toBe(1);
  });

  it('refuses mutations over GET with 405, and writes nothing', async () => {
    // Signed in as a user who may create groups, so only the method stands in the way.
    const mutation = 'mutation { createGroup(input: { name: "via GET" }) { group { id } } }';
    const response = await fetch(`${origin}/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { accept: 'application/graphql-response+json', ...(await signedIn(userId)) },
    });
    expect(response.status).toBe(405);
    const check = await fetch(
      `${origin}/graphql?query=${encodeURIComponent('{ groups(first: 0) { totalCount } }')}`,
    );
    expect(
      ((await check.json()) as { data: { groups: { totalCount: number } } }).data.groups.totalCount,
    ).toBe(0);
  });
});

describe('CORS', () => {
  // A signed-in page sends its token in Authorization, so the preflight asks for that header too.
  const preflight = (base: string, from: string) =>
    fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: from,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });

  it('by default lets pages served from localhost call the API, and nobody else', async () => {
    const local = await preflight(origin, 'http://localhost:5173');
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(local.headers.get('access-control-allow-headers')).toMatch(/\bauthorization\b/i);
    const elsewhere = await preflight(origin, 'https://evil.example.com');
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured origins when CORS_ORIGINS is set', async () => {
    const allowed = await preflight(restricted, 'https://app.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const local = await preflight(restricted, 'http://localhost:5173');
    expect(local.headers.get('access-control-allow-origin')).toBeNull();
  });
});
