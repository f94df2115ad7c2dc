/**
 * The compliance engine at national scale: 250 000 organizations, 500 000 pages, 2 000 000
 * publications a week. Not a test: no assertion, run by hand:
 *   npm run bench:compliance                   (one week of publications, about 15 minutes)
 *   BENCH_WEEKS=10 npm run bench:compliance    (ten weeks, 20 000 000 publications: the large run)
 *   BENCH_ORGANIZATIONS=20000 npm run bench:compliance   (a quick run; everything scales with it)
 * Starts a throwaway embedded PostgreSQL and the compiled service on it (which applies the
 * migrations), loads the registry and the publications with COPY, fills the per-page week counts
 * from the publications as the ingest statement would, VACUUM ANALYZE, then measures: ingest through
 * the JSON and CSV routes, the weekly evaluation of every jurisdiction (the route, the repository's
 * query, and one hand-written query counting the same week for all pages), the findings
 * recomputation (first and second run), one organization's 10-week trend under autocannon, the
 * service's memory and the database size. Prints EXPLAIN (ANALYZE, BUFFERS) of the queries.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { isoWeekBounds, isoWeekMonday, isoWeekOf, shiftIsoWeek } from '../src/calendar/working-time';
import { ComplianceRepository, WeekRange } from '../src/compliance/compliance.repository';
import type { PreparedStatements } from '../src/database/prepared';
import {
  drive,
  median,
  percentile,
  PLACES as ALL_PLACES,
  ROOT,
  startBenchDatabase,
  startService,
} from './bench-support';
import { normalizePageUrl } from '../src/registry/page-url.rules';
import type { Network } from '../src/registry/policy.types';

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 250_000);
/** Publications per week; 8 per organization (4 per page) by default: 2 000 000. */
const PUBLICATIONS = Number(process.env.BENCH_PUBLICATIONS ?? ORGANIZATIONS * 8);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const BATCH = 10_000;
const JSON_BATCHES = Number(process.env.BENCH_INGEST_BATCHES ?? 16);
const CSV_BATCHES = Number(process.env.BENCH_CSV_BATCHES ?? 16);
const INGEST_CLIENTS = Number(process.env.BENCH_INGEST_CLIENTS ?? 4);
const CONNECTIONS = 50;
/** BENCH_PHASES=week,trend runs only those (ingest, week, findings, trend); data and EXPLAINs always. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'ingest,week,findings,trend').split(','));
/**
 * BENCH_HOLD=1: after the phases, keep the database and the service running (until Ctrl-C) and
 * print how to reach them, and a file of trend routes, for profiling a route on its own.
 */
const HOLD = process.env.BENCH_HOLD === '1';
const TREND_WEEKS = 10;
/**
 * BENCH_PG_SETTINGS="max_wal_size=8GB checkpoint_timeout=30min": server settings that take effect on
 * reload, set with ALTER SYSTEM before anything is generated (to compare settings on the same code).
 */
const PG_SETTINGS = settingsOf(process.env.BENCH_PG_SETTINGS);
/**
 * BENCH_INGEST_SETTINGS="max_wal_size=16GB": after the ingest, set these (reload and CHECKPOINT) and
 * ingest again into the week before, so that two settings are compared in one run on the same data.
 */
const INGEST_SETTINGS = settingsOf(process.env.BENCH_INGEST_SETTINGS);
const ADMIN = { email: 'bench@localhost', password: 'bench-password-long' };

/**
 * Where the organizations are: 80 % in Blagodarny (quota 3 a week, required; the richest
 * findings), Khabarovsk executive bodies (5 a week, content plans), Plastunovskaya (2 a week),
 * Krasnodar (no quota). `slots` of 50.
 */
const JURISDICTIONS: { code: string; slots: number; kind: (n: number) => string }[] = [
  {
    code: 'blagodarny-mo',
    slots: 40,
    kind: (n) => (n === 0 ? 'administration' : n % 10 < 3 ? 'administration_organ' : 'subordinate_organization'),
  },
  { code: 'khabarovsk-krai', slots: 4, kind: (n) => (n === 0 ? 'regional_government' : 'executive_body') },
  {
    code: 'plastunovskaya-sp',
    slots: 3,
    kind: (n) => (n === 0 ? 'settlement_administration' : 'subordinate_organization'),
  },
  { code: 'krasnodar-krai', slots: 3, kind: (n) => (n % 2 ? 'executive_body' : 'administration_organ') },
];
/** The first 20 of the registry bench's place names. */
const PLACES = ALL_PLACES.slice(0, 20);
const NAME_PATTERNS = [
  'Администрация поселка %s',
  'Муниципальное бюджетное учреждение культуры «Дом культуры %s»',
  'Управление образования %s района',
  'Государственное казённое учреждение «Центр занятости населения %s»',
  'Муниципальное общеобразовательное учреждение «Средняя школа %s»',
];
const FORMATS = ['text', 'photo', 'photo', 'video', 'infographic', 'cards'];
const CHECKLIST_CODES = ['coverWithEmblem', 'unifiedStyle', 'currentInformation', 'geotag', 'fieldMaterials'];

interface BenchOrganization {
  id: string;
  jurisdiction: string;
}
interface BenchPage {
  id: string;
  organization: number;
  network: Network;
  url: string;
  createdOn: string;
  deletedOn: string | null;
  zone: string;
}

