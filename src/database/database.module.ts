import { DynamicModule, Global, Module } from '@nestjs/common';
import { CONNECTION_OPTIONS } from './database.options';
import { PreparedStatements } from './prepared';

/** What the service's database offers besides TypeORM: the pipelined connections of the point lookups. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: PreparedStatements,
          useFactory: () =>
            new PreparedStatements({
              url: databaseUrl,
              options: CONNECTION_OPTIONS,
              connections: 2,
            }),
        },
      ],
      exports: [PreparedStatements],
    };
  }
}
