import { api, aUser, asAdmin, bearer, expectProblem } from './support/api';

const SOURCE = { kind: 'other', title: 'Тестовый нормативный акт', number: '1', date: '2026-01-15' };

describe('Working-time calendar over HTTP (DOMAIN.md §7)', () => {
  it('lists the jurisdictions with their own clocks (Khabarovsk is Asia/Vladivostok)', async () => {
    const response = await api().get('/api/v1/jurisdictions').expect(200);
    expect(response.body).toEqual(
      expect.arrayContaining([
        { code: 'khabarovsk-krai', name: 'Хабаровский край', timeZone: 'Asia/Vladivostok', closeOfBusiness: '18:00' },
        expect.objectContaining({ code: 'krasnodar-krai', timeZone: 'Europe/Moscow' }),
        expect.objectContaining({ code: 'plastunovskaya-sp', timeZone: 'Europe/Moscow' }),
        expect.objectContaining({ code: 'blagodarny-mo', timeZone: 'Europe/Moscow' }),
      ]),
    );
  });

  it('shows 2025-11-01 as a transferred working Saturday, shortened, and 3–4 November off (decree 1335)', async () => {
    const response = await api().get('/api/v1/calendar/khabarovsk-krai/days?from=2025-10-31&to=2025-11-05').expect(200);
    const byDate = Object.fromEntries(response.body.map((d: { date: string }) => [d.date, d]));
    expect(byDate['2025-11-01']).toMatchObject({ working: true, shortened: true });
    expect(byDate['2025-11-02']).toMatchObject({ working: false, kind: 'weekend', reason: 'Выходной день' });
    expect(byDate['2025-11-03']).toMatchObject({ working: false, kind: 'transferred_day_off' });
    expect(byDate['2025-11-04']).toMatchObject({ working: false, kind: 'holiday' });
    expect(byDate['2025-11-04'].reason).toMatch(/[а-я]/);
    expect(byDate['2025-11-05']).toMatchObject({ working: true, shortened: false });
    expect(response.body).toHaveLength(6);
  });

  it('starts the period on the day after the local date of the event (Civil Code art. 191): late Thursday in Moscow is Friday in Khabarovsk', async () => {
    const from = encodeURIComponent('2026-11-19T20:00:00+03:00');
    const moscow = await api().get(`/api/v1/calendar/krasnodar-krai/deadline?from=${from}&workingDays=1`).expect(200);
    expect(moscow.body).toMatchObject({
      due: '2026-11-20T18:00:00.000+03:00',
      timeZone: 'Europe/Moscow',
      workingDays: 1,
    });
    const khabarovsk = await api()
      .get(`/api/v1/calendar/khabarovsk-krai/deadline?from=${from}&workingDays=1`)
      .expect(200);
    expect(khabarovsk.body).toMatchObject({
      due: '2026-11-23T18:00:00.000+10:00',
      from: '2026-11-20T03:00:00.000+10:00',
    });
    expect(khabarovsk.body.rule).toContain('ст. 191');
  });

  it('ends the period at close of business, an hour earlier on a shortened day (art. 193–194, Labour Code art. 95)', async () => {
    // 2026-06-10 + 1 working day = Thursday 11 June, the shortened day before Russia Day.
    const response = await api()
      .get('/api/v1/calendar/blagodarny-mo/deadline?from=2026-06-10T09:00:00&workingDays=1')
      .expect(200);
    expect(response.body.due).toBe('2026-06-11T17:00:00.000+03:00');
  });

  it('moves the content plan due date to Wednesday when Friday is a holiday (Khabarovsk Положение 1 p.6)', async () => {
    const response = await api().get('/api/v1/calendar/khabarovsk-krai/content-plan-due?week=2026-W25').expect(200);
    expect(response.body).toMatchObject({ week: '2026-W25', due: '2026-06-10T17:00:00.000+10:00' });
    expect(response.body.rule).toContain('77-пр');
  });

  it('finds the penultimate working day across the New Year holidays (Khabarovsk Положение 1 p.6)', async () => {
    const response = await api().get('/api/v1/calendar/khabarovsk-krai/content-plan-due?week=2026-W02').expect(200);
    expect(response.body.due).toBe('2025-12-29T17:00:00.000+10:00');
  });

  it('rejects bad input with problems naming the parameter', async () => {
    expectProblem(
      await api().get('/api/v1/calendar/atlantis/days?from=2026-01-01&to=2026-01-02'),
      404,
      'CALENDAR.JURISDICTION_NOT_FOUND',
    );
    const badDate = await api().get('/api/v1/calendar/khabarovsk-krai/days?from=2026-02-30&to=2026-03-01');
    expectProblem(badDate, 400, 'CALENDAR.INVALID_DATE');
    expect(badDate.body.errors[0].field).toBe('from');
    const missing = await api().get('/api/v1/calendar/khabarovsk-krai/days?from=2026-01-01');
    expectProblem(missing, 400, 'COMMON.VALIDATION_FAILED');
    expect(missing.body.errors[0].field).toBe('to');
    expectProblem(
      await api().get('/api/v1/calendar/khabarovsk-krai/days?from=2026-03-01&to=2026-02-01'),
      400,
      'CALENDAR.INVALID_RANGE',
    );
    for (const n of ['-1', '366', '2.5', 'five']) {
      const response = await api().get(
        `/api/v1/calendar/khabarovsk-krai/deadline?from=2026-01-12T10:00:00Z&workingDays=${n}`,
      );
      expectProblem(response, 400, 'CALENDAR.INVALID_WORKING_DAYS');
      expect(response.body.errors[0].field).toBe('workingDays');
    }
    const badInstant = await api().get('/api/v1/calendar/khabarovsk-krai/deadline?from=yesterday&workingDays=2');
    expectProblem(badInstant, 400, 'CALENDAR.INVALID_INSTANT');
    expect(badInstant.body.errors[0].field).toBe('from');
    for (const week of ['2026-W54', '2026-w10', '2026-10']) {
      const response = await api().get(`/api/v1/calendar/khabarovsk-krai/content-plan-due?week=${week}`);
      expectProblem(response, 400, 'CALENDAR.INVALID_WEEK');
      expect(response.body.errors[0].field).toBe('week');
    }
  });

  it('answers a date outside the known calendar with CALENDAR.YEAR_UNKNOWN, never a weekday guess', async () => {
    const response = await api().get('/api/v1/calendar/krasnodar-krai/days?from=2031-01-01&to=2031-01-10');
    expectProblem(response, 422, 'CALENDAR.YEAR_UNKNOWN');
    const deadline = await api().get(
      '/api/v1/calendar/krasnodar-krai/deadline?from=2019-12-30T10:00:00Z&workingDays=3',
    );
    expectProblem(deadline, 422, 'CALENDAR.YEAR_UNKNOWN');
  });

  it('reports the covered period and the weak 2027 data on /ready and /calendar/coverage', async () => {
    const ready = await api().get('/ready').expect(200);
    expect(ready.body.calendarCoveredUntil).toMatch(/^20\d\d-12-31$/);
    expect(ready.body.calendarWeakYears).toContain(2027);
    const coverage = await api().get('/api/v1/calendar/coverage').expect(200);
    expect(coverage.body.from).toBe('2020-01-01');
    const y2025 = coverage.body.years.find((y: { year: number }) => y.year === 2025);
    expect(y2025.sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'transfer_decree', number: '1335', date: '2024-10-04' }),
      ]),
    );
  });
});

