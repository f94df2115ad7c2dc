import { Role } from '../auth/role';
import {
  changedOfficialFields,
  mayReadContacts,
  OfficialFacts,
  officialEventTypes,
  officialRefusal,
} from './official.rules';
import { SEED_POLICIES } from './policy.seed';

const official = (over: Partial<OfficialFacts> = {}): OfficialFacts => ({
  fullName: 'Иванова Мария Петровна',
  position: 'Заместитель главы',
  rank: 'deputy_head',
  roles: ['responsible'],
  workEmail: 'ivanova@example.ru',
  workPhone: '+7 865 492-00-00',
  esiaConfirmedOn: null,
  activeFrom: '2026-01-12',
  activeTo: null,
  ...over,
});

describe('officialRefusal', () => {
  it('refuses a specialist as responsible official in Krasnodar krai (413 Порядок p.2)', () => {
    const refusal = officialRefusal(official({ rank: 'specialist' }), SEED_POLICIES['krasnodar-krai']);
    expect(refusal).toMatchObject({ reason: 'responsible_rank_too_low', minimumRank: 'deputy_head' });
    expect(refusal?.citation?.number).toBe('413');
  });

  it('accepts a deputy head and above as responsible (Blagodarny 3.3.1.2)', () => {
    for (const rank of ['head', 'first_deputy_head', 'deputy_head'] as const) {
      expect(officialRefusal(official({ rank }), SEED_POLICIES['blagodarny-mo'])).toBeUndefined();
    }
    expect(officialRefusal(official({ rank: 'department_head' }), SEED_POLICIES['blagodarny-mo'])?.reason).toBe(
      'responsible_rank_too_low',
    );
  });

  it('has no rank floor where the act sets none (Khabarovsk, Plastunovskaya)', () => {
    expect(officialRefusal(official({ rank: 'specialist' }), SEED_POLICIES['khabarovsk-krai'])).toBeUndefined();
    expect(officialRefusal(official({ rank: 'specialist' }), SEED_POLICIES['plastunovskaya-sp'])).toBeUndefined();
  });

  it('does not apply the floor to executors and authorized persons', () => {
    expect(
      officialRefusal(official({ rank: 'specialist', roles: ['executor'] }), SEED_POLICIES['krasnodar-krai']),
    ).toBeUndefined();
  });

  it('refuses an authorized person without ESIA identification in Blagodarny (2.3, 3.3.1.3)', () => {
    const refusal = officialRefusal(
      official({ rank: 'specialist', roles: ['authorized'] }),
      SEED_POLICIES['blagodarny-mo'],
    );
    expect(refusal).toMatchObject({ reason: 'esia_confirmation_required', citation: { clause: 'п.2.3, 3.3.1.3' } });
    expect(
      officialRefusal(
        official({ rank: 'specialist', roles: ['authorized'], esiaConfirmedOn: '2026-01-10' }),
        SEED_POLICIES['blagodarny-mo'],
      ),
    ).toBeUndefined();
    expect(
      officialRefusal(official({ rank: 'specialist', roles: ['authorized'] }), SEED_POLICIES['khabarovsk-krai']),
    ).toBeUndefined();
  });
});

describe('officialEventTypes', () => {
  it('reports a new responsible official and a new executor (Khabarovsk постановление p.4–5, Положение 2 p.5)', () => {
    expect(officialEventTypes(null, official({ roles: ['responsible', 'executor'] }))).toEqual([
      'responsible_changed',
      'executor_changed',
    ]);
    expect(officialEventTypes(null, official({ roles: ['authorized'] }))).toEqual(['official_assigned']);
  });

  it('reports a changed phone of the responsible official, not of an authorized person', () => {
    const before = official();
    expect(officialEventTypes(before, { ...before, workPhone: '+7 000' })).toEqual(['responsible_changed']);
    const authorized = official({ roles: ['authorized'] });
    expect(officialEventTypes(authorized, { ...authorized, workPhone: '+7 000' })).toEqual(['official_changed']);
  });

  it('keeps a responsible official with the same contacts as plain history (Khabarovsk постановление p.4–5)', () => {
    const before = official();
    expect(officialEventTypes(before, { ...before, esiaConfirmedOn: '2026-02-02' })).toEqual(['official_changed']);
    expect(officialEventTypes(before, { ...before, rank: 'head' })).toEqual(['official_changed']);
  });

  it('reports the executor role given or taken away, and an executor leaving', () => {
    const before = official({ roles: ['authorized'] });
    expect(officialEventTypes(before, { ...before, roles: ['authorized', 'executor'] })).toEqual(['executor_changed']);
    const executor = official({ roles: ['executor'] });
    expect(officialEventTypes(executor, { ...executor, roles: ['authorized'] })).toEqual(['executor_changed']);
    expect(officialEventTypes(executor, { ...executor, activeTo: '2026-03-01' })).toEqual(['executor_changed']);
  });

  it('lists the changed fields by name', () => {
    const before = official();
    expect(changedOfficialFields(before, { ...before, workPhone: '1', roles: ['executor'] })).toEqual([
      'roles',
      'workPhone',
    ]);
  });
});

describe('mayReadContacts', () => {
  it('shows work contacts to admins, coordinators and editors, never to viewers', () => {
    expect(mayReadContacts(Role.Admin)).toBe(true);
    expect(mayReadContacts(Role.Coordinator)).toBe(true);
    expect(mayReadContacts(Role.Editor)).toBe(true);
    expect(mayReadContacts(Role.Viewer)).toBe(false);
  });
});
