import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import type { FastifyRequest } from 'fastify';
import { DomainError, type Principal } from '@hydroml/contracts';
import { TokenVerifier } from './token-verifier.service.js';

/** `Authorization: Bearer <access JWT | API token>` for every protected route. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly verifier: TokenVerifier) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match)
      throw new DomainError(
        'unauthenticated',
        'authentication required: send Authorization: Bearer <token>',
      );
    return this.verifier.verify(match[1], String(request.id));
  }
}
