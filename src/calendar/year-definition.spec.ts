import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { WorkingCalendar } from './working-calendar';
import { YearDefinition, asYearDefinition, mergeYear, shippedYears } from './year-definition';

function yearOf(y: number): YearDefinition {
  const found = shippedYears().find((d) => d.year === y);
  if (!found) throw new Error(`no ${y}`);
  return found;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CalendarError ? e.code : `not a CalendarError: ${String(e)}`;
  }
  return undefined;
}

const mskSource = {
  kind: 'transfer_decree' as const,
  title: 'Тестовое постановление',
  number: '1',
  date: '2027-01-15',
};

describe('shipped production calendar', () => {
  it('ships the federal years 2020–2027, 2027 marked weak (its decree is seen in code repositories only)', () => {
    const years = shippedYears();
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(years.filter((y) => y.status === 'weak').map((y) => y.year)).toEqual([2027]);
  });

  it.each(shippedYears().map((y) => [y.year, y] as const))(
    'cites Labour Code art. 112 and the transfer decree with number and date (%i)',
    (_year, y) => {
      expect(y.sources.some((s) => s.kind === 'labour_code' && s.title.includes('112'))).toBe(true);
      const decree = y.sources.find((s) => s.kind === 'transfer_decree');
      expect(decree?.number).toMatch(/^\d+$/);
      expect(decree?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const d of y.days) expect(d.reason).toMatch(/[а-яА-Я]/);
    },
  );

  it('lists all 14 art. 112 holidays of a year, even those on a weekend (2025-03-08 is a Saturday)', () => {
    expect(yearOf(2025).days.filter((d) => d.kind === 'holiday')).toHaveLength(14);
    expect(yearOf(2025).days.find((d) => d.date === '2025-03-08')).toEqual({
      date: '2025-03-08',
      kind: 'holiday',
      reason: 'Международный женский день (ТК РФ ст.112)',
    });
  });

  it('records an art. 112 part 2 automatic transfer as a transferred day off (2026-03-09)', () => {
    expect(yearOf(2026).days.find((d) => d.date === '2026-03-09')?.kind).toBe('transferred_day_off');
  });

  it('cites the presidential decrees of the 2020 non-working days', () => {
    const numbers = yearOf(2020)
      .sources.filter((s) => s.kind === 'presidential_decree')
      .map((s) => s.number);
    expect(numbers).toEqual(['206', '239', '294', '345', '354']);
  });

  it('returns copies, so a caller cannot change the shipped data', () => {
    shippedYears()[0].days.length = 0;
    expect(shippedYears()[0].days.length).toBeGreaterThan(0);
  });
});

describe('mergeYear (database overrides win over the shipped data)', () => {
  it('lets a day override replace a shipped entry and adds its source once', () => {
    const merged = mergeYear(yearOf(2027), {
      year: 2027,
      days: [
        { date: '2027-11-05', kind: 'working', reason: 'Рабочий день (тестовое постановление)', source: mskSource },
        {
          date: '2027-11-13',
          kind: 'working_weekend',
          reason: 'Рабочая суббота (тестовое постановление)',
          source: mskSource,
        },
      ],
    });
    const cal = new WorkingCalendar([merged]);
    expect(cal.dayInfo('2027-11-05')).toMatchObject({ working: true, kind: 'working' });
    expect(cal.dayInfo('2027-11-13')).toMatchObject({ working: true, kind: 'working_weekend' });
    expect(merged.sources.filter((s) => s.title === 'Тестовое постановление')).toHaveLength(1);
    expect(merged.status).toBe('weak');
  });

  it('replaces a whole year with a definition from the database', () => {
    const replacement = { year: 2027, status: 'confirmed' as const, sources: [mskSource], days: [] };
    const merged = mergeYear(yearOf(2027), { year: 2027, definition: replacement });
    expect(merged.status).toBe('confirmed');
    expect(merged.days).toEqual([]);
  });

  it('refuses to invent a year from day overrides alone (YEAR_UNKNOWN)', () => {
    expect(
      codeOf(() =>
        mergeYear(undefined, {
          year: 2028,
          days: [{ date: '2028-01-01', kind: 'holiday', reason: 'Новогодние каникулы', source: mskSource }],
        }),
      ),
    ).toBe(CalendarErrorCode.YEAR_UNKNOWN);
  });

  it('rejects an override dated in another year (INVALID_DEFINITION)', () => {
    expect(
      codeOf(() =>
        mergeYear(yearOf(2027), {
          year: 2027,
          days: [{ date: '2026-12-30', kind: 'holiday', reason: 'x', source: mskSource }],
        }),
      ),
    ).toBe(CalendarErrorCode.INVALID_DEFINITION);
  });

  it.each([
    ['an unknown kind', { ...yearOf(2025), days: [{ date: '2025-05-05', kind: 'day_off', reason: 'x' }] }],
    ['an impossible date', { ...yearOf(2025), days: [{ date: '2025-02-29', kind: 'holiday', reason: 'x' }] }],
    ['a duplicate date', { ...yearOf(2025), days: [yearOf(2025).days[0], yearOf(2025).days[0]] }],
    ['an unknown status', { ...yearOf(2025), status: 'draft' }],
  ])('rejects a definition with %s (INVALID_DEFINITION)', (_what, raw) => {
    expect(codeOf(() => asYearDefinition(raw))).toBe(CalendarErrorCode.INVALID_DEFINITION);
  });
});
