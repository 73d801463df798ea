import { type AuthFailure, AuthScopeFailureType } from '@pothos/plugin-scope-auth';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../resolvers/context.ts';
import { ForbiddenError, signInRequired, type UnauthenticatedError } from '../resolvers/errors.ts';
import type { AnyOfScopes, AuthScopes } from '../resolvers/viewer.ts';

/**
 * Who each scope admits, in words a person reads in an error message. The one description of
 * who may do what, whether scope-auth checked the rule or the write's own statement did.
 */
const admittedBy: Record<keyof AuthScopes, string> = {
  authenticated: 'signed-in users',
  self: 'the user themselves',
  groupAdmin: 'the group’s admins',
};

function admitted(failure: AuthFailure): string[] {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
      return [admittedBy[failure.scope as keyof AuthScopes] ?? failure.scope];
    case AuthScopeFailureType.AnyAuthScopes:
    case AuthScopeFailureType.AllAuthScopes:
      return failure.failures.flatMap(admitted);
    default:
      return [];
  }
}

/**
 * The error for a field the viewer may not use: UNAUTHENTICATED when nobody is signed in,
 * FORBIDDEN with who may use it otherwise.
 */
export function refusal(
  ctx: Context,
  info: GraphQLResolveInfo,
  failure: AuthFailure,
): UnauthenticatedError | ForbiddenError {
  if (ctx.viewerId === undefined) return signInRequired();
  const who = [...new Set(admitted(failure))];
  const subject = who.length > 0 ? `Only ${who.join(' or ')}` : 'Nobody';
  return new ForbiddenError(`${subject} may use \`${info.parentType.name}.${info.fieldName}\` here.`);
}

/**
 * The same error for a write that checked its rule inside its own statement
 * (resolvers/membership.ts) and found that none of `scopes` admits the viewer: worded exactly as
 * if `authScopes: { $any: scopes }` had refused it.
 */
export function statementRefusal(
  ctx: Context,
  info: GraphQLResolveInfo,
  scopes: AnyOfScopes,
): UnauthenticatedError | ForbiddenError {
  return refusal(ctx, info, {
    kind: AuthScopeFailureType.AnyAuthScopes,
    failures: Object.entries(scopes).map(([scope, parameter]) => ({
      kind: AuthScopeFailureType.AuthScope,
      scope,
      parameter,
      error: null,
    })),
  });
}
