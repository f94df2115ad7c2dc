import { Role } from '../auth/role';
import {
  decodeCursor,
  encodeCursor,
  fieldsRoleMayNotChange,
  ORGANIZATION_SORTS,
  searchKey,
} from './organization.rules';

const ID = '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b';

describe('organization list cursor', () => {
  it('round-trips a cursor for the same sort order', () => {
    const raw = encodeCursor({ sort: 'name', key: 'Министерство «Ёлка»', id: ID });
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(raw, 'name')).toEqual({ sort: 'name', key: 'Министерство «Ёлка»', id: ID });
  });

  it('refuses a cursor issued for another sort order', () => {
    expect(decodeCursor(encodeCursor({ sort: 'name', key: 'А', id: ID }), '-name')).toBeUndefined();
  });

  it('refuses garbage, foreign JSON and bad keys', () => {
    expect(decodeCursor('!!!', 'name')).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 'name')).toBeUndefined();
    expect(decodeCursor(Buffer.from('not json').toString('base64url'), 'name')).toBeUndefined();
    expect(decodeCursor(encodeCursor({ sort: 'name', key: 'А', id: 'x' }), 'name')).toBeUndefined();
    expect(decodeCursor(encodeCursor({ sort: 'createdAt', key: 'yesterday', id: ID }), 'createdAt')).toBeUndefined();
    expect(
      decodeCursor(encodeCursor({ sort: 'createdAt', key: '2026-11-23T10:00:00.123456Z', id: ID }), 'createdAt'),
    ).toBeDefined();
  });
});

describe('organization list cursor, damaged or foreign', () => {
  const raw = (doc: unknown) => Buffer.from(JSON.stringify(doc)).toString('base64url');

  it('offers the three sort orders of the list', () => {
    expect(ORGANIZATION_SORTS).toEqual(['name', '-name', 'createdAt']);
  });

  it('refuses characters outside base64url around a good cursor, and cursors over 2000 characters', () => {
    const good = encodeCursor({ sort: 'name', key: 'А', id: ID });
    expect(decodeCursor(`!${good}`, 'name')).toBeUndefined();
    expect(decodeCursor(`${good}!`, 'name')).toBeUndefined();
    expect(decodeCursor(raw(['name', 'А'.repeat(1500), ID]), 'name')).toBeUndefined();
  });

  it('refuses a list of another length and members of the wrong type', () => {
    expect(decodeCursor(raw(['name', 'А', ID, 'more']), 'name')).toBeUndefined();
    expect(decodeCursor(raw(['name', 5, ID]), 'name')).toBeUndefined();
    expect(decodeCursor(raw(['name', 'А', [ID]]), 'name')).toBeUndefined();
  });

  it('refuses an id that is not exactly a UUID and a creation instant that is not exactly one', () => {
    for (const id of [`x${ID}`, `${ID}x`]) expect(decodeCursor(raw(['name', 'А', id]), 'name')).toBeUndefined();
    for (const key of ['x2026-11-23T10:00:00Z', '2026-11-23T10:00:00Zx', '2026-11-23T10:00:00.Z']) {
      expect(decodeCursor(raw(['createdAt', key, ID]), 'createdAt')).toBeUndefined();
    }
    expect(decodeCursor(raw(['createdAt', '2026-11-23T10:00:00Z', ID]), 'createdAt')).toEqual({
      sort: 'createdAt',
      key: '2026-11-23T10:00:00Z',
      id: ID,
    });
  });
});

describe('organization name search key', () => {
  it('folds case and ё into е', () => {
    expect(searchKey('Объединённая ДИРЕКЦИЯ')).toBe('объединенная дирекция');
    expect(searchKey('ЁЛКА')).toBe('елка');
  });
});

describe('what an editor may change in its own organization', () => {
  it('lets the press office change website and requisites only', () => {
    expect(fieldsRoleMayNotChange(Role.Editor, ['website', 'inn', 'ogrn'])).toEqual([]);
    expect(fieldsRoleMayNotChange(Role.Editor, ['website', 'name', 'kind', 'parentId'])).toEqual([
      'name',
      'kind',
      'parentId',
    ]);
  });

  it('leaves every field to admins and coordinators', () => {
    expect(fieldsRoleMayNotChange(Role.Coordinator, ['name', 'kind', 'parentId'])).toEqual([]);
    expect(fieldsRoleMayNotChange(Role.Admin, ['name'])).toEqual([]);
  });
});
