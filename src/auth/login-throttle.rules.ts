/**
 * Failed logins per account. The limit per client address alone is beaten by many addresses; this
 * one follows the account whatever the address. Every attempt is counted before the password is
 * checked (so concurrent guesses cannot slip past the count) and a successful login clears the
 * count. After FREE_ATTEMPTS within the window, each attempt opens a pause that doubles, up to
 * MAX_PAUSE: an attacker gets four guesses an hour, and the real owner waits at most MAX_PAUSE once
 * the guessing stops — nobody can lock an account for good. The count starts anew after a window
 * without attempts.
 */
export const LOGIN_THROTTLE = {
  freeAttempts: 10,
  windowMs: 15 * 60_000,
  firstPauseMs: 30_000,
  maxPauseMs: 15 * 60_000,
} as const;

export interface LoginThrottleState {
  attempts: number;
  lastAttemptAt: Date | null;
  blockedUntil: Date | null;
}

// Stryker disable next-line ObjectLiteral: equivalent, both rules read missing fields as an account without attempts
export const NO_ATTEMPTS: LoginThrottleState = { attempts: 0, lastAttemptAt: null, blockedUntil: null };

/** Milliseconds until the account may try again; 0 when it may now. */
export function pauseLeft(state: LoginThrottleState, now: Date): number {
  return state.blockedUntil ? Math.max(0, state.blockedUntil.getTime() - now.getTime()) : 0;
}

/** The state after one more attempt at `now` (made while no pause was running). */
export function afterAttempt(state: LoginThrottleState, now: Date): LoginThrottleState {
  // The window runs from the later of the last attempt and the end of its pause: waiting out a pause
  // does not wipe the count, only a quiet window after it does.
  const quietSince = Math.max(state.lastAttemptAt?.getTime() ?? -Infinity, state.blockedUntil?.getTime() ?? -Infinity);
  const recent = now.getTime() - quietSince < LOGIN_THROTTLE.windowMs;
  const attempts = recent ? state.attempts + 1 : 1;
  const over = attempts - LOGIN_THROTTLE.freeAttempts;
  const pause =
    over < 0 ? 0 : Math.min(LOGIN_THROTTLE.firstPauseMs * 2 ** Math.min(over, 30), LOGIN_THROTTLE.maxPauseMs);
  return { attempts, lastAttemptAt: now, blockedUntil: pause ? new Date(now.getTime() + pause) : null };
}
