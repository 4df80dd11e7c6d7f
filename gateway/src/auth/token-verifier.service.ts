import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify } from 'jose';
import { DomainError, type Principal } from '@hydroml/contracts';
import { ApiTokenVerifier } from './api-token-verifier.service.js';
import { JwtKeysService } from './jwt-keys.service.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

export const API_TOKEN_PREFIX = 'hml_';

/** Turns a bearer credential (access JWT or personal API token) into a principal. */
@Injectable()
export class TokenVerifier {
  private readonly verified = new VerifiedTokenCache();

  constructor(
    private readonly keys: JwtKeysService,
    private readonly apiTokens: ApiTokenVerifier,
  ) {}

  verify(credential: string, correlationId: string = randomUUID()): Promise<Principal> {
    return credential.startsWith(API_TOKEN_PREFIX)
      ? this.apiTokens.verify(credential, correlationId)
      : this.verifyJwt(credential);
  }

  private async verifyJwt(token: string): Promise<Principal> {
    const cached = this.verified.get(token);
    if (cached) return cached;
    try {
      const { payload } = await jwtVerify(token, (header) => this.keys.keyFor(header.kid), {
        issuer: 'hydroml-auth',
        audience: 'hydroml',
        algorithms: ['ES256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.username !== 'string') {
        throw new DomainError('unauthenticated', 'access token is missing claims');
      }
      const principal: Principal = {
        userId: payload.sub,
        username: payload.username,
        scopes: ['read', 'write'],
        via: 'jwt',
      };
      this.verified.set(token, principal, (payload.exp ?? 0) * 1000);
      return principal;
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'unauthenticated') throw error;
      throw new DomainError('unauthenticated', jwtMessage(error));
    }
  }
}

function jwtMessage(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'access token expired';
  if (error instanceof DomainError) return error.message;
  return 'invalid access token';
}
