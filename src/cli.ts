import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppModule } from './app.module';
import { CreateUserDto } from './auth/dto/user.dto';
import { UsersService } from './auth/users.service';
import { DomainError } from './common/errors/domain-error';
import { flattenValidationErrors } from './common/errors/validation';
import { validateEnvironment } from './config/env.validation';
import { ComplianceScheduler } from './compliance/compliance.scheduler';
import { ComplianceService } from './compliance/compliance.service';
import { DemoDataService } from './registry/demo-data.service';
import { openDatabaseServer } from './database/database-server';

const USAGE = `Usage:
  npm run cli -- user:create --email <e-mail> --password <password> --role <admin|coordinator|editor|viewer>
                 [--name "<full name>"] [--jurisdiction <code>]... [--organization <uuid>]...
  npm run cli -- seed:demo`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'seed:demo') {
    return withApplication(async (app) => {
      const loaded = await app.get(DemoDataService).load();
      const publications = await app.get(ComplianceService).loadDemoPublications();
      await app.get(ComplianceScheduler).recomputeAll();
      console.log(
        `Демонстрационный реестр загружен: организаций ${loaded.organizations}, страниц ${loaded.pages}, публикаций ${publications}`,
      );
      return 0;
    });
  }
  if (command !== 'user:create') {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      jurisdiction: { type: 'string', multiple: true },
      organization: { type: 'string', multiple: true },
    },
  });
  const input = plainToInstance(CreateUserDto, {
    email: values.email,
    password: values.password,
    role: values.role,
    fullName: values.name ?? values.email,
    jurisdictions: values.jurisdiction,
    organizations: values.organization,
  });
  const problems = flattenValidationErrors(validateSync(input, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length) {
    for (const p of problems) console.error(`--${p.field}: ${p.message}`);
    console.error(USAGE);
    return 2;
  }

  return withApplication(async (app) => {
    const user = await app.get(UsersService).create(input);
    console.log(`Пользователь создан: ${user.email} (${user.role}), id ${user.id}`);
    return 0;
  });
}

/** The service's modules without HTTP, on the configured database (shared with a running service). */
async function withApplication(work: (app: INestApplicationContext) => Promise<number>): Promise<number> {
  // A command is short-lived: it schedules and works no jobs (the running service does).
  process.env.COMPLIANCE_RECOMPUTE_CRON = 'off';
  const env = validateEnvironment(process.env);
  const server = await openDatabaseServer(env, { log: () => undefined, shareRunning: true });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ databaseUrl: server.url, allowTestClock: false }),
    { logger: ['error'] },
  );
  try {
    return await work(app);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
