import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { WorkingCalendar } from './working-calendar';
import {
  JurisdictionTime,
  addWorkingTime,
  contentPlanDue,
  deadlineAfterWorkingDays,
  deadlineAfterWorkingDaysMillis,
  formatInstant,
  formatOptionalInstant,
  isWorkingDay,
  isoWeekBounds,
  isoWeekDays,
  isoWeekMonday,
  isoWeekOf,
  isoWeeksFromTo,
  shiftIsoWeek,
  localDateOf,
  localDateTimeText,
  localWeekStartOf,
  formatClockTime,
  isoWeekOfDate,
  parseClockTime,
  parseIsoWeek,
  parseLocalDate,
  parseLocalInstant,
  parseLocalInstantMillis,
  penultimateWorkingDay,
  workingDaysBetween,
} from './working-time';
import { mergeYear, shippedYears } from './year-definition';

const federal = new WorkingCalendar(shippedYears());
const DAY = 86_400_000;
const moscow: JurisdictionTime = { code: 'RU-MOW', timeZone: 'Europe/Moscow', calendar: federal };
/** Khabarovsk keeps Vladivostok time (UTC+10), seven hours ahead of Moscow. */
const khabarovsk: JurisdictionTime = { code: 'RU-KHA', timeZone: 'Asia/Vladivostok', calendar: federal };

function at(localIso: string, j: JurisdictionTime): DateTime {
  return DateTime.fromISO(localIso, { zone: j.timeZone });
}

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

describe('deadlineAfterWorkingDays (DOMAIN.md §7)', () => {
  it('starts the period on the day after the event (Civil Code art. 191)', () => {
    expect(deadlineAfterWorkingDays(at('2025-10-06T09:00', moscow), 1, moscow).toISO()).toBe(
      '2025-10-07T18:00:00.000+03:00',
    );
    expect(deadlineAfterWorkingDays(at('2025-10-06T23:59', moscow), 1, moscow).toISO()).toBe(
      '2025-10-07T18:00:00.000+03:00',
    );
  });

  it.each([
    [
      'skips the New Year holidays and the transferred 31 Dec 2025 and 9 Jan 2026',
      '2025-12-30T10:00',
      1,
      '2026-01-12T18:00:00.000+03:00',
    ],
    ['counts on through the New Year holidays', '2025-12-30T10:00', 3, '2026-01-14T18:00:00.000+03:00'],
    [
      'counts the working Saturday 2025-11-01 and ends an hour early there (art. 95)',
      '2025-10-31T12:00',
      1,
      '2025-11-01T17:00:00.000+03:00',
    ],
    ['skips 3 Nov (transferred) and 4 Nov (holiday) 2025', '2025-10-31T12:00', 2, '2025-11-05T18:00:00.000+03:00'],
    [
      'skips the non-working days of Указ № 595 (30 Oct – 7 Nov 2021)',
      '2021-10-29T10:00',
      1,
      '2021-11-08T18:00:00.000+03:00',
    ],
    [
      'ends at 17:00 on a shortened pre-holiday day (2025-03-07)',
      '2025-03-06T10:00',
      1,
      '2025-03-07T17:00:00.000+03:00',
    ],
    ['counts 10 working days across the May 2025 holidays', '2025-04-28T10:00', 10, '2025-05-16T18:00:00.000+03:00'],
    [
      'takes the first working day of 2020 after an event on 2019-12-31 (only 2020 days are counted)',
      '2019-12-31T10:00',
      1,
      '2020-01-09T18:00:00.000+03:00',
    ],
  ])('%s (art. 193–194)', (_rule, event, n, expected) => {
    expect(deadlineAfterWorkingDays(at(event, moscow), n, moscow).toISO()).toBe(expected);
  });

  it('counts from the local date in Khabarovsk: 17:30 Moscow on Thu 6 Mar 2025 is already Fri 7 Mar there', () => {
    const event = new Date('2025-03-06T14:30:00Z');
    expect(deadlineAfterWorkingDays(event, 1, moscow).toISO()).toBe('2025-03-07T17:00:00.000+03:00');
    // From Friday the 7th: 8 Mar holiday, 9 Mar Sunday, 10 Mar working (decree № 1335).
    expect(deadlineAfterWorkingDays(event, 1, khabarovsk).toISO()).toBe('2025-03-10T18:00:00.000+10:00');
  });

  it.each([
    [
      'closes the same working day for an event before close of business',
      '2025-10-06T10:00',
      '2025-10-06T18:00:00.000+03:00',
    ],
    [
      'moves to the next working day for an event after close of business',
      '2025-10-06T19:00',
      '2025-10-07T18:00:00.000+03:00',
    ],
    [
      'moves to the next working day for an event exactly at close of business',
      '2025-10-06T18:00',
      '2025-10-07T18:00:00.000+03:00',
    ],
    ['moves from a Saturday to Monday', '2025-10-04T10:00', '2025-10-06T18:00:00.000+03:00'],
    ['closes at 17:00 on a shortened day', '2025-03-07T16:59', '2025-03-07T17:00:00.000+03:00'],
    ['moves on after 17:00 on a shortened day', '2025-03-07T17:30', '2025-03-10T18:00:00.000+03:00'],
  ])('n = 0 %s', (_rule, event, expected) => {
    expect(deadlineAfterWorkingDays(at(event, moscow), 0, moscow).toISO()).toBe(expected);
  });

  it('uses the jurisdiction close of business, one hour earlier on a shortened day', () => {
    const j = { ...moscow, closeOfBusiness: { hour: 17, minute: 45 } };
    expect(deadlineAfterWorkingDays(at('2025-10-06T10:00', j), 1, j).toISO()).toBe('2025-10-07T17:45:00.000+03:00');
    expect(deadlineAfterWorkingDays(at('2025-10-31T10:00', j), 1, j).toISO()).toBe('2025-11-01T16:45:00.000+03:00');
  });

  it('accepts a Date or a DateTime and answers in the jurisdiction zone; the millis variant agrees', () => {
    const asDate = deadlineAfterWorkingDays(new Date('2025-10-06T06:00:00Z'), 2, khabarovsk);
    const asDateTime = deadlineAfterWorkingDays(
      DateTime.fromISO('2025-10-06T06:00:00Z', { zone: 'utc' }),
      2,
      khabarovsk,
    );
    expect(asDate.toISO()).toBe('2025-10-08T18:00:00.000+10:00');
    expect(asDate.zoneName).toBe('Asia/Vladivostok');
    expect(asDateTime.toMillis()).toBe(asDate.toMillis());
    expect(deadlineAfterWorkingDaysMillis(Date.parse('2025-10-06T06:00:00Z'), 2, khabarovsk)).toBe(asDate.toMillis());
  });

  it.each([-1, 1.5, 366, Number.NaN])('rejects n = %s (INVALID_WORKING_DAYS)', (n) => {
    const e = errorOf(() => deadlineAfterWorkingDays(new Date('2025-10-06T06:00:00Z'), n, moscow));
    expect(e.code).toBe(CalendarErrorCode.INVALID_WORKING_DAYS);
    expect(e.status).toBe(400);
  });

  it('accepts n = 365 (245 working days left in 2025 after 10 Jan, then 120 in 2026)', () => {
    expect(deadlineAfterWorkingDays(new Date('2025-01-10T06:00:00Z'), 365, moscow).toISODate()).toBe('2026-07-03');
  });

  it('refuses a deadline that runs past the calendar (YEAR_UNKNOWN with the first unknown date)', () => {
    const e = errorOf(() => deadlineAfterWorkingDays(at('2027-12-28T10:00', moscow), 5, moscow));
    expect(e.code).toBe(CalendarErrorCode.YEAR_UNKNOWN);
    expect(e.details).toMatchObject({ date: '2028-01-01', coverage: { from: '2020-01-01', to: '2027-12-31' } });
  });

  it('rejects an event in an unknown year for n = 0 (YEAR_UNKNOWN)', () => {
    expect(errorOf(() => deadlineAfterWorkingDays(at('2019-12-31T10:00', moscow), 0, moscow)).code).toBe(
      CalendarErrorCode.YEAR_UNKNOWN,
    );
  });

  it('rejects an unknown time zone, an invalid instant and an impossible close of business', () => {
    const badZone = { ...moscow, timeZone: 'Mars/Olympus' };
    expect(errorOf(() => deadlineAfterWorkingDays(new Date(), 1, badZone)).code).toBe(
      CalendarErrorCode.INVALID_TIME_ZONE,
    );
    expect(errorOf(() => deadlineAfterWorkingDays(new Date('nope'), 1, moscow)).code).toBe(
      CalendarErrorCode.INVALID_INSTANT,
    );
    const badClose = { ...moscow, closeOfBusiness: { hour: 0, minute: 30 } };
    expect(errorOf(() => deadlineAfterWorkingDays(new Date(), 1, badClose)).code).toBe(
      CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS,
    );
  });
});

