import type { FastifyInstance } from 'fastify';

/** Marks an artifact upload whose body must reach the handler as an unparsed stream. */
export const ARTIFACT_CONTENT_TYPE = 'application/x-hydroml-artifact';
const UPLOAD_PATH = /^\/(?:ajax-)?api\/2\.0\/mlflow-artifacts\/artifacts\//;

/**
 * MLflow clients PUT artifact files with a guessed Content-Type (json, text, images...). For those
 * requests only, the body is handed to the handler as the raw stream, whatever its type.
 */
export function installArtifactBodyParser(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'PUT' && UPLOAD_PATH.test(request.url)) {
      request.headers['content-type'] = ARTIFACT_CONTENT_TYPE;
    }
    done();
  });
  fastify.addContentTypeParser(ARTIFACT_CONTENT_TYPE, (_request, payload, done) => {
    done(null, payload);
  });
}
