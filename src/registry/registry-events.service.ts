import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { ReportingObligation } from './obligation.entity';
import { Organization } from './organization.entity';
import { PolicyService } from './policy.service';
import { obligationsFor } from './policy.rules';
import { RegistryEvent, RegistryEventType } from './registry-event.entity';

export interface NewRegistryEvent {
  type: RegistryEventType;
  organizationId: string;
  pageId?: string | null;
  officialId?: string | null;
  /** YYYY-MM-DD in the jurisdiction */
  occurredOn: string;
  recordedBy: string | null;
  data?: Record<string, unknown>;
  /**
   * false for history brought in by an import of an existing registry: the reports for those
   * past events were due long ago under the paper process, so none are created now.
   */
  deriveObligations?: boolean;
}

/**
 * Records a registry event and, in the same transaction, the reporting obligations the
 * jurisdiction's policy attaches to it (DOMAIN.md §1), due per the working-time engine.
 */
@Injectable()
export class RegistryEventsService {
  constructor(
    private readonly policies: PolicyService,
    private readonly calendar: CalendarService,
  ) {}

  async record(
    manager: EntityManager,
    event: NewRegistryEvent,
  ): Promise<{ event: RegistryEvent; obligations: ReportingObligation[] }> {
    const organization = await manager.findOneOrFail(Organization, { where: { id: event.organizationId } });
    const saved = await manager.save(
      manager.create(RegistryEvent, {
        type: event.type,
        organizationId: event.organizationId,
        pageId: event.pageId ?? null,
        officialId: event.officialId ?? null,
        occurredOn: event.occurredOn,
        recordedBy: event.recordedBy,
        data: event.data ?? {},
      }),
    );
    if (event.deriveObligations === false) return { event: saved, obligations: [] };
    const { policy } = await this.policies.get(organization.jurisdictionCode, manager);
    const clock = await this.calendar.jurisdiction(organization.jurisdictionCode);
    const derived = obligationsFor(
      { type: event.type, occurredOn: event.occurredOn, organizationKind: organization.kind },
      policy,
      clock,
    );
    const obligations = derived.length
      ? await manager.save(
          derived.map((d) =>
            manager.create(ReportingObligation, {
              eventId: saved.id,
              organizationId: organization.id,
              jurisdictionCode: organization.jurisdictionCode,
              ...d,
            }),
          ),
        )
      : [];
    return { event: saved, obligations };
  }
}
