import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { localDateOf } from '../calendar/working-time';
import { Clock } from '../common/clock';
import type { ProblemField } from '../common/errors/domain-error';
import { CreatePageDto, ListPagesQueryDto, RecordPageMetricDto, UpdatePageDto } from './dto/page.dto';
import { ReportingObligation } from './obligation.entity';
import { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';
import { OfficialPage, PageChecklist, PageMetricSnapshot } from './page.entity';
import {
  describeExpected,
  isLegacyNetwork,
  NETWORK_TITLES,
  normalizePageUrl,
  pageUrlProblemMessage,
} from './page-url.rules';
import {
  checklistCompleteness,
  countsAsOfficial,
  decodeCursor,
  encodeCursor,
  PageDates,
  PageFacts,
  pageChangeEvents,
  pageDateProblems,
  PageSort,
} from './page.rules';
import { PagesRepository } from './pages.repository';
import { PolicyService } from './policy.service';
import { networkAllowed } from './policy.rules';
import type { JurisdictionPolicy, Network } from './policy.types';
import { NewRegistryEvent, RegistryEventsService } from './registry-events.service';
import { RegistryEvent, RegistryEventType } from './registry-event.entity';
import { RegistryError, RegistryErrorCode } from './registry.errors';
import { assertVersion } from './versioning';
import { visibilityOf } from './visibility';

/** A page as the API shows it: with its jurisdiction and what its policy makes of it. */
export interface PageView {
  page: OfficialPage;
  jurisdiction: string;
  countsAsOfficial: boolean;
  checklistCompleteness: number | null;
}

/** The outcome of a change: the page and the reporting obligations the change created. */
export interface PageChange {
  view: PageView;
  obligations: ReportingObligation[];
  /** Zone of the jurisdiction, in which due instants are shown. */
  timeZone: string;
}

export interface PageHistory {
  events: { event: RegistryEvent; obligations: ReportingObligation[] }[];
  timeZone: string;
}

const DEFAULT_LIMIT = 50;

@Injectable()
export class PagesService {
  constructor(
    private readonly pages: PagesRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly policies: PolicyService,
    private readonly events: RegistryEventsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: CreatePageDto): Promise<PageChange> {
    const organization = await this.organizations.findById(input.organizationId);
    if (!organization) {
      throw new RegistryError(RegistryErrorCode.ORGANIZATION_NOT_FOUND, { organizationId: input.organizationId });
    }
    if (organization.closedOn) {
      throw new RegistryError(RegistryErrorCode.ORGANIZATION_CLOSED, {
        organizationId: organization.id,
        closedOn: organization.closedOn,
      });
    }
    const { policy } = await this.policies.get(organization.jurisdictionCode);
    const { timeZone } = await this.calendar.jurisdiction(organization.jurisdictionCode);
    const today = localDateOf(this.clock.now(), timeZone);
    // Legacy networks are recorded for history whatever the policy says; they never count.
    if (!isLegacyNetwork(input.network) && !networkAllowed(input.network, policy)) {
      throw new RegistryError(
        RegistryErrorCode.PAGE_NETWORK_NOT_ALLOWED,
        { network: input.network, allowed: policy.networks.allowed, citation: policy.networks.citation },
        [
          {
            field: 'network',
            message: `сеть «${NETWORK_TITLES[input.network]}» не входит в перечень: ${policy.networks.allowed
              .map((n) => NETWORK_TITLES[n])
              .join(', ')}`,
          },
        ],
      );
    }
    const address = normalizedAddress(input.network, input.url);
    const createdOn = input.createdOn ?? today;
    const attributes = attributesOf(input);
    assertDates({ createdOn, ...attributes }, today);
    const counts = countsAsOfficial(input.network, policy);

    return this.mapUniqueViolations(policy, input.network, () =>
      this.pages.transaction(async (manager) => {
        const page = await this.pages.insert(manager, {
          organizationId: organization.id,
          network: input.network,
          url: address.url,
          handle: address.handle,
          // Khabarovsk Положение 1 p.3.1: the partial unique index holds this page to one per network.
          onePerNetwork: counts && policy.onePagePerNetwork.required,
          createdOn,
          deletedOn: null,
          ...attributes,
        });
        const obligations = await this.record(manager, counts, {
          type: RegistryEventType.PageCreated,
          organizationId: organization.id,
          pageId: page.id,
          occurredOn: createdOn,
          recordedBy: principal.userId,
          data: { after: { network: page.network, url: page.url, createdOn, ...withoutUndefined(attributes) } },
        });
        return { view: viewOf(page, organization.jurisdictionCode, policy), obligations, timeZone };
      }),
    );
  }

  async list(
    principal: Principal,
    query: ListPagesQueryDto,
  ): Promise<{ items: PageView[]; nextCursor: string | null }> {
    const sort: PageSort = query.sort ?? 'createdOn';
    const limit = query.limit ?? DEFAULT_LIMIT;
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort);
    if (query.cursor !== undefined && !cursor) {
      throw new RegistryError(RegistryErrorCode.INVALID_CURSOR, {}, [
        { field: 'cursor', message: 'курсор повреждён или выдан для другого порядка сортировки' },
      ]);
    }
    const rows = await this.pages.findVisible(
      visibilityOf(principal),
      {
        jurisdiction: query.jurisdiction,
        organizationId: query.organizationId,
        under: query.under,
        network: query.network,
        mark: query.mark,
        status: query.status,
      },
      sort,
      limit,
      cursor,
    );
    const pageRows = rows.slice(0, limit);
    const policies = await this.pages.policiesOf(pageRows.map((p) => p.organization!.jurisdictionCode));
    const items = pageRows.map((page) => {
      const code = page.organization!.jurisdictionCode;
      const record = policies.get(code);
      if (!record) throw new RegistryError(RegistryErrorCode.POLICY_NOT_FOUND, { jurisdiction: code });
      return viewOf(page, code, record.policy);
    });
    const last = pageRows[pageRows.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ sort, value: sort === 'url' ? last.url : last.createdOn, id: last.id })
        : null;
    return { items, nextCursor };
  }

  async get(id: string): Promise<PageView> {
    const page = await this.find(id);
    const organization = page.organization!;
    const { policy } = await this.policies.get(organization.jurisdictionCode);
    return viewOf(page, organization.jurisdictionCode, policy);
  }

  /**
   * An edit based on `expected` (optimistic concurrency under a row lock). Each kind of change
   * becomes its own registry event with before/after (Khabarovsk Положение 1 p.3.2) and the
   * obligations the policy attaches to it (a URL change: report to the Committee, new website link).
   */
  async update(principal: Principal, id: string, expected: number, input: UpdatePageDto): Promise<PageChange> {
    const { organization, policy, timeZone, today } = await this.contextOf(id);
    return this.mapUniqueViolations(policy, undefined, () =>
      this.pages.transaction(async (manager) => {
        const page = await this.lock(manager, id);
        assertVersion(page.version, expected);
        if (page.deletedOn)
          throw new RegistryError(RegistryErrorCode.PAGE_ALREADY_DELETED, { deletedOn: page.deletedOn });
        const patch: Partial<PageFacts> = attributesOf(input);
        if (input.url !== undefined) patch.url = normalizedAddress(page.network, input.url).url;
        const changedOn = input.changedOn ?? today;
        assertDates({ ...datesOf(page), ...withoutUndefined(patch), changedOn }, today);
        const changes = pageChangeEvents(factsOf(page), patch, changedOn);
        if (!changes.length)
          return { view: viewOf(page, organization.jurisdictionCode, policy), obligations: [], timeZone };

        Object.assign(page, withoutUndefined(patch));
        if (patch.url !== undefined) page.handle = normalizedAddress(page.network, patch.url).handle;
        const saved = await this.pages.save(manager, page);
        const counts = countsAsOfficial(page.network, policy);
        const obligations: ReportingObligation[] = [];
        for (const change of changes) {
          obligations.push(
            ...(await this.record(manager, counts, {
              type: change.type as RegistryEventType,
              organizationId: organization.id,
              pageId: page.id,
              occurredOn: change.occurredOn,
              recordedBy: principal.userId,
              data: { before: change.before, after: change.after },
            })),
          );
        }
        return { view: viewOf(saved, organization.jurisdictionCode, policy), obligations, timeZone };
      }),
    );
  }

  /** Marks the page deleted on a day and records `page_deleted` with its obligations. */
  async delete(
    principal: Principal,
    id: string,
    input: { deletedOn?: string },
    expected: number | undefined,
  ): Promise<PageChange> {
    const { organization, policy, timeZone, today } = await this.contextOf(id);
    return this.pages.transaction(async (manager) => {
      const page = await this.lock(manager, id);
      if (page.deletedOn)
        throw new RegistryError(RegistryErrorCode.PAGE_ALREADY_DELETED, { deletedOn: page.deletedOn });
      if (expected !== undefined) assertVersion(page.version, expected);
      const deletedOn = input.deletedOn ?? today;
      assertDates({ ...datesOf(page), deletedOn }, today);
      page.deletedOn = deletedOn;
      const saved = await this.pages.save(manager, page);
      const obligations = await this.record(manager, countsAsOfficial(page.network, policy), {
        type: RegistryEventType.PageDeleted,
        organizationId: organization.id,
        pageId: page.id,
        occurredOn: deletedOn,
        recordedBy: principal.userId,
        data: { before: { deletedOn: null }, after: { deletedOn } },
      });
      return { view: viewOf(saved, organization.jurisdictionCode, policy), obligations, timeZone };
    });
  }

  async history(id: string): Promise<PageHistory> {
    const page = await this.find(id);
    const { timeZone } = await this.calendar.jurisdiction(page.organization!.jurisdictionCode);
    const { events, obligations } = await this.pages.historyOf(id);
    return {
      events: events.map((event) => ({ event, obligations: obligations.filter((o) => o.eventId === event.id) })),
      timeZone,
    };
  }

  /** Followers and reach on a day; a second count for the same day replaces the first. */
  async recordMetric(id: string, input: RecordPageMetricDto): Promise<PageMetricSnapshot> {
    const page = await this.find(id);
    const { timeZone } = await this.calendar.jurisdiction(page.organization!.jurisdictionCode);
    assertDates({ ...datesOf(page), measuredOn: input.measuredOn }, localDateOf(this.clock.now(), timeZone));
    return this.pages.upsertMetric(
      Object.assign(new PageMetricSnapshot(), {
        pageId: id,
        measuredOn: input.measuredOn,
        followers: input.followers,
        weeklyReach: input.weeklyReach ?? null,
      }),
    );
  }

  async metrics(id: string): Promise<PageMetricSnapshot[]> {
    await this.find(id);
    return this.pages.metricsOf(id);
  }

  private async find(id: string): Promise<OfficialPage> {
    const page = await this.pages.findById(id);
    if (!page) throw new RegistryError(RegistryErrorCode.PAGE_NOT_FOUND, { pageId: id });
    return page;
  }

  private async lock(manager: EntityManager, id: string): Promise<OfficialPage> {
    const page = await this.pages.lockById(manager, id);
    if (!page) throw new RegistryError(RegistryErrorCode.PAGE_NOT_FOUND, { pageId: id });
    return page;
  }

  private async contextOf(id: string): Promise<{
    organization: Organization;
    policy: JurisdictionPolicy;
    timeZone: string;
    today: string;
  }> {
    const organization = (await this.find(id)).organization!;
    const { policy } = await this.policies.get(organization.jurisdictionCode);
    const { timeZone } = await this.calendar.jurisdiction(organization.jurisdictionCode);
    return { organization, policy, timeZone, today: localDateOf(this.clock.now(), timeZone) };
  }

  /**
   * A page that counts records its event through RegistryEventsService, which adds the
   * obligations of the policy. A legacy page (or one in a network the policy no longer allows)
   * is history only: its events are kept, but oblige nobody to report.
   */
  /** Pages that do not count as official keep their history but oblige no reports. */
  private async record(manager: EntityManager, counts: boolean, event: NewRegistryEvent) {
    return (await this.events.record(manager, { ...event, deriveObligations: counts })).obligations;
  }

  /**
   * The partial unique indexes decide duplicates, so that two concurrent requests cannot both
   * register the same page or a second page in one network: the loser gets the same 409 as a
   * sequential duplicate.
   */
  private async mapUniqueViolations<T>(
    policy: JurisdictionPolicy,
    network: Network | undefined,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      switch (this.pages.uniqueViolationOf(error)) {
        case 'url':
          throw new RegistryError(RegistryErrorCode.PAGE_DUPLICATE_URL, {}, [
            { field: 'url', message: 'страница с этим адресом уже есть в реестре и не удалена' },
          ]);
        case 'network':
          throw new RegistryError(
            RegistryErrorCode.PAGE_DUPLICATE_NETWORK,
            { network, citation: policy.onePagePerNetwork.citation },
            [{ field: 'network', message: 'у организации уже есть действующая страница в этой сети' }],
          );
        case undefined:
          throw error;
      }
    }
  }
}

