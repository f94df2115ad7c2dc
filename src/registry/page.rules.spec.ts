import {
  checklistCompleteness,
  countsAsOfficial,
  credentialPaths,
  decodeCursor,
  encodeCursor,
  PageFacts,
  pageChangeEvents,
  pageDateProblems,
} from './page.rules';
import { SEED_POLICIES } from './policy.seed';

const blagodarny = SEED_POLICIES['blagodarny-mo'];

const facts = (over: Partial<PageFacts> = {}): PageFacts => ({
  url: 'https://vk.com/abgosk',
  gosuslugiMarkOn: null,
  feedbackWidgetOn: null,
  commentsOpen: null,
  servicePhone: null,
  checklist: null,
  websiteLinkOn: null,
  accessHandedOn: null,
  accessHandedTo: null,
  ...over,
});

describe('credentials are never accepted (DOMAIN.md §1: access is recorded, not the logins)', () => {
  it.each([
    [{ password: 'x' }, ['password']],
    [{ login: 'admin' }, ['login']],
    [{ пароль: '123' }, ['пароль']],
    [{ Логин: 'admin' }, ['Логин']],
    [{ accessToken: 'abc' }, ['accessToken']],
    [{ client_secret: 'abc' }, ['client_secret']],
    [{ checklist: { geotag: true, vkPassword: 'x' } }, ['checklist.vkPassword']],
    [{ list: [{ ok: 1 }, { pwd: 'x' }] }, ['list[1].pwd']],
  ])('finds %j', (body, paths) => {
    expect(credentialPaths(body)).toEqual(paths);
  });

  it('finds a password pasted into a free-text field', () => {
    expect(credentialPaths({ accessHandedTo: 'Комитет, логин: admin, пароль: 123' })).toEqual(['accessHandedTo']);
    expect(credentialPaths({ accessHandedTo: 'password=123' })).toEqual(['accessHandedTo']);
  });

  it('leaves an ordinary page request alone, even when it mentions passwords in prose', () => {
    expect(
      credentialPaths({
        organizationId: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b',
        network: 'vk',
        url: 'https://vk.com/abgosk',
        accessHandedOn: '2026-06-01',
        accessHandedTo: 'Главный специалист Иванова И. И. (пароль и логин переданы лично)',
        checklist: { coverWithEmblem: true },
      }),
    ).toEqual([]);
    expect(credentialPaths(null)).toEqual([]);
    expect(credentialPaths('password: 1')).toEqual([]);
  });
});

describe('what counts as an official page (Order 2523-р)', () => {
  it('counts VK in Blagodarny, never Facebook, and not Telegram where the policy does not allow it', () => {
    expect(countsAsOfficial('vk', blagodarny)).toBe(true);
    expect(
      countsAsOfficial('facebook', { ...blagodarny, networks: { ...blagodarny.networks, allowed: ['facebook'] } }),
    ).toBe(false);
    expect(countsAsOfficial('telegram', blagodarny)).toBe(false);
  });
});

describe('content checklist completeness (Blagodarny Порядок p.5)', () => {
  const items = blagodarny.contentChecklist.items;
  it('is the share of the items met, rounded', () => {
    expect(checklistCompleteness(null, items)).toBe(0);
    expect(checklistCompleteness({ coverWithEmblem: true, geotag: true, unifiedStyle: false }, items)).toBe(40);
    expect(
      checklistCompleteness(
        { coverWithEmblem: true, unifiedStyle: true, currentInformation: true, geotag: true, fieldMaterials: true },
        items,
      ),
    ).toBe(100);
  });
  it('is null where the policy has no checklist', () => {
    expect(checklistCompleteness({ geotag: true }, [])).toBeNull();
  });
});

describe('page dates', () => {
  it('accepts consistent dates', () => {
    expect(
      pageDateProblems(
        { createdOn: '2026-06-01', deletedOn: '2026-06-05', gosuslugiMarkOn: '2026-06-02' },
        '2026-06-10',
      ),
    ).toEqual([]);
  });
  it('refuses a deletion before the creation, a mark before it and dates in the future', () => {
    expect(
      pageDateProblems(
        { createdOn: '2026-06-11', deletedOn: '2026-06-01', gosuslugiMarkOn: '2026-06-20' },
        '2026-06-10',
      ).map((p) => p.field),
    ).toEqual(['createdOn', 'deletedOn', 'gosuslugiMarkOn']);
  });
  it('refuses a measurement after the deletion', () => {
    expect(
      pageDateProblems({ createdOn: '2026-06-01', deletedOn: '2026-06-05', measuredOn: '2026-06-07' }, '2026-06-10'),
    ).toEqual([{ field: 'measuredOn', message: expect.stringContaining('2026-06-05') }]);
  });
});

