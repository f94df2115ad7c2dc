/** What every benchmark here needs: a free port, the compiled service as a process, percentiles. */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../src/database/embedded-postgres';

export const ROOT = path.resolve(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway embedded PostgreSQL with an empty database `bench`; `stop` removes it all. */
export async function startBenchDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'opr-bench-'));
  const database = await startEmbeddedDatabase({
    dir,
    port: await freePort(),
    persistent: false,
    log: () => undefined,
  });
  const stop = async () => {
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: database.url.replace(/\/postgres$/, '/bench'), stop };
}

/** What `drive` asks: `routes` in turn from `connections` clients, after a warm-up. */
export interface Load {
  base: string;
  routes: string[];
  connections: number;
  seconds: number;
  warmUpSeconds: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  median: number;
  p95: number;
  requestsPerSecond: number;
  non2xx: number;
}

/** Drives a load from a process of its own (`load-driver.ts`): latency as the service gives it. */
export function drive(load: Load): Promise<LoadResult> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'bench', 'load-driver.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(JSON.stringify(load));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split('\n').pop()!) as LoadResult)
        : reject(new Error(`load driver exited with ${code}`)),
    );
  });
}

/** `sorted` ascending; NaN for none. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ServiceOptions {
  admin: { email: string; password: string };
  /** Node options placed before the service's script (e.g. `-r <probe>`). */
  nodeArgs?: string[];
  /** An IPC channel to the service (for a memory probe). */
  ipc?: boolean;
  /** Variables of the service unless the runner's environment sets them (e.g. a schedule `off`). */
  defaults?: Record<string, string>;
}

/** The compiled service on `databaseUrl`, in production mode, on a port it picks; resolves once it listens. */
export function startService(
  databaseUrl: string,
  options: ServiceOptions,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      ADMIN_EMAIL: options.admin.email,
      ADMIN_PASSWORD: options.admin.password,
      ...options.defaults,
      // Schedules as configured by whoever runs the bench (the bench's or the service's defaults otherwise).
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key.endsWith('_CRON'))),
    },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 100_000) output = output.slice(-50_000);
      const match = /LISTENING (\d+)/.exec(output);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`service exited with ${code}:\n${output}`)));
  });
}

/** 100 place names: each names about 1 % of the organizations. One has ё, searched for with е. */
export const PLACES = [
  'Берёзовка',
  'Лесной',
  'Заречный',
  'Солнечный',
  'Новотроицк',
  'Приморский',
  'Горный',
  'Луговой',
  'Светлый',
  'Дубрава',
  'Кедровый',
  'Озёрный',
  'Речной',
  'Полевой',
  'Степной',
  'Садовый',
  'Южный',
  'Северный',
  'Восточный',
  'Западный',
  'Ключевой',
  'Родники',
  'Сосновка',
  'Ольховка',
  'Рябиновка',
  'Калиновка',
  'Вишнёвый',
  'Яблоновка',
  'Покровка',
  'Троицкое',
  'Никольское',
  'Успенка',
  'Знаменка',
  'Михайловка',
  'Петровка',
  'Ивановка',
  'Алексеевка',
  'Андреевка',
  'Васильевка',
  'Григорьевка',
  'Дмитриевка',
  'Екатериновка',
  'Журавлёвка',
  'Зелёный',
  'Каменка',
  'Красный Яр',
  'Липовка',
  'Малиновка',
  'Нагорный',
  'Октябрьский',
  'Первомайский',
  'Раздольное',
  'Славянка',
  'Тихий',
  'Ульяновка',
  'Фёдоровка',
  'Хуторской',
  'Черёмушки',
  'Широкий',
  'Щербиновка',
  'Юбилейный',
  'Ясный',
  'Амурский',
  'Бурейский',
  'Ванинский',
  'Вяземский',
  'Зейский',
  'Кубанский',
  'Ейский',
  'Тёплый',
  'Донской',
  'Лабинский',
  'Майский',
  'Невский',
  'Обской',
  'Ленский',
  'Окский',
  'Волжский',
  'Камский',
  'Уральский',
  'Сибирский',
  'Байкальский',
  'Таёжный',
  'Тундровый',
  'Полярный',
  'Морской',
  'Портовый',
  'Рыбацкий',
  'Шахтёрский',
  'Заводской',
  'Школьный',
  'Спортивный',
  'Культурный',
  'Музейный',
  'Театральный',
  'Библиотечный',
  'Молодёжный',
  'Детский',
  'Семейный',
  'Ветеранский',
];
