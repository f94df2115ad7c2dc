import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { formatInstant, formatOptionalInstant } from '../calendar/working-time';
import { ActorDirectory } from '../common/actors/actor-directory';
import { Clock } from '../common/clock';
import type { ObligationDto, ObligationListDto, ObligationStatusFilter } from './dto/obligation.dto';
import { ObligationRow, ObligationsRepository } from './obligations.repository';
import { RegistryError, RegistryErrorCode } from './registry.errors';
import { visibilityOf } from './visibility';

const DEFAULT_LIMIT = 100;

@Injectable()
export class ObligationsService {
  constructor(
    private readonly obligations: ObligationsRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly actors: ActorDirectory,
  ) {}

  async list(
    principal: Principal,
    query: {
      jurisdiction?: string;
      organizationId?: string;
      status?: ObligationStatusFilter;
      limit?: number;
      cursor?: string;
    },
  ): Promise<ObligationListDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const now = this.clock.now();
    const rows = await this.obligations.list(visibilityOf(principal), {
      jurisdiction: query.jurisdiction,
      organizationId: query.organizationId,
      status: query.status ?? 'open',
      now,
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.present(page, now),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }

  async fulfil(
    principal: Principal,
    organizationId: string,
    id: string,
    fulfilledAt?: string,
    note?: string,
  ): Promise<ObligationDto> {
    const row = await this.obligations.findForOrganization(id, organizationId);
    if (!row) throw new RegistryError(RegistryErrorCode.OBLIGATION_NOT_FOUND, { obligationId: id });
    const at = fulfilledAt ? new Date(fulfilledAt) : this.clock.now();
    if (!(await this.obligations.fulfil(id, at, principal.userId, note ?? null))) {
      throw new RegistryError(RegistryErrorCode.OBLIGATION_ALREADY_FULFILLED, { obligationId: id });
    }
    const updated = (await this.obligations.findForOrganization(id, organizationId))!;
    return (await this.present([updated], this.clock.now()))[0];
  }

  private async present(rows: ObligationRow[], now: Date): Promise<ObligationDto[]> {
    const zones = await this.calendar.timeZones();
    const actors = await this.actors.resolve(rows.map((r) => r.fulfilledBy));
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organizationId,
      jurisdiction: r.jurisdictionCode,
      eventId: r.eventId,
      eventType: r.eventType,
      occurredOn: r.occurredOn,
      ruleCode: r.ruleCode,
      duty: r.duty,
      recipient: r.recipient,
      workingDays: r.workingDays,
      citation: r.citation,
      dueAt: formatInstant(r.dueAt, zones.get(r.jurisdictionCode)!),
      status: r.fulfilledAt ? 'fulfilled' : r.dueAt < now ? 'overdue' : 'open',
      fulfilledAt: formatOptionalInstant(r.fulfilledAt, zones.get(r.jurisdictionCode)!),
      fulfilledBy: r.fulfilledBy,
      fulfilledByActor: actors.of(r.fulfilledBy),
      late: r.fulfilledAt ? r.fulfilledAt > r.dueAt : false,
      note: r.fulfilmentNote,
    }));
  }
}

function encodeCursor(row: ObligationRow): string {
  return Buffer.from(JSON.stringify({ d: row.dueAt.toISOString(), i: row.id })).toString('base64url');
}

function decodeCursor(cursor: string): { dueAt: string; id: string } {
  try {
    const { d, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { d: unknown; i: unknown };
    if (typeof d === 'string' && !Number.isNaN(Date.parse(d)) && typeof i === 'string' && /^[0-9a-f-]{36}$/.test(i)) {
      return { dueAt: d, id: i };
    }
  } catch {
    // fall through to the problem below
  }
  throw new RegistryError(RegistryErrorCode.INVALID_CURSOR, {}, [{ field: 'cursor', message: 'курсор повреждён' }]);
}
