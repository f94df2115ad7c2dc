import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { Jurisdiction } from '../calendar/jurisdiction.entity';
import { ReportingObligation } from './obligation.entity';
import { OrganizationKind } from './organization-kind';
import { Organization } from './organization.entity';
import type { OrganizationCursor, OrganizationSort } from './organization.rules';
import { RegistryEvent } from './registry-event.entity';
import type { Visibility } from './visibility';

export interface OrganizationListFilter {
  jurisdiction?: string;
  under?: string;
  kind?: OrganizationKind;
  status?: 'active' | 'closed';
  /** Already folded with searchKey() */
  search?: string;
  sort: OrganizationSort;
  after?: OrganizationCursor;
  limit: number;
}

/**
 * The case- and ё/е-folded organization name that searches compare searchKey() with: a stored
 * column the trigger organizations_name_search_key fills with
 * translate(lower(name), 'АБВ…ЯЁё', 'абв…яее') (migration OrganizationSearchKey), so that a trigram
 * recheck does not fold every candidate again. The organizations list and the public registry both
 * search it; one trigram index (organizations_name_search_key_idx) serves both.
 */
export function nameSearchKeySql(alias: string): string {
  return `${alias}.name_search_key`;
}

/** A LIKE pattern matching names that contain an already folded search key. */
export function containsPattern(key: string): string {
  return `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
const CREATED_AT_KEY = `to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(Organization);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(Organization, { where: { id } });
  }

  /** The row locked for the rest of the transaction, so concurrent changes queue up. */
  findByIdForUpdate(manager: EntityManager, id: string) {
    return manager.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Serializes re-parenting inside one jurisdiction for the rest of the transaction: two
   * concurrent moves (A under B, B under A) would each pass the cycle check alone.
   */
  async lockTree(manager: EntityManager, jurisdiction: string) {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`organization-tree:${jurisdiction}`]);
  }

  jurisdictionExists(code: string) {
    return this.dataSource.getRepository(Jurisdiction).exists({ where: { code } });
  }

  insert(
    manager: EntityManager,
    values: Pick<Organization, 'jurisdictionCode' | 'name' | 'kind' | 'parentId' | 'website' | 'inn' | 'ogrn'>,
  ) {
    return manager.save(manager.create(Organization, values));
  }

  save(manager: EntityManager, organization: Organization) {
    return manager.save(organization);
  }

  /** Superior organizations of `id`, nearest first, up to the root. */
  async findAncestors(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organization[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT o.id, o.parent_id, 0 FROM organizations o WHERE o.id = $1
         UNION
         SELECT p.id, p.parent_id, up.depth + 1 FROM organizations p JOIN up ON p.id = up.parent_id WHERE up.depth < 100
       )
       SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
      [id],
    );
    if (!rows.length) return [];
    const found = await manager.find(Organization, { where: { id: In(rows.map((r) => r.id)) } });
    const byId = new Map(found.map((o) => [o.id, o]));
    return rows.map((r) => byId.get(r.id)!).filter(Boolean);
  }

  async list(visibility: Visibility, filter: OrganizationListFilter): Promise<{ item: Organization; key: string }[]> {
    if (visibility.organizations?.length === 0 || visibility.jurisdictions?.length === 0) return [];
    const qb = this.repo.createQueryBuilder('o');
    if (visibility.organizations) qb.andWhere('o.id IN (:...visibleOrgs)', { visibleOrgs: visibility.organizations });
    if (visibility.jurisdictions) {
      qb.andWhere('o.jurisdiction_code IN (:...visibleJurisdictions)', {
        visibleJurisdictions: visibility.jurisdictions,
      });
    }
    if (filter.jurisdiction) qb.andWhere('o.jurisdiction_code = :jurisdiction', { jurisdiction: filter.jurisdiction });
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.status === 'active') qb.andWhere('o.closed_on IS NULL');
    if (filter.status === 'closed') qb.andWhere('o.closed_on IS NOT NULL');
    if (filter.under) {
      qb.andWhere(
        `o.id IN (WITH RECURSIVE sub(id) AS (
           SELECT s.id FROM organizations s WHERE s.id = :under
           UNION
           SELECT c.id FROM organizations c JOIN sub ON c.parent_id = sub.id
         ) SELECT id FROM sub)`,
        { under: filter.under },
      );
    }
    if (filter.search) {
      qb.andWhere(`${nameSearchKeySql('o')} LIKE :pattern ESCAPE '\\'`, {
        pattern: containsPattern(filter.search),
      });
    }

    const [keyExpression, direction] =
      filter.sort === 'createdAt'
        ? ([CREATED_AT_KEY, 'ASC'] as const)
        : // An expression, not the bare column: TypeORM would otherwise hydrate the entity without its name.
          (['CAST(o.name AS text)', filter.sort === '-name' ? 'DESC' : 'ASC'] as const);
    if (filter.after) {
      const comparison = direction === 'ASC' ? '>' : '<';
      const keyValue = filter.sort === 'createdAt' ? 'CAST(:afterKey AS timestamptz)' : ':afterKey';
      const column = filter.sort === 'createdAt' ? 'o.created_at' : 'o.name';
      qb.andWhere(
        new Brackets((w) =>
          w.where(`(${column}, o.id) ${comparison} (${keyValue}, CAST(:afterId AS uuid))`, {
            afterKey: filter.after!.key,
            afterId: filter.after!.id,
          }),
        ),
      );
    }
    qb.addSelect(keyExpression, 'cursor_key')
      .orderBy(filter.sort === 'createdAt' ? 'o.createdAt' : 'o.name', direction)
      .addOrderBy('o.id', direction)
      .limit(filter.limit);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_key: string }>();
    return entities.map((item, i) => ({ item, key: raw[i].cursor_key }));
  }

  /** The organization's events, oldest first, with the obligations each created. */
  async findHistory(organizationId: string) {
    const events = await this.dataSource.getRepository(RegistryEvent).find({
      where: { organizationId },
      order: { id: 'ASC' },
    });
    const obligations = events.length
      ? await this.dataSource.getRepository(ReportingObligation).find({
          where: { eventId: In(events.map((e) => e.id)) },
          order: { dueAt: 'ASC' },
        })
      : [];
    return events.map((event) => ({ event, obligations: obligations.filter((o) => o.eventId === event.id) }));
  }
}
