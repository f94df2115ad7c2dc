import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { afterAttempt, LOGIN_THROTTLE, LoginThrottleState, pauseLeft } from './login-throttle.rules';

/** How long a forgotten count is kept before a successful login sweeps it away. */
const KEEP_MS = 24 * 3_600_000;

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Login attempts per account in `login_throttles`; one row lock per attempt, shared by all instances. */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts an attempt before the password is checked, or refuses it while the account's pause runs. */
  reserveAttempt(email: string, now: Date): Promise<AttemptVerdict> {
    const key = accountKey(email);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO login_throttles (account_key) VALUES ($1) ON CONFLICT DO NOTHING', [key]);
      const [row] = (await manager.query(
        `SELECT attempts, last_attempt_at AS "lastAttemptAt", blocked_until AS "blockedUntil"
           FROM login_throttles WHERE account_key = $1 FOR UPDATE`,
        [key],
      )) as LoginThrottleState[];
      const wait = pauseLeft(row, now);
      if (wait > 0) return { allowed: false, retryAfterMs: wait };
      const next = afterAttempt(row, now);
      await manager.query(
        'UPDATE login_throttles SET attempts = $2, last_attempt_at = $3, blocked_until = $4 WHERE account_key = $1',
        [key, next.attempts, next.lastAttemptAt, next.blockedUntil],
      );
      return { allowed: true };
    });
  }

  /** A successful login (or a new password) clears the account's count, and old counts of anyone. */
  async clear(email: string, now: Date): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttles WHERE account_key = $1 OR last_attempt_at < $2', [
      accountKey(email),
      new Date(now.getTime() - Math.max(KEEP_MS, LOGIN_THROTTLE.windowMs + LOGIN_THROTTLE.maxPauseMs)),
    ]);
  }
}

function accountKey(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
