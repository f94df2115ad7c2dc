import ProdCal from 'prod-cal';
import { WorkingCalendar, dateOfOrdinal, ordinalOf } from './working-calendar';
import { shippedYears } from './year-definition';

/**
 * Cross-check against the independent npm package prod-cal (3.0.8, data 1999–2025). For a year
 * it has no data for, it answers "work" for every day, weekends included, so 2026–2027 cannot be
 * compared. Everywhere else it must agree with us, except these days, where the reference
 * (shared/reference/ru-production-calendar.json) shows the package is wrong or outdated.
 */
const KNOWN_PACKAGE_ERRATA: Record<string, string> = {
  // Presidential decrees № 206, 239 and 294 of 2020 (COVID) made these weekdays non-working; the
  // package keeps them working, and still shortens 30 Apr and 8 May as first planned. It does
  // have the later decrees (24 Jun, 1 Jul 2020; 4–7 May 2021), so this is missing data.
  ...Object.fromEntries(
    [...range('2020-03-30', '2020-04-03'), ...range('2020-04-06', '2020-04-30'), ...range('2020-05-06', '2020-05-08')]
      .filter((d) => isWeekday(d))
      .map((d) => [d, 'COVID non-working day (Указы 206/239/294 of 2020) missing in prod-cal']),
  ),
  // Presidential decree № 595 of 20.10.2021: 30 Oct – 7 Nov 2021 non-working.
  '2021-11-01': 'Указ № 595 of 2021 missing in prod-cal',
  '2021-11-02': 'Указ № 595 of 2021 missing in prod-cal',
  '2021-11-03': 'Указ № 595 of 2021 missing in prod-cal (it shows the planned shortened day)',
  // 31 Dec 2021 is a transferred day off, not a holiday, so art. 95 does not shorten 30 Dec; the
  // planned norm of 1972 h (247 days, 4 shortened) only adds up with 30 Dec at full length.
  '2021-12-30': 'prod-cal marks it shortened',
  // Decree № 1335 of 04.10.2024 moved the Saturday 8 Mar 2025 day off to 13 Jun, so 10 Mar is a
  // working day (no art. 112 automatic transfer); the package applied the automatic one.
  '2025-03-10': 'prod-cal marks it a day off',
};

function range(from: string, to: string): string[] {
  const out: string[] = [];
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  for (let d = ordinalOf(fy, fm, fd); d <= ordinalOf(ty, tm, td); d++) out.push(dateOfOrdinal(d));
  return out;
}

function isWeekday(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

const calendar = new WorkingCalendar(shippedYears());
const prodCal = new ProdCal('ru');

function ours(date: string): string {
  const info = calendar.dayInfo(date);
  return info.working ? (info.shortened ? 'work_reduced' : 'work') : 'holiday';
}

function theirs(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return prodCal.getDay(y, m, d);
}

describe('cross-check with the npm package prod-cal', () => {
  it('has no data for 2026 and later (it calls Sunday 2026-01-04 a working day), so only 2020–2025 are compared', () => {
    expect(theirs('2026-01-04')).toBe('work');
    expect(theirs('2025-01-05')).toBe('holiday');
  });

  it.each([2020, 2021, 2022, 2023, 2024, 2025])(
    'agrees on every day of %i except the listed package errata',
    (year) => {
      const differences: Record<string, string> = {};
      for (const date of range(`${year}-01-01`, `${year}-12-31`)) {
        if (ours(date) !== theirs(date)) differences[date] = `ours ${ours(date)}, prod-cal ${theirs(date)}`;
      }
      const expected = Object.keys(KNOWN_PACKAGE_ERRATA).filter((d) => d.startsWith(String(year)));
      expect(Object.keys(differences).sort()).toEqual(expected.sort());
    },
  );
});
