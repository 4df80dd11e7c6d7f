import type { ApiTokenView } from '@hydroml/contracts';
import type { ApiTokenEntity } from './persistence/api-token.entity.js';

export function toApiTokenView(token: ApiTokenEntity): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    prefix: token.prefix,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}
