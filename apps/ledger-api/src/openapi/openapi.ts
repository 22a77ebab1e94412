import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { problemContentType } from '../http/problem-details';
import { errorStatusTable } from '../http/error-status';

/**
 * The OpenAPI document, served at /docs (UI) and /docs-json. Body schemas are derived from the
 * same class-validator rules that validate the requests, so the documentation cannot drift from
 * what the edge accepts; custom rules (money, region codes, dates) say their rule code in the
 * description.
 */
export function setUpOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Public-funds ledger')
    .setDescription(
      'Event-sourced ledger of poverty-alleviation funds. Amounts are decimal strings in yuan with two decimals; dates are YYYY-MM-DD. ' +
        'Every POST needs an Idempotency-Key header. Every answer carries X-Ledger-Position. Errors are RFC 9457 problem+json with a stable `code`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...bodySchemas(), Problem: problemSchema } };
  addProblemResponses(document);
  SwaggerModule.setup('docs', app, document);
  return document;
}

function bodySchemas(): NonNullable<OpenAPIObject['components']>['schemas'] {
  const schemas = validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: {
      // Custom constraints: document them as strings carrying their rule code.
      customValidation: (meta) => ({ type: 'string', description: `rule ${String(meta.constraints?.[0] ?? meta.name ?? 'custom')}` }),
    },
  });
  return schemas as NonNullable<OpenAPIObject['components']>['schemas'];
}

const problemSchema = {
  type: 'object' as const,
  required: ['type', 'status', 'title', 'detail', 'instance', 'code', 'errors'],
  properties: {
    type: { type: 'string' as const },
    status: { type: 'integer' as const },
    title: { type: 'string' as const },
    detail: { type: 'string' as const },
    instance: { type: 'string' as const },
    code: { type: 'string' as const, description: 'stable code clients match on' },
    errors: {
      type: 'array' as const,
      items: {
        type: 'object' as const,
        properties: { field: { type: 'string' as const }, rule: { type: 'string' as const }, message: { type: 'string' as const } },
      },
    },
  },
};

/** Every operation may answer with the problems of the one status table (README, "Errors"). */
function addProblemResponses(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.post]) {
      if (!operation) continue;
      for (const row of errorStatusTable) {
        operation.responses[String(row.status)] ??= {
          description: row.codes,
          content: { [problemContentType]: { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
    }
  }
}
