import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { OfficialPage } from '../registry/page.entity';
import { Organization } from '../registry/organization.entity';
import { PostingFrequencyDecision } from '../registry/organization-decision.entity';
import { ContentPlan, ContentPlanItem, ContentPlanTemplate, ContentPlanTransition } from './content-plan.entity';
import type { PlanItemStyleHit } from './content-plan.entity';
import type { PlanItemInput } from './plan-items.rules';
import type { PlanStatus } from './plan-workflow.rules';

export type PlanWithOrganization = ContentPlan & { organizationName: string; itemCount: number };

export interface ApprovedItemRow {
  organizationName: string;
  week: string;
  reviewedAt: Date;
  item: ContentPlanItem;
}

@Injectable()
export class ContentPlanRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findOrganization(id: string): Promise<Organization | null> {
    return this.dataSource.getRepository(Organization).findOne({ where: { id } });
  }

  async findLivePageIdsByOrganization(organizationId: string): Promise<Set<string>> {
    const pages = await this.dataSource
      .getRepository(OfficialPage)
      .find({ select: { id: true }, where: { organizationId, deletedOn: IsNull() } });
    return new Set(pages.map((p) => p.id));
  }

  findFrequencyDecisions(organizationId: string): Promise<PostingFrequencyDecision[]> {
    return this.dataSource.getRepository(PostingFrequencyDecision).find({ where: { organizationId } });
  }

  findPlan(organizationId: string, week: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(ContentPlan, { where: { organizationId, week } });
  }

  /** The plan row locked for a transition: concurrent actions on one plan run one after another. */
  findPlanForUpdate(manager: EntityManager, organizationId: string, week: string) {
    return manager.findOne(ContentPlan, { where: { organizationId, week }, lock: { mode: 'pessimistic_write' } });
  }

  /** Creates the plan unless a concurrent request did; returns undefined then. */
  async insertPlanIfAbsent(manager: EntityManager, plan: Partial<ContentPlan>): Promise<ContentPlan | undefined> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ContentPlan)
      .values(plan)
      .orIgnore()
      .returning('id')
      .execute();
    if (!result.identifiers.length || !result.identifiers[0]) return undefined;
    return (await manager.findOne(ContentPlan, {
      where: { id: (result.identifiers[0] as { id: string }).id },
      lock: { mode: 'pessimistic_write' },
    }))!;
  }

  savePlan(manager: EntityManager, plan: ContentPlan) {
    return manager.save(ContentPlan, plan);
  }

  itemsOfPlan(planId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.find(ContentPlanItem, { where: { planId }, order: { position: 'ASC' } });
  }

  async replaceItems(
    manager: EntityManager,
    planId: string,
    items: readonly (PlanItemInput & { styleHits?: PlanItemStyleHit[] | null })[],
  ) {
    await manager.delete(ContentPlanItem, { planId });
    if (!items.length) return;
    await manager.insert(
      ContentPlanItem,
      items.map((item, i) => ({
        planId,
        position: i + 1,
        plannedOn: item.plannedOn,
        plannedTime: item.plannedTime ?? null,
        pageIds: (item.pageIds ?? []).map((id) => id.toLowerCase()),
        networks: item.networks ?? [],
        topic: item.topic,
        format: item.format,
        description: item.description ?? null,
        author: item.author ?? null,
        styleHits: item.styleHits ?? null,
      })),
    );
  }

  recordTransition(manager: EntityManager, transition: Partial<ContentPlanTransition>) {
    return manager.insert(ContentPlanTransition, transition);
  }

  transitionsOfPlan(planId: string) {
    return this.dataSource.getRepository(ContentPlanTransition).find({ where: { planId }, order: { id: 'ASC' } });
  }

  /** Late steps of many plans in one query (for the queue's flags). */
  async lateTransitionsOfPlans(planIds: string[]): Promise<ContentPlanTransition[]> {
    if (!planIds.length) return [];
    return this.dataSource
      .getRepository(ContentPlanTransition)
      .createQueryBuilder('t')
      .where('t.plan_id IN (:...planIds)', { planIds })
      .andWhere('t.late_by_seconds > 0')
      .orderBy('t.id', 'ASC')
      .getMany();
  }

  /** The coordinator's queue: a jurisdiction's plans of a week, by review deadline. */
  async findQueue(jurisdiction: string, week: string, statuses?: PlanStatus[]): Promise<PlanWithOrganization[]> {
    if (statuses?.length === 0) return [];
    const query = this.dataSource
      .getRepository(ContentPlan)
      .createQueryBuilder('p')
      .innerJoin(Organization, 'o', 'o.id = p.organization_id')
      .addSelect('o.name', 'organization_name')
      .addSelect('(SELECT count(*) FROM content_plan_items i WHERE i.plan_id = p.id)', 'item_count')
      .where('p.jurisdiction_code = :jurisdiction AND p.week = :week', { jurisdiction, week })
      .orderBy('p.review_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('p.submission_due_at', 'ASC')
      .addOrderBy('o.name', 'ASC')
      .addOrderBy('p.id', 'ASC');
    if (statuses) query.andWhere('p.status IN (:...statuses)', { statuses });
    const { entities, raw } = await query.getRawAndEntities<{ organization_name: string; item_count: string }>();
    return entities.map((plan, i) =>
      Object.assign(plan, { organizationName: raw[i].organization_name, itemCount: Number(raw[i].item_count) }),
    );
  }

  /** Items of a week's approved plans of a jurisdiction, by organization and date. */
  async findApprovedItems(jurisdiction: string, week: string): Promise<ApprovedItemRow[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(ContentPlanItem)
      .createQueryBuilder('i')
      .innerJoin(ContentPlan, 'p', 'p.id = i.plan_id')
      .innerJoin(Organization, 'o', 'o.id = p.organization_id')
      .addSelect(['o.name AS organization_name', 'p.week AS plan_week', 'p.reviewed_at AS reviewed_at'])
      .where("p.jurisdiction_code = :jurisdiction AND p.week = :week AND p.status = 'approved'", { jurisdiction, week })
      .orderBy('o.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .addOrderBy('i.position', 'ASC')
      .getRawAndEntities<{ organization_name: string; plan_week: string; reviewed_at: Date }>();
    return entities.map((item, k) => ({
      organizationName: raw[k].organization_name,
      week: raw[k].plan_week,
      reviewedAt: new Date(raw[k].reviewed_at),
      item,
    }));
  }

  activeTemplatesOf(organizationId: string) {
    return this.dataSource.getRepository(ContentPlanTemplate).find({
      where: { organizationId, archivedAt: IsNull() },
      order: { weekday: 'ASC', plannedTime: 'ASC', createdAt: 'ASC' },
    });
  }

  insertTemplate(template: Partial<ContentPlanTemplate>) {
    return this.dataSource.getRepository(ContentPlanTemplate).save(template);
  }

  /** Archives a template (plans made from it keep their items); false when there was none. */
  async archiveTemplate(organizationId: string, id: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ContentPlanTemplate)
      .update({ id, organizationId, archivedAt: IsNull() }, { archivedAt: at });
    return (result.affected ?? 0) > 0;
  }

  pagesById(ids: string[]) {
    if (!ids.length) return Promise.resolve([] as OfficialPage[]);
    return this.dataSource.getRepository(OfficialPage).find({ where: { id: In(ids) } });
  }
}