describe('deadlineAfterWorkingDays: properties', () => {
  const zones = ['Europe/Moscow', 'Asia/Vladivostok', 'Europe/Kaliningrad', 'Asia/Kamchatka', 'Asia/Yekaterinburg'];
  // Arbitraries yield zone names (short counterexamples); the property builds the jurisdiction.
  const jurisdictions = new Map<string, JurisdictionTime>();
  const jOf = (timeZone: string): JurisdictionTime => {
    let j = jurisdictions.get(timeZone);
    if (!j) jurisdictions.set(timeZone, (j = { code: timeZone, timeZone, calendar: federal }));
    return j;
  };
  const zone = fc.constantFrom(...zones);
  const event = fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2026, 10, 30) });
  const n = fc.integer({ min: 0, max: 30 });

  it('always ends on a working day at close of business, in the jurisdiction zone (art. 193–194)', () => {
    fc.assert(
      fc.property(event, n, zone, (ms, days, z) => {
        const j = jOf(z);
        const d = deadlineAfterWorkingDays(new Date(ms), days, j);
        const info = federal.dayInfo(d.toISODate() as string);
        expect(d.zoneName).toBe(j.timeZone);
        expect(info.working).toBe(true);
        expect(d.hour * 60 + d.minute).toBe(18 * 60 - (info.shortened ? 60 : 0));
        expect(d.second + d.millisecond).toBe(0);
      }),
    );
  });

  it('is never earlier than the event, and later for n ≥ 1 (art. 191)', () => {
    fc.assert(
      fc.property(event, n, zone, (ms, days, z) => {
        const j = jOf(z);
        const d = deadlineAfterWorkingDaysMillis(ms, days, j);
        if (days === 0) expect(d).toBeGreaterThanOrEqual(ms);
        else expect(d).toBeGreaterThan(ms);
      }),
    );
  });

  it('is monotonic in n', () => {
    fc.assert(
      fc.property(event, n, zone, (ms, days, z) => {
        const j = jOf(z);
        expect(deadlineAfterWorkingDaysMillis(ms, days, j)).toBeLessThanOrEqual(
          deadlineAfterWorkingDaysMillis(ms, days + 1, j),
        );
      }),
    );
  });

  it('is monotonic in the event instant', () => {
    fc.assert(
      fc.property(event, event, n, zone, (a, b, days, z) => {
        const j = jOf(z);
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(deadlineAfterWorkingDaysMillis(early, days, j)).toBeLessThanOrEqual(
          deadlineAfterWorkingDaysMillis(late, days, j),
        );
      }),
    );
  });

  it('leaves exactly n working days between the event date and the deadline date', () => {
    fc.assert(
      fc.property(event, fc.integer({ min: 1, max: 30 }), zone, (ms, days, z) => {
        const j = jOf(z);
        const eventDate = DateTime.fromMillis(ms, { zone: j.timeZone }).toISODate() as string;
        const deadlineDate = deadlineAfterWorkingDays(new Date(ms), days, j).toISODate() as string;
        expect(workingDaysBetween(eventDate, deadlineDate, j)).toBe(days);
      }),
    );
  });

  /** The same rule written naively with luxon only: checks the cached zone offsets. */
  function slowDeadline(ms: number, days: number, j: JurisdictionTime): number {
    const close = (d: DateTime): DateTime => {
      const minutes = 18 * 60 - (federal.isShortened(d.toISODate() as string) ? 60 : 0);
      return DateTime.fromObject(
        { year: d.year, month: d.month, day: d.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
        { zone: j.timeZone },
      );
    };
    const ev = DateTime.fromMillis(ms, { zone: j.timeZone });
    let day = ev.startOf('day');
    if (days === 0 && federal.isWorkingDay(day.toISODate() as string) && ms < close(day).toMillis())
      return close(day).toMillis();
    let left = Math.max(days, 1);
    while (left > 0) {
      day = day.plus({ days: 1 });
      if (federal.isWorkingDay(day.toISODate() as string)) left--;
    }
    return close(day).toMillis();
  }

  it('agrees with a plain luxon computation, also in zones that changed offset (Saratov, Volgograd, Dec 2020)', () => {
    const changedZones = fc.constantFrom(...zones, 'Europe/Saratov', 'Europe/Volgograd', 'Europe/Astrakhan');
    const around2020 = fc.oneof(
      fc.integer({ min: Date.UTC(2020, 11, 20), max: Date.UTC(2021, 0, 5) }),
      fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2027, 9, 31) }),
    );
    fc.assert(
      fc.property(around2020, n, changedZones, (ms, days, z) => {
        const jur = jOf(z);
        expect(deadlineAfterWorkingDaysMillis(ms, days, jur)).toBe(slowDeadline(ms, days, jur));
      }),
      { numRuns: 300 },
    );
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['excludes the start date and includes the end date (Civil Code art. 191)', '2025-10-06', '2025-10-07', 1],
    ['is 0 for equal dates', '2025-10-06', '2025-10-06', 0],
    ['is negative when the end comes first', '2025-10-07', '2025-10-06', -1],
    ['skips the New Year holidays', '2025-12-30', '2026-01-12', 1],
    ['counts the working Saturday 2025-11-01', '2025-10-31', '2025-11-05', 2],
    ['counts all 247 working days of 2025', '2024-12-31', '2025-12-31', 247],
    ['counts all 247 working days of 2027 (weak data)', '2026-12-31', '2027-12-31', 247],
  ])('%s', (_rule, from, to, expected) => {
    expect(workingDaysBetween(from, to, moscow)).toBe(expected);
  });

  it('answers isWorkingDay through the jurisdiction calendar', () => {
    expect(isWorkingDay('2025-11-01', moscow)).toBe(true);
    expect(isWorkingDay('2025-11-03', moscow)).toBe(false);
  });
});

