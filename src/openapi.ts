import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Реестр официальных страниц и контент-планов')
    .setDescription(
      'API реестра официальных страниц органов власти и подведомственных организаций в социальных сетях, ' +
        'еженедельных контент-планов и проверок соблюдения нормативов. Ошибки возвращаются как application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'Token from POST /api/v1/auth/login or an API token',
    })
    .build();
  return SwaggerModule.createDocument(app, config);
}

export function setupOpenApi(app: INestApplication) {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    customSiteTitle: 'API реестра официальных страниц',
  });
}
