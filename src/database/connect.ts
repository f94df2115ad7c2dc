import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/env.validation';
import { dataSourceOptions } from './database.options';
import { startEmbeddedDatabase } from './embedded-postgres';

/** For command-line tools: the configured database (embedded unless DATABASE_URL is set). */
export async function connectDatabase({ log }: { log: (line: string) => void }) {
  const env = validateEnvironment(process.env);
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase({ dir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, persistent: true, log });
  const dataSource = new DataSource(dataSourceOptions(env.DATABASE_URL ?? embedded!.url));
  await dataSource.initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
