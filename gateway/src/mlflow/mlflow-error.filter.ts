import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toHttpError } from '../errors/to-http-error.js';
import type { GatewayRequest } from '../http/request-of.js';
import { MLFLOW_ERRORS } from './mlflow-error.js';

/** MLflow's error body `{error_code, message}` with MLflow's status for each code. */
@Catch()
export class MlflowErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<GatewayRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = toMlflowError(exception, String(request.id));
    void reply.status(status).send(body);
  }
}

/** Any error as MLflow answers it: its status and `{error_code, message}`. */
export function toMlflowError(
  exception: unknown,
  requestId: string,
): { status: number; body: { error_code: string; message: string } } {
  const { body } = toHttpError(exception, requestId);
  const { status, errorCode } = MLFLOW_ERRORS[body.code];
  return { status, body: { error_code: errorCode, message: body.message } };
}

/** MLflow's routes: errors raised before Nest sees them (e.g. malformed JSON) answer in its shape. */
export function isMlflowUrl(url: string): boolean {
  return /^\/(ajax-)?api\/2\.0\/mlflow(-artifacts)?\//.test(url);
}
