import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { UnauthenticatedError } from '../resolvers/errors.ts';
import { integerKeyOf } from '../resolvers/input.ts';

/**
 * Who is calling comes from `Authorization: Bearer <JWT>`, verified here with jose: HS256 with a
 * shared secret, or the keys an identity provider publishes as a JWKS. The token's `sub` is the
 * user's ID (the numeric key or the global `User` ID). Gateways forward the header unchanged.
 */
export interface AuthenticationOptions {
  /** HS256 shared secret (JWT_SECRET). */
  secret?: string | undefined;
  /** URL of an identity provider's JSON Web Key Set (JWT_JWKS_URL); RS256, ES256 and EdDSA. */
  jwksUrl?: string | undefined;
  /** When set, tokens must carry this `iss`. */
  issuer?: string | undefined;
  /** When set, tokens must carry this `aud`. */
  audience?: string | undefined;
}

/** The viewer's user key, or undefined for an anonymous request; throws UNAUTHENTICATED for a bad token. */
export type Authenticate = (request: Request) => Promise<number | undefined>;

/**
 * How long a verified token is trusted without checking its signature again. Clients send the
 * same token with every request, and verifying it was a tenth of a small mutation's CPU. Short,
 * so a key withdrawn from the identity provider's JWKS stops being honoured within a minute; a
 * token is never trusted past its own `exp`.
 */
const verifiedTokenSeconds = 60;
const verifiedTokenLimit = 10_000;

const secretAlgorithms = ['HS256'];
const keySetAlgorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/** The whole request is refused, so HTTP says so too: 401, with the Bearer challenge of RFC 6750. */
function refused(message: string): UnauthenticatedError {
  const error = new UnauthenticatedError(message);
  error.extensions['http'] = {
    status: 401,
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
  };
  return error;
}

/** A user's key from their numeric ID ("1") or global ID ("VXNlcjox"); undefined for anything else. */
export function userKeyOf(id: string | undefined): number | undefined {
  const numeric = integerKeyOf(id ?? '');
  if (numeric !== undefined) return numeric;
  try {
    const decoded = decodeGlobalID(id ?? '');
    return decoded.typename === 'User' ? integerKeyOf(decoded.id) : undefined;
  } catch {
    return undefined;
  }
}

export function createAuthenticator(options: AuthenticationOptions): Authenticate {
  const { secret, jwksUrl } = options;
  if (!secret && !jwksUrl) throw new Error('Authentication needs a JWT secret or a JWKS URL.');
  // The secret is imported as a CryptoKey once: given the raw bytes, jose imports them again on
  // every verification, which was the largest single cost of a signed-in request (W4).
  const key: Promise<CryptoKey> | JWTVerifyGetKey = jwksUrl
    ? createRemoteJWKSet(new URL(jwksUrl))
    : crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['verify'],
      );
  const verifyOptions = {
    algorithms: jwksUrl ? keySetAlgorithms : secretAlgorithms,
    ...(options.issuer && { issuer: options.issuer }),
    ...(options.audience && { audience: options.audience }),
  };

  // Only tokens that verified are kept; a bad one is checked, and refused, every time.
  const verified = new LRUCache<string, number>({
    max: verifiedTokenLimit,
    ttl: verifiedTokenSeconds * 1000,
  });

  return async (request) => {
    const header = request.headers.get('authorization');
    if (header === null) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1];
    if (!token) throw refused('Send the token as `Authorization: Bearer <token>`.');
    const known = verified.get(token);
    if (known !== undefined) return known;
    try {
      // jose's overloads differ only in the key's type; both branches verify the same way.
      const { payload } =
        key instanceof Promise
          ? await jwtVerify(token, await key, verifyOptions)
          : await jwtVerify(token, key, verifyOptions);
      const viewerId = userKeyOf(payload.sub);
      if (viewerId === undefined) throw refused('The token’s subject (`sub`) is not a user ID.');
      verified.set(token, viewerId, { ttl: trustedFor(payload) });
      return viewerId;
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof errors.JWTExpired) throw refused('The token has expired. Get a new one.');
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        // The identity provider's keys could not be fetched: our outage, not the client's mistake.
        throw new GraphQLError('Tokens cannot be verified right now. Try again in a few seconds.', {
          originalError: error instanceof Error ? error : undefined,
          extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
        });
      }
      throw refused('The token is not valid: malformed, wrongly signed, or not meant for this API.');
    }
  };
}

/** Milliseconds a verified token may be reused: the cache's limit, or less when it expires sooner. */
function trustedFor(payload: JWTPayload): number {
  const limit = verifiedTokenSeconds * 1000;
  // jose accepted the token, so `exp` is still ahead; at least 1 ms, since a ttl of 0 means forever.
  return payload.exp === undefined ? limit : Math.max(1, Math.min(limit, payload.exp * 1000 - Date.now()));
}

/** Mints a token for a user, signed with the shared secret: for development and tests. */
export function signToken(
  secret: string,
  userId: number,
  { expiresIn = '7d', issuer, audience }: { expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  let token = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(String(userId)).setIssuedAt();
  token = token.setExpirationTime(expiresIn);
  if (issuer) token = token.setIssuer(issuer);
  if (audience) token = token.setAudience(audience);
  return token.sign(new TextEncoder().encode(secret));
}

/**
 * The development secret: read from `path`, or made and saved there on first use, so
 * `npm start` and `npm run token` agree without any setup.
 */
export async function loadOrCreateSecret(path: string): Promise<{ secret: string; created: boolean }> {
  try {
    return { secret: (await readFile(path, 'utf8')).trim(), created: false };
  } catch {
    await mkdir(dirname(path), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    // 'wx': if another process made it first, keep theirs.
    try {
      await writeFile(path, `${secret}\n`, { flag: 'wx', mode: 0o600 });
      return { secret, created: true };
    } catch {
      return { secret: (await readFile(path, 'utf8')).trim(), created: false };
    }
  }
}

/**
 * The authentication the server runs with: as configured, or, in development with nothing
 * configured, HS256 with a secret kept in `secretFile`. Production must configure one: a secret
 * made on one machine would not verify tokens on another.
 */
export async function settleAuthentication(
  configured: AuthenticationOptions,
  { secretFile, production }: { secretFile: string; production: boolean },
): Promise<{ options: AuthenticationOptions; developmentSecret?: { created: boolean } }> {
  if (configured.secret || configured.jwksUrl) return { options: configured };
  if (production) throw new Error('Set JWT_SECRET or JWT_JWKS_URL: production needs a configured token key.');
  const { secret, created } = await loadOrCreateSecret(secretFile);
  return { options: { ...configured, secret }, developmentSecret: { created } };
}
