import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { formatInstant, formatOptionalInstant, parseIsoWeek } from '../calendar/working-time';
import { ActorDirectory, type Actors } from '../common/actors/actor-directory';
import { Clock } from '../common/clock';
import { storedHits, styleNetworkOf } from '../compliance/style/style.rules';
import { StyleService } from '../compliance/style/style.service';
import { effectiveWeeklyMinimum } from '../registry/organization-decision.rules';
import type { Organization } from '../registry/organization.entity';
import { quotaFor } from '../registry/policy.rules';
import { NotificationsService } from '../notifications/notifications.service';
import { PolicyService } from '../registry/policy.service';
import type { JurisdictionPolicy } from '../registry/policy.types';
import type { ItemComment, PlanItemStyleHit } from './content-plan.entity';
import { ContentPlan, ContentPlanItem, ContentPlanTemplate, ContentPlanTransition } from './content-plan.entity';
import { ContentPlanError, ContentPlanErrorCode } from './content-plan.errors';
import { ContentPlanRepository, PlanWithOrganization } from './content-plan.repository';
import type {
  CreateTemplateDto,
  ItemCommentInputDto,
  PlanDto,
  PlanItemDto,
  PlanQueueDto,
  PlanSummaryDto,
  TemplateDto,
  TransitionDto,
} from './dto/content-plan.dto';
import { previousWeek, resubmissionDue, reviewDue, submissionDue, weekDates } from './plan-deadlines';
import {
  csvLine,
  CSV_BOM,
  EXPORT_HEADERS,
  exportCells,
  ExportRow,
  IMPORT_HEADERS,
  ItemContext,
  itemProblems,
  NETWORK_TITLES,
  parseImportTable,
  PlanItemInput,
} from './plan-items.rules';
import {
  deadlineAnswered,
  lateBySeconds,
  lateFlags,
  nextStatus,
  allowedActions,
  PlanAction,
  PlanStatus,
  quotaStanding,
} from './plan-workflow.rules';

interface PlanScope {
  organization: Organization;
  policy: JurisdictionPolicy;
  week: string;
  timeZone: string;
}

/** A change an action makes inside the transaction, before the version moves on. */
type Mutation = (
  plan: ContentPlan,
  manager: EntityManager,
) => Promise<{ comment?: string | null; itemComments?: ItemComment[] } | void>;

@Injectable()
export class ContentPlanService {
  constructor(
    private readonly plans: ContentPlanRepository,
    private readonly calendar: CalendarService,
    private readonly policies: PolicyService,
    private readonly clock: Clock,
    private readonly style: StyleService,
    private readonly notifications: NotificationsService,
    private readonly actors: ActorDirectory,
  ) {}

  /** Plan items carry their style hits (DOMAIN.md §4), checked when they are saved. */
  private withStyle<I extends PlanItemInput>(
    items: readonly I[],
  ): Promise<(I & { styleHits: PlanItemStyleHit[] | null })[]> {
    return Promise.all(
      items.map(async (item) => {
        const network = item.networks?.length === 1 ? styleNetworkOf(item.networks[0]!) : undefined;
        const hits: PlanItemStyleHit[] = [];
        for (const field of ['topic', 'description'] as const) {
          const text = item[field];
          if (text)
            hits.push(...storedHits((await this.style.check(text, network)).hits).map((hit) => ({ field, ...hit })));
        }
        return { ...item, styleHits: hits.length ? hits : null };
      }),
    );
  }

  /** The plan as `principal` sees it: allowedActions are the caller's own. */
  async get(principal: Principal, organizationId: string, week: string): Promise<PlanDto> {
    const scope = await this.scope(organizationId, week);
    const plan = await this.plans.findPlan(organizationId, scope.week);
    if (!plan) {
      const j = await this.calendar.jurisdiction(scope.organization.jurisdictionCode);
      throw new ContentPlanError(ContentPlanErrorCode.PLAN_NOT_FOUND, {
        week: scope.week,
        submissionDueAt: formatInstant(submissionDue(scope.week, j), j.timeZone),
      });
    }
    return this.present(principal, scope, plan);
  }

