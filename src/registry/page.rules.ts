/**
 * Pure rules of official pages (DOMAIN.md §1): which attempts carry logins or passwords, which
 * dates contradict each other, which registry events an edit is, how complete the content
 * checklist is, and the opaque list cursor. No Nest, no TypeORM, no I/O.
 */
import type { ProblemField } from '../common/errors/domain-error';
import { isLegacyNetwork, type Network } from './page-url.rules';
import type { ChecklistItem, JurisdictionPolicy } from './policy.types';

// ---------------------------------------------------------------------------------------------
// Credentials: the product records that access was handed over, never logins or passwords.

/** Parts of a field name that mean a secret, after lower-casing and dropping `_`, `-`, `.` and spaces. */
const CREDENTIAL_KEY_PARTS = [
  'login',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'пароль',
  'логин',
  'token',
  'secret',
  'credential',
  'apikey',
];
/** A value such as «пароль: 12345» or «login=admin» pasted into a free-text field. */
const CREDENTIAL_VALUE = /(?:^|[^\p{L}])(?:парол[ьяюе]|логин|password|passwd|login|pwd)\s*[:=]/iu;
const MAX_DEPTH = 8;

/**
 * Paths of the members of a request body that carry (or are named as) credentials: keys anywhere
 * in the body, and `пароль: …`-like text in string values. Empty when the body is clean.
 */
export function credentialPaths(body: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (typeof value === 'string') {
      if (path && CREDENTIAL_VALUE.test(value)) found.push(path);
      return;
    }
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1));
      return;
    }
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      const memberPath = path ? `${path}.${key}` : key;
      const normalized = key.toLowerCase().replace(/[\s_.-]/g, '');
      if (CREDENTIAL_KEY_PARTS.some((part) => normalized.includes(part))) found.push(memberPath);
      else visit(member, memberPath, depth + 1);
    }
  };
  visit(body, '', 0);
  return found;
}

// ---------------------------------------------------------------------------------------------
// What counts

/**
 * Order 2523-р: Facebook, Instagram and Twitter pages may be recorded for history but never count
 * as an official page; a network the policy no longer allows does not count either.
 */
export function countsAsOfficial(network: Network, policy: JurisdictionPolicy): boolean {
  return !isLegacyNetwork(network) && policy.networks.allowed.includes(network);
}

/** Blagodarny Порядок p.5: share of the policy's checklist items that are met, 0–100; null without a checklist. */
export function checklistCompleteness(
  checklist: Record<string, unknown> | null | undefined,
  items: readonly ChecklistItem[],
): number | null {
  if (!items.length) return null;
  const met = items.filter((item) => checklist?.[item.code] === true).length;
  return Math.round((met * 100) / items.length);
}

// ---------------------------------------------------------------------------------------------
// Dates

export interface PageDates {
  createdOn: string;
  deletedOn?: string | null;
  gosuslugiMarkOn?: string | null;
  feedbackWidgetOn?: string | null;
  websiteLinkOn?: string | null;
  accessHandedOn?: string | null;
  /** Day of an edit (URL change…), from which reporting deadlines run. */
  changedOn?: string | null;
  /** Day of a follower count. */
  measuredOn?: string | null;
}

const LATER_DATES = [
  'deletedOn',
  'gosuslugiMarkOn',
  'feedbackWidgetOn',
  'websiteLinkOn',
  'accessHandedOn',
  'changedOn',
  'measuredOn',
] as const;

/**
 * Dates that contradict each other or the calendar: nothing happens after today in the
 * jurisdiction, nothing about a page happens before it was created, and a deleted page is measured
 * no later than its deletion. ISO dates compare as strings.
 */
