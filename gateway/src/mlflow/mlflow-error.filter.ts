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
    const { body } = toHttpError(exception, String(request.id));
    const { status, errorCode } = MLFLOW_ERRORS[body.code];
    void reply.status(status).send({ error_code: errorCode, message: body.message });
  }
}
