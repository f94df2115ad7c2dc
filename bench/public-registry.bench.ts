/**
 * Latency of the public registry with 100 000 organizations and 500 000 pages. Not a test: no
 * assertion, run by hand (about two minutes):
 *   npm run bench:registry
 * Starts a throwaway embedded PostgreSQL, starts the compiled service on it (which applies the
 * migrations), fills the tables with set-based SQL, ANALYZEs, EXPLAINs the queries the routes run,
 * then drives the routes with autocannon (50 connections) and prints median / p95 latency,
 * requests per second and the service's RSS.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { drive, LoadResult, PLACES, startBenchDatabase, startService } from './bench-support';
import { searchKey } from '../src/registry/organization.rules';
import { PublicRegistryRepository } from '../src/public-registry/public-registry.repository';
import { PUBLIC_PAGE_SIZE, PublicRegistryFilter } from '../src/public-registry/public-registry.rules';

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 100_000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const KINDS = ['executive_body', 'administration_organ', 'subordinate_organization', 'settlement_administration'];
const NAME_PATTERNS = [
  'Администрация поселка %s',
  'Муниципальное бюджетное учреждение культуры «Дом культуры %s»',
  'Управление образования %s района',
  'Государственное казённое учреждение «Центр занятости населения %s»',
  'Муниципальное общеобразовательное учреждение «Средняя школа %s»',
];

interface Measured extends LoadResult {
  label: string;
  path: string;
  rssMb: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function fill(db: Client) {
  const started = Date.now();
  await db.query(`INSERT INTO jurisdictions (code, name, time_zone) VALUES
      ('bench-north', 'Северный край (нагрузочный тест)', 'Asia/Vladivostok'),
      ('bench-south', 'Южный край (нагрузочный тест)', 'Europe/Moscow')
    ON CONFLICT (code) DO NOTHING`);
  const { rows } = await db.query<{ code: string }>(`SELECT code FROM jurisdictions ORDER BY code`);
  const jurisdictions = rows.map((r) => r.code);
  await db.query(
    `INSERT INTO organizations (jurisdiction_code, name, kind, version, created_at, updated_at)
     SELECT ($1::text[])[1 + i % cardinality($1::text[])],
            format(($2::text[])[1 + (i / 7) % cardinality($2::text[])], ($3::text[])[1 + i % cardinality($3::text[])]) || ' № ' || i,
            (($4::text[])[1 + i % cardinality($4::text[])])::organization_kind,
            1, now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
       FROM generate_series(1, $5::int) AS i`,
    [jurisdictions, NAME_PATTERNS, PLACES, KINDS, ORGANIZATIONS],
  );
  // Five pages per organization: VK, OK, Telegram, MAX live; every fifth has a deleted VK page
  // instead of MAX, every tenth an old Facebook page (history). Marks on about half.
  await db.query(
    `INSERT INTO official_pages (organization_id, network, url, handle, created_on, deleted_on,
                                 gosuslugi_mark_on, feedback_widget_on, service_phone, version, recorded_at, updated_at)
     SELECT o.id, n.network, 'https://' || n.host || '/bench_' || o.n || '_' || n.k, 'bench_' || o.n || '_' || n.k,
            DATE '2021-01-01' + (o.n % 1000),
            CASE WHEN n.k = 4 AND o.n % 5 = 0 THEN DATE '2024-06-01' END,
            CASE WHEN (o.n + n.k) % 2 = 0 THEN DATE '2023-06-01' + (o.n % 300) END,
            CASE WHEN (o.n + n.k) % 3 = 0 THEN DATE '2023-09-01' END,
            '+7 900 000-00-00', 1, now() - (o.n || ' minutes')::interval, now() - (o.n || ' minutes')::interval
       FROM (SELECT id, (row_number() OVER (ORDER BY created_at DESC))::int AS n FROM organizations) o
      CROSS JOIN LATERAL (VALUES
        (1, 'vk', 'vk.com'), (2, 'ok', 'ok.ru'), (3, 'telegram', 't.me'),
        (4, CASE WHEN o.n % 5 = 0 THEN 'vk' WHEN o.n % 10 = 1 THEN 'facebook' ELSE 'max' END,
            CASE WHEN o.n % 5 = 0 THEN 'vk.com' WHEN o.n % 10 = 1 THEN 'facebook.com' ELSE 'max.ru' END),
        (5, 'vk', 'vk.com')
      ) AS n(k, network, host)
      WHERE n.k < 5 OR o.n % 2 = 0`,
  );
  // Half of the organizations also keep an old deleted VK page: five pages per organization on average.
  await db.query(
    `INSERT INTO official_pages (organization_id, network, url, handle, created_on, deleted_on, version)
     SELECT o.id, 'vk', 'https://vk.com/old_' || o.n, 'old_' || o.n, DATE '2019-01-01', DATE '2020-01-01', 1
       FROM (SELECT id, (row_number() OVER (ORDER BY id))::int AS n FROM organizations) o
      WHERE o.n % 2 = 1`,
  );
  await db.query('ANALYZE');
  const counts = await db.query<{ organizations: string; pages: string; live: string }>(
    `SELECT (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM official_pages) AS pages,
            (SELECT count(*) FROM official_pages WHERE deleted_on IS NULL) AS live`,
  );
  const c = counts.rows[0];
  console.log(
    `Generated ${c.organizations} organizations, ${c.pages} pages (${c.live} live) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The SQL the repository sends for a filter, captured from the repository itself. */
