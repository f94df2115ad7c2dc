import type { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** `work` on one pooled connection's own client, released afterwards (also when it fails). */
export async function withPooledClient<T>(dataSource: DataSource, work: (client: Client) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    return await work((await runner.connect()) as Client);
  } finally {
    await runner.release();
  }
}

/**
 * Runs a statement as a named prepared statement on the pooled connection that takes it:
 * PostgreSQL parses it once per connection and, after a few executions, keeps a generic plan.
 * For the statements every request sends (authentication, an organization's trend), where
 * planning took longer than running (the trend's pages: 0.45 ms to plan, 0.19 ms to run).
 * One `name` per statement text: PostgreSQL refuses a name prepared with another text.
 */
export function preparedQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  return withPooledClient(dataSource, async (client) => (await client.query({ name, text, values })).rows as T[]);
}
