import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobQueue, JOBS_DATABASE_URL } from './job-queue.service';

@Global()
@Module({})
export class JobsModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOBS_DATABASE_URL, useValue: databaseUrl }, JobQueue],
      exports: [JobQueue],
    };
  }
}
