import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError } from '@hydroml/contracts';
import { toHttpError } from './to-http-error.js';

describe('toHttpError', () => {
  it('maps contract codes through the one status table', () => {
    expect(toHttpError(new DomainError('conflict', 'taken'), 'c1')).toEqual({
      status: 409,
      body: { code: 'conflict', message: 'taken', details: undefined, correlationId: 'c1' },
    });
    expect(toHttpError(new DomainError('resource_exhausted', 'slow down'), 'c').status).toBe(429);
  });

  it("keeps Nest's and Fastify's own 4xx errors in the contract shape", () => {
    expect(toHttpError(new NotFoundException('Cannot GET /x'), 'c').body).toMatchObject({
      code: 'not_found',
      message: 'Cannot GET /x',
    });
    expect(toHttpError(new BadRequestException(['a', 'b']), 'c').body.message).toBe('a; b');
    const fastifyError = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(toHttpError(fastifyError, 'c')).toMatchObject({
      status: 413,
      body: { code: 'payload_too_large' },
    });
  });

  it('turns anything unexpected into a 500 with an errorId, hiding the cause', () => {
    const { status, body } = toHttpError(new TypeError('secret detail'), 'c9');
    expect(status).toBe(500);
    expect(body).toMatchObject({
      code: 'internal',
      message: 'internal error',
      correlationId: 'c9',
    });
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
