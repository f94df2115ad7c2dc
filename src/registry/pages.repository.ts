import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { JurisdictionPolicyRecord } from './jurisdiction-policy.entity';
import { ReportingObligation } from './obligation.entity';
import { OfficialPage, PageMetricSnapshot } from './page.entity';
import type { PageCursor, PageSort } from './page.rules';
import type { Network } from './policy.types';
import { RegistryEvent } from './registry-event.entity';
import type { Visibility } from './visibility';

export interface PageFilter {
  jurisdiction?: string;
  organizationId?: string;
  /** Root of an organization subtree (itself included). */
  under?: string;
  network?: Network;
  mark?: boolean;
  status?: 'live' | 'deleted';
}

/** The partial unique index a write ran into (see page.entity.ts). */
export type PageUniqueViolation = 'url' | 'network';

const UNIQUE_INDEXES: Record<string, PageUniqueViolation> = {
  official_pages_url_live_key: 'url',
  official_pages_one_per_network_key: 'network',
};

const SORT_COLUMNS: Record<PageSort, { column: string; property: string; direction: 'ASC' | 'DESC' }> = {
  createdOn: { column: 'p.created_on', property: 'p.createdOn', direction: 'ASC' },
  '-createdOn': { column: 'p.created_on', property: 'p.createdOn', direction: 'DESC' },
  url: { column: 'p.url', property: 'p.url', direction: 'ASC' },
};

@Injectable()
export class PagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The page with its organization (for the jurisdiction and the scope). */
  findById(id: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(OfficialPage, { where: { id }, relations: { organization: true } });
  }

  /** Locks the page row until the end of the caller's transaction (edits, deletion). */
  lockById(manager: EntityManager, id: string): Promise<OfficialPage | null> {
    return manager.findOne(OfficialPage, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(manager: EntityManager, values: Partial<OfficialPage>): Promise<OfficialPage> {
    return manager.save(manager.create(OfficialPage, values));
  }

  save(manager: EntityManager, page: OfficialPage): Promise<OfficialPage> {
    return manager.save(page);
  }

  /** Which live-page index a failed write violated, if that is why it failed. */
  uniqueViolationOf(error: unknown): PageUniqueViolation | undefined {
    if (!(error instanceof QueryFailedError)) return undefined;
    const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
    if (driverError?.code !== '23505' || !driverError.constraint) return undefined;
    return UNIQUE_INDEXES[driverError.constraint];
  }

  /** One page of the list: keyset pagination after `cursor`, `limit + 1` rows to tell if more follow. */
  async findVisible(
    visibility: Visibility,
    filter: PageFilter,
    sort: PageSort,
    limit: number,
    cursor?: PageCursor,
  ): Promise<OfficialPage[]> {
    if (visibility.organizations?.length === 0 || visibility.jurisdictions?.length === 0) return [];
    const qb = this.dataSource
      .getRepository(OfficialPage)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.organization', 'o');
    if (visibility.organizations)
      qb.andWhere('p.organization_id IN (:...visibleOrgs)', { visibleOrgs: visibility.organizations });
    if (visibility.jurisdictions) {
      qb.andWhere('o.jurisdiction_code IN (:...visibleJurisdictions)', {
        visibleJurisdictions: visibility.jurisdictions,
      });
    }
    if (filter.jurisdiction) qb.andWhere('o.jurisdiction_code = :jurisdiction', { jurisdiction: filter.jurisdiction });
    if (filter.organizationId)
      qb.andWhere('p.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.under) {
      // UNION (not UNION ALL) stops at an organization already seen, should a cycle ever slip in.
      qb.andWhere(
        `p.organization_id IN (
          WITH RECURSIVE subtree(id) AS (
            SELECT id FROM organizations WHERE id = :under
            UNION
            SELECT c.id FROM organizations c JOIN subtree s ON c.parent_id = s.id
          )
          SELECT id FROM subtree)`,
        { under: filter.under },
      );
    }
    if (filter.network) qb.andWhere('p.network = :network', { network: filter.network });
    if (filter.mark !== undefined) {
      qb.andWhere(filter.mark ? 'p.gosuslugi_mark_on IS NOT NULL' : 'p.gosuslugi_mark_on IS NULL');
    }
    if (filter.status) qb.andWhere(filter.status === 'live' ? 'p.deleted_on IS NULL' : 'p.deleted_on IS NOT NULL');
    const order = SORT_COLUMNS[sort];
    if (cursor) {
      const value = sort === 'url' ? 'CAST(:cursorValue AS varchar)' : 'CAST(:cursorValue AS date)';
      qb.andWhere(
        `(${order.column}, p.id) ${order.direction === 'ASC' ? '>' : '<'} (${value}, CAST(:cursorId AS uuid))`,
        {
          cursorValue: cursor.value,
          cursorId: cursor.id,
        },
      );
    }
    return qb
      .orderBy(order.property, order.direction)
      .addOrderBy('p.id', order.direction)
      .limit(limit + 1)
      .getMany();
  }

  /** Policies of several jurisdictions in one query. */
  async policiesOf(codes: string[]): Promise<Map<string, JurisdictionPolicyRecord>> {
    if (!codes.length) return new Map();
    const records = await this.dataSource
      .getRepository(JurisdictionPolicyRecord)
      .find({ where: { jurisdictionCode: In([...new Set(codes)]) } });
    return new Map(records.map((r) => [r.jurisdictionCode, r]));
  }

  /** The page's history, oldest first, with the obligations each event created. */
  async historyOf(pageId: string): Promise<{ events: RegistryEvent[]; obligations: ReportingObligation[] }> {
    const events = await this.dataSource.getRepository(RegistryEvent).find({ where: { pageId }, order: { id: 'ASC' } });
    if (!events.length) return { events, obligations: [] };
    const obligations = await this.dataSource.getRepository(ReportingObligation).find({
      where: { eventId: In(events.map((e) => e.id)) },
      order: { dueAt: 'ASC', ruleCode: 'ASC' },
    });
    return { events, obligations };
  }

  /** One count per page and day: a second count for the same day replaces the first. */
  async upsertMetric(values: PageMetricSnapshot): Promise<PageMetricSnapshot> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PageMetricSnapshot)
      .values(values)
      .orUpdate(['followers', 'weekly_reach'], ['page_id', 'measured_on'])
      .execute();
    return values;
  }

  metricsOf(pageId: string) {
    return this.dataSource.getRepository(PageMetricSnapshot).find({ where: { pageId }, order: { measuredOn: 'ASC' } });
  }
}
