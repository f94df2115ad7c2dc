/** Socket errors of a server that is gone, refusing or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATEs of a server that cannot serve now: class 08 (connection exception),
 * 57P01–57P03 (shut down by an administrator, crashed, starting or stopping), 53300 (too many
 * connections).
 */
const UNAVAILABLE_STATES = /^(08\d{3}|57P0[123]|53300)$/;

/** node-postgres and its pool say these in messages without a code. */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|is not queryable|Connection is not established/i;

/**
 * Whether a failure means "the database cannot be reached now" (answered 503 with Retry-After)
 * rather than a fault of the request or the code. Looks through TypeORM's `driverError`, an
 * error's `cause` and an AggregateError's `errors` (a refused connection to `localhost` tries
 * both ::1 and 127.0.0.1).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  const inner = [driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  return inner.some((e) => isDatabaseUnavailable(e, depth + 1));
}
