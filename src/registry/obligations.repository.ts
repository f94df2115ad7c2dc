import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ObligationStatusFilter } from './dto/obligation.dto';
import { ReportingObligation } from './obligation.entity';
import type { Visibility } from './visibility';

export interface ObligationFilter {
  jurisdiction?: string;
  organizationId?: string;
  status: ObligationStatusFilter;
  now: Date;
  limit: number;
  after?: { dueAt: string; id: string };
}

export type ObligationRow = ReportingObligation & { eventType: string; occurredOn: string };

@Injectable()
export class ObligationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Ordered by due instant, keyset-paginated; one query whatever the filters. */
  async list(visibility: Visibility, filter: ObligationFilter): Promise<ObligationRow[]> {
    if (visibility.jurisdictions?.length === 0 || visibility.organizations?.length === 0) return [];
    const query = this.dataSource
      .getRepository(ReportingObligation)
      .createQueryBuilder('o')
      .innerJoin('o.event', 'e')
      .addSelect(['e.type', 'e.occurredOn'])
      .orderBy('o.due_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(filter.limit);
    if (visibility.jurisdictions) query.andWhere('o.jurisdiction_code IN (:...vj)', { vj: visibility.jurisdictions });
    if (visibility.organizations) query.andWhere('o.organization_id IN (:...vo)', { vo: visibility.organizations });
    if (filter.jurisdiction) query.andWhere('o.jurisdiction_code = :j', { j: filter.jurisdiction });
    if (filter.organizationId) query.andWhere('o.organization_id = :org', { org: filter.organizationId });
    if (filter.status === 'open') query.andWhere('o.fulfilled_at IS NULL');
    if (filter.status === 'overdue') query.andWhere('o.fulfilled_at IS NULL AND o.due_at < :now', { now: filter.now });
    if (filter.status === 'fulfilled') query.andWhere('o.fulfilled_at IS NOT NULL');
    if (filter.after) {
      query.andWhere('(o.due_at, o.id) > (:afterDue, :afterId)', {
        afterDue: filter.after.dueAt,
        afterId: filter.after.id,
      });
    }
    const rows = await query.getMany();
    return rows.map((o) => Object.assign(o, { eventType: o.event!.type, occurredOn: o.event!.occurredOn }));
  }

  async findForOrganization(id: string, organizationId: string): Promise<ObligationRow | undefined> {
    const row = await this.dataSource
      .getRepository(ReportingObligation)
      .findOne({ where: { id, organizationId }, relations: { event: true } });
    return row ? Object.assign(row, { eventType: row.event!.type, occurredOn: row.event!.occurredOn }) : undefined;
  }

  /** Marks it fulfilled unless somebody already did (returns false then). */
  async fulfil(id: string, at: Date, by: string, note: string | null): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ReportingObligation)
      .set({ fulfilledAt: at, fulfilledBy: by, fulfilmentNote: note })
      .where('id = :id AND fulfilled_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
