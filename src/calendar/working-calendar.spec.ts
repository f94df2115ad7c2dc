import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { WorkingCalendar, dateOfOrdinal, ordinalOf } from './working-calendar';
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
