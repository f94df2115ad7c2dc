import path from 'node:path';
import { DataSourceOptions } from 'typeorm';

/** Session settings of every connection: instants in UTC, no transaction left idle for long. */
export const CONNECTION_OPTIONS = '-c timezone=UTC -c idle_in_transaction_session_timeout=60000';

/**
 * One description of the database for the service, the migration CLI and the schema-drift check.
 * Entities are discovered by file name so that a feature module only adds `*.entity.ts`.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  const root = path.resolve(__dirname, '..', '..');
  return {
    type: 'postgres',
    url,
    entities: [path.join(root, 'src', '**', '*.entity.{js,ts}')],
    migrations: [path.join(root, 'migrations', '*.{js,ts}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Timestamps travel as instants; the calendar decides how to show them. A request that waits
    // 15 s for a pooled connection fails instead of hanging, and a transaction left idle for a
    // minute is ended by the server, so a stuck request cannot hold the pool for good.
    extra: {
      options: CONNECTION_OPTIONS,
      max: 20,
      connectionTimeoutMillis: 15_000,
    },
  };
}
