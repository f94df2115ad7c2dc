import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_TAG_DESCRIPTIONS } from './common/openapi/api-tags';
import { documentValidationRules } from './common/openapi/validation-schema';
import { ProblemDto, problemResponse } from './common/problem/api-problems.decorator';

/**
 * The service's OpenAPI 3.0 document. Generated clients rely on it, so it says what every route
 * answers; test/openapi.e2e-spec.ts scans it and every integration test checks its answers
 * against it (test/support/openapi-conformance.ts).
 */
export function buildOpenApiDocument(app: INestApplication) {
  const publicBaseUrl = app.get(ConfigService).get<string>('PUBLIC_BASE_URL');
  const builder = new DocumentBuilder()
    .setTitle('Реестр официальных страниц и контент-планов')
    .setDescription(
      'API реестра официальных страниц органов власти и подведомственных организаций в социальных сетях, ' +
        'еженедельных контент-планов и проверок соблюдения нормативов. Ошибки возвращаются как application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    // Behind a proxy the public address is the one clients call; without it, paths stay relative
    // to wherever the document was read from.
    .addServer(publicBaseUrl ? publicBaseUrl.replace(/\/$/, '') : '/')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description:
        'Непрозрачный случайный токен (не JWT): выдаётся при входе (POST /api/v1/auth/login, действует ограниченное время) ' +
        'или создаётся как API-токен для интеграции (POST /api/v1/auth/tokens). ' +
        'Передаётся в заголовке Authorization: Bearer <токен>; сервис хранит только его хеш.',
    });
  for (const [tag, description] of Object.entries(API_TAG_DESCRIPTIONS)) builder.addTag(tag, description);
  documentValidationRules();
  const document = SwaggerModule.createDocument(app, builder.build());
  // DocumentBuilder.addBearerAuth() adds bearerFormat "JWT" by default; these tokens are opaque.
  const bearer = document.components?.securitySchemes?.bearer;
  if (bearer && 'bearerFormat' in bearer) delete bearer.bearerFormat;
  return withEdgeAnswers(withBodyLimits(withProblemExtensions(document)));
}

/**
 * Every route that reads a body can be refused before its handler runs: a body over the limit
 * (413) or of a type no parser accepts (415), whatever the route's own decorators say.
 */
function withBodyLimits(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.post, item.put, item.patch, item.delete]) {
      if (!operation?.requestBody) continue;
      for (const status of ['413', '415']) operation.responses[status] ??= problemResponse(Number(status));
    }
  }
  return document;
}

/**
 * What any operation can answer before or beside its own handler: a request target past 8 KiB
 * (414) or headers past Node's limit (431); NUL or bytes that are not UTF-8 in a path or query
 * parameter (400, `src/common/http-edge.ts`); and, for every route but the liveness probe, 503 with
 * Retry-After while the database cannot be reached (`/ready` documents its own 503).
 */
function withEdgeAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation) continue;
      for (const status of ['414', '431']) operation.responses[status] ??= problemResponse(Number(status));
      if (operation.parameters?.length) operation.responses['400'] ??= problemResponse(400);
      if (path !== '/health') operation.responses['503'] ??= problemResponse(503);
    }
  }
  return document;
}

/** A problem document may carry extension members (RFC 9457 §3.2): clause, ids, dates. */
function withProblemExtensions(document: OpenAPIObject): OpenAPIObject {
  const problem = document.components?.schemas?.[ProblemDto.name];
  if (problem && !('$ref' in problem)) problem.additionalProperties = true;
  return document;
}

export function setupOpenApi(app: INestApplication) {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    customSiteTitle: 'API реестра официальных страниц',
  });
}
