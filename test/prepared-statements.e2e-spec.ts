import { Client } from 'pg';
import { CONNECTION_OPTIONS } from '../src/database/database.options';
import { PreparedStatements } from '../src/database/prepared';

/**
 * The pipelined connections of the per-request point lookups (authentication, trends), against
 * the test database itself: statements asked at once come back each with its own rows, on the
 * generic plan; one that fails fails alone; a connection the server ends is replaced.
 */
describe('Prepared point lookups (pipelined, generic plans)', () => {
  let statements: PreparedStatements;
  const open = (connections: number) =>
    new PreparedStatements({ url: process.env.TEST_DB_URL!, options: CONNECTION_OPTIONS, connections });

  afterEach(async () => {
    await statements.onApplicationShutdown();
  });

  it('answers 200 statements asked at once each with its own rows, on one connection, with the generic plan', async () => {
    statements = open(1);
    const values = Array.from({ length: 200 }, (_, i) => i);
    const answers = await Promise.all(
      values.map((n) =>
        statements.query<{ n: number; pid: number }>('test.echo', 'SELECT $1::int * 2 AS n, pg_backend_pid() AS pid', [
          n,
        ]),
      ),
    );
    expect(answers.map(([row]) => row!.n)).toEqual(values.map((n) => n * 2));
    expect(new Set(answers.map(([row]) => row!.pid)).size).toBe(1);

    const [plans] = await statements.query<{ generic: string; custom: string }>(
      'test.plans',
      'SELECT generic_plans::text AS generic, custom_plans::text AS custom FROM pg_prepared_statements WHERE name = $1',
      ['test.echo'],
    );
    expect(plans).toEqual({ generic: '200', custom: '0' });
  });

  it('fails a failing statement alone, and the ones written behind it still answer', async () => {
    statements = open(1);
    const [before, failing, after] = await Promise.allSettled([
      statements.query<{ n: number }>('test.number', 'SELECT $1::int AS n', ['1']),
      statements.query<{ n: number }>('test.number', 'SELECT $1::int AS n', ['not a number']),
      statements.query<{ n: number }>('test.number', 'SELECT $1::int AS n', ['3']),
    ]);
    expect(before).toEqual({ status: 'fulfilled', value: [{ n: 1 }] });
    expect(failing.status).toBe('rejected');
    expect(String((failing as PromiseRejectedResult).reason)).toContain('invalid input syntax for type integer');
    expect(after).toEqual({ status: 'fulfilled', value: [{ n: 3 }] });
  });

  it('spreads statements asked at once over the connections it may open', async () => {
    statements = open(2);
    const pids = await Promise.all(
      Array.from({ length: 20 }, () =>
        statements.query<{ pid: number }>('test.pid', 'SELECT pg_backend_pid() AS pid', []),
      ),
    );
    expect(new Set(pids.map(([row]) => row!.pid)).size).toBe(2);
  });

  it('replaces a connection that the server ended', async () => {
    statements = open(1);
    const pidOf = async () =>
      (await statements.query<{ pid: number }>('test.pid', 'SELECT pg_backend_pid() AS pid', []))[0]!.pid;
    const first = await pidOf();
    const admin = new Client({ connectionString: process.env.TEST_DB_URL });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [first]);
    } finally {
      await admin.end();
    }
    // The statement asked before the client learns of the end may fail with it; the next ones
    // go to a new connection.
    let next: number | undefined;
    let failures = 0;
    for (let attempt = 0; attempt < 20 && next === undefined; attempt++) {
      try {
        next = await pidOf();
      } catch {
        failures++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(next).toBeDefined();
    expect(next).not.toBe(first);
    expect(failures).toBeLessThanOrEqual(1);
  });
});
