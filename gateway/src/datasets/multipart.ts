import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayEnv } from '../gateway-env.js';

/** Multipart parsing for uploads: file parts stream into the blob store (upload.service.ts). */
export async function registerMultipart(
  app: NestFastifyApplication,
  env: GatewayEnv,
): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: env.UPLOAD_LIMIT_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024 },
  });
}
