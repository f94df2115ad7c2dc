import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { freePort, MAIN, ROOT, runScript, startApp, testEnvironment } from './support/processes';
import { spawn, spawnSync } from 'node:child_process';

jest.setTimeout(180_000);

describe('Start-up', () => {
  it('stops with one line naming a bad configuration variable', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      cwd: ROOT,
      env: testEnvironment({ PORT: 'eighty' }),
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: PORT /);
  });

  it('refuses the test clock in production', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      cwd: ROOT,
      env: testEnvironment({ NODE_ENV: 'production', ALLOW_TEST_CLOCK: 'true' }),
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toMatch(/^Configuration error: ALLOW_TEST_CLOCK/);
  });

  it('runs on its own embedded PostgreSQL, keeps data across restarts and survives a killed process', async () => {
    const env = testEnvironment({
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'opr-embedded-')),
      EMBEDDED_PG_PORT: String(await freePort()),
    });

    // First start on an empty directory: cluster created, migrations applied, admin printed once.
    const first = await startApp(env, 120_000);
    await request(first.url).get('/ready').expect(200);
    const printed = /created admin@localhost with password (\S+)/.exec(first.output());
    expect(printed).not.toBeNull();
    const password = printed![1];
    const token = (
      await request(first.url).post('/api/v1/auth/login').send({ email: 'admin@localhost', password }).expect(200)
    ).body.token;
    const created = await request(first.url)
      .post('/api/v1/organizations')
      .set('Authorization', `Bearer ${token}`)
      .send({
        jurisdiction: 'plastunovskaya-sp',
        name: 'Администрация Пластуновского сельского поселения',
        kind: 'settlement_administration',
      })
      .expect(201);

    // A crash: the Node process is killed outright and its PostgreSQL is left orphaned.
    await first.stop('SIGKILL');

    const second = await startApp(env, 120_000);
    expect(second.output()).not.toContain('created admin@localhost');
    expect(second.output()).toContain('Stopping orphaned PostgreSQL server');
    await request(second.url).get('/ready').expect(200);
    const again = (
      await request(second.url).post('/api/v1/auth/login').send({ email: 'admin@localhost', password }).expect(200)
    ).body.token;
    await request(second.url)
      .get(`/api/v1/organizations/${created.body.id}`)
      .set('Authorization', `Bearer ${again}`)
      .expect(200);

    // The shell command shares the running service's server; a second service on the same data is refused.
    const cli = await runScript(
      'dist/src/cli.js',
      ['user:create', '--email', 'cli@test.local', '--password', 'created-from-the-shell', '--role', 'viewer'],
      env,
    );
    expect(cli.output).toContain('Пользователь создан: cli@test.local');
    expect(cli.code).toBe(0);
    const seed = await runScript('dist/src/cli.js', ['seed:demo'], env);
    expect(seed.output).toContain('Демонстрационный реестр загружен: организаций 0, страниц 0');
    await request(second.url)
      .post('/api/v1/auth/login')
      .send({ email: 'cli@test.local', password: 'created-from-the-shell' })
      .expect(200);
    const rival = spawnSync(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...env, PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(rival.status).not.toBe(0);
    expect(rival.stderr).toMatch(/Another running service .* uses the embedded cluster/);
    await request(second.url).get('/ready').expect(200);

    // A clean stop on SIGTERM stops PostgreSQL too: the next start finds no server to clear.
    expect(await second.stop('SIGTERM')).toBe(0);
    const third = await startApp(env, 120_000);
    expect(third.output()).not.toMatch(/orphaned|stale/);
    await request(third.url).get('/ready').expect(200);
    expect(await third.stop('SIGTERM')).toBe(0);

    // A postmaster.pid naming a process that no longer exists (e.g. after a power cut) is cleared.
    const pidFile = path.join(env.DATA_DIR!, 'postgres', 'postmaster.pid');
    writeFileSync(pidFile, `${2 ** 22 + 12345}\n${path.join(env.DATA_DIR!, 'postgres')}\n`);
    const fourth = await startApp(env, 120_000);
    expect(fourth.output()).toContain('Removing stale');
    await request(fourth.url).get('/ready').expect(200);
    expect(await fourth.stop('SIGINT')).toBe(0);
  });

  it('goes on when whoever read its log went away, and still stops on SIGTERM', async () => {
    // The service's own guard, in a process that logs through console and reports uncaught
    // exceptions there, as the service does: without the guard every write to the closed pipe was
    // an uncaught exception whose report was the next write (a loop at 100 % CPU).
    const script = `
      const guarded = process.argv[1] === 'guarded';
      if (guarded) require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'common', 'log-pipes.js'))}).tolerateClosedLogPipes();
      let uncaught = 0;
      process.on('uncaughtException', (error) => { uncaught++; console.error(error); });
      process.on('SIGTERM', () => { require('node:fs').writeFileSync(process.argv[2], String(uncaught)); process.exit(0); });
      setInterval(() => console.log('tick'), 20);
      console.log('ready');`;
    const report = path.join(mkdtempSync(path.join(tmpdir(), 'opr-pipes-')), 'uncaught');
    const child = spawn(process.execPath, ['-e', script, 'guarded', report], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    child.stderr.destroy();
    // Fifty writes to the closed pipes.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(readFileSync(report, 'utf8')).toBe('0');
  });

  it('starts without a deprecation warning (no query sent to a connection that is still busy, which pg 9 refuses)', async () => {
    const app = await startApp(testEnvironment({ DATABASE_URL: process.env.TEST_DB_URL }));
    try {
      await request(app.url).get('/ready').expect(200);
      // The working calendar is loaded at start and again by the first request that needs it.
      await request(app.url)
        .get('/api/v1/calendar/khabarovsk-krai/deadline')
        .query({ from: '2026-11-03T10:00:00+10:00', workingDays: 5 })
        .expect(200);
      expect(app.output()).toContain('LISTENING');
      expect(app.output()).not.toContain('DeprecationWarning');
    } finally {
      await app.stop();
    }
  });

  it('limits login attempts per address and never logs passwords or tokens', async () => {
    const app = await startApp(
      testEnvironment({ DATABASE_URL: process.env.TEST_DB_URL, LOGIN_RATE_LIMIT_PER_MINUTE: '3', LOG_LEVEL: 'trace' }),
    );
    try {
      const secret = 'Sup3r-Secret-Passw0rd';
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await request(app.url)
          .post('/api/v1/auth/login')
          .send({ email: 'admin@test.local', password: secret });
        statuses.push(response.status);
        if (response.status === 429) expect(response.body.code).toBe('COMMON.TOO_MANY_REQUESTS');
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      await request(app.url).get('/api/v1/auth/me').set('Authorization', 'Bearer ops_secret-token-value').expect(401);
      expect(app.output()).not.toContain(secret);
      expect(app.output()).not.toContain('ops_secret-token-value');
    } finally {
      await app.stop();
    }
  });
});
