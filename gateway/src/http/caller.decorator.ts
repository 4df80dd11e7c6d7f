import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CallContext } from '@hydroml/contracts';
import { requestOf } from './request-of.js';

const DEADLINE_MS = 10_000;

/** The call context sent to services: correlation id (= request id), principal, deadline. */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CallContext => {
    const request = requestOf(context);
    return {
      correlationId: String(request.id),
      principal: request.user,
      deadline: Date.now() + DEADLINE_MS,
    };
  },
);
