import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { api, aUser, asAdmin, bearer, expectProblem } from './support/api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function csv(lines: string[][]): string {
  return '\uFEFF' + lines.map((cells) => cells.join(';')).join('\r\n');
}

function importCsv(token: string, jurisdiction: string, body: string, dryRun: boolean) {
  return api()
    .post(`/api/v1/registry/import?jurisdiction=${jurisdiction}&dryRun=${dryRun}`)
    .set(bearer(token))
    .set('Content-Type', 'text/csv; charset=utf-8')
    .send(body);
}

describe('Bulk import of an existing registry (DOMAIN.md §1)', () => {
  const suffix = randomUUID().slice(0, 6);
  const header = ['Организация', 'Вид организации', 'Вышестоящая организация', 'Сеть', 'Ссылка', 'Дата создания'];
  const administration = `Администрация округа ${suffix}`;
  const school = `Школа № 1 ${suffix}`;
  const good = [
    header,
    [administration, 'Администрация', '', 'ВКонтакте', `https://vk.com/adm_${suffix}`, '01.03.2023'],
    [administration, 'Администрация', '', 'Одноклассники', `https://ok.ru/adm${suffix}`, '02.03.2023'],
    [school, 'Подведомственное учреждение', administration, '', `http://m.vk.com/School_${suffix}/`, '10.09.2023'],
  ];

  it('reports every bad line in a dry run and stores nothing', async () => {
    const admin = await asAdmin();
    const bad = [
      ...good,
      [`Гимназия ${suffix}`, 'Министерство', '', 'ВК', `https://vk.com/gym_${suffix}`, ''],
      [
        `Лицей ${suffix}`,
        'Подведомственная организация',
        'Несуществующее управление',
        'Telegram',
        `https://t.me/lyceum_${suffix}`,
        '',
      ],
      [`Детсад ${suffix}`, 'Подведомственная организация', '', 'ВК', 'javascript:alert(1)', ''],
    ];
    const response = await importCsv(admin, 'blagodarny-mo', csv(bad), true).expect(200);
    // What the valid parts would create: the lyceum's own line is fine, only its page and parent are not.
    expect(response.body).toMatchObject({
      dryRun: true,
      rows: 6,
      organizations: { created: 3 },
      pages: { created: 3 },
    });
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'строка 5: Вид организации',
      'строка 6: Сеть',
      'строка 6: Вышестоящая организация',
      'строка 7: Ссылка',
    ]);
    // Telegram is not among Blagodarny's networks: the message cites the act.
    expect(response.body.errors[1].message).toContain('1249');

    const applied = await importCsv(admin, 'blagodarny-mo', csv(bad), false);
    expectProblem(applied, 422, 'REGISTRY.IMPORT_INVALID');
    expect(applied.body.errors).toHaveLength(4);
    const again = await importCsv(admin, 'blagodarny-mo', csv(good), true).expect(200);
    expect(again.body.organizations).toEqual({ created: 2, unchanged: 0 });
  });

  it('reports a cell holding NUL in the dry run and in the real import alike, and writes nothing', async () => {
    const admin = await asAdmin();
    const file = csv([
      header,
      [`Управление\u0000 ${suffix}`, 'Администрация', '', 'ВКонтакте', `https://vk.com/nul_${suffix}`, ''],
    ]);
    const expected = [{ field: 'строка 2: столбец 1', message: 'недопустимый символ (NUL или одиночный суррогат)' }];
    const dry = await importCsv(admin, 'blagodarny-mo', file, true).expect(200);
    expect(dry.body.errors).toEqual(expected);
    const applied = await importCsv(admin, 'blagodarny-mo', file, false);
    expectProblem(applied, 422, 'REGISTRY.IMPORT_INVALID');
    expect(applied.body.errors).toEqual(expected);
    const clean = csv([
      header,
      [`Управление ${suffix}`, 'Администрация', '', 'ВКонтакте', `https://vk.com/nul_${suffix}`, ''],
    ]);
    const after = await importCsv(admin, 'blagodarny-mo', clean, true).expect(200);
    expect(after.body).toMatchObject({ organizations: { created: 1 }, pages: { created: 1 }, errors: [] });
  });

  it('applies a valid file all at once and changes nothing when the same file comes again', async () => {
    const admin = await asAdmin();
    const first = await importCsv(admin, 'blagodarny-mo', csv(good), false).expect(200);
    expect(first.body).toMatchObject({
      dryRun: false,
      errors: [],
      organizations: { created: 2, unchanged: 0 },
      pages: { created: 3, unchanged: 0 },
    });
    const second = await importCsv(admin, 'blagodarny-mo', csv(good), false).expect(200);
    expect(second.body).toMatchObject({
      organizations: { created: 0, unchanged: 2 },
      pages: { created: 0, unchanged: 3 },
    });
  });

  it('refuses a page another organization already holds', async () => {
    const admin = await asAdmin();
    const other = [
      header,
      [`Другая организация ${suffix}`, 'Подведомственная организация', '', '', `https://vk.com/adm_${suffix}`, ''],
    ];
    const response = await importCsv(admin, 'blagodarny-mo', csv(other), true).expect(200);
    expect(response.body.errors).toEqual([
      { field: 'строка 2: Ссылка', message: 'эта страница уже числится в реестре за другой организацией' },
    ]);
  });

  it('refuses a second page in one network for one organization where the policy demands one (Khabarovsk Положение 1 p.3.1)', async () => {
    const admin = await asAdmin();
    const ministry = `Министерство ${suffix}`;
    const file = [
      header,
      [ministry, 'Орган исполнительной власти', '', 'ВК', `https://vk.com/min_${suffix}`, ''],
      [ministry, 'Орган исполнительной власти', '', 'ВК', `https://vk.com/min2_${suffix}`, ''],
    ];
    const response = await importCsv(admin, 'khabarovsk-krai', csv(file), true).expect(200);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].field).toBe('строка 3: Ссылка');
    expect(response.body.errors[0].message).toContain('Положение 1 п.3.1');
  });

  it('reads the XLSX the press offices fill in, starting from the downloadable template', async () => {
    const admin = await asAdmin();
    const template = await api()
      .get('/api/v1/registry/import/template.xlsx')
      .set(bearer(admin))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(template.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).text).toBe('Организация');
    sheet.spliceRows(2, 1);
    sheet.addRow([
      `Администрация поселения ${suffix}`,
      'Администрация поселения',
      '',
      '',
      '',
      'Telegram',
      `https://t.me/plast_${suffix}`,
      '05.06.2026',
      'нет',
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await api()
      .post('/api/v1/registry/import?jurisdiction=plastunovskaya-sp&dryRun=false')
      .set(bearer(admin))
      .set('Content-Type', XLSX)
      .send(file)
      .expect(200);
    expect(response.body).toMatchObject({ errors: [], organizations: { created: 1 }, pages: { created: 1 } });
  });

  it('rejects an unreadable file and a body that is neither CSV nor XLSX', async () => {
    const admin = await asAdmin();
    const broken = await api()
      .post('/api/v1/registry/import?jurisdiction=plastunovskaya-sp')
      .set(bearer(admin))
      .set('Content-Type', XLSX)
      .send(Buffer.from('not a zip file'));
    expectProblem(broken, 400, 'REGISTRY.IMPORT_UNREADABLE');
    const json = await api()
      .post('/api/v1/registry/import?jurisdiction=plastunovskaya-sp')
      .set(bearer(admin))
      .send({ rows: [] });
    expectProblem(json, 415, 'COMMON.UNSUPPORTED_MEDIA_TYPE');
  });

  it('lets a coordinator import only into its jurisdiction', async () => {
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['krasnodar-krai'] });
    const response = await importCsv(coordinator.token, 'blagodarny-mo', csv(good), true);
    expectProblem(response, 403, 'AUTH.FORBIDDEN_SCOPE');
  });
});
