import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CommonModule } from './common/common.module';
import { ComplianceModule } from './compliance/compliance.module';
import { ContentPlanModule } from './content-plan/content-plan.module';
import { createValidationPipe } from './common/errors/validation';
import { ProblemFilter } from './common/problem/problem.filter';
import { TestClockInterceptor } from './common/test-clock.interceptor';
import { EnvironmentVariables, validateEnvironment } from './config/env.validation';
import { DatabaseModule } from './database/database.module';
import { dataSourceOptions } from './database/database.options';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PublicRegistryModule } from './public-registry/public-registry.module';
import { RegistryModule } from './registry/registry.module';

export interface AppOptions {
  databaseUrl: string;
  allowTestClock: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<EnvironmentVariables, true>) => ({
            pinoHttp: {
              level: config.get('LOG_LEVEL', { infer: true }),
              // Fastify assigned the id (see main.ts); the log lines carry the same one.
              genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
              // Tokens and passwords never reach the log.
              redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', '*.password', '*.token'],
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                }),
              },
            },
          }),
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.databaseUrl),
          migrationsRun: true,
          migrationsTransactionMode: 'each',
        }),
        DatabaseModule.forRoot(options.databaseUrl),
        CommonModule,
        JobsModule.forRoot(options.databaseUrl),
        CalendarModule,
        HealthModule,
        AuthModule,
        RegistryModule,
        ContentPlanModule,
        PublicRegistryModule,
        ComplianceModule,
        NotificationsModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ...(options.allowTestClock ? [{ provide: APP_INTERCEPTOR, useClass: TestClockInterceptor }] : []),
      ],
    };
  }
}
