import { afterAttempt, LOGIN_THROTTLE, LoginThrottleState, NO_ATTEMPTS, pauseLeft } from './login-throttle.rules';

const at = (minutes: number, seconds = 0) => new Date(Date.UTC(2026, 11, 7, 9, minutes, seconds));

function attempts(count: number, start: LoginThrottleState = NO_ATTEMPTS, step = (i: number) => at(0, i)) {
  let state = start;
  for (let i = 0; i < count; i++) state = afterAttempt(state, step(i));
  return state;
}

describe('failed logins per account (issue 17: login limit beyond one address)', () => {
  it('lets the first nine attempts through without a pause', () => {
    const state = attempts(LOGIN_THROTTLE.freeAttempts - 1);
    expect(state.attempts).toBe(9);
    expect(state.blockedUntil).toBeNull();
    expect(pauseLeft(state, at(0, 9))).toBe(0);
  });

  it('pauses the account for 30 s at the tenth attempt within the window', () => {
    const state = attempts(LOGIN_THROTTLE.freeAttempts);
    expect(state.attempts).toBe(10);
    expect(state.blockedUntil).toEqual(new Date(at(0, 9).getTime() + 30_000));
    expect(pauseLeft(state, at(0, 20))).toBe(19_000);
    expect(pauseLeft(state, at(0, 39))).toBe(0);
  });

  it('doubles the pause with each further attempt, up to 15 minutes', () => {
    let state = attempts(LOGIN_THROTTLE.freeAttempts);
    const pauses: number[] = [];
    let now = at(0, 9);
    for (let i = 0; i < 8; i++) {
      now = new Date(now.getTime() + pauseLeft(state, now) + 1);
      state = afterAttempt(state, now);
      pauses.push(state.blockedUntil!.getTime() - now.getTime());
    }
    expect(pauses).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000, 900_000]);
  });

  it('starts counting anew after 15 quiet minutes once the pause is over', () => {
    const state = attempts(LOGIN_THROTTLE.freeAttempts);
    // The pause ends at 9:00:39; fifteen minutes later the count starts from one.
    expect(afterAttempt(state, new Date(at(15, 38).getTime())).attempts).toBe(11);
    const later = afterAttempt(state, new Date(at(0, 39).getTime() + LOGIN_THROTTLE.windowMs));
    expect(later).toEqual({
      attempts: 1,
      lastAttemptAt: at(15, 39),
      blockedUntil: null,
    });
  });

  it('starts counting anew after 15 quiet minutes without a pause', () => {
    const state = attempts(LOGIN_THROTTLE.freeAttempts - 1);
    expect(afterAttempt(state, at(15, 7)).attempts).toBe(10);
    expect(afterAttempt(state, at(15, 8))).toEqual({ attempts: 1, lastAttemptAt: at(15, 8), blockedUntil: null });
  });

  it('keeps counting attempts spread over the window', () => {
    const state = attempts(LOGIN_THROTTLE.freeAttempts, NO_ATTEMPTS, (i) => at(i));
    expect(state.attempts).toBe(10);
    expect(state.blockedUntil).not.toBeNull();
  });
});
