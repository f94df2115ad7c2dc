import { CalendarError, CalendarErrorCode } from './calendar.errors';
import {
  WorkingCalendar,
  dateOfOrdinal,
  daysInMonth,
  isoWeekdayOf,
  ordinalOf,
  parseDateOrdinal,
  yearOfOrdinal,
} from './working-calendar';
import { DayOverride, YearDefinition, mergeYear, shippedYears } from './year-definition';

const federal = new WorkingCalendar(shippedYears());

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

function totals(cal: WorkingCalendar, year: number): { working: number; shortened: number; hours: number } {
  let working = 0;
  let shortened = 0;
  for (let d = ordinalOf(year, 1, 1); d <= ordinalOf(year, 12, 31); d++) {
    if (cal.isWorkingOrdinal(d)) working++;
    if (cal.isShortenedOrdinal(d)) shortened++;
  }
  // Norm of hours for a 40-hour week: 8 h a day, one hour less on a shortened day (art. 95).
  return { working, shortened, hours: working * 8 - shortened };
}

describe('WorkingCalendar: yearly totals', () => {
  // Totals from the notes of shared/reference/ru-production-calendar.json. 2020 and 2021 also
  // had presidential non-working days (COVID), so their actual totals are lower than planned.
  it.each([
    [2020, 219, 3, 1749],
    [2021, 240, 3, 1917],
    [2022, 247, 3, 1973],
    [2023, 247, 3, 1973],
    [2024, 248, 5, 1979],
    [2025, 247, 4, 1972],
    [2026, 247, 4, 1972],
    [2027, 247, 4, 1972],
  ])('counts %i: %i working days incl. %i shortened, %i h (production calendar)', (year, working, shortened, hours) => {
    expect(totals(federal, year)).toEqual({ working, shortened, hours });
  });

  // The planned totals (before the presidential decrees) are what the notes quote for 2020
  // (248 days, 5 shortened, 1979 h) and 2021 (1972 h, 4 shortened incl. 3 Nov).
  function planned(year: number, originallyShortened: string[]): YearDefinition {
    const shipped = shippedYears().find((y) => y.year === year) as YearDefinition;
    const source = { kind: 'other' as const, title: 'plan before the presidential decrees' };
    const days: DayOverride[] = shipped.days
      .filter((d) => d.kind === 'extra_non_working')
      .map((d) => ({
        date: d.date,
        kind: originallyShortened.includes(d.date) ? 'shortened' : 'working',
        reason: 'план',
        source,
      }));
    return mergeYear(shipped, { year, days });
  }

  it.each([
    [2020, ['2020-04-30', '2020-05-08'], 248, 5, 1979],
    [2021, ['2021-11-03'], 247, 4, 1972],
  ])(
    'matches the planned %i totals once the presidential non-working days are taken out',
    (year, shortenedDays, working, shortened, hours) => {
      const cal = new WorkingCalendar([planned(year, shortenedDays)]);
      expect(totals(cal, year)).toEqual({ working, shortened, hours });
    },
  );
});

describe('WorkingCalendar.dayInfo', () => {
  it.each([
    ['2025-01-06', false, false, 'holiday', 'Новогодние каникулы (ТК РФ ст.112)'],
    ['2025-01-07', false, false, 'holiday', 'Рождество Христово (ТК РФ ст.112)'],
    ['2025-03-08', false, false, 'holiday', 'Международный женский день (ТК РФ ст.112)'],
    [
      '2025-12-31',
      false,
      false,
      'transferred_day_off',
      'Перенос выходного с 05.01 (постановление Правительства РФ от 04.10.2024 № 1335)',
    ],
    ['2025-03-10', true, false, 'working', 'Рабочий день'],
    ['2025-03-09', false, false, 'weekend', 'Выходной день'],
    ['2025-03-07', true, true, 'shortened', 'Предпраздничный день, сокращён на 1 час (ТК РФ ст.95)'],
    ['2020-04-15', false, false, 'extra_non_working', 'Нерабочий день (Указ Президента РФ от 02.04.2020 № 239)'],
  ])('describes %s (working=%s, shortened=%s, %s)', (date, working, shortened, kind, reason) => {
    expect(federal.dayInfo(date)).toEqual({ date, working, shortened, kind, reason });
  });

  it('makes 2025-11-01 a shortened working Saturday, citing decree № 1335 and art. 95', () => {
    const info = federal.dayInfo('2025-11-01');
    expect(info).toMatchObject({ working: true, shortened: true, kind: 'shortened' });
    expect(info.reason).toContain('Рабочая суббота');
    expect(info.reason).toContain('№ 1335');
    expect(info.reason).toContain('ТК РФ ст.95');
    expect(federal.isWorkingDay('2025-11-01')).toBe(true);
    expect(federal.isShortened('2025-11-01')).toBe(true);
  });

  it('keeps 24 Feb and 10 Mar 2025 working: decree № 1335 moved those days off to 8 May and 13 Jun', () => {
    expect(federal.isWorkingDay('2025-02-24')).toBe(true);
    expect(federal.isWorkingDay('2025-03-10')).toBe(true);
    expect(federal.isWorkingDay('2025-05-08')).toBe(false);
    expect(federal.isWorkingDay('2025-06-13')).toBe(false);
  });

  it('reports its coverage and the weak year 2027', () => {
    expect(federal.coverage()).toEqual({ from: '2020-01-01', to: '2027-12-31', weakYears: [2027] });
  });
});