/** Deterministic: the same data on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekRange(week: string): WeekRange {
  const start = isoWeekMonday(week);
  return { week, start, end: addDays(start, 6) };
}

const ms = (value: number) => Number(value.toFixed(value < 100 ? 1 : 0));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

// ---------------------------------------------------------------------------------------------
// The service and its memory

class ServiceMemory {
  private heapUsed = 0;
  private heapTotal = 0;
  private rss = 0;
  readonly phases: { phase: string; rssPeakMb: number; heapUsedPeakMb: number; heapTotalPeakMb: number }[] = [];

  constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { rss: number; heapUsed: number; heapTotal: number }) => {
      this.heapUsed = Math.max(this.heapUsed, m.heapUsed);
      this.heapTotal = Math.max(this.heapTotal, m.heapTotal);
      this.rss = Math.max(this.rss, m.rss);
    });
  }

  /** Starts a phase: the kernel's peak RSS of the process is reset (clear_refs 5), so is the heap peak. */
  begin() {
    this.heapUsed = this.heapTotal = this.rss = 0;
    try {
      writeFileSync(`/proc/${this.child.pid}/clear_refs`, '5');
    } catch {
      // Not allowed here: the sampled RSS is the peak then.
    }
  }

  end(phase: string) {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    this.phases.push({
      phase,
      rssPeakMb: mb(Math.max(hwm, this.rss)),
      heapUsedPeakMb: mb(this.heapUsed),
      heapTotalPeakMb: mb(this.heapTotal),
    });
  }
}

