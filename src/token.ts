/**
 * `npm run token -- <user id> [expires]`: prints a bearer token for a user, signed with
 * JWT_SECRET or the development secret `npm start` uses. For development and demos; with an
 * identity provider (JWT_JWKS_URL), get tokens from it instead.
 */
import { settleAuthentication, signToken, userKeyOf } from './http/authentication.ts';
import { readConfig } from './http/config.ts';

const [given, expiresIn = '7d'] = process.argv.slice(2);
const config = readConfig();

const userId = userKeyOf(given);
if (userId === undefined) {
  console.error('Usage: npm run token -- <user id> [expires, e.g. 1h or 30d; default 7d]');
  console.error('The user ID is the number (1) or the global ID from the API ("VXNlcjox").');
  process.exit(2);
}
if (config.authentication.jwksUrl && !config.authentication.secret) {
  console.error('JWT_JWKS_URL is set: tokens come from your identity provider, not from here.');
  process.exit(2);
}
const { options } = await settleAuthentication(config.authentication, {
  secretFile: config.developmentSecretFile,
  production: config.production,
});
const token = await signToken(options.secret ?? '', userId, {
  expiresIn,
  ...(options.issuer && { issuer: options.issuer }),
  ...(options.audience && { audience: options.audience }),
});
console.log(token);
console.error(`\nIn GraphiQL, open Headers and paste:\n{ "Authorization": "Bearer ${token}" }`);
console.error('In the example web app (npm run web), paste the token into the Token box and sign in.');
