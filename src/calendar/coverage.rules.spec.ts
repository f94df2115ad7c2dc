import { nextYearMissingWarning } from './coverage.rules';

const coverage = { from: '2020-01-01', to: '2027-12-31', weakYears: [2027] };

describe('nextYearMissingWarning (DOMAIN.md §7: the calendar is data that must be kept current)', () => {
  it('stays silent before 1 October', () => {
    expect(nextYearMissingWarning('2027-09-30', coverage)).toBeUndefined();
  });

  it('warns from 1 October when the next year is missing', () => {
    expect(nextYearMissingWarning('2027-10-01', coverage)).toContain('add 2028');
    expect(nextYearMissingWarning('2027-12-31', coverage)).toContain('2027-12-31');
  });

  it('stays silent when the next year is already there', () => {
    expect(nextYearMissingWarning('2026-11-23', coverage)).toBeUndefined();
  });

  it('warns past the end of coverage, asking first for the first missing year', () => {
    expect(nextYearMissingWarning('2028-02-01', coverage)).toContain('add 2028');
    expect(nextYearMissingWarning('2029-02-01', coverage)).toContain('add 2028');
  });
});