describe('edits as registry events (Khabarovsk Положение 1 p.3.2: every change is history)', () => {
  it('makes a URL change its own event, dated on the day of the change', () => {
    expect(pageChangeEvents(facts(), { url: 'https://vk.com/new' }, '2026-06-03')).toEqual([
      {
        type: 'page_url_changed',
        occurredOn: '2026-06-03',
        fields: ['url'],
        before: { url: 'https://vk.com/abgosk' },
        after: { url: 'https://vk.com/new' },
      },
    ]);
  });

  it('dates a mark obtained, a widget placed, a link published and access handed over on their own days', () => {
    const events = pageChangeEvents(
      facts(),
      {
        gosuslugiMarkOn: '2026-06-01',
        feedbackWidgetOn: '2026-06-02',
        websiteLinkOn: '2026-06-03',
        accessHandedOn: '2026-06-04',
        accessHandedTo: 'Главный специалист',
        commentsOpen: true,
      },
      '2026-06-05',
    );
    expect(events.map((e) => [e.type, e.occurredOn, e.fields])).toEqual([
      ['gosuslugi_mark_obtained', '2026-06-01', ['gosuslugiMarkOn']],
      ['feedback_widget_placed', '2026-06-02', ['feedbackWidgetOn']],
      ['website_link_published', '2026-06-03', ['websiteLinkOn']],
      ['access_handed_over', '2026-06-04', ['accessHandedOn', 'accessHandedTo']],
      ['page_updated', '2026-06-05', ['commentsOpen']],
    ]);
  });

  it('treats a corrected or withdrawn mark as an ordinary update, and unchanged values as nothing', () => {
    const before = facts({ gosuslugiMarkOn: '2026-06-01', checklist: { geotag: true } });
    expect(pageChangeEvents(before, { gosuslugiMarkOn: null }, '2026-06-05')).toEqual([
      {
        type: 'page_updated',
        occurredOn: '2026-06-05',
        fields: ['gosuslugiMarkOn'],
        before: { gosuslugiMarkOn: '2026-06-01' },
        after: { gosuslugiMarkOn: null },
      },
    ]);
    expect(
      pageChangeEvents(before, { gosuslugiMarkOn: '2026-06-01', checklist: { geotag: true } }, '2026-06-05'),
    ).toEqual([]);
  });
});

describe('list cursor', () => {
  const id = '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b';
  it('round-trips and is opaque base64url', () => {
    const raw = encodeCursor({ sort: '-createdOn', value: '2026-06-01', id });
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(raw, '-createdOn')).toEqual({ sort: '-createdOn', value: '2026-06-01', id });
  });
  it('refuses damaged cursors and cursors of another sort order', () => {
    const raw = encodeCursor({ sort: 'url', value: 'https://vk.com/a', id });
    expect(decodeCursor(raw, 'createdOn')).toBeUndefined();
    expect(decodeCursor('not a cursor!', 'url')).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"s":"url"').toString('base64url'), 'url')).toBeUndefined();
    expect(decodeCursor(encodeCursor({ sort: 'createdOn', value: 'x', id }), 'createdOn')).toBeUndefined();
  });
});