  /** PUT items: creates the draft or edits a draft / a plan with recommendations (p.7). */
  async putItems(
    principal: Principal,
    organizationId: string,
    week: string,
    body: { items: PlanItemInput[]; insufficientEventsReason?: string | null },
    version: number | undefined,
  ): Promise<PlanDto> {
    const scope = await this.scope(organizationId, week);
    const context = await this.itemContext(scope);
    const problems = itemProblems(body.items, context);
    if (problems.length) throw new ContentPlanError(ContentPlanErrorCode.ITEMS_INVALID, {}, problems);
    const reason = body.insufficientEventsReason?.trim() || null;
    if (reason) {
      const minimum = await this.weeklyMinimum(scope);
      if (!minimum || body.items.length >= minimum.minimumPerWeek) {
        throw new ContentPlanError(ContentPlanErrorCode.INSUFFICIENT_EVENTS_NOT_APPLICABLE, {
          planned: body.items.length,
          minimumPerWeek: minimum?.minimumPerWeek ?? null,
        });
      }
    }
    // Checked before the transaction: the spelling check may take a while and holds no row.
    const styled = await this.withStyle(body.items);
    return this.act(principal, scope, 'edit', version, async (plan, manager) => {
      await this.plans.replaceItems(manager, plan.id, styled);
      plan.insufficientEventsReason = reason;
    });
  }

  submit(principal: Principal, organizationId: string, week: string, version: number, comment?: string) {
    return this.withScope(organizationId, week, async (scope) =>
      this.act(principal, scope, 'submit', version, async (plan, manager) => {
        const items = await this.plans.itemsOfPlan(plan.id, manager);
        if (!items.length) throw new ContentPlanError(ContentPlanErrorCode.EMPTY_PLAN);
        const now = this.clock.now();
        const j = await this.calendar.jurisdiction(scope.organization.jurisdictionCode);
        plan.submittedAt ??= now;
        plan.lastSubmittedAt = now;
        plan.reviewDueAt = reviewDue(now, j);
        return { comment };
      }),
    );
  }

  approve(principal: Principal, organizationId: string, week: string, version: number, comment?: string) {
    return this.withScope(organizationId, week, (scope) =>
      this.act(principal, scope, 'approve', version, async (plan) => {
        plan.reviewedAt = this.clock.now();
        return { comment };
      }),
    );
  }

  requestChanges(
    principal: Principal,
    organizationId: string,
    week: string,
    version: number,
    body: { comment?: string; itemComments?: ItemCommentInputDto[] },
  ) {
    const comment = body.comment?.trim() || null;
    if (!comment && !body.itemComments?.length) {
      throw new ContentPlanError(ContentPlanErrorCode.RECOMMENDATIONS_REQUIRED);
    }
    return this.withScope(organizationId, week, (scope) =>
      this.act(principal, scope, 'request_changes', version, async (plan, manager) => {
        const items = new Map((await this.plans.itemsOfPlan(plan.id, manager)).map((i) => [i.id, i]));
        const itemComments: ItemComment[] = [];
        for (const [k, c] of (body.itemComments ?? []).entries()) {
          const item = items.get(c.itemId.toLowerCase());
          if (!item) {
            throw new ContentPlanError(ContentPlanErrorCode.ITEM_NOT_FOUND, { itemId: c.itemId }, [
              { field: `itemComments[${k}].itemId`, message: 'такой публикации нет в этой версии плана' },
            ]);
          }
          itemComments.push({ itemId: item.id, position: item.position, topic: item.topic, comment: c.comment });
        }
        const now = this.clock.now();
        const j = await this.calendar.jurisdiction(scope.organization.jurisdictionCode);
        plan.reviewedAt = now;
        plan.resubmissionDueAt = resubmissionDue(now, j);
        return { comment, itemComments };
      }),
    );
  }