function startBenchService(databaseUrl: string) {
  return startService(databaseUrl, {
    admin: ADMIN,
    ipc: true,
    // The hourly recomputation of findings (and the digests' tick) would run beside whichever phase
    // is measured at that minute: a run crossing :20 measured its ingest at two thirds of the rate.
    // The bench measures the recomputation as its own phase; set them to run them anyway.
    defaults: { COMPLIANCE_RECOMPUTE_CRON: 'off', NOTIFICATIONS_TICK_CRON: 'off' },
    nodeArgs: [
      // e.g. BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the service
      ...(process.env.BENCH_SERVICE_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '-r',
      path.join(ROOT, 'dist', 'bench', 'memory-probe.js'),
    ],
  });
}

/** node:http rather than fetch: a jurisdiction's recomputation may outlast fetch's 300 s header timeout. */
function call(
  base: string,
  method: string,
  route: string,
  options: { token?: string; body?: string; contentType?: string } = {},
): Promise<{ status: number; body: Buffer; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${route}`,
      {
        method,
        headers: {
          ...(options.token && { authorization: `Bearer ${options.token}` }),
          ...(options.body !== undefined && {
            'content-type': options.contentType ?? 'application/json',
            'content-length': Buffer.byteLength(options.body),
          }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - started }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function json<T>(response: { status: number; body: Buffer }, what: string): T {
  if (response.status !== 200)
    throw new Error(`${what}: HTTP ${response.status} ${response.body.toString().slice(0, 500)}`);
  return JSON.parse(response.body.toString()) as T;
}

// ---------------------------------------------------------------------------------------------
// Data

/** COPY text format: tab-separated, \N for NULL. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copy(db: Client, sql: string, rows: Iterable<(string | number | boolean | null)[]>) {
  function* lines() {
    let chunk: string[] = [];
    for (const row of rows) {
      chunk.push(row.map(field).join('\t'));
      if (chunk.length === 2_000) {
        yield chunk.join('\n') + '\n';
        chunk = [];
      }
    }
    if (chunk.length) yield chunk.join('\n') + '\n';
  }
  await pipeline(Readable.from(lines()), db.query(copyFrom(sql)));
}

interface Generated {
  organizations: BenchOrganization[];
  pages: BenchPage[];
  weeks: string[];
  publications: number;
}

async function fill(db: Client, weeks: string[]): Promise<Generated> {
  const started = Date.now();
  const random = mulberry32(20261201);
  const zones = new Map(
    (await db.query<{ code: string; zone: string }>(`SELECT code, time_zone AS zone FROM jurisdictions`)).rows.map(
      (r) => [r.code, r.zone],
    ),
  );
  const lastWeek = weekRange(weeks[weeks.length - 1]!);
  const midLastWeek = addDays(lastWeek.start, 2);

  // Organizations: interleaved over the jurisdictions, 1 in 400 closed.
  const organizations: BenchOrganization[] = [];
  const orgRows: (string | number | null)[][] = [];
  const counters = new Map<string, number>();
  const slotOwner = JURISDICTIONS.flatMap((j) => Array.from({ length: j.slots }, () => j));
  for (let i = 0; i < ORGANIZATIONS; i++) {
    const j = slotOwner[i % slotOwner.length]!;
    const n = counters.get(j.code) ?? 0;
    counters.set(j.code, n + 1);
    const id = randomUUID();
    organizations.push({ id, jurisdiction: j.code });
    const name = `${NAME_PATTERNS[(i >> 3) % NAME_PATTERNS.length]!.replace('%s', PLACES[i % PLACES.length]!)} № ${n + 1}`;
    orgRows.push([id, j.code, name, j.kind(n), i % 400 === 399 ? '2024-05-01' : null, 1]);
  }
  await copy(db, 'COPY organizations (id, jurisdiction_code, name, kind, closed_on, version) FROM STDIN', orgRows);

  // Two pages per organization: VK, and OK for 85 %; then Telegram, an OK page deleted last year,
  // a second VK page deleted in the middle of the last week, a live Facebook (legacy) or MAX page.
  // 1 in 500 VK pages was created in the middle of the last week (a partial week).
  const pages: BenchPage[] = [];
  const pageRows: (string | number | boolean | null)[][] = [];
  const page = (organization: number, network: Network, raw: string, createdOn: string, deletedOn: string | null) => {
    const normalized = normalizePageUrl(network, raw);
    if (!normalized.ok) throw new Error(`bad bench URL ${raw}`);
    const jurisdiction = organizations[organization]!.jurisdiction;
    const checklistComplete = random() < 0.45;
    const missing = CHECKLIST_CODES[Math.floor(random() * CHECKLIST_CODES.length)];
    const comments = random();
    const p: BenchPage = {
      id: randomUUID(),
      organization,
      network,
      url: normalized.url,
      createdOn,
      deletedOn,
      zone: zones.get(jurisdiction)!,
    };
    pages.push(p);
    pageRows.push([
      p.id,
      organizations[organization]!.id,
      network,
      p.url,
      normalized.handle,
      createdOn,
      deletedOn,
      random() < 0.7 ? '2024-03-01' : null,
      random() < 0.6 ? '2024-04-01' : null,
      comments < 0.05 ? false : comments < 0.85 ? true : null,
      JSON.stringify(Object.fromEntries(CHECKLIST_CODES.map((c) => [c, checklistComplete || c !== missing]))),
      1,
    ]);
  };
  for (let i = 0; i < ORGANIZATIONS; i++) {
    const created = addDays('2022-01-03', i % 1200);
    page(i, 'vk', `https://vk.com/bench_${i}`, i % 500 === 7 ? midLastWeek : created, null);
    const r = i % 100;
    if (r < 85) page(i, 'ok', `https://ok.ru/group/${70_000_000 + i}`, created, null);
    else if (r < 95) page(i, 'telegram', `https://t.me/bench_${i}`, created, null);
    else if (r < 97) page(i, 'ok', `https://ok.ru/group/${90_000_000 + i}`, '2021-02-01', '2025-03-01');
    else if (r < 98) page(i, 'vk', `https://vk.com/bench_${i}_old`, '2023-02-01', midLastWeek);
    else if (r < 99) page(i, 'facebook', `https://facebook.com/bench_${i}`, '2019-05-01', null);
    else page(i, 'max', `https://max.ru/bench_${i}`, created, null);
  }
  await copy(
    db,
    `COPY official_pages (id, organization_id, network, url, handle, created_on, deleted_on, gosuslugi_mark_on,
                          feedback_widget_on, comments_open, checklist, version) FROM STDIN`,
    pageRows,
  );
  pageRows.length = 0;
  console.log(`  ${organizations.length} organizations, ${pages.length} pages (COPY) in ${seconds(started)} s`);

  // Publications: for every week, about PUBLICATIONS spread over the pages live that week,
  // 0…2×mean per page (so some pages fall short of their minimum), at any second of the local week.
  let publications = 0;
  for (let w = 0; w < weeks.length; w++) {
    const range = weekRange(weeks[w]!);
    const live = pages.filter((p) => p.createdOn <= range.end && (p.deletedOn === null || p.deletedOn >= range.start));
    const mean = PUBLICATIONS / live.length;
    const startMs = new Map(
      [...new Set(zones.values())].map((z) => [z, isoWeekBounds(range.week, z).start.toMillis()]),
    );
    const weekStarted = Date.now();
    let count = 0;
    function* rows() {
      for (let k = 0; k < live.length; k++) {
        const p = live[k]!;
        const n = Math.floor(random() * (2 * mean + 1));
        const base = startMs.get(p.zone)!;
        for (let s = 0; s < n; s++) {
          count++;
          const externalId = `bench-${w}-${k}-${s}`;
          const styled = random() < 0.01;
          yield [
            p.id,
            new Date(base + Math.floor(random() * 604_800) * 1000).toISOString(),
            range.start,
            `id:${externalId}`,
            externalId,
            random() < 0.5 ? `${p.url}?w=wall-${k}_${w * 1000 + s}` : null,
            FORMATS[Math.floor(random() * FORMATS.length)]!,
            random() < 0.2
              ? `Новости учреждения: мероприятие ${s + 1} недели ${range.week}, фото и подробности.`
              : null,
            'connector',
            styled ? '[{"rule":"caps","fragment":"СРОЧНО"}]' : null,
          ];
        }
      }
    }
    await copy(
      db,
      `COPY publications (page_id, published_at, week_start, source_key, external_id, url, format, text, source,
                          style_hits) FROM STDIN`,
      rows(),
    );
    publications += count;
    console.log(`  week ${range.week}: ${count} publications (COPY) in ${seconds(weekStarted)} s`);
  }
  // The per-page week counts, as the ingest statement keeps them.
  let step = Date.now();
  await db.query(
    `INSERT INTO publication_week_counts (week_start, page_id, published)
     SELECT week_start, page_id, count(*) FROM publications GROUP BY week_start, page_id ORDER BY week_start, page_id`,
  );
  console.log(`  publication_week_counts from the publications in ${seconds(step)} s`);

  // Officials: 80 % of the organizations have a responsible official (1 in 10 below the rank
  // floor), 65 % an authorized one confirmed in ESIA; 1 in 200 is exempt; 1 in 100 Blagodarny
  // organizations has a decision on another frequency (1 or 5 a week).
  step = Date.now();
  await db.query(
    `INSERT INTO officials (organization_id, full_name, position, rank, roles, esia_confirmed_on, active_from, version)
     SELECT o.id, 'Иванова Мария Петровна', 'Заместитель руководителя',
            CASE WHEN o.n % 10 = 0 THEN 'specialist' ELSE 'deputy_head' END,
            CASE WHEN o.n % 20 < 13 THEN ARRAY['responsible', 'authorized']::varchar[] ELSE ARRAY['responsible']::varchar[] END,
            CASE WHEN o.n % 20 < 13 THEN DATE '2024-02-01' END, DATE '2024-01-01', 1
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations) o
      WHERE o.n % 20 < 16`,
  );
  await db.query(
    `INSERT INTO organization_exemptions (organization_id, decision_number, decision_date, agreed_by, clause, valid_from)
     SELECT o.id, 'Р-' || o.n, DATE '2024-12-20', 'Глава округа', 'Порядок п.4', DATE '2025-01-01'
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations) o WHERE o.n % 200 = 5`,
  );
  await db.query(
    `INSERT INTO posting_frequency_decisions (organization_id, minimum_per_week, decision_number, decision_date,
                                              decided_by, clause, valid_from)
     SELECT o.id, CASE WHEN o.n % 200 = 3 THEN 1 ELSE 5 END, 'Ч-' || o.n, DATE '2025-06-01', 'Глава округа',
            'Порядок п.4', DATE '2025-06-01'
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations WHERE jurisdiction_code = 'blagodarny-mo') o
      WHERE o.n % 100 = 3`,
  );
  // Content plans (Khabarovsk executive bodies): 45 % approved for every week, five items
  // (Monday–Friday, VK); the others submit none.
  await db.query(
    `WITH plans AS (
       INSERT INTO content_plans (organization_id, jurisdiction_code, week, status, submission_due_at, review_due_at,
                                  submitted_at, last_submitted_at, reviewed_at, created_by)
       SELECT o.id, o.jurisdiction_code, w.week, 'approved', w.monday - interval '3 days', w.monday - interval '2 days',
              w.monday - interval '4 days', w.monday - interval '4 days', w.monday - interval '3 days',
              (SELECT id FROM users ORDER BY created_at LIMIT 1)
         FROM (SELECT id, jurisdiction_code, row_number() OVER (ORDER BY id) AS n FROM organizations
                WHERE jurisdiction_code = 'khabarovsk-krai' AND kind = 'executive_body') o
        CROSS JOIN unnest($1::text[], $2::timestamptz[]) AS w(week, monday)
        WHERE o.n % 20 < 9
       RETURNING id, week
     )
     INSERT INTO content_plan_items (plan_id, position, planned_on, networks, topic, format)
     SELECT p.id, d, m.monday + (d - 1), ARRAY['vk']::varchar[], 'Новости органа', 'photo'
       FROM plans p JOIN unnest($1::text[], $3::date[]) AS m(week, monday) ON m.week = p.week
      CROSS JOIN generate_series(1, 5) AS d`,
    [
      weeks,
      weeks.map((w) => isoWeekBounds(w, zones.get('khabarovsk-krai')!).start.toJSDate()),
      weeks.map((w) => isoWeekMonday(w)),
    ],
  );
  console.log(`  officials, exemptions, decisions, content plans in ${seconds(step)} s`);
  step = Date.now();
  await db.query('VACUUM ANALYZE');
  // Every run starts its measurements right after a checkpoint, as a server that has run a while.
  await db.query('CHECKPOINT');
  console.log(`  VACUUM ANALYZE and CHECKPOINT in ${seconds(step)} s; generated in ${seconds(started)} s`);
  return { organizations, pages, weeks, publications };
}