describe('penultimateWorkingDay (Khabarovsk Положение 1 p.6)', () => {
  it.each([
    ['is Thursday in an ordinary week', '2025-W40', '2025-10-02'],
    ['is Wednesday when Friday is a holiday (12 Jun 2020, День России)', '2020-W24', '2020-06-10'],
    ['is Wednesday when Friday is a holiday (4 Nov 2022, День народного единства)', '2022-W44', '2022-11-02'],
    [
      'is Tuesday when Thursday is a holiday and Friday a transferred day off (12–13 Jun 2025)',
      '2025-W24',
      '2025-06-10',
    ],
    ['is Friday when Saturday is a transferred working day (1 Nov 2025)', '2025-W44', '2025-10-31'],
    ['is the first of the two working days of the New Year week 2026-W01', '2026-W01', '2025-12-29'],
    ['searches back into earlier weeks when a week has no working day (2026-W02, 5–11 Jan)', '2026-W02', '2025-12-29'],
    ['searches back over the non-working days of Указ № 595 (2021-W44)', '2021-W44', '2021-10-28'],
    ['handles a 53-week year (2026-W53)', '2026-W53', '2026-12-29'],
  ])('%s', (_rule, week, expected) => {
    expect(penultimateWorkingDay(week, khabarovsk)).toBe(expected);
  });

  it('takes the working day before the only working day of a week with one working day', () => {
    // Make Mon–Thu of 2025-W40 days off, so that only Friday 3 Oct works.
    const source = { kind: 'other' as const, title: 'test' };
    const days = ['2025-09-29', '2025-09-30', '2025-10-01', '2025-10-02'].map((date) => ({
      date,
      kind: 'extra_non_working' as const,
      reason: 'тест',
      source,
    }));
    const year = mergeYear(
      shippedYears().find((y) => y.year === 2025),
      { year: 2025, days },
    );
    const j = { ...khabarovsk, calendar: new WorkingCalendar([year]) };
    expect(penultimateWorkingDay('2025-W40', j)).toBe('2025-09-26');
  });

  it('refuses a week whose end lies outside the calendar (2027-W52 ends on 2 Jan 2028)', () => {
    expect(errorOf(() => penultimateWorkingDay('2027-W52', khabarovsk)).code).toBe(CalendarErrorCode.YEAR_UNKNOWN);
  });
});

describe('contentPlanDue (Khabarovsk Положение 1 p.6: by 17:00 local time)', () => {
  it.each([
    ['the Thursday of the week before', '2025-W41', '2025-10-02T17:00:00.000+10:00'],
    ['Friday when that Saturday works', '2025-W45', '2025-10-31T17:00:00.000+10:00'],
    ['back before the New Year holidays for the week after them', '2026-W03', '2025-12-29T17:00:00.000+10:00'],
  ])('is due on %s', (_rule, week, expected) => {
    expect(contentPlanDue(week, khabarovsk).toISO()).toBe(expected);
  });

  it('means 17:00 in Khabarovsk, which is 10:00 in Moscow', () => {
    expect(contentPlanDue('2025-W41', khabarovsk).setZone('Europe/Moscow').toISO()).toBe(
      '2025-10-02T10:00:00.000+03:00',
    );
  });
});

describe('addWorkingTime (working hours for messages and incidents)', () => {
  it.each([
    ['counts 8 working hours across lunch and the night', '2025-10-06T10:00', 480, '2025-10-07T10:00:00.000+03:00'],
    ['ends at the start of lunch, not after it', '2025-10-06T09:00', 240, '2025-10-06T13:00:00.000+03:00'],
    ['does not count lunch time', '2025-10-06T13:30', 60, '2025-10-06T15:00:00.000+03:00'],
    ['starts counting on the next working day after hours', '2025-10-03T20:00', 60, '2025-10-06T10:00:00.000+03:00'],
    ['skips the New Year holidays', '2025-12-30T17:30', 60, '2026-01-12T09:30:00.000+03:00'],
    ['counts a shortened working Saturday until 17:00', '2025-10-31T16:00', 480, '2025-11-01T16:00:00.000+03:00'],
    ['returns the instant itself for zero minutes', '2025-10-04T20:00', 0, '2025-10-04T20:00:00.000+03:00'],
  ])('%s', (_rule, start, minutes, expected) => {
    expect(addWorkingTime(at(start, moscow), minutes, moscow).toISO()).toBe(expected);
  });

  it('follows a custom schedule without breaks', () => {
    const schedule = { start: '08:00', end: '17:00', breaks: [] };
    expect(addWorkingTime(at('2025-10-06T16:00', moscow), 120, moscow, schedule).toISO()).toBe(
      '2025-10-07T09:00:00.000+03:00',
    );
  });

  it('is additive: a + b minutes equal a minutes, then b minutes', () => {
    const instant = fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2026, 10, 1) });
    const minutes = fc.integer({ min: 0, max: 3000 });
    fc.assert(
      fc.property(instant, minutes, minutes, (ms, a, b) => {
        const direct = addWorkingTime(new Date(ms), a + b, khabarovsk);
        const stepped = addWorkingTime(addWorkingTime(new Date(ms), a, khabarovsk), b, khabarovsk);
        expect(stepped.toMillis()).toBe(direct.toMillis());
        expect(direct.toMillis()).toBeGreaterThanOrEqual(ms);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['end before start', { start: '18:00', end: '09:00', breaks: [] }],
    ['a time not in HH:mm', { start: '9:00', end: '18:00', breaks: [] }],
    ['a break outside the day', { start: '09:00', end: '18:00', breaks: [{ start: '18:00', end: '19:00' }] }],
    [
      'overlapping breaks',
      {
        start: '09:00',
        end: '18:00',
        breaks: [
          { start: '12:00', end: '13:30' },
          { start: '13:00', end: '14:00' },
        ],
      },
    ],
    [
      'a break that ends before it starts',
      { start: '09:00', end: '18:00', breaks: [{ start: '14:00', end: '13:00' }] },
    ],
    ['no working time at all', { start: '09:00', end: '18:00', breaks: [{ start: '09:00', end: '18:00' }] }],
  ])('rejects a schedule with %s (INVALID_SCHEDULE, field schedule)', (_what, schedule) => {
    const e = errorOf(() => addWorkingTime(new Date('2025-10-06T06:00:00Z'), 60, moscow, schedule));
    expect(e.code).toBe(CalendarErrorCode.INVALID_SCHEDULE);
    expect(e.status).toBe(400);
    expect(e.fields.map((f) => f.field)).toEqual(['schedule']);
  });

  it('rejects a negative duration (INVALID_DURATION)', () => {
    expect(errorOf(() => addWorkingTime(new Date(), -1, moscow)).code).toBe(CalendarErrorCode.INVALID_DURATION);
  });
});

