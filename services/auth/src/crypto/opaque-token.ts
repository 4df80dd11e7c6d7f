import { createHash, randomBytes } from 'node:crypto';

/** A high-entropy secret (256 bits) such as `hml_…` (API token) or `rt_…` (refresh token). */
export function newOpaqueSecret(kind: 'hml' | 'rt'): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

/** Secrets have 256 bits of entropy, so a fast hash is enough (no need for argon2 here). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
