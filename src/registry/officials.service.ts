import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { localDateOf } from '../calendar/working-time';
import { Clock } from '../common/clock';
import type { ProblemField } from '../common/errors/domain-error';
import type { CreateOfficialDto, UpdateOfficialDto } from './dto/official.dto';
import { Official, OFFICIAL_ROLES, OfficialRole } from './official.entity';
import {
  changedOfficialFields,
  OfficialEventType,
  OfficialFacts,
  officialEventTypes,
  officialRefusal,
} from './official.rules';
import { OfficialsRepository } from './officials.repository';
import { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';
import { PolicyService } from './policy.service';
import type { OfficialRank } from './policy.types';
import { RegistryEventType } from './registry-event.entity';
import { RegistryEventsService } from './registry-events.service';
import { RegistryError, RegistryErrorCode } from './registry.errors';
import { assertVersion } from './versioning';

const EVENT_TYPES: Record<OfficialEventType, RegistryEventType> = {
  official_assigned: RegistryEventType.OfficialAssigned,
  official_changed: RegistryEventType.OfficialChanged,
  responsible_changed: RegistryEventType.ResponsibleChanged,
  executor_changed: RegistryEventType.ExecutorChanged,
};

const RANK_TITLES: Record<OfficialRank, string> = {
  head: 'руководитель',
  first_deputy_head: 'первый заместитель руководителя',
  deputy_head: 'заместитель руководителя',
  department_head: 'руководитель структурного подразделения',
  specialist: 'специалист',
};

@Injectable()
export class OfficialsService {
  constructor(
    private readonly officials: OfficialsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly policies: PolicyService,
    private readonly events: RegistryEventsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** The time zone of the organization's jurisdiction, in which its officials' instants are answered. */
  async timeZoneOf(organizationId: string): Promise<string> {
    const organization = await this.organization(organizationId);
    return (await this.calendar.jurisdiction(organization.jurisdictionCode)).timeZone;
  }

  async list(organizationId: string): Promise<Official[]> {
    await this.organization(organizationId);
    return this.officials.findByOrganization(organizationId);
  }

  async get(organizationId: string, id: string): Promise<Official> {
    await this.organization(organizationId);
    const official = await this.officials.findInOrganization(organizationId, id);
    if (!official) throw notFound(id);
    return official;
  }

  /** Assigns an official; the events its roles demand and their obligations commit with it. */
  async create(principal: Principal, organizationId: string, input: CreateOfficialDto): Promise<Official> {
    return this.organizations.transaction(async (manager) => {
      const organization = await this.openOrganization(manager, organizationId);
      const today = await this.today(organization);
      const facts: OfficialFacts = {
        fullName: input.fullName.trim(),
        position: input.position.trim(),
        rank: input.rank,
        roles: ordered(input.roles),
        workEmail: input.workEmail ?? null,
        workPhone: input.workPhone ?? null,
        esiaConfirmedOn: input.esiaConfirmedOn ?? null,
        activeFrom: input.activeFrom ?? today,
        activeTo: input.activeTo ?? null,
      };
      await this.check(manager, organization, facts, today);
      const official = await this.officials.insert(manager, { organizationId, ...facts });
      // An appointment recorded late is reported from the day it took effect.
      const occurredOn = facts.activeFrom < today ? facts.activeFrom : today;
      await this.record(manager, principal, official, officialEventTypes(null, facts), occurredOn, {});
      return official;
    });
  }

  async update(
    principal: Principal,
    organizationId: string,
    id: string,
    input: UpdateOfficialDto,
    expected: number,
  ): Promise<Official> {
    return this.organizations.transaction(async (manager) => {
      const organization = await this.openOrganization(manager, organizationId);
      const official = await this.officials.findInOrganizationForUpdate(manager, organizationId, id);
      if (!official) throw notFound(id);
      assertVersion(official.version, expected);
      const before = factsOf(official);
      const after: OfficialFacts = {
        fullName: input.fullName?.trim() ?? before.fullName,
        position: input.position?.trim() ?? before.position,
        rank: input.rank ?? before.rank,
        roles: input.roles ? ordered(input.roles) : before.roles,
        workEmail: input.workEmail === undefined ? before.workEmail : input.workEmail,
        workPhone: input.workPhone === undefined ? before.workPhone : input.workPhone,
        esiaConfirmedOn: input.esiaConfirmedOn === undefined ? before.esiaConfirmedOn : input.esiaConfirmedOn,
        activeFrom: input.activeFrom ?? before.activeFrom,
        activeTo: input.activeTo === undefined ? before.activeTo : input.activeTo,
      };
      const changed = changedOfficialFields(before, after);
      if (!changed.length) return official;
      const today = await this.today(organization);
      await this.check(manager, organization, after, today);
      Object.assign(official, after);
      const saved = await this.officials.save(manager, official);
      await this.record(manager, principal, saved, officialEventTypes(before, after), today, { changed });
      return saved;
    });
  }

  /** Dates that contradict each other, then the policy's refusals (rank floor, ESIA), each with its clause. */
  private async check(manager: EntityManager, organization: Organization, facts: OfficialFacts, today: string) {
    const dates: ProblemField[] = [];
    if (facts.activeTo && facts.activeTo < facts.activeFrom) {
      dates.push({ field: 'activeTo', message: 'окончание полномочий раньше их начала' });
    }
    if (facts.esiaConfirmedOn && facts.esiaConfirmedOn > today) {
      dates.push({ field: 'esiaConfirmedOn', message: 'дата подтверждения ЕСИА не может быть позже сегодняшней' });
    }
    if (dates.length) throw new RegistryError(RegistryErrorCode.DATES_INVALID, {}, dates);

    const { policy } = await this.policies.get(organization.jurisdictionCode, manager);
    const refusal = officialRefusal(facts, policy);
    if (!refusal) return;
    switch (refusal.reason) {
      case 'responsible_rank_too_low':
        throw new RegistryError(
          RegistryErrorCode.RESPONSIBLE_RANK_TOO_LOW,
          { citation: refusal.citation, minimumRank: refusal.minimumRank },
          [
            {
              field: 'rank',
              message: `ответственное лицо — не ниже должности «${RANK_TITLES[refusal.minimumRank]}» (${refusal.citation.clause})`,
            },
          ],
        );
      case 'esia_confirmation_required':
        throw new RegistryError(RegistryErrorCode.ESIA_CONFIRMATION_REQUIRED, { citation: refusal.citation }, [
          {
            field: 'esiaConfirmedOn',
            message: `уполномоченное лицо идентифицируется через ЕСИА${refusal.citation ? ` (${refusal.citation.clause})` : ''}`,
          },
        ]);
    }
  }

  private async record(
    manager: EntityManager,
    principal: Principal,
    official: Official,
    types: OfficialEventType[],
    occurredOn: string,
    extra: Record<string, unknown>,
  ) {
    // Contacts stay out of the history: it is readable by viewers, contacts are not.
    const data = {
      fullName: official.fullName,
      position: official.position,
      rank: official.rank,
      roles: official.roles,
      activeFrom: official.activeFrom,
      activeTo: official.activeTo,
      ...extra,
    };
    for (const type of types) {
      await this.events.record(manager, {
        type: EVENT_TYPES[type],
        organizationId: official.organizationId,
        officialId: official.id,
        occurredOn,
        recordedBy: principal.userId,
        data,
      });
    }
  }

  private async organization(id: string) {
    const organization = await this.organizations.findById(id);
    if (!organization) throw new RegistryError(RegistryErrorCode.ORGANIZATION_NOT_FOUND, { organizationId: id });
    return organization;
  }

  /** The organization locked for the transaction; closed ones keep their history but take no new records. */
  private async openOrganization(manager: EntityManager, id: string) {
    const organization = await this.organizations.findByIdForUpdate(manager, id);
    if (!organization) throw new RegistryError(RegistryErrorCode.ORGANIZATION_NOT_FOUND, { organizationId: id });
    if (organization.closedOn) {
      throw new RegistryError(RegistryErrorCode.ORGANIZATION_CLOSED, {
        organizationId: id,
        closedOn: organization.closedOn,
      });
    }
    return organization;
  }

  private async today(organization: Organization) {
    return localDateOf(this.clock.now(), (await this.calendar.jurisdiction(organization.jurisdictionCode)).timeZone);
  }
}

function factsOf(o: Official): OfficialFacts {
  return {
    fullName: o.fullName,
    position: o.position,
    rank: o.rank,
    roles: ordered(o.roles),
    workEmail: o.workEmail,
    workPhone: o.workPhone,
    esiaConfirmedOn: o.esiaConfirmedOn,
    activeFrom: o.activeFrom,
    activeTo: o.activeTo,
  };
}

/** Roles in one canonical order, so that a reordered list is not a change. */
function ordered(roles: OfficialRole[]): OfficialRole[] {
  return OFFICIAL_ROLES.filter((r) => roles.includes(r));
}

function notFound(id: string) {
  return new RegistryError(RegistryErrorCode.OFFICIAL_NOT_FOUND, { officialId: id });
}
