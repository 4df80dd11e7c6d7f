import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import { DomainError, type ContractError } from '@hydroml/contracts';
import { codeForHttpStatus, HTTP_STATUS_BY_CODE, logger } from '@hydroml/nest-kit';

export interface HttpError {
  status: number;
  body: ContractError;
}

interface StatusCarrier {
  statusCode: number;
  message: string;
}

function hasStatusCode(value: unknown): value is StatusCarrier {
  if (typeof value !== 'object' || value === null) return false;
  const status = (value as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Any error to an HTTP status and a contract error body; the unexpected ones get an errorId. */
export function toHttpError(exception: unknown, correlationId: string): HttpError {
  if (exception instanceof DomainError) {
    return {
      status: HTTP_STATUS_BY_CODE[exception.code],
      body: exception.toContract(correlationId),
    };
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const status = exception.getStatus();
    return {
      status,
      body: {
        code: codeForHttpStatus(status),
        message: httpExceptionMessage(exception),
        correlationId,
      },
    };
  }
  // Errors raised by Fastify itself: malformed JSON, body too large, unsupported media type.
  if (hasStatusCode(exception)) {
    const status = exception.statusCode;
    return {
      status,
      body: { code: codeForHttpStatus(status), message: exception.message, correlationId },
    };
  }
  const errorId = randomUUID();
  logger().error({ err: exception, errorId, correlationId }, 'unhandled error');
  return {
    status: 500,
    body: { code: 'internal', message: 'internal error', errorId, correlationId },
  };
}
