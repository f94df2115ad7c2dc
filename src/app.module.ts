import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { createValidationPipe } from './common/errors/validation';
import { ProblemFilter } from './common/problem/problem.filter';
import { TestClockInterceptor } from './common/test-clock.interceptor';
import { EnvironmentVariables, validateEnvironment } from './config/env.validation';
import { dataSourceOptions } from './database/database.options';
import { HealthModule } from './health/health.module';
import { RegistryModule } from './registry/registry.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

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
              genReqId: (req, res) => {
                const incoming = req.headers['x-request-id'];
                const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
                res.setHeader('x-request-id', id);
                return id;
              },
              // Tokens and passwords never reach the log.
              redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', '*.password', '*.token'],
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              },
            },
          }),
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl), migrationsRun: true, migrationsTransactionMode: 'each' }),
        CommonModule,
        HealthModule,
        AuthModule,
        RegistryModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        ...(options.allowTestClock ? [{ provide: APP_INTERCEPTOR, useClass: TestClockInterceptor }] : []),
      ],
    };
  }
}
