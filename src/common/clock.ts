import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';

/**
 * The one source of "now". Tests of deadlines and schedules set the time (per request through
 * the X-Test-Now header when ALLOW_TEST_CLOCK is on) instead of waiting for it.
 */
@Injectable()
export class Clock {
  private static readonly override = new AsyncLocalStorage<Date>();

  now(): Date {
    return Clock.override.getStore() ?? new Date();
  }

  static runAt<T>(instant: Date, fn: () => T): T {
    return Clock.override.run(instant, fn);
  }
}