function normalizedAddress(network: Network, url: string) {
  const result = normalizePageUrl(network, url);
  if (result.ok) return result;
  // A login or password in the address is an attempt to hand credentials to the registry.
  const code =
    result.problem === 'credentials' ? RegistryErrorCode.PAGE_CREDENTIALS_REFUSED : RegistryErrorCode.PAGE_URL_INVALID;
  throw new RegistryError(code, { network, problem: result.problem, expected: describeExpected(network) }, [
    { field: 'url', message: pageUrlProblemMessage(network, result.problem) },
  ]);
}

function assertDates(dates: PageDates, today: string) {
  const problems: ProblemField[] = pageDateProblems(dates, today);
  if (problems.length) throw new RegistryError(RegistryErrorCode.DATES_INVALID, { today }, problems);
}

type Attributes = Omit<Partial<PageFacts>, 'url' | 'checklist'> & { checklist?: PageChecklist | null };

/** The attributes a request sets: undefined = untouched, null = cleared. */
function attributesOf(input: CreatePageDto | UpdatePageDto): Attributes {
  return {
    gosuslugiMarkOn: input.gosuslugiMarkOn,
    feedbackWidgetOn: input.feedbackWidgetOn,
    commentsOpen: input.commentsOpen,
    servicePhone: input.servicePhone?.trim() ?? input.servicePhone,
    checklist: input.checklist && checklistOf(input.checklist),
    websiteLinkOn: input.websiteLinkOn,
    accessHandedOn: input.accessHandedOn,
    accessHandedTo: input.accessHandedTo?.trim() ?? input.accessHandedTo,
  };
}