async function repositorySql(filter: PublicRegistryFilter): Promise<{ sql: string; params: unknown[] }> {
  let captured: { sql: string; params: unknown[] } | undefined;
  const fake = {
    query: (sql: string, params: unknown[] = []) => {
      captured = { sql, params };
      return Promise.resolve([]);
    },
  } as unknown as DataSource;
  await new PublicRegistryRepository(fake).findRows(filter, 0, PUBLIC_PAGE_SIZE + 1);
  return captured!;
}

async function explain(db: Client, label: string, filter: PublicRegistryFilter) {
  const { sql, params } = await repositorySql(filter);
  const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
  const lines = plan.rows.map((r) => r['QUERY PLAN']);
  const seqScans = lines.filter((l) => /Seq Scan on (organizations|official_pages)/.test(l));
  console.log(`\nEXPLAIN ${label}:\n  ${lines.join('\n  ')}`);
  console.log(
    seqScans.length ? `  !! full scan of a big table: ${seqScans.join('; ')}` : '  no Seq Scan on the big tables',
  );
}

/** `routes` are asked in turn; more distinct routes than the rendered-answer cache holds (256) means every answer is computed. */
async function measure(base: string, label: string, routes: string[], pid: number): Promise<Measured> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 500);
  const result = await drive({ base, routes, connections: CONNECTIONS, seconds: DURATION_S, warmUpSeconds: 2 });
  clearInterval(sampler);
  return {
    label,
    path: routes.length > 1 ? `${routes[0]} … (${routes.length} URLs in turn)` : routes[0],
    ...result,
    rssMb: peakRss,
  };
}

async function main() {
  const database = await startBenchDatabase();
  let service: ChildProcess | undefined;
  try {
    const databaseUrl = database.url;
    const started = await startService(databaseUrl, {
      admin: { email: 'bench@localhost', password: 'bench-password-long' },
    });
    service = started.child;
    const db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined); // the server is stopped in finally, after a failure too
    await db.connect();
    await fill(db);

    const place = 'Березовка'; // stored as «Берёзовка»: the search folds ё/е
    await explain(db, `q=${place}`, { search: searchKey(place), includeDeleted: false });
    await explain(db, 'network=vk', { network: 'vk', includeDeleted: false });
    await explain(db, 'no filter', { includeDeleted: false });
    await db.end();

    const pid = service.pid!;
    // Every place name × pages 1–3: 300 distinct URLs, more than the rendered-answer cache keeps.
    const coldSearch = PLACES.flatMap((name) =>
      [1, 2, 3].map((n) => `/registry?q=${encodeURIComponent(searchKey(name))}${n > 1 ? `&page=${n}` : ''}`),
    );
    const coldNetwork = ['vk', 'ok', 'telegram', 'max'].flatMap((network) =>
      Array.from({ length: 80 }, (_, i) => `/api/v1/registry?network=${network}&page=${i + 1}`),
    );
    const routes: [string, string[]][] = [
      ['page, search (same URL)', [`/registry?q=${encodeURIComponent(place)}`]],
      ['JSON, network (same URL)', ['/api/v1/registry?network=vk']],
      ['page, search (300 URLs, no cache hits)', coldSearch],
      ['JSON, network (320 URLs, no cache hits)', coldNetwork],
      ['page, no filter', ['/registry']],
    ];
    const results: Measured[] = [];
    for (const [label, list] of routes) results.push(await measure(started.url, label, list, pid));
    console.log(
      `\n${CONNECTIONS} connections, ${DURATION_S} s each, Node ${process.version}; latency in ms (from every response)`,
    );
    console.table(
      results.map((r) => ({
        case: r.label,
        route: decodeURIComponent(r.path),
        median: Number(r.median.toFixed(1)),
        p95: Number(r.p95.toFixed(1)),
        'req/s': r.requestsPerSecond,
        'non-2xx/errors': r.non2xx,
        'service RSS MB (peak)': r.rssMb,
      })),
    );
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    service?.kill('SIGTERM');
    await database.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
