import { randomUUID } from 'node:crypto';
import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { DomainError, isContractError, type ContractError } from '@hydroml/contracts';
import { throwError, type Observable } from 'rxjs';
import { callContextOf } from '../nats/call-context.decorator.js';
import { logger } from '../logging/logger.js';

/** Turns any error raised by a handler into the contract error shape sent back over NATS. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const { correlationId } = callContextOf(host.switchToRpc().getContext());
    return throwError(() => toContractError(exception, correlationId));
  }
}

export function toContractError(exception: unknown, correlationId: string): ContractError {
  if (exception instanceof DomainError) return exception.toContract(correlationId);
  if (isContractError(exception)) return { ...exception, correlationId };
  const errorId = randomUUID();
  logger().error({ err: exception, errorId, correlationId }, 'unhandled error in handler');
  return { code: 'internal', message: 'internal error', errorId, correlationId };
}