describe('WorkingCalendar: outside the data', () => {
  it.each(['2019-12-31', '2028-01-01'])('refuses to guess %s from the weekday (YEAR_UNKNOWN, 422)', (date) => {
    const e = errorOf(() => federal.isWorkingDay(date));
    expect(e.code).toBe(CalendarErrorCode.YEAR_UNKNOWN);
    expect(e.status).toBe(422);
    expect(e.details).toEqual({
      date,
      year: Number(date.slice(0, 4)),
      coverage: { from: '2020-01-01', to: '2027-12-31', weakYears: [2027] },
    });
  });

  it.each(['2025-02-29', '2025-2-01', '2025-13-01', '2025-00-10', '25-01-01', '2025-01-01T00:00'])(
    'rejects %s as a date (INVALID_DATE)',
    (date) => {
      expect(errorOf(() => federal.dayInfo(date)).code).toBe(CalendarErrorCode.INVALID_DATE);
    },
  );

  it('accepts 29 February of a leap year', () => {
    expect(federal.isWorkingDay('2024-02-29')).toBe(true);
  });

  it('refuses years with a gap between them (INVALID_DEFINITION)', () => {
    const years = shippedYears().filter((y) => y.year !== 2023);
    expect(errorOf(() => new WorkingCalendar(years)).code).toBe(CalendarErrorCode.INVALID_DEFINITION);
  });
});

describe('WorkingCalendar: regional holidays on top of the federal calendar', () => {
  const tatarstan = federal.withRegionalHolidays([
    { date: '2025-06-06', reason: 'Курбан-байрам (региональный праздник)' },
    { date: '2025-01-01', reason: 'региональный праздник, совпавший с федеральным' },
  ]);

  it('makes a regional holiday a day off only in that jurisdiction', () => {
    expect(federal.isWorkingDay('2025-06-06')).toBe(true);
    expect(tatarstan.dayInfo('2025-06-06')).toEqual({
      date: '2025-06-06',
      working: false,
      shortened: false,
      kind: 'regional_holiday',
      reason: 'Курбан-байрам (региональный праздник)',
    });
  });

  it('keeps the federal reason when the federal day is already a holiday', () => {
    expect(tatarstan.dayInfo('2025-01-01').kind).toBe('holiday');
  });
});

describe('ordinal helpers', () => {
  it('round-trips every day of 1999–2029 through ordinals', () => {
    for (let d = ordinalOf(1999, 1, 1); d <= ordinalOf(2029, 12, 31); d++) {
      const iso = dateOfOrdinal(d);
      expect(ordinalOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))).toBe(d);
      if (d % 97 === 0) expect(new Date(d * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
    }
  });
});

