import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

type Schemas = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>;

/**
 * OpenAPI at /api/docs. Request bodies are described from the same class-validator rules that
 * validate them (the contracts' DTOs), so the document cannot drift from what is enforced.
 */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('HydroML API')
    .setDescription(
      'REST API of the HydroML platform. Errors: {code, message, details?, correlationId}.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => {
    const document = SwaggerModule.createDocument(app, config);
    const fromValidators = validationMetadatasToSchemas({
      refPointerPrefix: '#/components/schemas/',
    }) as Schemas;
    const schemas: Schemas = document.components?.schemas ?? {};
    for (const [name, schema] of Object.entries(fromValidators)) schemas[name] = schema;
    document.components = { ...document.components, schemas };
    return document;
  });
}