/** Blagodarny Порядок p.5: an item not sent is not met. */
function checklistOf(input: Partial<PageChecklist>): PageChecklist {
  return {
    coverWithEmblem: input.coverWithEmblem ?? false,
    unifiedStyle: input.unifiedStyle ?? false,
    currentInformation: input.currentInformation ?? false,
    geotag: input.geotag ?? false,
    fieldMaterials: input.fieldMaterials ?? false,
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function factsOf(page: OfficialPage): PageFacts {
  return {
    url: page.url,
    gosuslugiMarkOn: page.gosuslugiMarkOn,
    feedbackWidgetOn: page.feedbackWidgetOn,
    commentsOpen: page.commentsOpen,
    servicePhone: page.servicePhone,
    checklist: page.checklist,
    websiteLinkOn: page.websiteLinkOn,
    accessHandedOn: page.accessHandedOn,
    accessHandedTo: page.accessHandedTo,
  };
}

function datesOf(page: OfficialPage): PageDates {
  return {
    createdOn: page.createdOn,
    deletedOn: page.deletedOn,
    gosuslugiMarkOn: page.gosuslugiMarkOn,
    feedbackWidgetOn: page.feedbackWidgetOn,
    websiteLinkOn: page.websiteLinkOn,
    accessHandedOn: page.accessHandedOn,
  };
}

function viewOf(page: OfficialPage, jurisdiction: string, policy: JurisdictionPolicy): PageView {
  return {
    page,
    jurisdiction,
    countsAsOfficial: countsAsOfficial(page.network, policy),
    checklistCompleteness: checklistCompleteness(
      page.checklist as unknown as Record<string, unknown> | null,
      policy.contentChecklist.items,
    ),
  };
}
