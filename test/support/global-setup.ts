import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../src/database/embedded-postgres';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './constants';
import { freePort, ROOT, RunningApp, startApp, testEnvironment } from './processes';

/**
 * Once per run: build the service, start a throwaway embedded PostgreSQL (or use
 * TEST_DATABASE_URL), create a fresh database and start the real service on it.
 */
export default async function globalSetup() {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );

  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase({
      dir: mkdtempSync(path.join(tmpdir(), 'opr-test-')),
      port: await freePort(),
      persistent: false,
      log: () => undefined,
    });
    serverUrl = embedded.url;
    globalThis.__stopTestDatabase = () => embedded.stop();
  }
  const database = await aFreshDatabase(serverUrl, 'opr_test');
  const databaseUrl = database.url;
  globalThis.__dropTestDatabase = database.drop;

  const app: RunningApp = await startApp(suiteEnvironment(databaseUrl));
  globalThis.__testApp = app;
  process.env.TEST_APP_URL = app.url;
  // Every answer the tests receive is checked against the document the service publishes.
  const document = await fetch(`${app.url}/api/openapi.json`);
  if (!document.ok) throw new Error(`GET /api/openapi.json answered ${document.status}`);
  const documentFile = path.join(mkdtempSync(path.join(tmpdir(), 'opr-openapi-')), 'openapi.json');
  writeFileSync(documentFile, await document.text());
  process.env.TEST_OPENAPI_FILE = documentFile;
  process.env.TEST_DB_URL = databaseUrl;
  process.env.TEST_DB_SERVER_URL = serverUrl;
}

/** An empty database on the test server, and how to drop it. */
export async function aFreshDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Environment of a service the suite drives: the test admin, the test clock, schedules off. */
export function suiteEnvironment(databaseUrl: string, extra: Record<string, string> = {}) {
  return testEnvironment({
    DATABASE_URL: databaseUrl,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    ALLOW_TEST_CLOCK: 'true',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // Tests recompute findings on demand at their own instants; an hourly run would interleave.
    COMPLIANCE_RECOMPUTE_CRON: 'off',
    // Likewise the notification schedule: tests tick it at their own instants. No SMTP_URL, so
    // messages stay in the outbox; the delivery tests boot their own process with an SMTP server.
    NOTIFICATIONS_TICK_CRON: 'off',
    ...extra,
  });
}

export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs one statement on the server's `postgres` database (creating and dropping test databases). */
export async function onServer(url: string, sql: string) {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

declare global {
  var __testApp: RunningApp | undefined;
  var __stopTestDatabase: (() => Promise<void>) | undefined;
  var __dropTestDatabase: (() => Promise<void>) | undefined;
}
