import ExcelJS from 'exceljs';
import { api, asAdmin, aUser, bearer, expectProblem } from './support/api';
import {
  aCoordinator,
  anItem,
  aPlanningOrganization,
  getPlan,
  planAction,
  planPath,
  putItems,
  queueOf,
  someItems,
} from './support/content-plan.builders';
import { expectStatus } from './support/pages.builders';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Week 2026-W25 runs 15–21 June; Friday 12 June (Russia Day) is a holiday. */
const W25 = '2026-W25';
const W25_MONDAY = '2026-06-15';

describe('Weekly content plan (Khabarovsk Положение 1 p.5–7)', () => {
  it('runs draft → submitted → changes_requested → resubmitted → approved with who, when and comments (p.6–7)', async () => {
    const { organization, editor } = await aPlanningOrganization();
    const coordinator = await aCoordinator();
    const created = expectStatus(
      await putItems(
        organization.id,
        W25,
        { items: someItems(W25_MONDAY, 5) },
        { token: editor.token, now: '2026-06-08T12:00:00+10:00' },
      ),
      200,
    );
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      weekStart: '2026-06-15',
      weekEnd: '2026-06-21',
      itemCount: 5,
      deadlines: { submissionDueAt: '2026-06-10T17:00:00.000+10:00', reviewDueAt: null },
      quota: { minimumPerWeek: 5, planned: 5, shortfall: 0, excused: false },
      allowedActions: ['edit', 'submit', 'declare_no_news'],
      late: [],
    });

    const submitted = expectStatus(
      await planAction(organization.id, W25, 'submit', {
        token: editor.token,
        version: 1,
        now: '2026-06-10T16:30:00+10:00',
      }),
      200,
    ).body;
    // p.7: one working day after receipt: Thursday 11 June is a shortened pre-holiday day, closing at 17:00.
    expect(submitted).toMatchObject({
      status: 'submitted',
      version: 2,
      submittedAt: '2026-06-10T16:30:00.000+10:00',
      deadlines: { reviewDueAt: '2026-06-11T17:00:00.000+10:00' },
      late: [],
    });

    const secondItem = submitted.items[1];
    const requested = expectStatus(
      await planAction(
        organization.id,
        W25,
        'request-changes',
        { token: coordinator.token, version: 2, now: '2026-06-11T10:00:00+10:00' },
        { comment: 'Добавьте видео', itemComments: [{ itemId: secondItem.id, comment: 'Перенесите на утро' }] },
      ),
      200,
    ).body;
    // Friday 12 June is a holiday and 13–14 a weekend: the resubmission is due Monday 15 June, 18:00.
    expect(requested).toMatchObject({
      status: 'changes_requested',
      version: 3,
      reviewedAt: '2026-06-11T10:00:00.000+10:00',
      deadlines: { resubmissionDueAt: '2026-06-15T18:00:00.000+10:00' },
    });

    const edited = expectStatus(
      await putItems(
        organization.id,
        W25,
        { items: [...someItems(W25_MONDAY, 5), anItem('2026-06-17', { format: 'video', topic: 'Видео' })] },
        { token: editor.token, version: 3, now: '2026-06-11T15:00:00+10:00' },
      ),
      200,
    ).body;
    expect(edited).toMatchObject({ status: 'changes_requested', version: 4, itemCount: 6 });

    const resubmitted = expectStatus(
      await planAction(organization.id, W25, 'submit', {
        token: editor.token,
        version: 4,
        now: '2026-06-11T16:00:00+10:00',
      }),
      200,
    ).body;
    expect(resubmitted).toMatchObject({
      status: 'resubmitted',
      version: 5,
      submittedAt: '2026-06-10T16:30:00.000+10:00',
      lastSubmittedAt: '2026-06-11T16:00:00.000+10:00',
      deadlines: { reviewDueAt: '2026-06-15T18:00:00.000+10:00' },
    });

    // Two coordinators approve the same version at once: one wins, the other is refused with 409.
    const other = await aCoordinator();
    const both = await Promise.all(
      [coordinator, other].map((c) =>
        planAction(
          organization.id,
          W25,
          'approve',
          { token: c.token, version: 5, now: '2026-06-15T09:00:00+10:00' },
          { comment: 'Согласовано' },
        ),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expectProblem(
      both.find((r) => r.status === 409)!,
      409,
      'CONTENT_PLAN.VERSION_CONFLICT',
    );
    const again = await planAction(organization.id, W25, 'approve', { token: coordinator.token, version: 5 });
    expectProblem(again, 409, 'CONTENT_PLAN.VERSION_CONFLICT');

    const approved = expectStatus(await getPlan(organization.id, W25, { token: editor.token }), 200).body;
    expect(approved).toMatchObject({ status: 'approved', version: 6, allowedActions: [], late: [] });
    expect(approved.history.map((t: any) => [t.action, t.from, t.to, t.role])).toEqual([
      ['edit', null, 'draft', 'editor'],
      ['submit', 'draft', 'submitted', 'editor'],
      ['request_changes', 'submitted', 'changes_requested', 'coordinator'],
      ['edit', 'changes_requested', 'changes_requested', 'editor'],
      ['submit', 'changes_requested', 'resubmitted', 'editor'],
      ['approve', 'resubmitted', 'approved', 'coordinator'],
    ]);
    expect(approved.history[2]).toMatchObject({
      by: coordinator.id,
      at: '2026-06-11T10:00:00.000+10:00',
      comment: 'Добавьте видео',
      itemComments: [{ itemId: secondItem.id, position: 2, topic: secondItem.topic, comment: 'Перенесите на утро' }],
      dueAt: '2026-06-11T17:00:00.000+10:00',
      lateByMinutes: 0,
    });
    expect(approved.history[5].comment).toBe('Согласовано');
  });

  it('offers each caller only the actions its role may take: the editor sends, the coordinator reviews, a viewer none (p.6–7)', async () => {
    const { organization, editor } = await aPlanningOrganization();
    const coordinator = await aCoordinator();
    const viewer = await aUser({ role: 'viewer' });
    const admin = await asAdmin();
    const offered = async (token: string) =>
      expectStatus(await getPlan(organization.id, W25, { token }), 200).body.allowedActions;

    expectStatus(
      await putItems(
        organization.id,
        W25,
        { items: someItems(W25_MONDAY, 5) },
        { token: editor.token, now: '2026-06-08T12:00:00+10:00' },
      ),
      200,
    );
    expect(await offered(editor.token)).toEqual(['edit', 'submit', 'declare_no_news']);
    expect(await offered(coordinator.token)).toEqual([]);
    expect(await offered(viewer.token)).toEqual([]);
    expect(await offered(admin)).toEqual(['edit', 'submit', 'declare_no_news']);

    const submitted = expectStatus(
      await planAction(organization.id, W25, 'submit', {
        token: editor.token,
        version: 1,
        now: '2026-06-09T12:00:00+10:00',
      }),
      200,
    ).body;
    // The answer to an action is the actor's view too: the editor who sent it may not approve it.
    expect(submitted.allowedActions).toEqual([]);
    expect(await offered(editor.token)).toEqual([]);
    expect(await offered(coordinator.token)).toEqual(['approve', 'request_changes']);
    expect(await offered(viewer.token)).toEqual([]);
    expect(await offered(admin)).toEqual(['approve', 'request_changes']);

    // What is not offered is refused, and what is offered is taken.
    expectProblem(
      await planAction(organization.id, W25, 'approve', { token: editor.token, version: 2 }),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
    expectProblem(
      await planAction(organization.id, W25, 'approve', { token: viewer.token, version: 2 }),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
    const requested = expectStatus(
      await planAction(
        organization.id,
        W25,
        'request-changes',
        { token: coordinator.token, version: 2, now: '2026-06-09T15:00:00+10:00' },
        {
          comment: 'Добавьте видео',
        },
      ),
      200,
    ).body;
    expect(requested.allowedActions).toEqual([]);
    expect(await offered(editor.token)).toEqual(['edit', 'submit', 'declare_no_news']);
    expectProblem(
      await planAction(organization.id, W25, 'submit', { token: coordinator.token, version: 3 }),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
  });

  it('refuses every step out of turn with its code and changes nothing (p.7: a sent plan is changed only through the workflow)', async () => {
    const { organization, editor } = await aPlanningOrganization();
    const coordinator = await aCoordinator();
    const stranger = await aPlanningOrganization();
    const viewer = await aUser({ role: 'viewer' });
    const W = '2026-W26';

    expectProblem(await getPlan(organization.id, W, { token: editor.token }), 404, 'CONTENT_PLAN.PLAN_NOT_FOUND');
    expectProblem(
      await planAction(organization.id, W, 'submit', { token: editor.token, version: 1 }),
      404,
      'CONTENT_PLAN.PLAN_NOT_FOUND',
    );
    expectProblem(
      await putItems(
        organization.id,
        W,
        { items: [anItem('2026-06-28'), anItem('2026-06-29')] },
        { token: editor.token },
      ),
      422,
      'CONTENT_PLAN.ITEMS_INVALID',
    );
    expectProblem(
      await putItems(
        organization.id,
        W,
        { items: someItems('2026-06-22', 5), insufficientEventsReason: 'мало поводов' },
        { token: editor.token },
      ),
      422,
      'CONTENT_PLAN.INSUFFICIENT_EVENTS_NOT_APPLICABLE',
    );
    expectProblem(
      await putItems(organization.id, W, { items: [] }, { token: coordinator.token }),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
    expectProblem(
      await putItems(organization.id, W, { items: [] }, { token: viewer.token }),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
    expectProblem(
      await putItems(organization.id, W, { items: [] }, { token: stranger.editor.token }),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
    expectProblem(await getPlan(organization.id, 'W26-2026', { token: editor.token }), 400, 'CALENDAR.INVALID_WEEK');

    expectStatus(await putItems(organization.id, W, { items: [] }, { token: editor.token }), 200);
    expectProblem(
      await planAction(organization.id, W, 'submit', { token: editor.token, version: 1 }),
      422,
      'CONTENT_PLAN.EMPTY_PLAN',
    );
    expectProblem(
      await putItems(organization.id, W, { items: someItems('2026-06-22', 2) }, { token: editor.token }),
      428,
      'CONTENT_PLAN.VERSION_REQUIRED',
    );
    expectProblem(
      await putItems(organization.id, W, { items: someItems('2026-06-22', 2) }, { token: editor.token, version: 7 }),
      409,
      'CONTENT_PLAN.VERSION_CONFLICT',
    );
    expectStatus(
      await putItems(organization.id, W, { items: someItems('2026-06-22', 2) }, { token: editor.token, version: 1 }),
      200,
    );
    expectProblem(
      await planAction(organization.id, W, 'approve', { token: coordinator.token, version: 2 }),
      409,
      'CONTENT_PLAN.TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await planAction(
        organization.id,
        W,
        'request-changes',
        { token: coordinator.token, version: 2 },
        { comment: 'x' },
      ),
      409,
      'CONTENT_PLAN.TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await planAction(organization.id, W, 'approve', { token: editor.token, version: 2 }),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
    expectProblem(
      await planAction(organization.id, W, 'submit', { token: coordinator.token, version: 2 }),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
    expectStatus(await planAction(organization.id, W, 'submit', { token: editor.token, version: 2 }), 200);

    expectProblem(
      await putItems(organization.id, W, { items: someItems('2026-06-22', 3) }, { token: editor.token, version: 3 }),
      409,
      'CONTENT_PLAN.NOT_EDITABLE',
    );
    expectProblem(
      await planAction(organization.id, W, 'submit', { token: editor.token, version: 3 }),
      409,
      'CONTENT_PLAN.TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await planAction(
        organization.id,
        W,
        'declare-no-news',
        { token: editor.token, version: 3 },
        { reason: 'нет поводов' },
      ),
      409,
      'CONTENT_PLAN.TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await planAction(organization.id, W, 'request-changes', { token: coordinator.token, version: 3 }, {}),
      422,
      'CONTENT_PLAN.RECOMMENDATIONS_REQUIRED',
    );
    expectProblem(
      await planAction(
        organization.id,
        W,
        'request-changes',
        { token: coordinator.token, version: 3 },
        { itemComments: [{ itemId: '00000000-0000-4000-8000-000000000000', comment: 'x' }] },
      ),
      422,
      'CONTENT_PLAN.ITEM_NOT_FOUND',
    );
    expectProblem(
      await planAction(organization.id, W, 'approve', { token: coordinator.token }),
      428,
      'CONTENT_PLAN.VERSION_REQUIRED',
    );
    const other = await aCoordinator('blagodarny-mo');
    expectProblem(
      await planAction(organization.id, W, 'approve', { token: other.token, version: 3 }),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );

    const unchanged = expectStatus(await getPlan(organization.id, W, { token: editor.token }), 200).body;
    expect(unchanged).toMatchObject({ status: 'submitted', version: 3, itemCount: 2 });
    expect(unchanged.history).toHaveLength(3);
    expectStatus(await planAction(organization.id, W, 'approve', { token: coordinator.token, version: 3 }), 200);
    expectProblem(
      await planAction(
        organization.id,
        W,
        'request-changes',
        { token: coordinator.token, version: 4 },
        { comment: 'x' },
      ),
      409,
      'CONTENT_PLAN.TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await putItems(organization.id, W, { items: someItems('2026-06-22', 1) }, { token: editor.token, version: 4 }),
      409,
      'CONTENT_PLAN.NOT_EDITABLE',
    );
  });

  it('answers CONTENT_PLAN.NOT_REQUIRED where the acts set no weekly plan (Blagodarny)', async () => {
    const { organization, editor } = await aPlanningOrganization({
      jurisdiction: 'blagodarny-mo',
      kind: 'subordinate_organization',
    });
    const response = await putItems(organization.id, W25, { items: someItems(W25_MONDAY, 3) }, { token: editor.token });
    expectProblem(response, 422, 'CONTENT_PLAN.NOT_REQUIRED');
    expect(response.body.jurisdiction).toBe('blagodarny-mo');
    expectProblem(
      await api()
        .get('/api/v1/content-plans')
        .query({ jurisdiction: 'blagodarny-mo', week: W25 })
        .set(bearer(await asAdmin())),
      422,
      'CONTENT_PLAN.NOT_REQUIRED',
    );
  });

  it('flags a plan submitted at 17:01 Khabarovsk time (10:01 Moscow) as late, without blocking it (Положение 1 p.6)', async () => {
    const { organization, editor } = await aPlanningOrganization();
    const W = '2026-W10';
    expectStatus(
      await putItems(organization.id, W, { items: someItems('2026-03-02', 5) }, { token: editor.token }),
      200,
    );
    const late = expectStatus(
      await planAction(organization.id, W, 'submit', {
        token: editor.token,
        version: 1,
        now: '2026-02-26T10:01:00+03:00',
      }),
      200,
    ).body;
    expect(late.deadlines.submissionDueAt).toBe('2026-02-26T17:00:00.000+10:00');
    expect(late.submittedAt).toBe('2026-02-26T17:01:00.000+10:00');
    expect(late.status).toBe('submitted');
    expect(late.late).toEqual([
      {
        kind: 'submission',
        dueAt: '2026-02-26T17:00:00.000+10:00',
        doneAt: '2026-02-26T17:01:00.000+10:00',
        lateByMinutes: 1,
      },
    ]);
    expect(late.history[1].lateByMinutes).toBe(1);

    const { organization: onTime, editor: onTimeEditor } = await aPlanningOrganization();
    expectStatus(
      await putItems(onTime.id, W, { items: someItems('2026-03-02', 5) }, { token: onTimeEditor.token }),
      200,
    );
    const punctual = expectStatus(
      await planAction(onTime.id, W, 'submit', {
        token: onTimeEditor.token,
        version: 1,
        now: '2026-02-26T10:00:00+03:00',
      }),
      200,
    ).body;
    expect(punctual.late).toEqual([]);
  });

  it('gives the review one working day across a weekend and flags a late review (p.7)', async () => {
    const { organization, editor } = await aPlanningOrganization();
    const coordinator = await aCoordinator();
    const W = '2026-W11';
    expectStatus(
      await putItems(organization.id, W, { items: someItems('2026-03-09', 5) }, { token: editor.token }),
      200,
    );
    // Submitted on Friday 27 February: the review is due Monday 2 March at close of business (18:00).
    const submitted = expectStatus(
      await planAction(organization.id, W, 'submit', {
        token: editor.token,
        version: 1,
        now: '2026-02-27T15:00:00+10:00',
      }),
      200,
    ).body;
    expect(submitted.deadlines.reviewDueAt).toBe('2026-03-02T18:00:00.000+10:00');
    const pending = (
      await queueOf(W, coordinator.token, { status: 'awaiting_review' }, '2026-03-03T09:00:00+10:00')
    ).body.items.find((p: any) => p.organizationId === organization.id);
    expect(pending.late).toContainEqual({
      kind: 'review',
      dueAt: '2026-03-02T18:00:00.000+10:00',
      doneAt: null,
      lateByMinutes: 900,
    });
    const approved = expectStatus(
      await planAction(organization.id, W, 'approve', {
        token: coordinator.token,
        version: 2,
        now: '2026-03-03T09:00:00+10:00',
      }),
      200,
    ).body;
    expect(approved.late).toContainEqual({
      kind: 'review',
      dueAt: '2026-03-02T18:00:00.000+10:00',
      doneAt: '2026-03-03T09:00:00.000+10:00',
      lateByMinutes: 900,
    });
  });

  it.each([
    ['2026-W25', '2026-06-10T17:00:00.000+10:00', 'Friday 12 June is a holiday: due Wednesday'],
    ['2026-W02', '2025-12-29T17:00:00.000+10:00', 'New Year holidays'],
  ])('stores the submission deadline of %s as %s (%s, p.6)', async (week, due) => {
    const { organization, editor } = await aPlanningOrganization();
    const plan = expectStatus(await putItems(organization.id, week, { items: [] }, { token: editor.token }), 200).body;
    expect(plan.deadlines.submissionDueAt).toBe(due);
  });

  it('stores the deadline of the week of 3 November 2025 from the calendar: Saturday 1 November is a working day (p.6)', async () => {
    const calendar = await api().get('/api/v1/calendar/khabarovsk-krai/content-plan-due?week=2025-W45').expect(200);
    expect(calendar.body.due).toBe('2025-10-31T17:00:00.000+10:00');
    const { organization, editor } = await aPlanningOrganization();
    const plan = expectStatus(
      await putItems(organization.id, '2025-W45', { items: [] }, { token: editor.token }),
      200,
    ).body;
    expect(plan.deadlines.submissionDueAt).toBe(calendar.body.due);
  });

  it('lets the organization declare no newsworthy events, which replaces the plan (p.5 last paragraph)', async () => {
    const { organization, editor } = await aPlanningOrganization();
    const W = '2026-W27';
    expectStatus(
      await putItems(organization.id, W, { items: someItems('2026-06-29', 2) }, { token: editor.token }),
      200,
    );
    const declared = expectStatus(
      await planAction(
        organization.id,
        W,
        'declare-no-news',
        { token: editor.token, version: 1, now: '2026-06-25T12:00:00+10:00' },
        { reason: 'Поводов нет' },
      ),
      200,
    ).body;
    expect(declared).toMatchObject({
      status: 'no_news_declared',
      itemCount: 0,
      items: [],
      noNewsReason: 'Поводов нет',
      quota: null,
      late: [],
    });
    expectProblem(
      await planAction(organization.id, W, 'submit', { token: editor.token, version: 2 }),
      409,
      'CONTENT_PLAN.TRANSITION_NOT_ALLOWED',
    );

    // Without any plan at all.
    const fresh = await aPlanningOrganization();
    const direct = expectStatus(
      await planAction(
        fresh.organization.id,
        W,
        'declare-no-news',
        { token: fresh.editor.token },
        { reason: 'Нет событий' },
      ),
      200,
    ).body;
    expect(direct).toMatchObject({ status: 'no_news_declared', version: 1 });
  });

  it('excuses fewer items than the weekly minimum when the plan says why (p.5 ¶3)', async () => {
    const { organization, editor } = await aPlanningOrganization();
    const plan = expectStatus(
      await putItems(
        organization.id,
        '2026-W28',
        { items: someItems('2026-07-06', 3), insufficientEventsReason: 'На неделе три значимых события' },
        { token: editor.token },
      ),
      200,
    ).body;
    expect(plan.quota).toMatchObject({
      minimumPerWeek: 5,
      planned: 3,
      shortfall: 2,
      excused: true,
      clause: 'Положение 1 п.5 абз.2–3',
    });
    expect(plan.insufficientEventsReason).toBe('На неделе три значимых события');
  });

  it("copies last week's plan as a draft and adds recurring events from templates", async () => {
    const { organization, editor } = await aPlanningOrganization();
    expectStatus(
      await putItems(organization.id, '2026-W29', { items: someItems('2026-07-13', 2) }, { token: editor.token }),
      200,
    );
    const copy = expectStatus(
      await planAction(organization.id, '2026-W30', 'copy-previous', { token: editor.token }),
      200,
    ).body;
    expect(copy).toMatchObject({ status: 'draft', version: 1 });
    expect(copy.items.map((i: any) => [i.plannedOn, i.topic])).toEqual([
      ['2026-07-20', 'Тема 1'],
      ['2026-07-21', 'Тема 2'],
    ]);
    expectProblem(
      await planAction(organization.id, '2026-W30', 'copy-previous', { token: editor.token, version: 1 }),
      409,
      'CONTENT_PLAN.ALREADY_EXISTS',
    );
    expectProblem(
      await planAction(organization.id, '2026-W33', 'copy-previous', { token: editor.token }),
      422,
      'CONTENT_PLAN.NOTHING_TO_COPY',
    );

    expectProblem(
      await planAction(organization.id, '2026-W30', 'apply-templates', { token: editor.token, version: 1 }),
      422,
      'CONTENT_PLAN.NO_TEMPLATES',
    );
    const template = await api()
      .post(`/api/v1/organizations/${organization.id}/content-plan-templates`)
      .set(bearer(editor.token))
      .send({
        title: 'Оперативное совещание',
        weekday: 1,
        plannedTime: '11:00',
        networks: ['vk', 'ok'],
        topic: 'Итоги совещания',
        format: 'cards',
      })
      .expect(201);
    const listed = await api()
      .get(`/api/v1/organizations/${organization.id}/content-plan-templates`)
      .set(bearer(editor.token))
      .expect(200);
    expect(listed.body.map((t: any) => t.id)).toEqual([template.body.id]);
    const withTemplates = expectStatus(
      await planAction(organization.id, '2026-W30', 'apply-templates', { token: editor.token, version: 1 }),
      200,
    ).body;
    expect(withTemplates.version).toBe(2);
    expect(withTemplates.items[2]).toMatchObject({
      plannedOn: '2026-07-20',
      plannedTime: '11:00',
      networks: ['vk', 'ok'],
      topic: 'Итоги совещания',
      format: 'cards',
    });
    await api()
      .delete(`/api/v1/organizations/${organization.id}/content-plan-templates/${template.body.id}`)
      .set(bearer(editor.token))
      .expect(204);
    expectProblem(
      await api()
        .delete(`/api/v1/organizations/${organization.id}/content-plan-templates/${template.body.id}`)
        .set(bearer(editor.token)),
      404,
      'CONTENT_PLAN.TEMPLATE_NOT_FOUND',
    );
  });

  it('imports the filled XLSX template all-or-nothing with errors by row, and exports approved plans as XLSX and CSV', async () => {
    const { organization, editor } = await aPlanningOrganization();
    const coordinator = await aCoordinator();
    const W = '2026-W31';
    const template = await api()
      .get(`${planPath(organization.id, W)}/import-template.xlsx`)
      .set(bearer(editor.token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(template.headers['content-type']).toMatch(XLSX_MIME);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
      'Дата',
      'Время',
      'Сети',
      'Тема',
      'Формат',
      'Описание',
      'Автор',
    ]);

    const upload = async (rows: string[][], version?: number) => {
      const book = new ExcelJS.Workbook();
      const s = book.addWorksheet('План');
      s.addRow(['Дата', 'Время', 'Сети', 'Тема', 'Формат', 'Описание', 'Автор']);
      rows.forEach((r) => s.addRow(r));
      const request = api()
        .post(`${planPath(organization.id, W)}/import`)
        .set(bearer(editor.token))
        .set('content-type', XLSX_MIME);
      if (version) request.set('If-Match', `"${version}"`);
      return request.send(Buffer.from(await book.xlsx.writeBuffer()));
    };
    const bad = await upload([
      ['27.07.2026', '10:00', 'ВКонтакте', 'Открытие сквера', 'фото', '', ''],
      ['10.08.2026', '10:00', 'Facebook', '', 'роман', '', ''],
    ]);
    expectProblem(bad, 422, 'CONTENT_PLAN.IMPORT_INVALID');
    expect(bad.body.errors.map((e: any) => e.field)).toEqual([
      'строка 3, «Дата»',
      'строка 3, «Сети»',
      'строка 3, «Тема»',
      'строка 3, «Формат»',
    ]);
    expectProblem(await getPlan(organization.id, W, { token: editor.token }), 404, 'CONTENT_PLAN.PLAN_NOT_FOUND');

    const good = expectStatus(
      await upload([
        [
          '27.07.2026',
          '10:00',
          'ВКонтакте',
          '=HYPERLINK("http://evil")',
          'фото',
          'Описание; с точкой с запятой',
          'Пресс-служба',
        ],
        ['28.07.2026', '', 'ВКонтакте, Одноклассники', 'Прямой эфир с министром', 'прямой эфир', '', ''],
      ]),
      200,
    ).body;
    expect(good).toMatchObject({ status: 'draft', itemCount: 2 });
    expectStatus(await planAction(organization.id, W, 'submit', { token: editor.token, version: 1 }), 200);
    expectStatus(
      await planAction(organization.id, W, 'approve', {
        token: coordinator.token,
        version: 2,
        now: '2026-07-23T10:00:00+10:00',
      }),
      200,
    );

    const csv = await api()
      .get('/api/v1/content-plans/export.csv')
      .query({ jurisdiction: 'khabarovsk-krai', week: W })
      .set(bearer(coordinator.token))
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.startsWith('\uFEFFОрганизация;Неделя;Дата;')).toBe(true);
    const ours = csv.text.split('\r\n').filter((line) => line.startsWith(organization.name));
    expect(ours).toEqual([
      `${organization.name};${W};27.07.2026;10:00;ВКонтакте;"'=HYPERLINK(""http://evil"")";фото;"Описание; с точкой с запятой";Пресс-служба;2026-07-23 10:00`,
      `${organization.name};${W};28.07.2026;;ВКонтакте, Одноклассники;Прямой эфир с министром;прямой эфир;;;2026-07-23 10:00`,
    ]);
    const xlsx = await api()
      .get('/api/v1/content-plans/export.xlsx')
      .query({ jurisdiction: 'khabarovsk-krai', week: W })
      .set(bearer(coordinator.token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(xlsx.body as ArrayBuffer);
    const rows: string[][] = [];
    exported.worksheets[0].eachRow((row) => rows.push((row.values as string[]).slice(1)));
    expect(rows.filter((r) => r[0] === organization.name).map((r) => r[5])).toEqual([
      `'=HYPERLINK("http://evil")`,
      'Прямой эфир с министром',
    ]);
    expectProblem(
      await api()
        .get('/api/v1/content-plans/export.csv')
        .query({ jurisdiction: 'khabarovsk-krai', week: W })
        .set(bearer(editor.token)),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
  });

  it('runs the whole week for 60 executive bodies: submit, half get recommendations, resubmit, all approved; the queue is right at each step (p.6–7)', async () => {
    const W = '2026-W40';
    const monday = '2026-09-28';
    const coordinator = await aCoordinator();
    const bodies: Awaited<ReturnType<typeof aPlanningOrganization>>[] = [];
    for (let batch = 0; batch < 6; batch++) {
      bodies.push(...(await Promise.all(Array.from({ length: 10 }, () => aPlanningOrganization()))));
    }
    const ids = new Set(bodies.map((b) => b.organization.id));
    // The coordinator looks at the queue at the time of each step.
    let clock = '2026-09-23T12:00:00+10:00';
    const queue = async (status?: string, now = clock) => {
      const response = await queueOf(W, coordinator.token, status ? { status } : {}, now);
      expect(response.status).toBe(200);
      return (response.body.items as any[]).filter((p) => ids.has(p.organizationId));
    };
    const inBatches = async (work: (b: (typeof bodies)[number], i: number) => Promise<unknown>) => {
      for (let k = 0; k < bodies.length; k += 10) {
        await Promise.all(bodies.slice(k, k + 10).map((b, j) => work(b, k + j)));
      }
    };

    await inBatches(async (b) =>
      expectStatus(
        await putItems(b.organization.id, W, { items: someItems(monday, 5) }, { token: b.editor.token }),
        200,
      ),
    );
    expect(await queue('awaiting_review')).toEqual([]);
    expect((await queue('draft')).length).toBe(60);

    // Submitted one minute apart from 09:00 on Thursday 24 September: review due Friday 25, 18:00.
    const at = (i: number) =>
      `2026-09-24T${String(9 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+10:00`;
    await inBatches(async (b, i) =>
      expectStatus(
        await planAction(b.organization.id, W, 'submit', { token: b.editor.token, version: 1, now: at(i) }),
        200,
      ),
    );
    clock = '2026-09-24T12:00:00+10:00';
    const submitted = await queue('awaiting_review');
    expect(submitted.length).toBe(60);
    expect(
      submitted.every((p) => p.status === 'submitted' && p.deadlines.reviewDueAt === '2026-09-25T18:00:00.000+10:00'),
    ).toBe(true);

    const recommended = bodies.filter((_, i) => i % 2 === 0);
    const approvedFirst = bodies.filter((_, i) => i % 2 === 1);
    for (let k = 0; k < recommended.length; k += 10) {
      await Promise.all(
        recommended
          .slice(k, k + 10)
          .map(async (b) =>
            expectStatus(
              await planAction(
                b.organization.id,
                W,
                'request-changes',
                { token: coordinator.token, version: 2, now: '2026-09-25T11:00:00+10:00' },
                { comment: 'Добавьте видео' },
              ),
              200,
            ),
          ),
      );
    }
    for (let k = 0; k < approvedFirst.length; k += 10) {
      await Promise.all(
        approvedFirst.slice(k, k + 10).map(async (b) =>
          expectStatus(
            await planAction(b.organization.id, W, 'approve', {
              token: coordinator.token,
              version: 2,
              now: '2026-09-25T12:00:00+10:00',
            }),
            200,
          ),
        ),
      );
    }
    clock = '2026-09-25T13:00:00+10:00';
    expect(await queue('awaiting_review')).toEqual([]);
    const changes = await queue('changes_requested');
    expect(new Set(changes.map((p) => p.organizationId))).toEqual(new Set(recommended.map((b) => b.organization.id)));
    // Friday 25 September 11:00 → due Monday 28 September, 18:00.
    expect(changes.every((p) => p.deadlines.resubmissionDueAt === '2026-09-28T18:00:00.000+10:00')).toBe(true);
    expect((await queue('approved')).length).toBe(30);

    for (let k = 0; k < recommended.length; k += 10) {
      await Promise.all(
        recommended.slice(k, k + 10).map(async (b, j) => {
          const now = `2026-09-28T${String(10 + Math.floor((k + j) / 10)).padStart(2, '0')}:00:00+10:00`;
          expectStatus(
            await putItems(
              b.organization.id,
              W,
              { items: someItems(monday, 6) },
              { token: b.editor.token, version: 3, now },
            ),
            200,
          );
          expectStatus(
            await planAction(b.organization.id, W, 'submit', { token: b.editor.token, version: 4, now }),
            200,
          );
        }),
      );
    }
    clock = '2026-09-28T16:00:00+10:00';
    const resubmitted = await queue('awaiting_review');
    expect(resubmitted.length).toBe(30);
    expect(resubmitted.every((p) => p.status === 'resubmitted' && p.itemCount === 6 && p.late.length === 0)).toBe(true);
    const dues = resubmitted.map((p) => p.deadlines.reviewDueAt);
    expect(dues).toEqual([...dues].sort());
    expect(dues.every((d) => d === '2026-09-29T18:00:00.000+10:00')).toBe(true);
    // The whole queue is ordered by review deadline.
    const all = await queue();
    expect(all.length).toBe(60);
    const allDues = all.map((p) => Date.parse(p.deadlines.reviewDueAt));
    // (Jest's toEqual holds NaN equal to NaN: a missing deadline must not pass as ordered.)
    expect(allDues.every(Number.isFinite)).toBe(true);
    expect(allDues).toEqual([...allDues].sort((a, b) => a - b));

    for (let k = 0; k < recommended.length; k += 10) {
      await Promise.all(
        recommended.slice(k, k + 10).map(async (b) =>
          expectStatus(
            await planAction(b.organization.id, W, 'approve', {
              token: coordinator.token,
              version: 5,
              now: '2026-09-29T10:00:00+10:00',
            }),
            200,
          ),
        ),
      );
    }
    expect(await queue('awaiting_review')).toEqual([]);
    const done = await queue('approved', '2026-09-29T10:00:00+10:00');
    expect(done.length).toBe(60);
    expect(done.every((p) => p.late.length === 0)).toBe(true);
  }, 120_000);
});