describe('ISO weeks and local dates', () => {
  it('parses a week', () => {
    expect(parseIsoWeek('2026-W05')).toEqual({ year: 2026, week: 5 });
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
  });

  it.each(['2026-W54', '2025-W53', '2026-W00', '2026-w01', '2026-W1', '2026W01', '', '2026-W01-1'])(
    'rejects the week %p (INVALID_WEEK) and names the field',
    (value) => {
      const e = errorOf(() => parseIsoWeek(value, 'week'));
      expect(e.code).toBe(CalendarErrorCode.INVALID_WEEK);
      expect(e.status).toBe(400);
      expect(e.fields).toEqual([{ field: 'week', message: e.message }]);
      expect(e.details).toEqual({ value, field: 'week' });
    },
  );

  it('has no fields when the caller names no parameter', () => {
    expect(errorOf(() => parseIsoWeek('2026-W54')).fields).toEqual([]);
  });

  it('bounds a week from Monday 00:00 to the next Monday 00:00, local time', () => {
    const { start, end } = isoWeekBounds('2026-W01', 'Asia/Vladivostok');
    expect(start.toISO()).toBe('2025-12-29T00:00:00.000+10:00');
    expect(end.toISO()).toBe('2026-01-05T00:00:00.000+10:00');
  });

  it('gives a week its Monday and Sunday, across a year boundary too', () => {
    expect(isoWeekDays('2026-W01')).toEqual({ week: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
    expect(isoWeekDays('2020-W09')).toEqual({ week: '2020-W09', start: '2020-02-24', end: '2020-03-01' });
  });

  it('lists the weeks from one to another through a 53-week year, none when the second comes first', () => {
    expect(isoWeeksFromTo('2026-W52', '2027-W01', 10)?.map((w) => `${w.week} ${w.start}…${w.end}`)).toEqual([
      '2026-W52 2026-12-21…2026-12-27',
      '2026-W53 2026-12-28…2027-01-03',
      '2027-W01 2027-01-04…2027-01-10',
    ]);
    expect(isoWeeksFromTo('2026-W10', '2026-W10', 1)).toEqual([isoWeekDays('2026-W10')]);
    expect(isoWeeksFromTo('2026-W10', '2026-W09', 10)).toEqual([]);
  });

  it('answers undefined for more weeks than allowed, whatever their number', () => {
    expect(isoWeeksFromTo('2026-W01', '2026-W10', 9)).toBeUndefined();
    expect(isoWeeksFromTo('2026-W01', '2026-W10', 10)).toHaveLength(10);
    expect(isoWeeksFromTo('1990-W01', '2090-W01', 104)).toBeUndefined();
    expect(errorOf(() => isoWeeksFromTo('2025-W53', '2026-W01', 10)).code).toBe(CalendarErrorCode.INVALID_WEEK);
  });

  it('lists the same weeks as shifting week by week (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 52 }), fc.nat(120), (y, w, n) => {
        const from = `${y}-W${String(w).padStart(2, '0')}`;
        const to = shiftIsoWeek(from, n);
        const expected = Array.from({ length: n + 1 }, (_, i) => {
          const week = shiftIsoWeek(from, i);
          const start = isoWeekMonday(week);
          const sunday = new Date(`${start}T00:00:00Z`);
          sunday.setUTCDate(sunday.getUTCDate() + 6);
          return { week, start, end: sunday.toISOString().slice(0, 10) };
        });
        expect(isoWeeksFromTo(from, to, 200)).toEqual(expected);
      }),
    );
  });

  it('finds the week of an instant in the local zone: Sunday evening in Moscow is Monday in Khabarovsk', () => {
    const instant = new Date('2025-12-28T15:30:00Z');
    expect(isoWeekOf(instant, 'Europe/Moscow')).toBe('2025-W52');
    expect(isoWeekOf(instant, 'Asia/Vladivostok')).toBe('2026-W01');
  });

  it('rejects an unknown zone (INVALID_TIME_ZONE)', () => {
    expect(errorOf(() => isoWeekOf(new Date(), 'Moscow')).code).toBe(CalendarErrorCode.INVALID_TIME_ZONE);
    expect(errorOf(() => isoWeekBounds('2026-W01', 'UTC+10')).code).toBe(CalendarErrorCode.INVALID_TIME_ZONE);
  });

  it('accepts a real date', () => {
    expect(parseLocalDate('2024-02-29', 'from')).toBe('2024-02-29');
  });

  it.each(['2025-02-29', '2025-04-31', '2025-1-01', '01.02.2025', '2025-01-01 ', ''])(
    'rejects the date %p (INVALID_DATE) and names the field',
    (value) => {
      const e = errorOf(() => parseLocalDate(value, 'from'));
      expect(e.code).toBe(CalendarErrorCode.INVALID_DATE);
      expect(e.fields.map((f) => f.field)).toEqual(['from']);
    },
  );
});