// ---------------------------------------------------------------------------------------------
// Queries

/** The SQL a repository method sends, captured from the repository itself. */
async function repositorySql(
  run: (repository: ComplianceRepository) => Promise<unknown>,
): Promise<{ sql: string; params: unknown[] }[]> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const query = (sql: string, params: unknown[] = []) => {
    captured.push({ sql, params });
    return Promise.resolve([]);
  };
  // Streamed rows go through a pooled connection's client: a node-postgres `Query`, which is told
  // that no rows came. Prepared point lookups go through `PreparedStatements`, here a stand-in.
  const client = {
    query: (config: { text: string; values?: unknown[]; emit?: (event: string) => void }) => {
      void query(config.text, config.values);
      if (config.emit) setImmediate(() => config.emit!('end'));
      return Promise.resolve({ rows: [] });
    },
  };
  const runner = { connect: () => Promise.resolve(client), release: () => Promise.resolve() };
  const fake = { query, createQueryRunner: () => runner } as unknown as DataSource;
  const prepared = { query: (_name: string, sql: string, params: unknown[]) => query(sql, params) };
  await run(new ComplianceRepository(fake, prepared as unknown as PreparedStatements));
  return captured;
}

/** One hand-written query: every page live some day of the week, with its publications counted. */
const HAND_WRITTEN = `
  SELECT p.id, count(pub.id)::int AS published
    FROM official_pages p
    JOIN organizations o ON o.id = p.organization_id
    LEFT JOIN publications pub ON pub.page_id = p.id AND pub.week_start = $1::date
   WHERE (o.closed_on IS NULL OR o.closed_on >= $1::date)
     AND p.created_on <= $2::date AND (p.deleted_on IS NULL OR p.deleted_on >= $1::date)
   GROUP BY p.id`;

async function timed(db: Client, sql: string, params: unknown[]): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const result = await db.query(sql, params);
  return { ms: performance.now() - started, rows: result.rowCount ?? result.rows.length };
}

/** A parameter of the bench's own queries (strings and lists of strings) as an SQL literal. */
function literal(value: unknown): string {
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  if (Array.isArray(value)) return quote(`{${value.map((v) => `"${String(v)}"`).join(',')}}`);
  return quote(String(value));
}

const BIG_TABLES =
  /Seq Scan on (organizations|official_pages|publications|publication_week_counts|content_plans|compliance_findings)\b/;

/**
 * `generic`: the plan the service runs for a prepared point lookup (`PreparedStatements`): the
 * statement prepared and executed with `plan_cache_mode=force_generic_plan`, not planned for the
 * values at hand.
 */
