import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthError, AuthErrorCode } from '../auth/auth.errors';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { localDateOf } from '../calendar/working-time';
import { Clock } from '../common/clock';
import type {
  CloseOrganizationDto,
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { Organization } from './organization.entity';
import { decodeCursor, encodeCursor, fieldsRoleMayNotChange, OrganizationField, searchKey } from './organization.rules';
import { OrganizationsRepository } from './organizations.repository';
import { RegistryEventType } from './registry-event.entity';
import { RegistryEventsService } from './registry-events.service';
import { RegistryError, RegistryErrorCode } from './registry.errors';
import { assertVersion } from './versioning';
import { visibilityOf } from './visibility';

const DEFAULT_LIMIT = 50;

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly events: RegistryEventsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: CreateOrganizationDto): Promise<Organization> {
    if (!(await this.organizations.jurisdictionExists(input.jurisdiction))) {
      throw new RegistryError(RegistryErrorCode.JURISDICTION_NOT_FOUND, {}, [
        { field: 'jurisdiction', message: 'такой территории нет' },
      ]);
    }
    const today = await this.today(input.jurisdiction);
    return this.organizations.transaction(async (manager) => {
      if (input.parentId) await this.checkParent(manager, input.parentId, input.jurisdiction);
      const organization = await this.organizations.insert(manager, {
        jurisdictionCode: input.jurisdiction,
        name: input.name.trim(),
        kind: input.kind,
        parentId: input.parentId ?? null,
        website: input.website ?? null,
        inn: input.inn ?? null,
        ogrn: input.ogrn ?? null,
      });
      await this.events.record(manager, {
        type: RegistryEventType.OrganizationCreated,
        organizationId: organization.id,
        occurredOn: today,
        recordedBy: principal.userId,
        data: { name: organization.name, kind: organization.kind, parentId: organization.parentId },
      });
      return organization;
    });
  }

  async get(id: string): Promise<{ organization: Organization; parents: Organization[] }> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw notFound(id);
    return { organization, parents: await this.organizations.findAncestors(id) };
  }

  async list(principal: Principal, query: ListOrganizationsQueryDto) {
    const sort = query.sort ?? 'name';
    const limit = query.limit ?? DEFAULT_LIMIT;
    let after;
    if (query.cursor) {
      after = decodeCursor(query.cursor, sort);
      if (!after) {
        throw new RegistryError(RegistryErrorCode.INVALID_CURSOR, {}, [
          { field: 'cursor', message: 'курсор повреждён или выдан для другой сортировки' },
        ]);
      }
    }
    const rows = await this.organizations.list(visibilityOf(principal), {
      jurisdiction: query.jurisdiction,
      under: query.under,
      kind: query.kind,
      status: query.status,
      search: query.q?.trim() ? searchKey(query.q.trim()) : undefined,
      sort,
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => r.item),
      nextCursor: rows.length > limit && last ? encodeCursor({ sort, key: last.key, id: last.item.id }) : null,
    };
  }

  /**
   * Changes what was sent. A rename is an event with obligations (Khabarovsk Положение 1 p.3.2:
   * the Committee learns of it within 5 working days); parent changes keep the tree acyclic and
   * inside one jurisdiction.
   */
  async update(principal: Principal, id: string, input: UpdateOrganizationDto, expected: number) {
    const changed = (Object.keys(input) as (keyof UpdateOrganizationDto)[]).filter(
      (k): k is OrganizationField => k !== 'version' && k !== 'effectiveOn' && input[k] !== undefined,
    );
    const forbidden = fieldsRoleMayNotChange(principal.role, changed);
    if (forbidden.length) {
      throw new AuthError(
        AuthErrorCode.FORBIDDEN_ROLE,
        {},
        forbidden.map((field) => ({
          field,
          message: 'название, вид и подчинённость организации меняет координатор',
        })),
      );
    }
    return this.organizations.transaction(async (manager) => {
      if (input.parentId) {
        // Before the row lock: the new parent's row is key-share locked by the update (FK check).
        const current = await this.organizations.findById(id, manager);
        if (current) await this.organizations.lockTree(manager, current.jurisdictionCode);
      }
      const organization = await this.organizations.findByIdForUpdate(manager, id);
      if (!organization) throw notFound(id);
      assertVersion(organization.version, expected);
      if (organization.closedOn) throw closed(organization);
      const today = await this.today(organization.jurisdictionCode);
      const effectiveOn = input.effectiveOn ?? today;
      if (effectiveOn > today) {
        throw new RegistryError(RegistryErrorCode.DATES_INVALID, {}, [
          { field: 'effectiveOn', message: 'дата изменения не может быть позже сегодняшней' },
        ]);
      }
      if (input.parentId !== undefined && input.parentId !== organization.parentId) {
        if (input.parentId !== null) {
          await this.checkParent(manager, input.parentId, organization.jurisdictionCode);
          const ancestors = await this.organizations.findAncestors(input.parentId, manager);
          if (input.parentId === id || ancestors.some((a) => a.id === id)) {
            throw new RegistryError(RegistryErrorCode.PARENT_CYCLE, { parentId: input.parentId }, [
              { field: 'parentId', message: 'организация не может подчиняться себе или своей подведомственной' },
            ]);
          }
        }
        organization.parentId = input.parentId;
      }
      const before = organization.name;
      if (input.name !== undefined) organization.name = input.name.trim();
      if (input.kind !== undefined) organization.kind = input.kind;
      if (input.website !== undefined) organization.website = input.website;
      if (input.inn !== undefined) organization.inn = input.inn;
      if (input.ogrn !== undefined) organization.ogrn = input.ogrn;
      const saved = await this.organizations.save(manager, organization);
      if (saved.name !== before) {
        await this.events.record(manager, {
          type: RegistryEventType.OrganizationRenamed,
          organizationId: id,
          occurredOn: effectiveOn,
          recordedBy: principal.userId,
          data: { before, after: saved.name },
        });
      }
      return saved;
    });
  }

  async close(principal: Principal, id: string, input: CloseOrganizationDto, expected: number | undefined) {
    return this.organizations.transaction(async (manager) => {
      const organization = await this.organizations.findByIdForUpdate(manager, id);
      if (!organization) throw notFound(id);
      if (expected !== undefined) assertVersion(organization.version, expected);
      if (organization.closedOn) throw closed(organization);
      if (input.closedOn > (await this.today(organization.jurisdictionCode))) {
        throw new RegistryError(RegistryErrorCode.DATES_INVALID, {}, [
          { field: 'closedOn', message: 'дата закрытия не может быть позже сегодняшней' },
        ]);
      }
      organization.closedOn = input.closedOn;
      const saved = await this.organizations.save(manager, organization);
      await this.events.record(manager, {
        type: RegistryEventType.OrganizationClosed,
        organizationId: id,
        occurredOn: input.closedOn,
        recordedBy: principal.userId,
        data: { closedOn: input.closedOn },
      });
      return saved;
    });
  }

  async history(id: string) {
    const organization = await this.organizations.findById(id);
    if (!organization) throw notFound(id);
    const { timeZone } = await this.calendar.jurisdiction(organization.jurisdictionCode);
    return { timeZone, entries: await this.organizations.findHistory(id) };
  }

  private async checkParent(manager: EntityManager, parentId: string, jurisdiction: string) {
    const parent = await this.organizations.findById(parentId, manager);
    if (!parent) throw new RegistryError(RegistryErrorCode.PARENT_NOT_FOUND, { parentId });
    if (parent.jurisdictionCode !== jurisdiction) {
      throw new RegistryError(RegistryErrorCode.PARENT_OTHER_JURISDICTION, { parentId });
    }
    if (parent.closedOn) throw closed(parent);
  }

  private async today(jurisdiction: string): Promise<string> {
    return localDateOf(this.clock.now(), (await this.calendar.jurisdiction(jurisdiction)).timeZone);
  }
}

function notFound(id: string) {
  return new RegistryError(RegistryErrorCode.ORGANIZATION_NOT_FOUND, { organizationId: id });
}

function closed(organization: Organization) {
  return new RegistryError(RegistryErrorCode.ORGANIZATION_CLOSED, {
    organizationId: organization.id,
    closedOn: organization.closedOn,
  });
}