describe('page rules at their edges', () => {
  const nestedIn = (levels: number, wrap: (inner: unknown) => unknown) => {
    let body: unknown = { pwd: 'x' };
    for (let i = 0; i < levels; i++) body = wrap(body);
    return body;
  };

  it('looks for credentials eight levels deep, in objects and in arrays alike, and no deeper', () => {
    expect(credentialPaths(nestedIn(8, (inner) => ({ a: inner })))).toEqual([`${'a.'.repeat(8)}pwd`]);
    expect(credentialPaths(nestedIn(9, (inner) => ({ a: inner })))).toEqual([]);
    expect(credentialPaths(nestedIn(8, (inner) => [inner]))).toEqual([`${'[0]'.repeat(8)}.pwd`]);
    expect(credentialPaths(nestedIn(9, (inner) => [inner]))).toEqual([]);
  });

  it('reads a field name without case, spaces, dots, dashes or underscores', () => {
    expect(credentialPaths({ api_key: 'x', 'Pass Word': 'y', 'pass.phrase': 'z', 'Pass-Wd': 'w' })).toEqual([
      'api_key',
      'Pass Word',
      'pass.phrase',
      'Pass-Wd',
    ]);
  });

  it('finds «Пароль:» in any form in text, but not a word that only begins like a login', () => {
    expect(credentialPaths({ accessHandedTo: 'Пароль: 12345' })).toEqual(['accessHandedTo']);
    expect(credentialPaths({ accessHandedTo: 'пароля = 12345' })).toEqual(['accessHandedTo']);
    expect(credentialPaths({ accessHandedTo: 'см. https://id.example.ru/?login_hint=ivanova' })).toEqual([]);
  });

  it('accepts dates on the day itself: created today, marked on the day of creation, measured on deletion', () => {
    expect(
      pageDateProblems(
        { createdOn: '2026-06-10', gosuslugiMarkOn: '2026-06-10', deletedOn: '2026-06-10', measuredOn: '2026-06-10' },
        '2026-06-10',
      ),
    ).toEqual([]);
    expect(
      pageDateProblems({ createdOn: '2026-06-01', measuredOn: '2026-06-03', deletedOn: '2026-06-05' }, '2026-06-10'),
    ).toEqual([]);
    expect(
      pageDateProblems({ createdOn: '2026-06-01', measuredOn: '2026-06-03', deletedOn: null }, '2026-06-10'),
    ).toEqual([]);
    expect(pageDateProblems({ createdOn: '2026-06-01', deletedOn: '' }, '2026-06-10')).toEqual([]);
  });

  it('says in Russian what is wrong with each date', () => {
    expect(
      pageDateProblems(
        { createdOn: '2026-06-11', deletedOn: '2026-06-01', gosuslugiMarkOn: '2026-06-20' },
        '2026-06-10',
      ),
    ).toEqual([
      { field: 'createdOn', message: 'дата создания не может быть в будущем' },
      { field: 'deletedOn', message: 'дата раньше даты создания страницы (2026-06-11)' },
      { field: 'gosuslugiMarkOn', message: 'дата не может быть в будущем' },
    ]);
  });

  it('treats a mark re-dated as an ordinary update, not a mark obtained (Khabarovsk Положение 1 p.3.2)', () => {
    const before = facts({ gosuslugiMarkOn: '2026-06-01' });
    expect(pageChangeEvents(before, { gosuslugiMarkOn: '2026-06-02' }, '2026-06-05')).toEqual([
      {
        type: 'page_updated',
        occurredOn: '2026-06-05',
        fields: ['gosuslugiMarkOn'],
        before: { gosuslugiMarkOn: '2026-06-01' },
        after: { gosuslugiMarkOn: '2026-06-02' },
      },
    ]);
  });

  it('records a new service phone and every change of the checklist, item by item', () => {
    const fieldsOf = (before: PageFacts, patch: Partial<PageFacts>) =>
      pageChangeEvents(before, patch, '2026-06-05').flatMap((e) => e.fields);
    expect(fieldsOf(facts(), { servicePhone: '+7 865 492-00-00' })).toEqual(['servicePhone']);
    expect(fieldsOf(facts(), { checklist: { geotag: true } })).toEqual(['checklist']);
    expect(fieldsOf(facts({ checklist: { geotag: true } }), { checklist: null })).toEqual(['checklist']);
    const both = facts({ checklist: { geotag: true, unifiedStyle: true } });
    expect(fieldsOf(both, { checklist: { geotag: true, unifiedStyle: false } })).toEqual(['checklist']);
    expect(fieldsOf(both, { checklist: { geotag: true } })).toEqual(['checklist']);
    expect(fieldsOf(both, { checklist: { unifiedStyle: true, geotag: true } })).toEqual([]);
  });
});

describe('list cursor, damaged or foreign', () => {
  const id = '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b';
  const raw = (doc: unknown) => Buffer.from(JSON.stringify(doc)).toString('base64url');

  it('round-trips a URL sort with a URL as its value', () => {
    const cursor = encodeCursor({ sort: 'url', value: 'https://vk.com/a', id });
    expect(decodeCursor(cursor, 'url')).toEqual({ sort: 'url', value: 'https://vk.com/a', id });
  });

  it('refuses characters outside base64url around a good cursor, and cursors over 4096 characters', () => {
    const good = encodeCursor({ sort: 'createdOn', value: '2026-06-01', id });
    expect(decodeCursor(`!${good}`, 'createdOn')).toBeUndefined();
    expect(decodeCursor(`${good}!`, 'createdOn')).toBeUndefined();
    expect(decodeCursor(raw({ s: 'url', v: 'https://vk.com/' + 'a'.repeat(3000), i: id }), 'url')).toBeUndefined();
  });

  it('refuses a cursor of the reverse sort, and members of the wrong type', () => {
    expect(decodeCursor(encodeCursor({ sort: 'createdOn', value: '2026-06-01', id }), '-createdOn')).toBeUndefined();
    for (const doc of [null, 5, 'url', { s: 'url', v: 5, i: id }, { s: 'url', v: 'https://vk.com/a', i: [id] }]) {
      expect(decodeCursor(raw(doc), 'url')).toBeUndefined();
    }
  });

  it('refuses an id that is not exactly a UUID and a date value that is not exactly a date', () => {
    for (const i of [`x${id}`, `${id}x`]) expect(decodeCursor(raw({ s: 'url', v: 'a', i }), 'url')).toBeUndefined();
    for (const v of ['x2026-06-01', '2026-06-01x']) {
      expect(decodeCursor(raw({ s: 'createdOn', v, i: id }), 'createdOn')).toBeUndefined();
    }
  });
});
