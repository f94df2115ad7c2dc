import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/env.validation';
import { dataSourceOptions } from './database.options';
import { openDatabaseServer } from './database-server';

/** For command-line tools: the configured database, sharing the embedded server of a running service. */
export async function connectDatabase({ log }: { log: (line: string) => void }) {
  const server = await openDatabaseServer(validateEnvironment(process.env), { log, shareRunning: true });
  const dataSource = new DataSource(dataSourceOptions(server.url));
  await dataSource.initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await server.stop();
    },
  };
}