async function explain(
  db: Client,
  label: string,
  query: { sql: string; params: unknown[] },
  seqScansExpected: boolean,
  { generic = false } = {},
) {
  const analyze = 'EXPLAIN (ANALYZE, BUFFERS)';
  let plan: { rows: { 'QUERY PLAN': string }[] };
  if (generic) {
    await db.query(`SET plan_cache_mode = force_generic_plan`);
    await db.query(`PREPARE bench_explained AS ${query.sql}`);
    try {
      plan = await db.query(`${analyze} EXECUTE bench_explained(${query.params.map(literal).join(', ')})`);
    } finally {
      await db.query('DEALLOCATE bench_explained');
      await db.query('RESET plan_cache_mode');
    }
  } else {
    plan = await db.query(`${analyze} ${query.sql}`, query.params);
  }
  const lines = plan.rows.map((r) => r['QUERY PLAN']);
  console.log(`\n${analyze}${generic ? ' generic plan of the prepared' : ''} ${label}:\n  ${lines.join('\n  ')}`);
  const seqScans = lines.filter((l) => BIG_TABLES.test(l)).map((l) => l.trim().replace(/\s+\(.*$/, ''));
  if (seqScansExpected) console.log(`  (whole-week evaluation: full scans are expected) ${seqScans.join('; ')}`);
  else
    console.log(
      seqScans.length ? `  !! full scan of a big table: ${seqScans.join('; ')}` : '  no Seq Scan on the big tables',
    );
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface IngestResult {
  route: string;
  clients: number;
  batches: number;
  created: number;
  notCreated: number;
  seconds: number;
  perSecond: number;
  batchMedianMs: number;
  batchP95Ms: number;
}

function settingsOf(text: string | undefined): [name: string, value: string][] {
  return (text ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((setting) => {
      const [name, value] = setting.split('=');
      if (!name || !/^[a-z_]+$/.test(name) || value === undefined) throw new Error(`not a setting: ${setting}`);
      return [name, value];
    });
}

/** ALTER SYSTEM for each setting, then a reload (only settings that a reload applies). */
async function applySettings(db: Client, settings: [string, string][]): Promise<void> {
  if (!settings.length) return;
  for (const [name, value] of settings) await db.query(`ALTER SYSTEM SET ${name} = '${value.replace(/'/g, "''")}'`);
  await db.query('SELECT pg_reload_conf()');
}

interface WalCounters {
  bytes: number;
  fullPageImages: number;
  checkpoints: number;
}

/** The server's WAL written so far and the checkpoints started (PostgreSQL 17+ views). */
async function walCounters(db: Client): Promise<WalCounters> {
  const { rows } = await db.query<{ bytes: string; fpi: string; checkpoints: string }>(
    `SELECT w.wal_bytes::text AS bytes, w.wal_fpi::text AS fpi, (c.num_timed + c.num_requested)::text AS checkpoints
       FROM pg_stat_wal w, pg_stat_checkpointer c`,
  );
  return {
    bytes: Number(rows[0]!.bytes),
    fullPageImages: Number(rows[0]!.fpi),
    checkpoints: Number(rows[0]!.checkpoints),
  };
}

/** WAL per publication created between two readings. */
function walPerPublication(before: WalCounters, after: WalCounters, created: number) {
  return {
    'WAL bytes/publication': Math.round((after.bytes - before.bytes) / Math.max(1, created)),
    'full-page images/publication': Number(
      ((after.fullPageImages - before.fullPageImages) / Math.max(1, created)).toFixed(2),
    ),
    checkpoints: after.checkpoints - before.checkpoints,
  };
}

async function ingest(
  base: string,
  token: string,
  route: string,
  bodies: string[],
  clients: number,
  contentType: string,
): Promise<IngestResult> {
  const latencies: number[] = [];
  let created = 0;
  let notCreated = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const response = await call(base, 'POST', route, { token, body, contentType });
        latencies.push(response.ms);
        const report = json<{ received: number; created: number }>(response, route);
        created += report.created;
        notCreated += report.received - report.created;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    route,
    clients,
    batches: bodies.length,
    created,
    notCreated,
    seconds: Number(elapsed.toFixed(1)),
    perSecond: Math.round(created / elapsed),
    batchMedianMs: ms(percentile(latencies, 50)),
    batchP95Ms: ms(percentile(latencies, 95)),
  };
}

function ingestBodies(data: Generated, week: string, batches: number, csv: boolean, tag: string): string[] {
  const random = mulberry32(tag.length * 7919 + batches);
  const official = data.pages.filter((p) => p.deletedOn === null && ['vk', 'ok', 'telegram'].includes(p.network));
  const startMs = new Map<string, number>();
  const bodies: string[] = [];
  for (let b = 0; b < batches; b++) {
    const rows: string[] = [];
    const objects: unknown[] = [];
    for (let r = 0; r < BATCH; r++) {
      const p = official[Math.floor(random() * official.length)]!;
      if (!startMs.has(p.zone)) startMs.set(p.zone, isoWeekBounds(week, p.zone).start.toMillis());
      const second = Math.floor(random() * 604_800);
      const externalId = `${tag}-${b}-${r}`;
      if (csv) {
        // Local time of the page's jurisdiction, as a press office's spreadsheet has it.
        const day = addDays(isoWeekMonday(week), Math.floor(second / 86_400));
        const minute = Math.floor((second % 86_400) / 60);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        rows.push(`${p.url};${day} ${time};${p.url}?w=wall-${externalId};photo`);
      } else {
        objects.push({
          pageId: p.id,
          publishedAt: new Date(startMs.get(p.zone)! + second * 1000).toISOString(),
          externalId,
          url: `${p.url}?w=wall-${externalId}`,
          format: 'photo',
        });
      }
    }
    bodies.push(
      csv
        ? `\ufeffСтраница;Дата и время;Адрес публикации;Формат\n${rows.join('\n')}\n`
        : JSON.stringify({ publications: objects }),
    );
  }
  return bodies;
}

/** The trends of 2 000 organizations drawn at random (the same on every run), asked in turn. */
function trendRoutes(data: Generated, from: string, to: string): string[] {
  const sample = mulberry32(42);
  return Array.from({ length: 2_000 }, () => {
    const organization = data.organizations[Math.floor(sample() * data.organizations.length)]!;
    return `/api/v1/compliance/organizations/${organization.id}?from=${from}&to=${to}`;
  });
}

function trend(base: string, token: string, routes: string[], connections = CONNECTIONS, seconds = DURATION_S) {
  return drive({ base, routes, connections, seconds, warmUpSeconds: 2, headers: { authorization: `Bearer ${token}` } });
}

async function hold(
  base: string,
  token: string,
  databaseUrl: string,
  data: Generated,
  from: string,
  to: string,
): Promise<void> {
  const routes = path.join(ROOT, 'dist', 'bench', 'trend-routes.txt');
  writeFileSync(routes, trendRoutes(data, from, to).join('\n') + '\n');
  console.log(
    `\nHolding (Ctrl-C ends): service ${base}, token ${token}, database ${databaseUrl}, trend routes in ${routes}`,
  );
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
}

async function main() {
  const now = new Date();
  const lastWeek = shiftIsoWeek(isoWeekOf(now, 'Europe/Moscow'), -1);
  const weeks = Array.from({ length: WEEKS }, (_, i) => shiftIsoWeek(lastWeek, i - WEEKS + 1));
  const trendFrom = shiftIsoWeek(lastWeek, -(TREND_WEEKS - 1));
  const ingestWeek = shiftIsoWeek(weeks[0]! < trendFrom ? weeks[0]! : trendFrom, -1);
  console.log(
    `Compliance bench: ${ORGANIZATIONS} organizations, ${2 * ORGANIZATIONS} pages, ~${PUBLICATIONS} publications a week × ${WEEKS} week(s) (${weeks[0]}…${lastWeek}); Node ${process.version}`,
  );

  const database = await startBenchDatabase();
  let service: ChildProcess | undefined;
  try {
    const databaseUrl = database.url;
    const started = await startBenchService(databaseUrl);
    service = started.child;
    const memory = new ServiceMemory(service);
    const base = started.url;
    const db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined); // the server is stopped in finally, after a failure too
    await db.connect();
    await applySettings(db, PG_SETTINGS);
    // current_setting() names the unit (pg_settings gives shared_buffers in 8 kB blocks).
    const settings = await db.query<{ name: string; value: string }>(
      `SELECT name, current_setting(name) AS value FROM pg_settings
        WHERE name IN ('shared_buffers', 'work_mem', 'random_page_cost', 'max_parallel_workers_per_gather', 'server_version',
                       'max_wal_size', 'checkpoint_timeout', 'wal_compression')`,
    );
    console.log(`PostgreSQL: ${settings.rows.map((s) => `${s.name}=${s.value}`).join(', ')}`);

    console.log('\nGenerating:');
    const data = await fill(db, weeks);
    const token = json<{ token: string }>(
      await call(base, 'POST', '/api/v1/auth/login', { body: JSON.stringify(ADMIN) }),
      'login',
    ).token;

    const summary: { figure: string; value: string; target: string }[] = [];

    // 1. Ingest (into a week outside the evaluated ones, so the figures below stay those of the data).
    if (PHASES.has('ingest')) {
      console.log(`\n1. Ingest: batches of ${BATCH} into ${ingestWeek}`);
      const results: ({ settings: string } & IngestResult & ReturnType<typeof walPerPublication>)[] = [];
      // Other backends report their WAL within a second (statistics are flushed at most once a second).
      const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));
      const measured = async (settings: string, run: () => Promise<IngestResult>) => {
        await settle();
        const before = await walCounters(db);
        const result = await run();
        await settle();
        results.push({ settings, ...result, ...walPerPublication(before, await walCounters(db), result.created) });
      };
      const jsonRoute = '/api/v1/publications';
      const csvRoute = '/api/v1/publications/import';
      const asJson = 'application/json';
      const round = async (settings: string, week: string, tag: string) => {
        const bodies = ingestBodies(data, week, JSON_BATCHES, false, `json${tag}`);
        await measured(settings, () => ingest(base, token, jsonRoute, bodies, INGEST_CLIENTS, asJson));
        const csv = ingestBodies(data, week, CSV_BATCHES, true, `csv${tag}`);
        await measured(settings, () => ingest(base, token, csvRoute, csv, INGEST_CLIENTS, 'text/csv'));
      };
      memory.begin();
      const warm = ingestBodies(data, ingestWeek, 3, false, 'warm');
      await measured('', () => ingest(base, token, jsonRoute, warm, 1, asJson));
      await round('', ingestWeek, '');
      if (INGEST_SETTINGS.length) {
        await applySettings(db, INGEST_SETTINGS);
        await db.query('CHECKPOINT');
        await round(INGEST_SETTINGS.map((s) => s.join('=')).join(' '), shiftIsoWeek(ingestWeek, -1), '-again');
      }
      memory.end('ingest');
      console.table(results);
      summary.push(
        { figure: 'ingest JSON, 1 client', value: `${results[0]!.perSecond} publications/s`, target: '≥ 20 000/s' },
        {
          figure: `ingest JSON, ${INGEST_CLIENTS} clients`,
          value: `${results[1]!.perSecond} publications/s`,
          target: '≥ 20 000/s',
        },
        {
          figure: `ingest CSV, ${INGEST_CLIENTS} clients`,
          value: `${results[2]!.perSecond} publications/s`,
          target: '≥ 20 000/s',
        },
      );
    }

    // 2. Weekly evaluation of every jurisdiction.
    const range = weekRange(lastWeek);
    if (PHASES.has('week')) {
      console.log(`\n2. Weekly evaluation of ${lastWeek}`);
      const evaluation: Record<string, unknown>[] = [];
      const routeMs: number[] = [];
      const queryMs: number[] = [];
      memory.begin();
      for (const j of JURISDICTIONS) {
        const [query] = await repositorySql((r) => r.eachPageWeekFact(j.code, range, () => undefined));
        const queryRounds: number[] = [];
        let rows = 0;
        for (let i = 0; i < ROUNDS + 1; i++) {
          const t = await timed(db, query!.sql, query!.params);
          if (i > 0) queryRounds.push(t.ms); // the first one warms the cache
          rows = t.rows;
        }
        const routeRounds: number[] = [];
        let size = 0;
        let totals: { organizations: number; pages: Record<string, number>; compliantShare: number | null } | undefined;
        for (let i = 0; i < ROUNDS; i++) {
          const route = `/api/v1/compliance/weeks/${lastWeek}?jurisdiction=${j.code}`;
          const response = await call(base, 'GET', route, { token });
          routeRounds.push(response.ms);
          size = response.body.length;
          if (i === 0) totals = json<{ totals: typeof totals }>(response, 'week').totals;
        }
        routeMs.push(median(routeRounds));
        queryMs.push(median(queryRounds));
        evaluation.push({
          jurisdiction: j.code,
          pages: rows,
          organizations: totals?.organizations,
          'met/short/n.a.': `${totals?.pages.met}/${totals?.pages.short}/${totals?.pages.not_applicable}`,
          'compliant share': totals?.compliantShare,
          'route median ms': ms(median(routeRounds)),
          'query median ms': ms(median(queryRounds)),
          'answer MB': Number((size / 1024 / 1024).toFixed(1)),
        });
      }
      memory.end('weekly evaluation (routes)');
      const handRounds: number[] = [];
      let handRows = 0;
      for (let i = 0; i < ROUNDS + 1; i++) {
        const t = await timed(db, HAND_WRITTEN, [range.start, range.end]);
        if (i > 0) handRounds.push(t.ms);
        handRows = t.rows;
      }
      const routeSum = routeMs.reduce((a, b) => a + b, 0);
      const querySum = queryMs.reduce((a, b) => a + b, 0);
      const hand = median(handRounds);
      evaluation.push({
        jurisdiction: 'all (sum)',
        pages: evaluation.reduce((a, e) => a + (e.pages as number), 0),
        'route median ms': ms(routeSum),
        'query median ms': ms(querySum),
      });
      evaluation.push({ jurisdiction: 'hand-written, all pages', pages: handRows, 'query median ms': ms(hand) });
      console.table(evaluation);
      console.log(
        `  repository queries / hand-written query: ${(querySum / hand).toFixed(2)}×; routes / hand-written query: ${(routeSum / hand).toFixed(2)}×`,
      );
      summary.push(
        {
          figure: 'weekly evaluation, all jurisdictions (routes, sum of medians)',
          value: `${ms(routeSum)} ms`,
          target: '≤ 5 000 ms',
        },
        {
          figure: 'repository queries (sum) / hand-written query',
          value: `${ms(querySum)} / ${ms(hand)} ms = ${(querySum / hand).toFixed(2)}×`,
          target: '≤ 1.5×',
        },
        { figure: 'routes (sum) / hand-written query', value: `${(routeSum / hand).toFixed(2)}×`, target: '—' },
      );
    }

    // 3. Findings: first run opens, second run (nothing changed) opens and resolves nothing.
    if (PHASES.has('findings')) {
      console.log(`\n3. Findings recomputation for ${lastWeek}`);
      const recompute: Record<string, unknown>[] = [];
      const runMs = [0, 0];
      memory.begin();
      for (const run of [0, 1]) {
        for (const j of JURISDICTIONS) {
          const route = `/api/v1/compliance/findings/recompute?jurisdiction=${j.code}&week=${lastWeek}`;
          const response = await call(base, 'POST', route, { token });
          const report = json<{ found: number; opened: number; resolved: number; open: number }>(response, route);
          runMs[run]! += response.ms;
          recompute.push({
            run: run === 0 ? 'first' : 'second',
            jurisdiction: j.code,
            ms: ms(response.ms),
            found: report.found,
            opened: report.opened,
            resolved: report.resolved,
            open: report.open,
          });
        }
      }
      memory.end('findings recomputation');
      recompute.push({ run: 'first', jurisdiction: 'all (sum)', ms: ms(runMs[0]!) });
      recompute.push({ run: 'second', jurisdiction: 'all (sum)', ms: ms(runMs[1]!) });
      console.table(recompute);
      summary.push(
        { figure: 'findings recomputation, first run (sum)', value: `${ms(runMs[0]!)} ms`, target: '—' },
        { figure: 'findings recomputation, second run (sum)', value: `${ms(runMs[1]!)} ms`, target: '—' },
      );
    }

    // 4. One organization's trend over 10 weeks, different organizations in turn.
    const trendWeeks = Array.from({ length: TREND_WEEKS }, (_, i) => weekRange(shiftIsoWeek(trendFrom, i)));
    if (PHASES.has('trend')) {
      console.log(`\n4. Trend ${trendFrom}…${lastWeek}, ${CONNECTIONS} connections, ${DURATION_S} s`);
      const routes = trendRoutes(data, trendFrom, lastWeek);
      memory.begin();
      const result = await trend(base, token, routes);
      memory.end('trend (autocannon)');
      // For reading the figure: the same at 1 and 10 connections, and an authenticated route that
      // does nothing but authenticate (GET /api/v1/auth/me) at 50.
      const single = await trend(base, token, routes, 1, 5);
      const ten = await trend(base, token, routes, 10, 5);
      const me = await trend(base, token, ['/api/v1/auth/me'], CONNECTIONS, 5);
      const row = (label: string, connections: number, r: typeof result) => ({
        route: label,
        connections,
        median: ms(r.median),
        p95: ms(r.p95),
        'req/s': r.requestsPerSecond,
        'non-2xx/errors': r.non2xx,
      });
      const trendLabel = `trend ${trendFrom}…${lastWeek} (2 000 organizations in turn)`;
      console.table([
        row(trendLabel, CONNECTIONS, result),
        row(trendLabel, 10, ten),
        row(trendLabel, 1, single),
        row('GET /api/v1/auth/me (authentication only)', CONNECTIONS, me),
      ]);
      summary.push(
        {
          figure: `trend, 10 weeks, ${CONNECTIONS} connections`,
          value: `median ${ms(result.median)} ms, p95 ${ms(result.p95)} ms, ${result.requestsPerSecond} req/s`,
          target: 'p95 < 30 ms',
        },
        {
          figure: 'trend, 10 weeks, 1 connection',
          value: `median ${ms(single.median)} ms, p95 ${ms(single.p95)} ms, ${single.requestsPerSecond} req/s`,
          target: '—',
        },
      );
    }

    if (HOLD) await hold(base, token, databaseUrl, data, trendFrom, lastWeek);

    // EXPLAIN of the queries.
    const largest = JURISDICTIONS[0]!.code;
    const [evaluationQuery] = await repositorySql((r) => r.eachPageWeekFact(largest, range, () => undefined));
    await explain(db, `evaluation query (eachPageWeekFact, ${largest}, ${lastWeek})`, evaluationQuery!, true);
    await explain(db, 'hand-written query (all pages)', { sql: HAND_WRITTEN, params: [range.start, range.end] }, true);
    const khabarovsk = JURISDICTIONS.find((j) => j.code === 'khabarovsk-krai')?.code ?? largest;
    // A jurisdiction of 8 % of the pages: whether the plan reads only its own.
    const [smallerQuery] = await repositorySql((r) => r.eachPageWeekFact(khabarovsk, range, () => undefined));
    await explain(db, `evaluation query (eachPageWeekFact, ${khabarovsk}, ${lastWeek})`, smallerQuery!, true);
    const monday = isoWeekBounds(lastWeek, 'Asia/Vladivostok').start;
    const dayBounds = Array.from({ length: 8 }, (_, i) => monday.plus({ days: i }).toJSDate());
    const [plannedQuery] = await repositorySql((r) => r.plannedVsPublished(khabarovsk, range, dayBounds));
    await explain(db, `planned vs published (${khabarovsk}, ${lastWeek})`, plannedQuery!, true);
    const [screenQuery] = await repositorySql((r) =>
      r.weekOrganizationNames(largest, range, { offset: 0, limit: 100 }),
    );
    await explain(db, `week report screen (${largest}, first 100 organizations)`, screenQuery!, false);
    const organizationId = data.organizations[0]!.id;
    const [trendQuery] = await repositorySql((r) => r.organizationWeeks(organizationId, trendWeeks));
    await explain(db, 'trend query (organizationWeeks, one organization, 10 weeks)', trendQuery!, false, {
      generic: true,
    });
    const screenIds = data.organizations.filter((o) => o.jurisdiction === largest).slice(0, 100);
    const [screenPagesQuery] = await repositorySql((r) =>
      r.pageWeeks({ organizationIds: screenIds.map((o) => o.id) }, [range]),
    );
    await explain(db, `week report screen's pages (pageWeeks, 100 organizations)`, screenPagesQuery!, false, {
      generic: true,
    });

    // 5. Memory and size.
    const sizes = await db.query<{ relation: string; mb: string; rows: string }>(
      `SELECT c.relname AS relation, round(pg_total_relation_size(c.oid) / 1048576.0)::int AS "MB with indexes",
              c.reltuples::bigint AS rows
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 6`,
    );
    const [{ size }] = (await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size('bench')) AS size`))
      .rows as [{ size: string }];
    console.log(`\n5. Service memory by phase (peak RSS from the kernel, heap sampled every 100 ms):`);
    console.table(memory.phases);
    console.log(`PostgreSQL database size: ${size}; largest tables:`);
    console.table(sizes.rows);
    await db.end();
    summary.push(
      {
        figure: 'service RSS peak / heap used peak',
        value: `${Math.max(...memory.phases.map((p) => p.rssPeakMb))} MB / ${Math.max(...memory.phases.map((p) => p.heapUsedPeakMb))} MB`,
        target: '—',
      },
      { figure: 'database size', value: size, target: '—' },
      {
        figure: 'machine load average (1/5/15 min) at the end',
        value: loadavg()
          .map((l) => l.toFixed(1))
          .join(' / '),
        target: '—',
      },
    );

    console.log(
      `\nSummary (${ORGANIZATIONS} organizations, ${data.pages.length} pages, ${data.publications} publications in ${WEEKS} week(s)):`,
    );
    console.table(summary);
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