describe('Calendar corrections through the API, with history', () => {
  it('lets an admin correct one day with its act, shows it at once, keeps the history and withdraws it', async () => {
    const admin = await asAdmin();
    const before = await api().get('/api/v1/calendar/krasnodar-krai/days?from=2027-12-30&to=2027-12-30').expect(200);
    expect(before.body[0]).toMatchObject({ working: true });

    const set = await api()
      .put('/api/v1/calendar/days/2027-12-30')
      .set(bearer(admin))
      .send({
        kind: 'extra_non_working',
        reason: 'Нерабочий день (тестовый указ)',
        source: { ...SOURCE, kind: 'presidential_decree' },
      })
      .expect(200);
    expect(set.body).toMatchObject({ date: '2027-12-30', working: false, reason: 'Нерабочий день (тестовый указ)' });
    const after = await api().get('/api/v1/calendar/krasnodar-krai/days?from=2027-12-30&to=2027-12-30').expect(200);
    expect(after.body[0]).toMatchObject({ working: false, kind: 'extra_non_working' });

    const history = await api().get('/api/v1/calendar/changes?year=2027').set(bearer(admin)).expect(200);
    expect(history.body[0]).toMatchObject({
      action: 'day_set',
      date: '2027-12-30',
      before: null,
      after: expect.objectContaining({ kind: 'extra_non_working' }),
      source: expect.objectContaining({ kind: 'presidential_decree' }),
    });
    // Who made it, by name; a federal change belongs to no jurisdiction, so its instant is in UTC.
    const me = (await api().get('/api/v1/auth/me').set(bearer(admin)).expect(200)).body;
    expect(history.body[0].actor).toEqual({ id: me.userId, fullName: me.fullName, email: me.email });
    expect(history.body[0].changedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    await api().delete('/api/v1/calendar/days/2027-12-30').set(bearer(admin)).expect(204);
    const restored = await api().get('/api/v1/calendar/krasnodar-krai/days?from=2027-12-30&to=2027-12-30').expect(200);
    expect(restored.body[0]).toMatchObject({ working: true });
    const latest = await api().get('/api/v1/calendar/changes?year=2027').set(bearer(admin)).expect(200);
    expect(latest.body[0]).toMatchObject({ action: 'day_removed', after: null });
    expectProblem(
      await api().delete('/api/v1/calendar/days/2027-12-30').set(bearer(admin)),
      404,
      'CALENDAR.OVERRIDE_NOT_FOUND',
    );
  });

  it('adds next year with its decree so no release is needed, refuses a gap, and removes it again', async () => {
    const admin = await asAdmin();
    const year2028 = {
      status: 'confirmed',
      sources: [
        { kind: 'transfer_decree', title: 'О переносе выходных дней в 2028 году', number: '999', date: '2027-09-30' },
      ],
      days: [
        { date: '2028-01-03', kind: 'holiday', reason: 'Новогодние каникулы (ТК РФ ст.112)' },
        { date: '2028-01-04', kind: 'holiday', reason: 'Новогодние каникулы (ТК РФ ст.112)' },
      ],
    };
    const gap = await api()
      .put('/api/v1/calendar/years/2030')
      .set(bearer(admin))
      .send({ ...year2028, days: [{ date: '2030-01-01', kind: 'holiday', reason: 'Новогодние каникулы' }] });
    expectProblem(gap, 422, 'CALENDAR.YEAR_GAP');
    const misplaced = await api().put('/api/v1/calendar/years/2029').set(bearer(admin)).send(year2028);
    expectProblem(misplaced, 400, 'COMMON.VALIDATION_FAILED');
    expect(misplaced.body.errors[0]).toEqual({ field: 'days[0].date', message: 'дата не относится к 2029 году' });

    const added = await api().put('/api/v1/calendar/years/2028').set(bearer(admin)).send(year2028).expect(200);
    expect(added.body.to).toBe('2028-12-31');
    const days = await api().get('/api/v1/calendar/khabarovsk-krai/days?from=2028-01-03&to=2028-01-05').expect(200);
    expect(days.body.map((d: { working: boolean }) => d.working)).toEqual([false, false, true]);
    const deadline = await api()
      .get('/api/v1/calendar/khabarovsk-krai/deadline?from=2027-12-29T10:00:00%2B10:00&workingDays=2')
      .expect(200);
    expect(deadline.body.due).toBe('2028-01-05T18:00:00.000+10:00');

    await api().delete('/api/v1/calendar/years/2028').set(bearer(admin)).expect(204);
    expectProblem(
      await api().get('/api/v1/calendar/khabarovsk-krai/days?from=2028-01-03&to=2028-01-05'),
      422,
      'CALENDAR.YEAR_UNKNOWN',
    );
    const history = await api().get('/api/v1/calendar/changes?year=2028').set(bearer(admin)).expect(200);
    expect(history.body.map((c: { action: string }) => c.action)).toEqual(['year_removed', 'year_set']);
  });

  it('validates a year definition field by field and changes nothing', async () => {
    const admin = await asAdmin();
    const response = await api()
      .put('/api/v1/calendar/years/2028')
      .set(bearer(admin))
      .send({
        status: 'maybe',
        sources: [{ kind: 'rumour', title: 'x' }],
        days: [{ date: '2028-13-01', kind: 'holiday' }],
      });
    expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['status', 'sources[0].kind', 'sources[0].title', 'days[0].date', 'days[0].reason']),
    );
    const coverage = await api().get('/api/v1/calendar/coverage').expect(200);
    expect(coverage.body.years.some((y: { year: number }) => y.year === 2028)).toBe(false);
  });

  it('asks for the act of a day correction or a regional holiday before touching the database', async () => {
    const admin = await asAdmin();
    // A date no other test corrects: a first write of it used to reach the NOT NULL column and fail with 500.
    const corrections: Array<[string, Record<string, string>]> = [
      ['/api/v1/calendar/days/2027-08-11', { kind: 'holiday', reason: 'День без акта' }],
      ['/api/v1/calendar/khabarovsk-krai/regional-holidays/2027-08-11', { reason: 'День без акта' }],
    ];
    for (const [path, body] of corrections) {
      for (const source of [undefined, null, [], [[]]]) {
        const response = await api()
          .put(path)
          .set(bearer(admin))
          .send({ ...body, source });
        expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
        expect(response.body.errors[0].field).toBe('source');
      }
      const missing = await api().put(path).set(bearer(admin)).send(body);
      expect(missing.body.errors).toEqual([{ field: 'source', message: 'обязательное поле' }]);
    }
    const day = await api().get('/api/v1/calendar/khabarovsk-krai/days?from=2027-08-11&to=2027-08-11').expect(200);
    expect(day.body[0]).toMatchObject({ working: true, kind: 'working' });
  });

  it('refuses nested lists where a year definition expects day objects', async () => {
    const response = await api()
      .put('/api/v1/calendar/years/2028')
      .set(bearer(await asAdmin()))
      .send({ status: 'confirmed', sources: [SOURCE], days: [[[{}]]] });
    expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ field: 'days', message: 'ожидается объект' }]);
  });

  it('lets the coordinator of a region add a regional holiday there only', async () => {
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['blagodarny-mo'] });
    const body = { reason: 'День округа (решение Думы)', source: SOURCE };
    const set = await api()
      .put('/api/v1/calendar/blagodarny-mo/regional-holidays/2027-09-15')
      .set(bearer(coordinator.token))
      .send(body)
      .expect(200);
    expect(set.body).toMatchObject({ working: false, kind: 'regional_holiday', reason: 'День округа (решение Думы)' });
    const elsewhere = await api().get('/api/v1/calendar/krasnodar-krai/days?from=2027-09-15&to=2027-09-15').expect(200);
    expect(elsewhere.body[0].working).toBe(true);
    const deadline = await api()
      .get('/api/v1/calendar/blagodarny-mo/deadline?from=2027-09-14T12:00:00&workingDays=1')
      .expect(200);
    expect(deadline.body.due).toBe('2027-09-16T18:00:00.000+03:00');

    expectProblem(
      await api()
        .put('/api/v1/calendar/krasnodar-krai/regional-holidays/2027-09-15')
        .set(bearer(coordinator.token))
        .send(body),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
    await api()
      .delete('/api/v1/calendar/blagodarny-mo/regional-holidays/2027-09-15')
      .set(bearer(coordinator.token))
      .expect(204);
    const restored = await api().get('/api/v1/calendar/blagodarny-mo/days?from=2027-09-15&to=2027-09-15').expect(200);
    expect(restored.body[0].working).toBe(true);
  });

  it('keeps federal corrections to admins', async () => {
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['khabarovsk-krai'] });
    const response = await api()
      .put('/api/v1/calendar/days/2027-12-30')
      .set(bearer(coordinator.token))
      .send({ kind: 'holiday', reason: 'Попытка', source: SOURCE });
    expectProblem(response, 403, 'AUTH.FORBIDDEN_ROLE');
  });
});
