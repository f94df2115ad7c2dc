import { Role } from '../auth/role';

export type OrganizationSort = 'name' | '-name' | 'createdAt';
export const ORGANIZATION_SORTS: readonly OrganizationSort[] = ['name', '-name', 'createdAt'];

/** Where the next page of a keyset-paginated list starts: the sort key and id of the last row shown. */
export interface OrganizationCursor {
  sort: OrganizationSort;
  key: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: base64url of a small JSON document. */
export function encodeCursor(cursor: OrganizationCursor): string {
  // Stryker disable next-line StringLiteral: equivalent, Buffer.from reads an empty encoding name as utf8
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id]), 'utf8').toString('base64url');
}

/** The cursor, or undefined when it is not one we issued for this sort order. */
export function decodeCursor(raw: string, sort: OrganizationSort): OrganizationCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(raw)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const [s, key, id] = parsed as unknown[];
  if (s !== sort || typeof key !== 'string' || typeof id !== 'string' || !UUID.test(id)) return undefined;
  if (sort === 'createdAt' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(key)) return undefined;
  return { sort, key, id };
}

/**
 * Search key of a name: lower case with ё folded into е, so that «Объединённая» is found by
 * «объединенная» (people type е for ё; both spellings are correct Russian).
 */
export function searchKey(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

export type OrganizationField = 'name' | 'kind' | 'parentId' | 'website' | 'inn' | 'ogrn';

/**
 * Fields an editor (the organization's press office) may change itself: its website and
 * requisites. Name, kind and subordination are the coordinator's register entries: a rename
 * is a reportable event (Khabarovsk Положение 1 p.3.2), kind and parent decide quotas and duties.
 */
const EDITOR_FIELDS: readonly OrganizationField[] = ['website', 'inn', 'ogrn'];

export function fieldsRoleMayNotChange(role: Role, changed: OrganizationField[]): OrganizationField[] {
  return role === Role.Editor ? changed.filter((f) => !EDITOR_FIELDS.includes(f)) : [];
}