describe('WorkingCalendar: regional holidays on shortened days and outside the data', () => {
  it('makes a shortened pre-holiday day a whole day off when a regional holiday falls on it (Labour Code art. 95, 112)', () => {
    const region = federal.withRegionalHolidays([{ date: '2025-11-01', reason: 'региональный праздник' }]);
    expect(federal.isShortened('2025-11-01')).toBe(true);
    expect(region.dayInfo('2025-11-01')).toEqual({
      date: '2025-11-01',
      working: false,
      shortened: false,
      kind: 'regional_holiday',
      reason: 'региональный праздник',
    });
    expect(region.isShortened('2025-11-01')).toBe(false);
  });

  it('names a regional holiday on a plain weekend day, and keeps a federal day off as it is', () => {
    const region = federal.withRegionalHolidays([
      { date: '2025-06-07', reason: 'день республики' },
      { date: '2025-05-02', reason: 'совпал с переносом' },
    ]);
    expect(region.dayInfo('2025-06-07')).toMatchObject({ working: false, kind: 'regional_holiday' });
    expect(region.dayInfo('2025-05-02')).toMatchObject({ working: false, kind: 'transferred_day_off' });
  });

  it('counts working days around a regional holiday without it', () => {
    const region = federal.withRegionalHolidays([{ date: '2025-06-06', reason: 'Курбан-байрам' }]);
    const thursday = ordinalOf(2025, 6, 5);
    expect(federal.nthWorkingDayAfter(thursday, 1)).toBe(ordinalOf(2025, 6, 6));
    expect(region.nthWorkingDayAfter(thursday, 1)).toBe(ordinalOf(2025, 6, 9));
    expect(region.workingDaysUpTo(ordinalOf(2025, 6, 9)) - region.workingDaysUpTo(thursday)).toBe(1);
  });

  it.each(['2019-12-31', '2028-01-01'])(
    'refuses a regional holiday outside the calendar’s years: %s (YEAR_UNKNOWN)',
    (date) => {
      const e = errorOf(() => federal.withRegionalHolidays([{ date, reason: 'вне календаря' }]));
      expect(e.code).toBe(CalendarErrorCode.YEAR_UNKNOWN);
      expect(e.details).toMatchObject({ date });
    },
  );
});

describe('WorkingCalendar: definitions', () => {
  const shipped = shippedYears();

  it('refuses no years, a duplicate year, and a day listed under another year (INVALID_DEFINITION)', () => {
    expect(errorOf(() => new WorkingCalendar([])).code).toBe(CalendarErrorCode.INVALID_DEFINITION);
    expect(errorOf(() => new WorkingCalendar([shipped[0], shipped[0]])).code).toBe(
      CalendarErrorCode.INVALID_DEFINITION,
    );
    const misplaced = { ...shipped[5], days: [{ ...shipped[5].days[0], date: '2024-12-31' }] };
    expect(errorOf(() => new WorkingCalendar([misplaced])).details).toEqual({ year: 2025, date: '2024-12-31' });
  });

  it('takes years in any order and answers with them sorted', () => {
    const cal = new WorkingCalendar([shipped[6], shipped[5]]);
    expect(cal.definitions().map((y) => y.year)).toEqual([2025, 2026]);
    expect(cal.coverage()).toEqual({ from: '2025-01-01', to: '2026-12-31', weakYears: [] });
    expect(cal.isWorkingDay('2025-01-09')).toBe(true);
  });

  it('follows Mon–Fri on days the decree does not list', () => {
    expect(federal.dayInfo('2025-06-09')).toEqual({
      date: '2025-06-09',
      working: true,
      shortened: false,
      kind: 'working',
      reason: 'Рабочий день',
    });
    expect(federal.dayInfo('2025-06-08')).toEqual({
      date: '2025-06-08',
      working: false,
      shortened: false,
      kind: 'weekend',
      reason: 'Выходной день',
    });
    expect(federal.dayInfo('2025-06-11')).toMatchObject({ working: true, shortened: true, kind: 'shortened' });
  });
});

