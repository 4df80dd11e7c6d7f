import { DomainError, type ConnectionFailureKind } from '@hydroml/contracts';

interface DriverErrorShape {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
}

const BY_CODE: Record<string, ConnectionFailureKind> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  '28P01': 'authentication',
  '28000': 'authentication',
  ER_ACCESS_DENIED_ERROR: 'authentication',
  ER_DBACCESS_DENIED_ERROR: 'authentication',
  '3D000': 'database',
  ER_BAD_DB_ERROR: 'database',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls',
  HANDSHAKE_NO_SSL_SUPPORT: 'tls', // mysql2: the server has no TLS but the SSL mode asks for it
};

/** Sorts a driver's connection error into what a user can act on. */
export function failureKind(error: unknown): ConnectionFailureKind {
  if (error instanceof DomainError && typeof error.details?.kind === 'string') {
    return error.details.kind as ConnectionFailureKind;
  }
  const shape = (typeof error === 'object' && error !== null ? error : {}) as DriverErrorShape;
  const byCode = typeof shape.code === 'string' ? BY_CODE[shape.code] : undefined;
  if (byCode) return byCode;
  const message = (typeof shape.message === 'string' ? shape.message : '').toLowerCase();
  if (message.includes('timeout') || message.includes('timed out')) return 'timeout';
  if (/\b(ssl|tls|certificate)\b/.test(message)) return 'tls';
  if (message.includes('password authentication failed') || message.includes('access denied'))
    return 'authentication';
  return 'other';
}

const ADVICE: Record<ConnectionFailureKind, string> = {
  dns: 'the host name could not be resolved',
  refused: 'the server refused the connection (is it running, and is the port right?)',
  timeout: 'the server did not answer in time',
  authentication: 'the user name or password was not accepted',
  database: 'the database does not exist on this server',
  tls: 'the TLS handshake failed (check the SSL mode and CA)',
  blocked: 'this host is not allowed by the platform configuration',
  other: 'the connection failed',
};

/** A readable message that never echoes credentials. */
export function failureMessage(kind: ConnectionFailureKind, error: unknown): string {
  if (kind === 'blocked' && error instanceof DomainError) return error.message;
  // Database servers do not echo passwords in their messages; the other kinds need no detail.
  if (kind === 'other' && error instanceof Error) return `${ADVICE.other}: ${error.message}`;
  return ADVICE[kind];
}
