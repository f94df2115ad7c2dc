import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  return value;
};

/**
 * Every environment variable the service reads. The README's configuration table is written
 * from this class; keep them in step.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** External PostgreSQL; when unset an embedded server is started. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Where the embedded server keeps its cluster (`<DATA_DIR>/postgres`). */
  @IsString()
  DATA_DIR = './.data';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsEmail({ require_tld: false })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  ADMIN_PASSWORD?: string;

  /** Lifetime of a token issued by login. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  SESSION_TTL_HOURS = 12;

  /** Login attempts allowed per client address per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /**
   * Address people use to reach the service: every public link (e-mails, the data-set passport, the
   * OpenAPI servers) is built from it, never from request headers. Required when NODE_ENV=production.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL?: string;

  /**
   * Which reverse proxies may tell the client's address (X-Forwarded-For) and protocol: unset or
   * `false` trusts none; a hop count (`1`); or addresses and CIDRs (`127.0.0.1,10.0.0.0/8`), as
   * Fastify's trustProxy accepts. `true` is refused: it would let any client choose its address.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /**
   * Lets a request set "now" with the `X-Test-Now` header so that deadline tests set the time
   * instead of waiting for it. Refused when NODE_ENV=production.
   */
  @Transform(toBool)
  @IsBoolean()
  ALLOW_TEST_CLOCK = false;

  /**
   * Load the demo registry on the first start of the embedded default (empty database).
   * Against DATABASE_URL the demo is only loaded by `npm run seed:demo`.
   */
  @Transform(toBool)
  @IsBoolean()
  DEMO_DATA = true;

  /**
   * When findings are recomputed for every jurisdiction (pg-boss cron, UTC), or `off`. Hourly by
   * default; quota findings of a week appear in the first run after the week ends locally.
   */
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'must be a five-field cron expression or off' })
  COMPLIANCE_RECOMPUTE_CRON = '20 * * * *';

  /**
   * SMTP server of the notifications (`smtp://user:pass@host:587`, `smtps://…:465`). Unset: messages
   * are kept in the outbox and can be read through the API; nothing is sent.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of the notifications. */
  @IsString()
  @MinLength(3)
  SMTP_FROM = '"Реестр официальных страниц" <noreply@localhost>';

  /**
   * Key that signs unsubscribe links (at least 32 characters). Unset: a random key is generated once
   * and kept in the database (table notification_secrets), shared by every instance.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  NOTIFICATIONS_SECRET?: string;

  /** When the schedule asks "what is due now?" (digests, reminders; pg-boss cron, UTC), or `off`. */
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'must be a five-field cron expression or off' })
  NOTIFICATIONS_TICK_CRON = '*/5 * * * *';

  /** When the delivery worker sends due messages of the outbox (pg-boss cron, UTC; only with SMTP_URL), or `off`. */
  @Matches(/^(off|(\S+\s+){4}\S+)$/, { message: 'must be a five-field cron expression or off' })
  NOTIFICATIONS_DELIVERY_CRON = '* * * * *';
}

/** Returns validated, typed variables or throws an Error whose message is one line naming the variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const first = errors[0];
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const secret = /PASSWORD|SECRET|SMTP_URL/.test(first.property);
    const shown = secret ? '***' : JSON.stringify(first.value);
    throw new Error(
      `Configuration error: ${first.property} ${reason.replace(first.property + ' ', '')} (got ${shown})`,
    );
  }
  if (env.ALLOW_TEST_CLOCK && env.NODE_ENV === 'production') {
    throw new Error('Configuration error: ALLOW_TEST_CLOCK must not be enabled when NODE_ENV=production');
  }
  if (env.NODE_ENV === 'production' && !env.PUBLIC_BASE_URL) {
    throw new Error(
      'Configuration error: PUBLIC_BASE_URL must be set when NODE_ENV=production (links in e-mails and open data are built from it)',
    );
  }
  if (env.TRUST_PROXY?.trim() === 'true') {
    throw new Error(
      'Configuration error: TRUST_PROXY=true would trust X-Forwarded-For from any client; give a hop count or the proxy addresses',
    );
  }
  if (env.TRUST_PROXY !== undefined && !isTrustProxy(env.TRUST_PROXY)) {
    throw new Error(
      `Configuration error: TRUST_PROXY must be false, a hop count, or a comma-separated list of proxy addresses/CIDRs (got ${JSON.stringify(env.TRUST_PROXY)})`,
    );
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    throw new Error('Configuration error: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  return env;
}

/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isTrustProxy(value: string): boolean {
  const text = value.trim();
  if (text === 'false' || /^\d{1,2}$/.test(text)) return true;
  return text.split(',').every((part) => {
    const entry = part.trim();
    if (PROXY_RANGE_NAMES.has(entry)) return true;
    const [address, bits, extra] = entry.split('/');
    if (extra !== undefined || isIP(address) === 0) return false;
    if (bits === undefined) return true;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128);
  });
}

/** Fastify's `trustProxy` from TRUST_PROXY: nothing trusted unless configured. */
export function trustProxyOption(
  value: string | undefined,
): false | string | ((address: string, hop: number) => boolean) {
  const text = value?.trim();
  if (!text || text === 'false') return false;
  // A hop count, as proxy-addr reads a number: the nearest `hops` addresses are proxies.
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  return text
    .split(',')
    .map((part) => part.trim())
    .join(',');
}

/** Where people reach the service: PUBLIC_BASE_URL without its trailing slash, else localhost. */
export function publicBaseUrl(env: Pick<EnvironmentVariables, 'PUBLIC_BASE_URL'>, port: number): string {
  return (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
}
