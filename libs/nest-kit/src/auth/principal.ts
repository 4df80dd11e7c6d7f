import { DomainError, type CallContext, type Principal, type Scope } from '@hydroml/contracts';

/** The authenticated caller, or `unauthenticated` when the gateway set none. */
export function requirePrincipal(call: CallContext): Principal {
  if (!call.principal) throw new DomainError('unauthenticated', 'authentication required');
  return call.principal;
}

/** The caller, who must also hold `scope` (a `read` API token cannot write). */
export function requireScope(call: CallContext, scope: Scope): Principal {
  const principal = requirePrincipal(call);
  if (!principal.scopes.includes(scope)) {
    throw new DomainError('permission_denied', `this token lacks the '${scope}' scope`);
  }
  return principal;
}

/** Operations only an interactive session may do (not an API token): passwords, token management. */
export function requireSession(call: CallContext): Principal {
  const principal = requireScope(call, 'write');
  if (principal.via !== 'jwt') {
    throw new DomainError(
      'permission_denied',
      'this operation needs a signed-in session, not an API token',
    );
  }
  return principal;
}
