import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../src/http/authentication.ts';
import { users } from '../src/db/schema.ts';
import { graphql } from './gql/index.ts';
import { unique, userGlobalId } from './fixtures.ts';
import { startTestApp, testJwtSecret, type TestApp, tokenFor } from './harness.ts';

const Viewer = graphql(`
  query AuthnViewer {
    viewer {
      id
      name
    }
  }
`);

let app: TestApp;
let userId: number;
beforeAll(async () => {
  app = await startTestApp();
  const [user] = await app.db
    .insert(users)
    .values({ name: 'Token holder', email: `${unique('token')}@example.com` })
    .returning({ id: users.id });
  userId = user!.id;
});

function post(authorization: string | undefined): Promise<Response> {
  return app.fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(authorization !== undefined && { authorization }),
    },
    body: JSON.stringify({ query: '{ viewer { name } }' }),
  });
}

const sign = (claims: { sub?: string; exp?: number }, secret = testJwtSecret) => {
  let token = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (claims.sub) token = token.setSubject(claims.sub);
  if (claims.exp) token = token.setExpirationTime(claims.exp);
  return token.sign(new TextEncoder().encode(secret));
};

describe('bearer tokens', () => {
  it('sign the viewer in by numeric or global user ID', async () => {
    for (const sub of [String(userId), userGlobalId(userId)]) {
      const response = await post(`Bearer ${await sign({ sub })}`);
      expect(await response.json()).toEqual({ data: { viewer: { name: 'Token holder' } } });
    }
    expect(await app.gql(Viewer, {}, { as: userId })).toEqual({
      data: { viewer: { id: userGlobalId(userId), name: 'Token holder' } },
    });
  });

  it('are optional: without one the viewer is null', async () => {
    expect(await (await post(undefined)).json()).toEqual({ data: { viewer: null } });
  });

  it.each([
    [
      'expired',
      async () => `Bearer ${await sign({ sub: '1', exp: Math.floor(Date.now() / 1000) - 60 })}`,
      /expired/,
    ],
    [
      'signed with another secret',
      async () => `Bearer ${await sign({ sub: '1' }, 'another-secret-0123456789abcdef')}`,
      /not valid/,
    ],
    ['malformed', async () => 'Bearer not.a.jwt', /not valid/],
    ['without the Bearer scheme', async () => `Token ${await tokenFor(1)}`, /Authorization: Bearer/],
    ['without a user subject', async () => `Bearer ${await sign({ sub: 'Group:1' })}`, /subject/],
    [
      'naming a key beyond the integer range',
      async () => `Bearer ${await sign({ sub: '9999999999' })}`,
      /subject/,
    ],
    [
      'alg none',
      async () =>
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"1"}').toString('base64url')}.`,
      /not valid/,
    ],
  ])('refuse a token %s with 401 UNAUTHENTICATED', async (_name, header, message) => {
    const response = await post(await header());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await response.json()) as {
      data?: unknown;
      errors: { message: string; extensions: unknown }[];
    };
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(body.errors[0]?.message).toMatch(message);
  });

  it('stop working when they expire, though the same token was verified and remembered before', async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const header = `Bearer ${await sign({ sub: String(userId), exp })}`;
    for (let i = 0; i < 2; i += 1) {
      expect(await (await post(header)).json()).toEqual({ data: { viewer: { name: 'Token holder' } } });
    }
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    const response = await post(header);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /expired/,
    );
  });

  it('naming a user that does not exist get UNAUTHENTICATED wherever the viewer matters', async () => {
    const missing = 2_000_000_000;
    const result = await app.gql(Viewer, {}, { as: missing });
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    const CreateGroup = graphql(`
      mutation AuthnCreateGroup($input: CreateGroupInput!) {
        createGroup(input: $input) {
          group {
            name
          }
        }
      }
    `);
    const created = await app.gql(CreateGroup, { input: { name: unique('ghost') } }, { as: missing });
    expect(created.errors?.map((error) => error.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
  });
});

describe('an identity provider’s JWKS', () => {
  const keys = generateKeyPair('RS256');
  let jwksUrl: string;
  let served = 0;
  const server = createServer(async (_request, response) => {
    served += 1;
    const jwk = await exportJWK((await keys).publicKey);
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [{ ...jwk, kid: 'key-1', alg: 'RS256', use: 'sig' }] }));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('verifies RS256 tokens with its keys, checking issuer and audience', async () => {
    const authenticate = createAuthenticator({
      jwksUrl,
      issuer: 'https://idp.test',
      audience: 'memberships',
    });
    const sign = async (issuer: string) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
        .setSubject('42')
        .setIssuer(issuer)
        .setAudience('memberships')
        .setExpirationTime('5m')
        .sign((await keys).privateKey);
    const request = async (issuer: string) =>
      new Request('http://test/graphql', { headers: { authorization: `Bearer ${await sign(issuer)}` } });
    expect(await authenticate(await request('https://idp.test'))).toBe(42);
    await expect(authenticate(await request('https://elsewhere.test'))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    // A token signed with the shared-secret scheme is not accepted where keys come from a JWKS.
    const hs256 = new Request('http://test/graphql', {
      headers: { authorization: `Bearer ${await tokenFor(42)}` },
    });
    await expect(authenticate(hs256)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(served).toBeGreaterThan(0);
  });

  it('answers SERVICE_UNAVAILABLE, not a 500, while the key set cannot be fetched', async () => {
    const authenticate = createAuthenticator({ jwksUrl: 'http://127.0.0.1:9/jwks.json' });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('42')
      .sign((await keys).privateKey);
    const request = new Request('http://test/graphql', { headers: { authorization: `Bearer ${token}` } });
    await expect(authenticate(request)).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });
});