describe('parseClockTime (close of business as stored in the jurisdictions table)', () => {
  it.each([
    ['18:00', { hour: 18, minute: 0 }],
    ['17:45:00', { hour: 17, minute: 45 }],
  ])('reads %s', (value, expected) => {
    expect(parseClockTime(value)).toEqual(expected);
  });

  it.each(['00:30', '24:00', '18:00:30', '6pm', ''])(
    'rejects %p (INVALID_CLOSE_OF_BUSINESS) and names the field',
    (value) => {
      const e = errorOf(() => parseClockTime(value, 'closeOfBusiness'));
      expect(e.code).toBe(CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS);
      expect(e.fields.map((f) => f.field)).toEqual(['closeOfBusiness']);
    },
  );
});

describe('localDateOf (DOMAIN.md §7: every clock runs in the jurisdiction zone)', () => {
  it('gives the next day in Khabarovsk for a Moscow evening', () => {
    const instant = new Date('2026-11-19T17:00:00Z'); // 20:00 in Moscow, 03:00 next day in Khabarovsk
    expect(localDateOf(instant, 'Europe/Moscow')).toBe('2026-11-19');
    expect(localDateOf(instant, 'Asia/Vladivostok')).toBe('2026-11-20');
  });
});

describe('parseLocalInstantMillis (the bulk form of parseLocalInstant)', () => {
  // luxon resolves a local time the clocks pass twice (the autumn overlap of Berlin or St John's) by a
  // guess that starts from today's offset, so its answer changed with the season the suite ran in.
  // The fast path answers as luxon does in winter; "now" is pinned to a winter day for the comparison.
  const now = Settings.now;
  beforeAll(() => (Settings.now = () => Date.parse('2026-01-15T12:00:00Z')));
  afterAll(() => (Settings.now = now));
  const zones = ['Asia/Vladivostok', 'Europe/Moscow', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu'];
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');

  it('gives the same instant as luxon for every form, zone and date, valid or not', () => {
    const text = fc
      .record({
        year: fc.integer({ min: 1995, max: 2105 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 61 }),
        second: fc.option(fc.integer({ min: 0, max: 60 })),
        fraction: fc.option(fc.stringMatching(/^\d{1,4}$/)),
        separator: fc.constantFrom('T', ' '),
        offset: fc.constantFrom('', 'Z', '+03:00', '-02:30', '+1000', '+05:45', '+24:00', '+03'),
      })
      .map(
        (v) =>
          `${pad(v.year, 4)}-${pad(v.month)}-${pad(v.day)}${v.separator}${pad(v.hour)}:${pad(v.minute)}` +
          (v.second === null ? '' : `:${pad(v.second)}${v.fraction === null ? '' : `.${v.fraction}`}`) +
          v.offset,
      );
    fc.assert(
      fc.property(text, fc.constantFrom(...zones), (value, zone) => {
        expect(parseLocalInstantMillis(value, zone)).toBe(parseLocalInstant(value, zone)?.toMillis());
      }),
      { numRuns: 5000 },
    );
  });

  it('resolves local times in a gap and an overlap of daylight saving time as luxon does', () => {
    for (const value of ['2026-03-29T02:30', '2026-10-25T02:30', '2026-10-25 03:00:00', '2026-03-29T01:59:59.999']) {
      expect(parseLocalInstantMillis(value, 'Europe/Berlin')).toBe(
        parseLocalInstant(value, 'Europe/Berlin')?.toMillis(),
      );
    }
  });

  it('reads a Sunday 23:59 in Khabarovsk and refuses what is not a date-time', () => {
    expect(new Date(parseLocalInstantMillis('2026-06-07 23:59', 'Asia/Vladivostok')!).toISOString()).toBe(
      '2026-06-07T13:59:00.000Z',
    );
    for (const value of ['вчера', '2026-02-30T10:00', '2026-06-07', '']) {
      expect(parseLocalInstantMillis(value, 'Asia/Vladivostok')).toBeUndefined();
    }
  });
});

describe('formatInstant (instants in answers)', () => {
  const at = new Date('2026-12-07T08:00:00Z');

  it("gives an instant in its jurisdiction's offset: 18:00 in Khabarovsk, 11:00 in Blagodarny", () => {
    expect(formatInstant(at, 'Asia/Vladivostok')).toBe('2026-12-07T18:00:00.000+10:00');
    expect(formatInstant(at, 'Europe/Moscow')).toBe('2026-12-07T11:00:00.000+03:00');
    expect(formatInstant(DateTime.fromISO('2026-12-07T18:00:00+10:00'), 'Europe/Moscow')).toBe(
      '2026-12-07T11:00:00.000+03:00',
    );
  });

  it('gives an instant that belongs to no jurisdiction in UTC', () => {
    expect(formatInstant(at, null)).toBe('2026-12-07T08:00:00.000Z');
  });

  it('keeps an absent instant absent and refuses an invalid one', () => {
    expect(formatOptionalInstant(null, 'Asia/Vladivostok')).toBeNull();
    expect(formatOptionalInstant(undefined, null)).toBeNull();
    expect(formatOptionalInstant(at, 'Asia/Vladivostok')).toBe('2026-12-07T18:00:00.000+10:00');
    expect(() => formatInstant(new Date(NaN), null)).toThrow(CalendarError);
    expect(() => formatInstant(at, 'Mars/Olympus')).toThrow(CalendarError);
  });
});

describe('ISO week 53 (DOMAIN.md §3: weeks are calendar weeks, Monday to Sunday)', () => {
  it.each([
    ['2026-W53', '2026-12-28', '2027-01-03'], // 1 January 2026 is a Thursday
    ['2020-W53', '2020-12-28', '2021-01-03'], // a leap year that starts on a Wednesday
    ['2015-W53', '2015-12-28', '2016-01-03'],
  ])('accepts %s, a year that has a week 53, from %s to %s', (week, start, end) => {
    expect(isoWeekDays(week)).toEqual({ week, start, end });
    expect(isoWeekOfDate(end)).toBe(week);
    expect(shiftIsoWeek(week, 1)).toBe(`${Number(week.slice(0, 4)) + 1}-W01`);
  });

  it.each([
    ['2025-W53', 'starts on a Wednesday but is not a leap year'],
    ['2024-W53', 'is a leap year starting on a Monday'],
    ['2200-W53', 'starts on a Wednesday but is a century year that is not a leap year'],
    ['2021-W53', 'starts on a Friday'],
  ])('refuses %s: the year %s', (week) => {
    expect(errorOf(() => parseIsoWeek(week)).code).toBe(CalendarErrorCode.INVALID_WEEK);
  });

  it('writes the year of a week with four digits', () => {
    expect(isoWeekOfDate('0999-06-01')).toBe('0999-W22');
  });

  it('takes the first days of January into the last week of the year before', () => {
    expect(isoWeekOfDate('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOfDate('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOfDate('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOfDate('2026-01-05')).toBe('2026-W02');
    expect(isoWeekMonday('2026-W53')).toBe('2026-12-28');
  });
});

describe('localWeekStartOf (DOMAIN.md §3: Monday 00:00 to Sunday 24:00 in the jurisdiction zone)', () => {
  it('gives the local Monday, in Moscow and in Khabarovsk for the same instant', () => {
    const sundayEveningMoscow = new Date('2025-12-28T15:30:00Z'); // 18:30 Moscow, 01:30 Monday in Khabarovsk
    expect(localWeekStartOf(sundayEveningMoscow, 'Europe/Moscow')).toBe('2025-12-22');
    expect(localWeekStartOf(sundayEveningMoscow, 'Asia/Vladivostok')).toBe('2025-12-29');
  });

  it('starts the week at Monday 00:00 local time, not a second later or earlier', () => {
    expect(localWeekStartOf(at('2026-06-08T00:00', khabarovsk), 'Asia/Vladivostok')).toBe('2026-06-08');
    expect(localWeekStartOf(at('2026-06-07T23:59:59', khabarovsk), 'Asia/Vladivostok')).toBe('2026-06-01');
    expect(localWeekStartOf(at('2026-06-14T23:59:59', khabarovsk).toJSDate(), 'Asia/Vladivostok')).toBe('2026-06-08');
  });

  it('answers the same outside the years it keeps offsets for (2000–2100)', () => {
    const sundayEveningMoscow = new Date('1999-12-26T15:00:00Z'); // 01:00 Monday in Khabarovsk
    expect(localWeekStartOf(sundayEveningMoscow, 'Europe/Moscow')).toBe('1999-12-20');
    expect(localWeekStartOf(sundayEveningMoscow, 'Asia/Vladivostok')).toBe('1999-12-27');
    expect(localWeekStartOf(new Date('2101-01-02T12:00:00Z'), 'Europe/Moscow')).toBe('2100-12-27');
  });

  it('rejects an invalid instant or zone', () => {
    expect(errorOf(() => localWeekStartOf(new Date('nope'), 'Europe/Moscow')).code).toBe(
      CalendarErrorCode.INVALID_INSTANT,
    );
    expect(errorOf(() => localWeekStartOf(new Date(), 'Europe/Nowhere')).code).toBe(
      CalendarErrorCode.INVALID_TIME_ZONE,
    );
  });
});

describe('same-day and shortened-day deadlines (DOMAIN.md §7; Labour Code art. 95)', () => {
  it('moves a same-day deadline that starts on a weekend at 00:00:30 to the next working day', () => {
    const saturday = DateTime.fromISO('2025-06-07T00:00:30', { zone: 'Europe/Moscow' });
    expect(deadlineAfterWorkingDays(saturday, 0, moscow).toISO()).toBe('2025-06-09T18:00:00.000+03:00');
    const sunday = DateTime.fromISO('2025-06-08T00:00:00', { zone: 'Europe/Moscow' });
    expect(deadlineAfterWorkingDays(sunday, 0, moscow).toISO()).toBe('2025-06-09T18:00:00.000+03:00');
  });

  it('closes a same-day deadline at 17:00 on a shortened Saturday, and after it moves past the holidays', () => {
    // 1 Nov 2025 is a shortened working Saturday; 3 Nov is a day off, 4 Nov a holiday.
    expect(deadlineAfterWorkingDays(at('2025-11-01T16:59:59', moscow), 0, moscow).toISO()).toBe(
      '2025-11-01T17:00:00.000+03:00',
    );
    expect(deadlineAfterWorkingDays(at('2025-11-01T17:00', moscow), 0, moscow).toISO()).toBe(
      '2025-11-05T18:00:00.000+03:00',
    );
  });

  it('ends a same-day deadline at close of business only if the event comes before it', () => {
    expect(deadlineAfterWorkingDays(at('2025-10-06T17:59:59', moscow), 0, moscow).toISO()).toBe(
      '2025-10-06T18:00:00.000+03:00',
    );
    expect(deadlineAfterWorkingDays(at('2025-10-06T18:00', moscow), 0, moscow).toISO()).toBe(
      '2025-10-07T18:00:00.000+03:00',
    );
  });

  it('ends a period of n working days at 17:00 when its last day is shortened', () => {
    expect(deadlineAfterWorkingDays(at('2025-10-30T10:00', moscow), 2, moscow).toISO()).toBe(
      '2025-11-01T17:00:00.000+03:00',
    );
    expect(deadlineAfterWorkingDays(at('2025-10-30T10:00', moscow), 3, moscow).toISO()).toBe(
      '2025-11-05T18:00:00.000+03:00',
    );
  });

  it('counts working time on a shortened day only until 17:00 (addWorkingTime)', () => {
    expect(addWorkingTime(at('2025-11-01T16:30', moscow), 60, moscow).toISO()).toBe('2025-11-05T09:30:00.000+03:00');
    expect(addWorkingTime(at('2025-11-01T17:30', moscow), 30, moscow).toISO()).toBe('2025-11-05T09:30:00.000+03:00');
    expect(addWorkingTime(at('2025-11-01T16:30', moscow), 30, moscow).toISO()).toBe('2025-11-01T17:00:00.000+03:00');
  });

  it('drops an afternoon interval that lies wholly within the last hour of a shortened day', () => {
    const schedule = { start: '09:00', end: '18:00', breaks: [{ start: '13:00', end: '17:30' }] };
    // Full day: 09:00–13:00 and 17:30–18:00. Shortened day: 09:00–13:00 only.
    expect(addWorkingTime(at('2025-11-01T12:30', moscow), 45, moscow, schedule).toISO()).toBe(
      '2025-11-05T09:15:00.000+03:00',
    );
    expect(addWorkingTime(at('2025-10-31T12:30', moscow), 45, moscow, schedule).toISO()).toBe(
      '2025-10-31T17:45:00.000+03:00',
    );
  });
});

describe('working-time arguments', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, 366 * 24 * 60 + 1, '60' as unknown as number])(
    'rejects %p minutes (INVALID_DURATION, field minutes)',
    (minutes) => {
      const e = errorOf(() => addWorkingTime(new Date('2025-10-06T06:00:00Z'), minutes, moscow));
      expect(e.code).toBe(CalendarErrorCode.INVALID_DURATION);
      expect(e.fields.map((f) => f.field)).toEqual(['minutes']);
    },
  );

  it('accepts a year of round-the-clock minutes, the upper bound', () => {
    const schedule = { start: '00:00', end: '23:59', breaks: [] };
    expect(addWorkingTime(at('2025-01-09T00:00', moscow), 366 * 24 * 60, moscow, schedule).year).toBe(2026);
  });

  it('returns the very instant for zero minutes, in the jurisdiction zone', () => {
    const instant = new Date('2025-10-04T17:00:00.123Z');
    const result = addWorkingTime(instant, 0, khabarovsk);
    expect(result.toMillis()).toBe(instant.getTime());
    expect(result.zoneName).toBe('Asia/Vladivostok');
  });

  it('rejects a millisecond event that is not a number, and an event that is neither a Date nor a DateTime (INVALID_INSTANT)', () => {
    const e = errorOf(() => deadlineAfterWorkingDaysMillis(Number.NaN, 1, moscow));
    expect(e.code).toBe(CalendarErrorCode.INVALID_INSTANT);
    expect(e.details).toEqual({ value: Number.NaN });
    const text = errorOf(() => deadlineAfterWorkingDays('2025-10-06T09:00' as never, 1, moscow));
    expect(text.code).toBe(CalendarErrorCode.INVALID_INSTANT);
    expect(text.details).toEqual({ value: '2025-10-06T09:00', field: 'eventInstant' });
  });

  it.each([
    [{ hour: 1, minute: 0 }, true],
    [{ hour: 23, minute: 59 }, true],
    [{ hour: 24, minute: 0 }, false],
    [{ hour: 17, minute: 60 }, false],
    [{ hour: 17, minute: -1 }, false],
    [{ hour: 17.5, minute: 0 }, false],
    [{ hour: 17, minute: 0.5 }, false],
  ])('accepts close of business %j only from 01:00 to 23:59 in whole minutes: %p', (closeOfBusiness, valid) => {
    const j = { ...moscow, closeOfBusiness };
    const run = () => deadlineAfterWorkingDays(at('2025-10-06T00:30', moscow), 1, j);
    if (valid) {
      expect(run().toFormat('HH:mm')).toBe(formatClockTime(closeOfBusiness));
    } else {
      const e = errorOf(run);
      expect(e.code).toBe(CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS);
      expect(e.details).toEqual({ jurisdiction: 'RU-MOW', closeOfBusiness });
      expect(e.fields.map((f) => f.field)).toEqual(['closeOfBusiness']);
    }
  });

  it('writes a clock time with leading zeros, 18:00 by default', () => {
    expect(formatClockTime()).toBe('18:00');
    expect(formatClockTime({ hour: 9, minute: 5 })).toBe('09:05');
  });

  it('writes an instant as people read it in the jurisdiction: «dd.MM.yyyy HH:mm»', () => {
    expect(localDateTimeText(new Date('2026-06-17T02:00:00Z'), 'Asia/Vladivostok')).toBe('17.06.2026 12:00');
    expect(localDateTimeText(new Date('2026-06-17T02:00:00Z'), 'Europe/Moscow')).toBe('17.06.2026 05:00');
  });

  it('reads an event given as a luxon DateTime that is invalid as an invalid instant', () => {
    const invalid = DateTime.fromISO('2025-13-45T00:00', { zone: 'Europe/Moscow' });
    const e = errorOf(() => deadlineAfterWorkingDays(invalid, 1, moscow));
    expect(e.code).toBe(CalendarErrorCode.INVALID_INSTANT);
    expect(e.fields.map((f) => f.field)).toEqual(['eventInstant']);
  });
});

describe('offset tables agree with the tz database on the days offsets change (DOMAIN.md §7)', () => {
  // Every 10 minutes over two days around each change: daylight saving in Berlin and St John's
  // (a half-hour zone), Saratov's and Volgograd's one-off changes of 27 Dec 2020, and New Year in
  // Vladivostok (the edge of a yearly table).
  const around: [string, string][] = [
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25'],
    ['America/St_Johns', '2026-03-08'],
    ['America/St_Johns', '2026-11-01'],
    ['Europe/Saratov', '2020-12-27'],
    ['Europe/Volgograd', '2020-12-27'],
    ['Asia/Vladivostok', '2026-01-01'],
    ['America/St_Johns', '2027-01-01'],
  ];
  // A local time the clocks pass twice (autumn) is left out of the reading test: luxon resolves it
  // by the offset in force today, so its answer changes with the season the test runs in.
  const unambiguous = around.filter(([, day]) => !['2026-10-25', '2026-11-01'].includes(day));
  const pad = (n: number) => String(n).padStart(2, '0');

  it.each(unambiguous)('reads local times in %s around %s as luxon does', (zone, day) => {
    const start = DateTime.fromISO(`${day}T00:00`, { zone: 'utc' }).minus({ days: 1 });
    for (let minutes = 0; minutes < 2 * 24 * 60; minutes += 10) {
      const t = start.plus({ minutes });
      const value = `${t.toISODate()}T${pad(t.hour)}:${pad(t.minute)}`;
      expect([value, parseLocalInstantMillis(value, zone)]).toEqual([
        value,
        parseLocalInstant(value, zone)?.toMillis(),
      ]);
    }
  });

  it.each(around)('finds the local week and date of instants in %s around %s as luxon does', (zone, day) => {
    const start = DateTime.fromISO(`${day}T00:00`, { zone }).minus({ days: 1 }).toMillis();
    for (let ms = start; ms < start + 2 * DAY; ms += 10 * 60_000) {
      const local = DateTime.fromMillis(ms, { zone });
      const monday = local.minus({ days: local.weekday - 1 }).toISODate();
      expect([ms, localWeekStartOf(new Date(ms), zone)]).toEqual([ms, monday]);
    }
  });

  it('closes the working day at 18:00 local time on the day after a change of offset (Saratov, Dec 2020)', () => {
    const saratov: JurisdictionTime = { code: 'RU-SAR', timeZone: 'Europe/Saratov', calendar: federal };
    // Friday 25 Dec 2020 (+03), deadline Monday 28 Dec 18:00 (+04 since 27 Dec 02:00).
    expect(deadlineAfterWorkingDays(at('2020-12-25T12:00', saratov), 1, saratov).toISO()).toBe(
      '2020-12-28T18:00:00.000+04:00',
    );
  });
});

describe('errors name the parameter and the value (problem+json «fields» and «details»)', () => {
  it('reports an unknown time zone with its name and the timeZone field', () => {
    const e = errorOf(() =>
      deadlineAfterWorkingDays(new Date('2025-10-06T06:00:00Z'), 1, { ...moscow, timeZone: 'Mars/Base' }),
    );
    expect(e.code).toBe(CalendarErrorCode.INVALID_TIME_ZONE);
    expect(e.details).toEqual({ timeZone: 'Mars/Base' });
    expect(e.fields.map((f) => f.field)).toEqual(['timeZone']);
  });

  it('reports a close of business it cannot read with the value and the field', () => {
    const e = errorOf(() => parseClockTime('00:30', 'closeOfBusiness'));
    expect(e.details).toEqual({ value: '00:30', field: 'closeOfBusiness' });
    expect(errorOf(() => parseClockTime('24:00')).details).toEqual({ value: '24:00' });
    expect(errorOf(() => parseClockTime(1800 as unknown as string)).code).toBe(
      CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS,
    );
    expect(parseClockTime('01:00')).toEqual({ hour: 1, minute: 0 });
    expect(parseClockTime('23:59')).toEqual({ hour: 23, minute: 59 });
  });

  it('reports a week it cannot read without a field when none is named', () => {
    expect(errorOf(() => parseIsoWeek('2026-W54')).details).toEqual({ value: '2026-W54' });
    expect(errorOf(() => parseIsoWeek(202601 as unknown as string)).code).toBe(CalendarErrorCode.INVALID_WEEK);
  });

  it('reports an invalid instant with its text and the field it came in', () => {
    const e = errorOf(() => addWorkingTime(new Date('nope'), 60, moscow));
    expect(e.code).toBe(CalendarErrorCode.INVALID_INSTANT);
    expect(e.details).toEqual({ value: 'Invalid Date', field: 'instant' });
    expect(e.fields.map((f) => f.field)).toEqual(['instant']);
    expect(errorOf(() => localDateOf(new Date('nope'), 'Europe/Moscow')).details).toEqual({ value: 'Invalid Date' });
  });

  it('reports a wrong working-day count and a wrong duration with the limit', () => {
    expect(errorOf(() => deadlineAfterWorkingDays(new Date('2025-10-06T06:00:00Z'), 400, moscow)).details).toEqual({
      n: 400,
      max: 365,
    });
    expect(errorOf(() => addWorkingTime(new Date('2025-10-06T06:00:00Z'), -5, moscow)).details).toEqual({
      minutes: -5,
      max: 366 * 24 * 60,
    });
  });

  it.each([
    ['a time not in HH:mm', { start: '9:00', end: '18:00', breaks: [] }, 'time 9:00 is not HH:mm'],
    ['a missing end', { start: '09:00', breaks: [] }, 'time undefined is not HH:mm'],
    ['start equal to end', { start: '09:00', end: '09:00', breaks: [] }, 'start must be before end'],
    ['breaks that are not a list', { start: '09:00', end: '18:00', breaks: 'none' }, 'breaks must be a list'],
    [
      'an empty break',
      { start: '09:00', end: '18:00', breaks: [{ start: '13:00', end: '13:00' }] },
      'a break must start before it ends',
    ],
    [
      'a break that starts before the day',
      { start: '09:00', end: '18:00', breaks: [{ start: '08:30', end: '09:30' }] },
      'breaks must lie inside the day and not overlap',
    ],
    [
      'a break that ends after the day',
      { start: '09:00', end: '18:00', breaks: [{ start: '17:30', end: '18:01' }] },
      'breaks must lie inside the day and not overlap',
    ],
    ['a break without times', { start: '09:00', end: '18:00', breaks: [null] }, 'time undefined is not HH:mm'],
    [
      'no working time between the breaks',
      { start: '09:00', end: '18:00', breaks: [{ start: '09:00', end: '18:00' }] },
      'no working time left between the breaks',
    ],
  ])('rejects a schedule with %s, saying what is wrong', (_what, schedule, problem) => {
    const e = errorOf(() => addWorkingTime(new Date('2025-10-06T06:00:00Z'), 60, moscow, schedule as never));
    expect(e.code).toBe(CalendarErrorCode.INVALID_SCHEDULE);
    expect(e.details).toEqual({ schedule, problem });
  });
});

describe('working schedules (working hours for messages and incidents)', () => {
  it('takes breaks in any order, and a break that ends exactly at the end of the day', () => {
    const schedule = {
      start: '09:00',
      end: '18:00',
      breaks: [
        { start: '17:00', end: '18:00' },
        { start: '12:00', end: '13:00' },
      ],
    };
    // 09:00–12:00 and 13:00–17:00: seven hours a day.
    expect(addWorkingTime(at('2025-10-06T09:00', moscow), 7 * 60, moscow, schedule).toISO()).toBe(
      '2025-10-06T17:00:00.000+03:00',
    );
    expect(addWorkingTime(at('2025-10-06T09:00', moscow), 7 * 60 + 1, moscow, schedule).toISO()).toBe(
      '2025-10-07T09:01:00.000+03:00',
    );
  });

  it('starts counting exactly at the end of a break, and a period may end exactly at the end of the day', () => {
    expect(addWorkingTime(at('2025-10-06T14:00', moscow), 240, moscow).toISO()).toBe('2025-10-06T18:00:00.000+03:00');
    expect(addWorkingTime(at('2025-10-06T13:00', moscow), 1, moscow).toISO()).toBe('2025-10-06T14:01:00.000+03:00');
    expect(addWorkingTime(at('2025-10-06T18:00', moscow), 1, moscow).toISO()).toBe('2025-10-07T09:01:00.000+03:00');
  });

  it('accepts a break at the very start of the day, and refuses no schedule at all', () => {
    const schedule = { start: '09:00', end: '18:00', breaks: [{ start: '09:00', end: '10:00' }] };
    expect(addWorkingTime(at('2025-10-06T08:00', moscow), 30, moscow, schedule).toISO()).toBe(
      '2025-10-06T10:30:00.000+03:00',
    );
    expect(errorOf(() => addWorkingTime(new Date('2025-10-06T06:00:00Z'), 30, moscow, null as never)).code).toBe(
      CalendarErrorCode.INVALID_SCHEDULE,
    );
  });

  it('shortens a day that works without a break from 09:00 to 18:00 to 17:00 (Labour Code art. 95)', () => {
    const schedule = { start: '09:00', end: '18:00', breaks: [] };
    expect(addWorkingTime(at('2025-11-01T09:00', moscow), 8 * 60, moscow, schedule).toISO()).toBe(
      '2025-11-01T17:00:00.000+03:00',
    );
  });
});
