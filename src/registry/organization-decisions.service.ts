import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { localDateOf } from '../calendar/working-time';
import { Clock } from '../common/clock';
import type { ProblemField } from '../common/errors/domain-error';
import type { CreateExemptionDto, CreateFrequencyDecisionDto } from './dto/organization-decision.dto';
import { OrganizationExemption, PostingFrequencyDecision } from './organization-decision.entity';
import { periodInvalid } from './organization-decision.rules';
import { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';
import { RegistryEventType } from './registry-event.entity';
import { RegistryEventsService } from './registry-events.service';
import { RegistryError, RegistryErrorCode } from './registry.errors';

/**
 * Decisions about one organization (Blagodarny Порядок p.4): an exemption from keeping pages,
 * agreed with the administration, and another weekly minimum of publications. Each is an event;
 * a frequency decision obliges the chief specialist to bring it to the organization.
 */
@Injectable()
export class OrganizationDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly events: RegistryEventsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async exemptions(organizationId: string) {
    const organization = await this.organization(organizationId);
    const decisions = await this.dataSource.getRepository(OrganizationExemption).find({
      where: { organizationId },
      order: { decisionDate: 'ASC', recordedAt: 'ASC' },
    });
    return { decisions, timeZone: await this.timeZone(organization) };
  }

  async frequencyDecisions(organizationId: string) {
    const organization = await this.organization(organizationId);
    const decisions = await this.dataSource.getRepository(PostingFrequencyDecision).find({
      where: { organizationId },
      order: { decisionDate: 'ASC', recordedAt: 'ASC' },
    });
    return { decisions, timeZone: await this.timeZone(organization) };
  }

  async addExemption(principal: Principal, organizationId: string, input: CreateExemptionDto) {
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.openOrganization(manager, organizationId);
      await this.checkDates(organization, input);
      const decision = await manager.save(
        manager.create(OrganizationExemption, {
          organizationId,
          decisionNumber: input.decisionNumber.trim(),
          decisionDate: input.decisionDate,
          agreedBy: input.agreedBy.trim(),
          clause: input.clause.trim(),
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
          recordedBy: principal.userId,
        }),
      );
      const { obligations } = await this.events.record(manager, {
        type: RegistryEventType.ExemptionDecided,
        organizationId,
        occurredOn: decision.decisionDate,
        recordedBy: principal.userId,
        data: { decisionId: decision.id, ...describe(decision), agreedBy: decision.agreedBy },
      });
      return { decision, obligations, timeZone: await this.timeZone(organization) };
    });
  }

  async addFrequencyDecision(principal: Principal, organizationId: string, input: CreateFrequencyDecisionDto) {
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.openOrganization(manager, organizationId);
      await this.checkDates(organization, input);
      const decision = await manager.save(
        manager.create(PostingFrequencyDecision, {
          organizationId,
          minimumPerWeek: input.minimumPerWeek,
          decisionNumber: input.decisionNumber.trim(),
          decisionDate: input.decisionDate,
          decidedBy: input.decidedBy.trim(),
          clause: input.clause.trim(),
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
          recordedBy: principal.userId,
        }),
      );
      // Blagodarny Порядок p.4: brought to the organization within 10 working days of the decision.
      const { obligations } = await this.events.record(manager, {
        type: RegistryEventType.FrequencyDecided,
        organizationId,
        occurredOn: decision.decisionDate,
        recordedBy: principal.userId,
        data: {
          decisionId: decision.id,
          ...describe(decision),
          minimumPerWeek: decision.minimumPerWeek,
          decidedBy: decision.decidedBy,
        },
      });
      return { decision, obligations, timeZone: await this.timeZone(organization) };
    });
  }

  private async checkDates(
    organization: Organization,
    input: { decisionDate: string; validFrom: string; validTo?: string },
  ) {
    const problems: ProblemField[] = [];
    if (periodInvalid(input.validFrom, input.validTo)) {
      problems.push({ field: 'validTo', message: 'конец срока действия раньше его начала' });
    }
    const today = localDateOf(this.clock.now(), await this.timeZone(organization));
    if (input.decisionDate > today) {
      problems.push({ field: 'decisionDate', message: 'дата решения не может быть позже сегодняшней' });
    }
    if (problems.length) throw new RegistryError(RegistryErrorCode.DATES_INVALID, {}, problems);
  }

  private async timeZone(organization: Organization) {
    return (await this.calendar.jurisdiction(organization.jurisdictionCode)).timeZone;
  }

  private async organization(id: string) {
    const organization = await this.organizations.findById(id);
    if (!organization) throw new RegistryError(RegistryErrorCode.ORGANIZATION_NOT_FOUND, { organizationId: id });
    return organization;
  }

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
}

function describe(d: {
  decisionNumber: string;
  decisionDate: string;
  clause: string;
  validFrom: string;
  validTo: string | null;
}) {
  return {
    decisionNumber: d.decisionNumber,
    decisionDate: d.decisionDate,
    clause: d.clause,
    validFrom: d.validFrom,
    validTo: d.validTo,
  };
}
