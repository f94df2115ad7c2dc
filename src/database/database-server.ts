import { EnvironmentVariables } from '../config/env.validation';
import { startEmbeddedDatabase } from './embedded-postgres';

export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded cluster in DATA_DIR, started if needed. */
export async function openDatabaseServer(
  env: EnvironmentVariables,
  { log, shareRunning = false }: { log: (line: string) => void; shareRunning?: boolean },
): Promise<DatabaseServer> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const embedded = await startEmbeddedDatabase({
    dir: env.DATA_DIR,
    port: env.EMBEDDED_PG_PORT,
    persistent: true,
    shareRunning,
    log,
  });
  return { url: embedded.url, embedded: true, stop: () => embedded.stop() };
}