  /** p.5 last paragraph: no newsworthy events; replaces the plan. */
  declareNoNews(principal: Principal, organizationId: string, week: string, reason: string, version?: number) {
    return this.withScope(organizationId, week, (scope) =>
      this.act(principal, scope, 'declare_no_news', version, async (plan, manager) => {
        await this.plans.replaceItems(manager, plan.id, []);
        const now = this.clock.now();
        plan.noNewsReason = reason.trim();
        plan.insufficientEventsReason = null;
        plan.submittedAt ??= now;
        plan.lastSubmittedAt = now;
        return { comment: reason.trim() };
      }),
    );
  }

  /** Last week's plan as this week's draft, dates moved by seven days; pages no longer live dropped. */
  async copyPrevious(principal: Principal, organizationId: string, week: string, version?: number) {
    const scope = await this.scope(organizationId, week);
    const source = await this.plans.findPlan(organizationId, previousWeek(scope.week, scope.timeZone));
    const sourceItems = source ? await this.plans.itemsOfPlan(source.id) : [];
    if (!source || !sourceItems.length) {
      throw new ContentPlanError(ContentPlanErrorCode.NOTHING_TO_COPY, { week: source?.week ?? null });
    }
    const live = await this.plans.findLivePageIdsByOrganization(organizationId);
    // The same texts: their style hits come along.
    const items = sourceItems.map((item) => ({
      ...itemInput(item),
      plannedOn: shiftDate(item.plannedOn, 7),
      pageIds: item.pageIds.filter((id) => live.has(id)),
      styleHits: item.styleHits,
    }));
    return this.act(principal, scope, 'edit', version, async (plan, manager) => {
      if ((await this.plans.itemsOfPlan(plan.id, manager)).length || plan.status !== 'draft') {
        throw new ContentPlanError(ContentPlanErrorCode.ALREADY_EXISTS, { planStatus: plan.status });
      }
      await this.plans.replaceItems(
        manager,
        plan.id,
        items.filter((i) => i.pageIds.length || i.networks.length),
      );
      return { comment: `Скопирован план недели ${source.week}` };
    });
  }

  /** Adds this week's occurrences of the organization's recurring events. */
  async applyTemplates(principal: Principal, organizationId: string, week: string, version?: number) {
    const scope = await this.scope(organizationId, week);
    const templates = await this.plans.activeTemplatesOf(organizationId);
    if (!templates.length) throw new ContentPlanError(ContentPlanErrorCode.NO_TEMPLATES);
    const { monday } = weekDates(scope.week, scope.timeZone);
    const live = await this.plans.findLivePageIdsByOrganization(organizationId);
    const added: PlanItemInput[] = templates.map((t) => ({
      plannedOn: shiftDate(monday, t.weekday - 1),
      plannedTime: t.plannedTime,
      pageIds: t.pageIds.filter((id) => live.has(id)),
      networks: t.networks,
      topic: t.topic,
      format: t.format,
      description: t.description,
      author: t.author,
    }));
    const styled = await this.withStyle(added);
    return this.act(principal, scope, 'edit', version, async (plan, manager) => {
      const existing = (await this.plans.itemsOfPlan(plan.id, manager)).map((item) => ({
        ...itemInput(item),
        styleHits: item.styleHits,
      }));
      await this.plans.replaceItems(manager, plan.id, [...existing, ...styled]);
      return { comment: `Добавлены регулярные публикации: ${templates.map((t) => t.title).join('; ')}` };
    });
  }

  /** The filled XLSX template replaces the items; any bad row and nothing is stored. */
  async importXlsx(principal: Principal, organizationId: string, week: string, content: Buffer, version?: number) {
    const scope = await this.scope(organizationId, week);
    const table = await readXlsx(content);
    const { items, errors } = parseImportTable(table, await this.itemContext(scope));
    if (errors.length)
      throw new ContentPlanError(ContentPlanErrorCode.IMPORT_INVALID, { rows: table.length - 1 }, errors);
    const styled = await this.withStyle(items);
    return this.act(principal, scope, 'edit', version, async (plan, manager) => {
      await this.plans.replaceItems(manager, plan.id, styled);
      return { comment: `Загружен из XLSX: ${items.length} публикаций` };
    });
  }