export function pageDateProblems(dates: PageDates, today: string): ProblemField[] {
  const problems: ProblemField[] = [];
  if (dates.createdOn > today) problems.push({ field: 'createdOn', message: 'дата создания не может быть в будущем' });
  for (const field of LATER_DATES) {
    const value = dates[field];
    if (!value) continue;
    if (value > today) problems.push({ field, message: 'дата не может быть в будущем' });
    else if (value < dates.createdOn) {
      problems.push({ field, message: `дата раньше даты создания страницы (${dates.createdOn})` });
    }
  }
  if (dates.measuredOn && dates.deletedOn && dates.measuredOn > dates.deletedOn) {
    problems.push({ field: 'measuredOn', message: `страница удалена ${dates.deletedOn}` });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Edits as registry events

/** The editable facts of a page. */
export interface PageFacts {
  url: string;
  gosuslugiMarkOn: string | null;
  feedbackWidgetOn: string | null;
  commentsOpen: boolean | null;
  servicePhone: string | null;
  /** Checklist items by code (Blagodarny Порядок p.5). */
  checklist: object | null;
  websiteLinkOn: string | null;
  accessHandedOn: string | null;
  accessHandedTo: string | null;
}

export type PageFact = keyof PageFacts;

export type PageChangeEventType =
  | 'page_url_changed'
  | 'gosuslugi_mark_obtained'
  | 'feedback_widget_placed'
  | 'website_link_published'
  | 'access_handed_over'
  | 'page_updated';

export interface PageChangeEvent {
  type: PageChangeEventType;
  occurredOn: string;
  fields: PageFact[];
  before: Partial<PageFacts>;
  after: Partial<PageFacts>;
}

/** A fact obtained on a date: setting the date where there was none is its own event. */
const OBTAINED: ReadonlyArray<[PageFact, PageChangeEventType]> = [
  ['gosuslugiMarkOn', 'gosuslugi_mark_obtained'],
  ['feedbackWidgetOn', 'feedback_widget_placed'],
  ['websiteLinkOn', 'website_link_published'],
  ['accessHandedOn', 'access_handed_over'],
];

const FACTS: readonly PageFact[] = [
  'url',
  'gosuslugiMarkOn',
  'feedbackWidgetOn',
  'commentsOpen',
  'servicePhone',
  'checklist',
  'websiteLinkOn',
  'accessHandedOn',
  'accessHandedTo',
];

/** Fields of `patch` (undefined = untouched) whose value differs from `before`. */
export function changedFacts(before: PageFacts, patch: Partial<PageFacts>): PageFact[] {
  return FACTS.filter((field) => patch[field] !== undefined && !sameValue(before[field], patch[field]));
}

/**
 * Splits an edit into the registry events it is (Khabarovsk Положение 1 p.3.2: every change is
 * history): a URL change, each fact obtained (mark, widget, website link, access handed over, on
 * its own date), and one `page_updated` for everything else. Each carries before/after of its fields.
 */
export function pageChangeEvents(before: PageFacts, patch: Partial<PageFacts>, changedOn: string): PageChangeEvent[] {
  const remaining = new Set(changedFacts(before, patch));
  const events: PageChangeEvent[] = [];
  const take = (type: PageChangeEventType, occurredOn: string, fields: PageFact[]) => {
    fields.forEach((f) => remaining.delete(f));
    events.push({
      type,
      occurredOn,
      fields,
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: Object.fromEntries(fields.map((f) => [f, patch[f]])),
    });
  };
  if (remaining.has('url')) take('page_url_changed', changedOn, ['url']);
  for (const [field, type] of OBTAINED) {
    const value = patch[field];
    if (!remaining.has(field) || before[field] !== null || typeof value !== 'string') continue;
    // Whom access was handed to belongs to the handing over.
    const fields: PageFact[] =
      field === 'accessHandedOn' && remaining.has('accessHandedTo') ? [field, 'accessHandedTo'] : [field];
    take(type, value, fields);
  }
  if (remaining.size) take('page_updated', changedOn, [...remaining]);
  return events;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---------------------------------------------------------------------------------------------
// List cursor

export const PAGE_SORTS = ['createdOn', '-createdOn', 'url'] as const;
export type PageSort = (typeof PAGE_SORTS)[number];

/** Position after the last row of a list page: the sort key's value and the id that breaks ties. */
export interface PageCursor {
  sort: PageSort;
  value: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Opaque to clients: base64url of a small JSON document. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, v: cursor.value, i: cursor.id })).toString('base64url');
}

/** The cursor, or undefined when it is damaged or was issued for another sort order. */
export function decodeCursor(raw: string, sort: PageSort): PageCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,4096}$/.test(raw)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const c = parsed as { s?: unknown; v?: unknown; i?: unknown } | null;
  if (!c || typeof c !== 'object' || c.s !== sort || typeof c.v !== 'string' || typeof c.i !== 'string') {
    return undefined;
  }
  if (!UUID.test(c.i) || (sort !== 'url' && !DATE.test(c.v))) return undefined;
  return { sort, value: c.v, id: c.i };
}