describe('WorkingCalendar: counting at the edges of the data', () => {
  const first = ordinalOf(2020, 1, 1);
  const last = ordinalOf(2027, 12, 31);

  it('counts from the day before the coverage, and no further', () => {
    expect(federal.workingDaysUpTo(first - 1)).toBe(0);
    expect(errorOf(() => federal.workingDaysUpTo(first - 2)).code).toBe(CalendarErrorCode.YEAR_UNKNOWN);
    expect(federal.workingDaysUpTo(last)).toBe(219 + 240 + 247 + 247 + 248 + 247 + 247 + 247);
    expect(errorOf(() => federal.workingDaysUpTo(last + 1)).details).toMatchObject({ date: '2028-01-01' });
  });

  it('finds the n-th working day after a date only inside the data (YEAR_UNKNOWN naming the first unknown day)', () => {
    // 2020: 1–8 January are holidays; the first working day is Thursday 9 January.
    expect(dateOfOrdinal(federal.nthWorkingDayAfter(first - 1, 1))).toBe('2020-01-09');
    expect(dateOfOrdinal(federal.nthWorkingDayAfter(first, 2))).toBe('2020-01-10');
    const lastWorking = federal.workingDayBackFrom(last, 0);
    expect(dateOfOrdinal(federal.nthWorkingDayAfter(lastWorking - 1, 1))).toBe(dateOfOrdinal(lastWorking));
    const e = errorOf(() => federal.nthWorkingDayAfter(lastWorking, 1));
    expect(e.details).toMatchObject({ date: '2028-01-01', year: 2028 });
  });

  it('searches back for working days only inside the data', () => {
    expect(dateOfOrdinal(federal.workingDayBackFrom(ordinalOf(2020, 1, 12), 0))).toBe('2020-01-10');
    expect(dateOfOrdinal(federal.workingDayBackFrom(ordinalOf(2020, 1, 12), 1))).toBe('2020-01-09');
    const e = errorOf(() => federal.workingDayBackFrom(ordinalOf(2020, 1, 12), 2));
    expect(e.details).toMatchObject({ date: '2019-12-31', year: 2019 });
  });

  it('refuses to say whether a day outside the data is shortened', () => {
    expect(errorOf(() => federal.isShortened('2028-01-03')).code).toBe(CalendarErrorCode.YEAR_UNKNOWN);
    expect(errorOf(() => federal.isShortenedOrdinal(first - 1)).code).toBe(CalendarErrorCode.YEAR_UNKNOWN);
  });
});

describe('dates (strict YYYY-MM-DD of a real day)', () => {
  it.each([
    '2025-06-31',
    '2025-04-31',
    '2025-09-31',
    '2025-11-31',
    '2025-01-00',
    '2025-00-01',
    '2025-01-32',
    '1900-02-29',
    '2100-02-29',
    ' 2025-01-01',
    'x2025-01-01',
    '2025-01-01 ',
    '2025-01-01x',
    '20250-01-01',
  ])('rejects %j (INVALID_DATE)', (value) => {
    const e = errorOf(() => parseDateOrdinal(value, 'from'));
    expect(e.code).toBe(CalendarErrorCode.INVALID_DATE);
    expect(e.details).toEqual({ value, field: 'from' });
  });

  it('rejects what is not a string, without naming a field it was not given', () => {
    const e = errorOf(() => parseDateOrdinal(20250101));
    expect(e.code).toBe(CalendarErrorCode.INVALID_DATE);
    expect(e.details).toEqual({ value: 20250101 });
  });

  it.each([
    ['2025-01-31', 31],
    ['2025-03-31', 31],
    ['2025-05-31', 31],
    ['2025-07-31', 31],
    ['2025-08-31', 31],
    ['2025-10-31', 31],
    ['2025-12-31', 31],
    ['2000-02-29', 29],
    ['2024-02-29', 29],
    ['2025-02-28', 28],
  ])('accepts the last day of a month, %s', (value, day) => {
    expect(dateOfOrdinal(parseDateOrdinal(value))).toBe(value);
    expect(daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)))).toBe(day);
  });

  it('numbers weekdays 1 = Monday … 7 = Sunday, before 1970 too', () => {
    expect(isoWeekdayOf(ordinalOf(1970, 1, 1))).toBe(4);
    expect(isoWeekdayOf(ordinalOf(2025, 6, 9))).toBe(1);
    expect(isoWeekdayOf(ordinalOf(2025, 6, 8))).toBe(7);
    expect(isoWeekdayOf(ordinalOf(1969, 12, 28))).toBe(7);
    expect(isoWeekdayOf(ordinalOf(1600, 3, 1))).toBe(3);
  });

  it('finds the year of the first and last day of a year, across centuries', () => {
    for (const year of [1600, 1700, 1900, 1969, 2000, 2024, 2100, 2400]) {
      expect(yearOfOrdinal(ordinalOf(year, 1, 1))).toBe(year);
      expect(yearOfOrdinal(ordinalOf(year, 12, 31))).toBe(year);
      expect(dateOfOrdinal(ordinalOf(year, 2, 28) + 1)).toBe(
        daysInMonth(year, 2) === 29 ? `${year}-02-29` : `${year}-03-01`,
      );
    }
    expect(dateOfOrdinal(ordinalOf(999, 12, 31))).toBe('0999-12-31');
  });
});
