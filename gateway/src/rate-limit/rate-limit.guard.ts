import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GatewayEnv } from '../gateway-env.js';
import { requestOf } from '../http/request-of.js';
import { RateLimiter } from './rate-limiter.service.js';

/** Global request budget per client: the principal when authenticated, else the client IP. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly env: GatewayEnv,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = requestOf(context);
    const client = request.user ? `u:${request.user.userId}` : `ip:${request.ip}`;
    this.limiter.consumeBuffered(`api:${client}`, this.env.RATE_LIMIT_PER_MINUTE);
    return true;
  }
}