  async importTemplate(organizationId: string, week: string): Promise<Buffer> {
    const scope = await this.scope(organizationId, week);
    const { monday } = weekDates(scope.week, scope.timeZone);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(`План ${scope.week}`);
    sheet.addRow([...IMPORT_HEADERS]).font = { bold: true };
    const [y, m, d] = monday.split('-');
    sheet.addRow([`${d}.${m}.${y}`, '10:00', 'ВКонтакте, Одноклассники', 'Тема публикации', 'фото', '', '']);
    sheet.columns.forEach((column) => (column.width = 24));
    const help = workbook.addWorksheet('Справка');
    help.addRow([`Неделя ${scope.week}: даты с понедельника по воскресенье; время ЧЧ:ММ (необязательно).`]);
    help.addRow([`Сети: ${scope.policy.networks.allowed.map((n) => NETWORK_TITLES[n] ?? n).join(', ')}.`]);
    help.addRow([
      'Форматы: текст, фото, инфографика, карточки, анимация, видео, прямой эфир, опрос, конкурс, промо, другое.',
    ]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async queue(jurisdiction: string, week: string, status?: PlanStatus | 'awaiting_review'): Promise<PlanQueueDto> {
    parseIsoWeek(week, 'week');
    const j = await this.calendar.jurisdiction(jurisdiction);
    await this.requirePlans(jurisdiction);
    const statuses: PlanStatus[] | undefined =
      status === 'awaiting_review' ? ['submitted', 'resubmitted'] : status ? [status] : undefined;
    const rows = await this.plans.findQueue(jurisdiction, week, statuses);
    const late = groupBy(await this.plans.lateTransitionsOfPlans(rows.map((r) => r.id)), (t) => t.planId);
    const now = this.clock.now();
    return {
      jurisdiction,
      week,
      items: rows.map((row) => summary(row, late.get(row.id) ?? [], j.timeZone, now)),
    };
  }

  async exportRows(jurisdiction: string, week: string): Promise<ExportRow[]> {
    parseIsoWeek(week, 'week');
    const j = await this.calendar.jurisdiction(jurisdiction);
    await this.requirePlans(jurisdiction);
    const rows = await this.plans.findApprovedItems(jurisdiction, week);
    const pages = new Map(
      (await this.plans.pagesById([...new Set(rows.flatMap((r) => r.item.pageIds))])).map((p) => [p.id, p.url]),
    );
    return rows.map(({ organizationName, week: w, reviewedAt, item }) => ({
      organizationName,
      week: w,
      plannedOn: item.plannedOn,
      plannedTime: item.plannedTime,
      targets: [...item.pageIds.map((id) => pages.get(id) ?? id), ...item.networks.map((n) => NETWORK_TITLES[n] ?? n)],
      topic: item.topic,
      format: item.format,
      description: item.description,
      author: item.author,
      approvedAt: formatInstant(reviewedAt, j.timeZone).slice(0, 16).replace('T', ' '),
    }));
  }

  async exportCsv(jurisdiction: string, week: string): Promise<string> {
    const rows = await this.exportRows(jurisdiction, week);
    return CSV_BOM + csvLine([...EXPORT_HEADERS]) + rows.map((r) => csvLine(exportCells(r))).join('');
  }

  async exportXlsx(jurisdiction: string, week: string): Promise<Buffer> {
    const rows = await this.exportRows(jurisdiction, week);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(`Контент-планы ${week}`);
    sheet.addRow([...EXPORT_HEADERS]).font = { bold: true };
    for (const row of rows) sheet.addRow(exportCells(row));
    sheet.columns.forEach((column) => (column.width = 22));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async templates(organizationId: string): Promise<TemplateDto[]> {
    await this.scope(organizationId);
    return (await this.plans.activeTemplatesOf(organizationId)).map(templateDto);
  }

  async createTemplate(principal: Principal, organizationId: string, body: CreateTemplateDto): Promise<TemplateDto> {
    const scope = await this.scope(organizationId);
    const context = await this.itemContext(scope);
    const problems = itemProblems([{ ...body, plannedOn: context.monday }], context, 'template').map((p) => ({
      ...p,
      field: p.field.replace('template[0]', 'template').replace(/^template\./, ''),
    }));
    if (problems.length) throw new ContentPlanError(ContentPlanErrorCode.ITEMS_INVALID, {}, problems);
    const saved = await this.plans.insertTemplate({
      organizationId,
      title: body.title,
      weekday: body.weekday,
      plannedTime: body.plannedTime ?? null,
      pageIds: (body.pageIds ?? []).map((id) => id.toLowerCase()),
      networks: body.networks ?? [],
      topic: body.topic,
      format: body.format,
      description: body.description ?? null,
      author: body.author ?? null,
      createdBy: principal.userId,
    });
    return templateDto(saved as ContentPlanTemplate);
  }

  async archiveTemplate(organizationId: string, templateId: string) {
    await this.scope(organizationId);
    if (!(await this.plans.archiveTemplate(organizationId, templateId, this.clock.now()))) {
      throw new ContentPlanError(ContentPlanErrorCode.TEMPLATE_NOT_FOUND, { templateId });
    }
  }

  // --- the workflow engine -----------------------------------------------------------------

  private async withScope<T>(organizationId: string, week: string, work: (scope: PlanScope) => Promise<T>) {
    return work(await this.scope(organizationId, week));
  }

  /**
   * One transition in one transaction: the plan row is locked, its version compared with the
   * caller's, the state table consulted; then the change, the new version and the audit record
   * commit together. A second action on the same version waits for the lock and gets 409.
   */
  private async act(
    principal: Principal,
    scope: PlanScope,
    action: PlanAction,
    expected: number | undefined,
    mutate: Mutation,
  ): Promise<PlanDto> {
    const { organization, week } = scope;
    const j = await this.calendar.jurisdiction(organization.jurisdictionCode);
    const plan = await this.plans.transaction(async (manager) => {
      let current = await this.plans.findPlanForUpdate(manager, organization.id, week);
      const creates = !current && (action === 'edit' || action === 'declare_no_news');
      if (!current && !creates) {
        throw new ContentPlanError(ContentPlanErrorCode.PLAN_NOT_FOUND, { week });
      }
      if (current) {
        if (expected === undefined) throw new ContentPlanError(ContentPlanErrorCode.VERSION_REQUIRED);
        if (current.version !== expected) {
          throw new ContentPlanError(ContentPlanErrorCode.VERSION_CONFLICT, { currentVersion: current.version });
        }
      }
      const from = current?.status ?? null;
      const to = nextStatus(from, action);
      if (!to) {
        throw new ContentPlanError(
          action === 'edit' ? ContentPlanErrorCode.NOT_EDITABLE : ContentPlanErrorCode.TRANSITION_NOT_ALLOWED,
          { planStatus: from, action, allowedActions: allowedActions(from, principal.role) },
        );
      }
      if (!current) {
        current =
          (await this.plans.insertPlanIfAbsent(manager, {
            organizationId: organization.id,
            jurisdictionCode: organization.jurisdictionCode,
            week,
            status: 'draft',
            version: 1,
            submissionDueAt: submissionDue(week, j),
            createdBy: principal.userId,
          })) ?? null;
        // Somebody created it a moment ago: the caller did not see that version.
        if (!current) throw new ContentPlanError(ContentPlanErrorCode.VERSION_CONFLICT, {});
      }
      const now = this.clock.now();
      const deadline = deadlineAnswered(from, action);
      const dueAt =
        deadline === 'submission'
          ? current.submissionDueAt
          : deadline === 'review'
            ? current.reviewDueAt
            : deadline === 'resubmission'
              ? current.resubmissionDueAt
              : null;
      const extra = (await mutate(current, manager)) ?? {};
      const created = current.version === 1 && from === null;
      current.status = to;
      if (!created) current.version += 1;
      const saved = await this.plans.savePlan(manager, current);
      await this.plans.recordTransition(manager, {
        planId: saved.id,
        action,
        fromStatus: from,
        toStatus: to,
        planVersion: saved.version,
        actorId: principal.userId,
        actorRole: principal.role,
        at: now,
        comment: extra.comment ?? null,
        itemComments: extra.itemComments?.length ? extra.itemComments : null,
        dueAt,
        lateBySeconds: dueAt ? lateBySeconds(dueAt, now) : null,
      });
      // The workflow notice commits with the transition, or not at all (durable outbox).
      if (action === 'submit' || action === 'approve' || action === 'request_changes') {
        await this.notifications.planTransition(manager, {
          planId: saved.id,
          organizationId: organization.id,
          organizationName: organization.name,
          jurisdictionCode: organization.jurisdictionCode,
          week,
          action,
          resubmission: to === 'resubmitted',
          version: saved.version,
          at: now,
          actorName: principal.fullName,
          comment: extra.comment ?? null,
          itemComments: (extra.itemComments ?? []).map(({ position, topic, comment }) => ({
            position,
            topic,
            comment,
          })),
          reviewDueAt: saved.reviewDueAt,
          resubmissionDueAt: saved.resubmissionDueAt,
        });
      }
      return saved;
    });
    return this.present(principal, scope, plan);
  }

  private async scope(organizationId: string, week?: string): Promise<PlanScope> {
    const organization = await this.plans.findOrganization(organizationId);
    if (!organization) throw new ContentPlanError(ContentPlanErrorCode.ORGANIZATION_NOT_FOUND, { organizationId });
    const policy = await this.requirePlans(organization.jurisdictionCode);
    const j = await this.calendar.jurisdiction(organization.jurisdictionCode);
    if (week !== undefined) parseIsoWeek(week, 'week');
    return { organization, policy, week: week ?? '', timeZone: j.timeZone };
  }

  /** Only jurisdictions whose acts set a weekly plan use it (Khabarovsk Положение 1 p.2.2, 5–7). */
  private async requirePlans(jurisdiction: string): Promise<JurisdictionPolicy> {
    const { policy } = await this.policies.get(jurisdiction);
    if (!policy.contentPlan.required) {
      throw new ContentPlanError(ContentPlanErrorCode.NOT_REQUIRED, {
        jurisdiction,
        rule: 'Еженедельный контент-план установлен только актами Хабаровского края (Положение 1 п.2.2, 5–7)',
      });
    }
    return policy;
  }

  private async itemContext(scope: PlanScope): Promise<ItemContext> {
    const { monday, sunday } = weekDates(scope.week || '2026-W01', scope.timeZone);
    return {
      monday,
      sunday,
      pageIds: await this.plans.findLivePageIdsByOrganization(scope.organization.id),
      networks: scope.policy.networks.allowed,
    };
  }

  private async weeklyMinimum(scope: PlanScope) {
    const { monday, sunday } = weekDates(scope.week, scope.timeZone);
    const decisions = await this.plans.findFrequencyDecisions(scope.organization.id);
    return effectiveWeeklyMinimum(decisions, quotaFor(scope.organization.kind, scope.policy), monday, sunday);
  }

  private async present(principal: Principal, scope: PlanScope, plan: ContentPlan): Promise<PlanDto> {
    const [items, transitions, minimum] = await Promise.all([
      this.plans.itemsOfPlan(plan.id),
      this.plans.transitionsOfPlan(plan.id),
      this.weeklyMinimum(scope),
    ]);
    const actors = await this.actors.resolve(transitions.map((t) => t.actorId));
    const { monday, sunday } = weekDates(plan.week, scope.timeZone);
    const row: PlanWithOrganization = Object.assign(plan, {
      organizationName: scope.organization.name,
      itemCount: items.length,
    });
    const standing =
      plan.status === 'no_news_declared'
        ? undefined
        : quotaStanding(items.length, minimum, plan.insufficientEventsReason);
    return {
      ...summary(row, transitions, scope.timeZone, this.clock.now()),
      weekStart: monday,
      weekEnd: sunday,
      items: items.map(itemDto),
      insufficientEventsReason: plan.insufficientEventsReason,
      noNewsReason: plan.noNewsReason,
      quota:
        standing && minimum
          ? {
              ...standing,
              clause: minimum.source === 'decision' ? minimum.decision.clause : minimum.citation.clause,
            }
          : null,
      allowedActions: allowedActions(plan.status, principal.role),
      history: transitions.map((t) => transitionDto(t, scope.timeZone, actors)),
    };
  }
}

function summary(
  row: PlanWithOrganization,
  transitions: ContentPlanTransition[],
  zone: string,
  now: Date,
): PlanSummaryDto {
  const iso = (d: Date | null) => formatOptionalInstant(d, zone);
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    jurisdiction: row.jurisdictionCode,
    week: row.week,
    status: row.status,
    version: row.version,
    deadlines: {
      submissionDueAt: formatInstant(row.submissionDueAt, zone),
      reviewDueAt: iso(row.reviewDueAt),
      resubmissionDueAt: iso(row.resubmissionDueAt),
    },
    submittedAt: iso(row.submittedAt),
    lastSubmittedAt: iso(row.lastSubmittedAt),
    reviewedAt: iso(row.reviewedAt),
    itemCount: row.itemCount,
    late: lateFlags(transitions, row, now).map((f) => ({
      kind: f.kind,
      dueAt: formatInstant(f.dueAt, zone),
      doneAt: iso(f.doneAt),
      lateByMinutes: f.lateByMinutes,
    })),
  };
}

function itemDto(item: ContentPlanItem): PlanItemDto {
  return { id: item.id, position: item.position, ...itemInput(item), styleHits: item.styleHits ?? [] };
}

function itemInput(item: ContentPlanItem): PlanItemInput & { pageIds: string[]; networks: string[] } {
  return {
    plannedOn: item.plannedOn,
    plannedTime: item.plannedTime,
    pageIds: item.pageIds,
    networks: item.networks,
    topic: item.topic,
    format: item.format,
    description: item.description,
    author: item.author,
  };
}

function transitionDto(t: ContentPlanTransition, zone: string, actors: Actors): TransitionDto {
  return {
    action: t.action,
    from: t.fromStatus,
    to: t.toStatus,
    version: t.planVersion,
    by: t.actorId,
    actor: actors.of(t.actorId),
    role: t.actorRole,
    at: formatInstant(t.at, zone),
    comment: t.comment,
    itemComments: t.itemComments ?? [],
    dueAt: formatOptionalInstant(t.dueAt, zone),
    lateByMinutes: t.lateBySeconds === null ? null : Math.ceil(t.lateBySeconds / 60),
  };
}

function templateDto(t: ContentPlanTemplate): TemplateDto {
  return {
    id: t.id,
    organizationId: t.organizationId,
    title: t.title,
    weekday: t.weekday,
    plannedTime: t.plannedTime,
    pageIds: t.pageIds,
    networks: t.networks,
    topic: t.topic,
    format: t.format,
    description: t.description,
    author: t.author,
  };
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function groupBy<T, K>(values: T[], key: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ContentPlanError(ContentPlanErrorCode.IMPORT_UNREADABLE);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ContentPlanError(ContentPlanErrorCode.IMPORT_UNREADABLE);
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      cells[col - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : (cell.text ?? '');
    });
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (r) => Array.from(r ?? [], (c) => c ?? ''));
}
