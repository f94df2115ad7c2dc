import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizationKind } from '../registry/organization-kind';
import { containsPattern, nameSearchKeySql } from '../registry/organizations.repository';
import { LEGACY_NETWORKS } from '../registry/page-url.rules';
import type { PublicRegistryFilter, PublicRegistryRow, RegistryFreshness } from './public-registry.rules';

/** Only public columns are ever selected: never service_phone, access_handed_*, checklist. */
const ROW_COLUMNS = `
  p.id AS "pageId", o.id AS "organizationId", o.name AS "organizationName",
  o.jurisdiction_code AS "jurisdictionCode", j.name AS "jurisdictionName",
  p.network AS "network", p.url AS "url", p.created_on::text AS "createdOn",
  p.deleted_on::text AS "deletedOn", p.gosuslugi_mark_on::text AS "gosuslugiMarkOn",
  p.feedback_widget_on::text AS "feedbackWidgetOn"`;

const FROM = `
  FROM organizations o
  JOIN official_pages p ON p.organization_id = o.id
  JOIN jurisdictions j ON j.code = o.jurisdiction_code`;

// Organization name first, so that the planner can walk organizations_name_order_idx and stop
// after one screen; then the live-page index gives network and date order inside an organization.
const ORDER = `ORDER BY o.name, o.id, p.network, p.created_on, p.id`;

export interface ExportCursor {
  organizationName: string;
  organizationId: string;
  network: string;
  createdOn: string;
  pageId: string;
}

export interface PublicOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
  website: string | null;
  closedOn: string | null;
  jurisdictionCode: string;
  jurisdictionName: string;
}

export interface OrganizationLink {
  id: string;
  name: string;
  closedOn: string | null;
}

@Injectable()
export class PublicRegistryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest change of any organization or page: one index probe per table. */
  async findFreshness(): Promise<RegistryFreshness> {
    const [row] = (await this.dataSource.query(
      `SELECT GREATEST((SELECT max(updated_at) FROM organizations), (SELECT max(updated_at) FROM official_pages)) AS "changedAt"`,
    )) as { changedAt: Date | null }[];
    return { changedAt: row?.changedAt ?? null };
  }

  findJurisdictions(): Promise<{ code: string; name: string }[]> {
    return this.dataSource.query(`SELECT code, name FROM jurisdictions ORDER BY name`);
  }

  /** One screen of the registry; `limit` rows from `offset`, in registry order. */
  async findRows(filter: PublicRegistryFilter, offset: number, limit: number): Promise<PublicRegistryRow[]> {
    const params: unknown[] = [];
    const where = this.conditions(filter, params);
    params.push(limit, offset);
    return this.dataSource.query(
      `SELECT ${ROW_COLUMNS} ${FROM} WHERE ${where} ${ORDER} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  /** The next batch of a full export after `after` (keyset, so a 500 000-row export stays linear). */
  async findRowsAfter(filter: PublicRegistryFilter, after: ExportCursor | null, limit: number) {
    const params: unknown[] = [];
    let where = this.conditions(filter, params);
    if (after) {
      params.push(after.organizationName, after.organizationId, after.network, after.createdOn, after.pageId);
      const n = params.length;
      where +=
        ` AND (o.name, o.id) >= ($${n - 4}, $${n - 3}::uuid)` +
        ` AND (o.name, o.id, p.network, p.created_on, p.id) > ($${n - 4}, $${n - 3}::uuid, $${n - 2}, $${n - 1}::date, $${n}::uuid)`;
    }
    params.push(limit);
    return (await this.dataSource.query(
      `SELECT ${ROW_COLUMNS} ${FROM} WHERE ${where} ${ORDER} LIMIT $${params.length}`,
      params,
    )) as PublicRegistryRow[];
  }

  async findOrganization(id: string): Promise<PublicOrganization | null> {
    const [row] = (await this.dataSource.query(
      `SELECT o.id, o.name, o.kind, o.website, o.closed_on::text AS "closedOn",
              o.jurisdiction_code AS "jurisdictionCode", j.name AS "jurisdictionName"
         FROM organizations o JOIN jurisdictions j ON j.code = o.jurisdiction_code
        WHERE o.id = $1`,
      [id],
    )) as PublicOrganization[];
    return row ?? null;
  }

  /** Superior organizations, the root first. */
  findParentChain(id: string): Promise<OrganizationLink[]> {
    return this.dataSource.query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT o.id, o.parent_id, 0 FROM organizations o WHERE o.id = $1
         UNION
         SELECT p.id, p.parent_id, up.depth + 1 FROM organizations p JOIN up ON p.id = up.parent_id WHERE up.depth < 100
       )
       SELECT o.id, o.name, o.closed_on::text AS "closedOn"
         FROM up JOIN organizations o ON o.id = up.id
        WHERE up.depth > 0 ORDER BY up.depth DESC`,
      [id],
    );
  }

  findSubordinates(id: string): Promise<OrganizationLink[]> {
    return this.dataSource.query(
      `SELECT id, name, closed_on::text AS "closedOn" FROM organizations WHERE parent_id = $1 ORDER BY name, id`,
      [id],
    );
  }

  /** Pages of one organization under the same public rules as the list. */
  findOrganizationRows(organizationId: string, includeDeleted: boolean): Promise<PublicRegistryRow[]> {
    const params: unknown[] = [organizationId];
    const where = this.conditions({ includeDeleted }, params);
    return this.dataSource.query(`SELECT ${ROW_COLUMNS} ${FROM} WHERE o.id = $1 AND ${where} ${ORDER}`, params);
  }

  private conditions(filter: PublicRegistryFilter, params: unknown[]): string {
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (!filter.includeDeleted) {
      where.push(`p.deleted_on IS NULL`);
      where.push(`p.network NOT IN (${LEGACY_NETWORKS.map((n) => `'${n}'`).join(', ')})`);
    }
    if (filter.search) where.push(`${nameSearchKeySql('o')} LIKE ${add(containsPattern(filter.search))} ESCAPE '\\'`);
    if (filter.jurisdiction) where.push(`o.jurisdiction_code = ${add(filter.jurisdiction)}`);
    if (filter.network) where.push(`p.network = ${add(filter.network)}`);
    if (filter.mark === 'yes') where.push(`p.gosuslugi_mark_on IS NOT NULL`);
    if (filter.mark === 'no') where.push(`p.gosuslugi_mark_on IS NULL`);
    return where.length ? where.join(' AND ') : 'TRUE';
  }
}
