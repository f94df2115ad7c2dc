import { anOrganization, api, asAdmin, aUser, bearer, expectProblem } from './support/api';

const CHECK = '/api/v1/style/check';

const PRESS_RELEASE =
  '17 марта в администрации района состоялось заседание комиссии. В рамках реализации программы ' +
  'осуществляется ремонт дворов, в заседании приняли участие представители управляющих компаний. ' +
  'Работы ведутся по Федеральному закону от 06.10.2003 № 131-ФЗ, постановлению Правительства РФ ' +
  'от 30.12.2017 № 1710 и распоряжению Правительства РФ от 02.09.2022 № 2523-р. Заседанние продлится час.';

describe('Style check of a publication text (Khabarovsk Положение 1 p.8–9, Blagodarny Порядок p.6–7, Plastunovskaya Прил. 1 p.7)', () => {
  it('answers the hits of a press-release text with clauses, positions and a summary', async () => {
    const organization = await anOrganization();
    const editor = await aUser({ role: 'editor', organizations: [organization.id] });
    const response = await api()
      .post(CHECK)
      .set(bearer(editor.token))
      .send({ text: PRESS_RELEASE, network: 'telegram' })
      .expect(200);
    const { hits, summary } = response.body as {
      hits: { kind: string; start: number; end: number; fragment: string; citation: { clause: string } }[];
      summary: Record<string, unknown>;
    };
    expect(summary).toEqual({ actCitations: 3, bureaucratese: 1, pressRelease: 3, spelling: 1, tooLong: false });
    for (const hit of hits) expect(PRESS_RELEASE.slice(hit.start, hit.end)).toBe(hit.fragment);
    expect(hits.map((hit) => [hit.kind, hit.fragment])).toEqual([
      ['press_release', '17 марта в администрации района состоялось'],
      ['press_release', 'В рамках реализации'],
      ['bureaucratese', 'осуществляется'],
      ['press_release', 'приняли участие'],
      ['act_citations', 'Федеральному закону от 06.10.2003 № 131-ФЗ'],
      ['act_citations', 'постановлению Правительства РФ от 30.12.2017 № 1710'],
      ['act_citations', 'распоряжению Правительства РФ от 02.09.2022 № 2523-р'],
      ['spelling', 'Заседанние'],
    ]);
    expect(hits[2]).toMatchObject({
      pattern: 'осуществляться',
      category: 'officialese_verb',
      suggestion: '«Записаться можно по телефону»',
      citation: { act: 'Постановление администрации Благодарненского муниципального округа Ставропольского края' },
    });
    expect(hits[4]).toMatchObject({ act: '131-ФЗ', count: 3, citation: { number: '273', clause: 'Прил. 1 п.7' } });
    expect(hits[7]).toMatchObject({ replacements: ['Заседание'], citation: { clause: 'Порядок п.6 абз.2' } });
  });

  it('finds nothing in a conversational post, for coordinators too', async () => {
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['khabarovsk-krai'] });
    const text = 'Друзья, в субботу убираем сквер на Садовой! Приходите к 10 утра, перчатки и мешки дадим.';
    const response = await api().post(CHECK).set(bearer(coordinator.token)).send({ text }).expect(200);
    expect(response.body).toEqual({
      hits: [],
      summary: { actCitations: 0, bureaucratese: 0, pressRelease: 0, spelling: 0, tooLong: false },
    });
  });

  it('needs a token, and viewers (read-only) cannot POST', async () => {
    expectProblem(await api().post(CHECK).send({ text: 'Привет' }), 401, 'AUTH.UNAUTHENTICATED');
    const viewer = await aUser({ role: 'viewer' });
    expectProblem(
      await api().post(CHECK).set(bearer(viewer.token)).send({ text: 'Привет' }),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
  });

  it.each([
    ['a missing text', {}, 'text'],
    ['an empty text', { text: '' }, 'text'],
    ['a text over 20 000 characters', { text: 'а'.repeat(20_001) }, 'text'],
    ['a text that is not a string', { text: 42 }, 'text'],
    ['an unknown field', { text: 'Привет', organizationId: 'x' }, 'organizationId'],
    ['an unknown network', { text: 'Привет', network: 'facebook' }, 'network'],
  ])('refuses %s with a problem naming the field', async (_case, body, field) => {
    const response = await api()
      .post(CHECK)
      .set(bearer(await asAdmin()))
      .send(body);
    expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    expect(response.body.errors[0].message).toMatch(/[а-яё]/);
  });
});
