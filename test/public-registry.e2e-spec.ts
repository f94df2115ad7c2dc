import ExcelJS from 'exceljs';
import { anOrganization, api, bearer, asAdmin, expectProblem } from './support/api';
import { anOfficial, unique } from './support/organizations.builders';
import { aHandle, aPage, deletePage, vkUrl } from './support/pages.builders';

/** Raw bytes of a response (CSV, XLSX), whatever its content type. */
function binary(path: string) {
  return api()
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

async function registryJson(query: Record<string, string>) {
  const response = await api().get('/api/v1/registry').query(query).expect(200);
  return response.body as { items: Record<string, any>[]; hasMore: boolean; page: number; updatedAt: string };
}

describe('Public registry (Khabarovsk Положение 1 p.2.4; Blagodarny p.3.1)', () => {
  it('answers without a token: / redirects to the HTML page, the JSON, CSV, XLSX and passport are open', async () => {
    const root = await api().get('/').expect(302);
    expect(root.headers.location).toBe('/registry');
    const page = await api().get('/registry').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.text).toMatch(/^<!doctype html>\s*<html lang="ru">/);
    expect(page.text).toContain('Последнее обновление');
    expect(page.text).not.toMatch(/<script/i);
    await api().get('/api/v1/registry').expect(200);
    await binary('/registry.csv').expect(200);
    await binary('/registry.xlsx').expect(200);
    await api().get('/registry/passport.json').expect(200);
  });

  it('publishes only public fields: no service phone, access records, checklist, officials’ phones or e-mails', async () => {
    const tag = unique();
    const organization = await anOrganization({ name: `Министерство публичности ${tag}` });
    const official = await anOfficial(organization.id, {
      workEmail: `secret-${tag}@example.ru`,
      workPhone: '+7 4212 99-88-77',
    });
    const page = await aPage({
      organizationId: organization.id,
      createdOn: '2025-01-10',
      servicePhone: '+7 (4212) 55-44-33',
      accessHandedOn: '2026-01-15',
      accessHandedTo: `Главный специалист Секретов ${tag}`,
      checklist: {
        coverWithEmblem: true,
        unifiedStyle: false,
        currentInformation: true,
        geotag: true,
        fieldMaterials: true,
      },
      gosuslugiMarkOn: '2026-02-01',
    });
    const { items } = await registryJson({ q: tag });
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]).sort()).toEqual(
      [
        'createdOn',
        'deletedOn',
        'feedbackWidgetOn',
        'gosuslugiMarkOn',
        'jurisdictionCode',
        'jurisdictionName',
        'legacyNetwork',
        'network',
        'networkTitle',
        'organizationId',
        'organizationName',
        'pageId',
        'url',
      ].sort(),
    );
    expect(items[0]).toMatchObject({ pageId: page.id, gosuslugiMarkOn: '2026-02-01', deletedOn: null });

    const bodies = [
      JSON.stringify(items),
      (await api().get('/registry').query({ q: tag }).expect(200)).text,
      (await api().get(`/registry/organizations/${organization.id}`).expect(200)).text,
      (await binary(`/registry.csv?q=${tag}`).expect(200)).body.toString('utf8'),
    ];
    for (const body of bodies) {
      expect(body).toContain(page.url);
      for (const secret of [
        '55-44-33',
        '99-88-77',
        `secret-${tag}`,
        `Секретов ${tag}`,
        'coverWithEmblem',
        official.id,
      ]) {
        expect(body).not.toContain(secret);
      }
    }
  });

  it('hides deleted pages and legacy networks unless includeDeleted=true, then marks them with the date', async () => {
    const tag = unique();
    const organization = await anOrganization({ name: `Комитет истории ${tag}` });
    const live = await aPage({ organizationId: organization.id, createdOn: '2025-01-10' });
    const gone = await aPage({
      organizationId: organization.id,
      network: 'ok',
      url: `https://ok.ru/${aHandle()}`,
      createdOn: '2025-01-10',
    });
    const old = await aPage({
      organizationId: organization.id,
      network: 'facebook',
      url: `https://facebook.com/${aHandle()}`,
      createdOn: '2019-05-01',
    });
    const deletion = await deletePage(gone.id, { deletedOn: '2026-03-02', version: gone.version });
    expect(deletion.status).toBe(200);

    const current = await registryJson({ q: tag });
    expect(current.items.map((i) => i.pageId)).toEqual([live.id]);

    const all = await registryJson({ q: tag, includeDeleted: 'true' });
    expect(all.items.map((i) => i.pageId).sort()).toEqual([live.id, gone.id, old.id].sort());
    expect(all.items.find((i) => i.pageId === gone.id)).toMatchObject({ deletedOn: '2026-03-02' });
    expect(all.items.find((i) => i.pageId === old.id)).toMatchObject({ legacyNetwork: true, network: 'facebook' });

    const html = (await api().get('/registry').query({ q: tag, includeDeleted: 'true' }).expect(200)).text;
    expect(html).toContain('Удалена 02.03.2026');
    expect(html).toContain('сеть не используется для официальных страниц');
    const plain = (await api().get('/registry').query({ q: tag }).expect(200)).text;
    expect(plain).not.toContain(gone.url);
    expect(plain).not.toContain(old.url);
    const organizationPage = (await api().get(`/registry/organizations/${organization.id}`).expect(200)).text;
    expect(organizationPage).toContain(live.url);
    expect(organizationPage).not.toContain(gone.url);
    expect(
      (await api().get(`/registry/organizations/${organization.id}?includeDeleted=true`).expect(200)).text,
    ).toContain('Удалена 02.03.2026');
  });

  it('filters by jurisdiction, network and the Gosuslugi mark; the HTML form keeps the chosen values', async () => {
    const tag = unique();
    const khabarovsk = await anOrganization({ name: `Управление фильтров ${tag}`, jurisdiction: 'khabarovsk-krai' });
    const blagodarny = await anOrganization({
      name: `Отдел фильтров ${tag}`,
      jurisdiction: 'blagodarny-mo',
      kind: 'administration_organ',
    });
    const vkMarked = await aPage({
      organizationId: khabarovsk.id,
      createdOn: '2025-01-10',
      gosuslugiMarkOn: '2026-01-20',
    });
    const okPlain = await aPage({ organizationId: khabarovsk.id, network: 'ok', url: `https://ok.ru/${aHandle()}` });
    const other = await aPage({ organizationId: blagodarny.id, url: vkUrl() });

    const ids = async (query: Record<string, string>) =>
      (await registryJson({ q: tag, ...query })).items.map((i) => i.pageId).sort();
    expect(await ids({})).toEqual([vkMarked.id, okPlain.id, other.id].sort());
    expect(await ids({ jurisdiction: 'blagodarny-mo' })).toEqual([other.id]);
    expect(await ids({ network: 'ok' })).toEqual([okPlain.id]);
    expect(await ids({ mark: 'yes' })).toEqual([vkMarked.id]);
    expect(await ids({ mark: 'no' })).toEqual([okPlain.id, other.id].sort());
    expect(await ids({ jurisdiction: 'khabarovsk-krai', network: 'vk', mark: 'yes' })).toEqual([vkMarked.id]);

    const html = (await api().get('/registry').query({ q: tag, network: 'ok', mark: '', jurisdiction: '' }).expect(200))
      .text;
    expect(html).toContain('<option value="ok" selected>');
    expect(html).toContain(okPlain.url);
    expect(html).not.toContain(vkMarked.url);
    expect(html).toContain(`value="${tag}"`);

    const wrong = await api().get('/api/v1/registry').query({ network: 'myspace' });
    expect(wrong.status).toBe(400);
  });

  it('searches the organization name ignoring case and ё/е', async () => {
    const tag = unique();
    const organization = await anOrganization({ name: `Управление лесного хозяйства Берёзовского района ${tag}` });
    const page = await aPage({ organizationId: organization.id });
    for (const q of [
      `березовского района ${tag}`,
      `БЕРЁЗОВСКОГО РАЙОНА ${tag.toUpperCase()}`,
      `ЛЕСНОГО хозяйства берёзовского района ${tag}`,
    ]) {
      expect((await registryJson({ q })).items.map((i) => i.pageId)).toEqual([page.id]);
    }
    expect((await registryJson({ q: `Сосновского района ${tag}` })).items).toEqual([]);
    // LIKE wildcards in the query are literal characters.
    expect((await registryJson({ q: `%${tag}` })).items).toEqual([]);
  });

  it('pages the list 50 rows at a time with previous/next links', async () => {
    const tag = unique();
    const organizations = await Promise.all(
      Array.from({ length: 26 }, (_, i) =>
        anOrganization({ name: `Учреждение страниц ${tag} ${String(i).padStart(2, '0')}` }),
      ),
    );
    for (const organization of organizations) {
      await Promise.all([
        aPage({ organizationId: organization.id }),
        aPage({ organizationId: organization.id, network: 'ok', url: `https://ok.ru/${aHandle()}` }),
      ]);
    }
    const first = await registryJson({ q: tag });
    expect(first.items).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    const second = await registryJson({ q: tag, page: '2' });
    expect(second.items).toHaveLength(2);
    expect(second.hasMore).toBe(false);
    expect(second.items[1].organizationName).toBe(`Учреждение страниц ${tag} 25`);
    // Handlebars writes «=» in attributes as &#x3D;, which a browser reads back as «=».
    const html = (await api().get('/registry').query({ q: tag }).expect(200)).text.replace(/&#x3D;/g, '=');
    expect(html).toContain(`href="/registry?q=${tag}&amp;page=2"`);
    expect(html).toContain('Записи 1–50, страница 1');
  });

  it('writes CSV as UTF-8 with BOM and «;», and neutralizes cells that a spreadsheet would run as formulas', async () => {
    const tag = unique();
    const organization = await anOrganization({ name: `=cmd()|' /C calc'!A0 ${tag}` });
    const other = await anOrganization({ name: `Отдел "кавычек"; и точек с запятой ${tag}` });
    const page = await aPage({ organizationId: organization.id });
    await aPage({ organizationId: other.id });
    const response = await binary(`/registry.csv?q=${encodeURIComponent(tag)}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toContain('registry.csv');
    const bytes: Buffer = response.body;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0].split(';').slice(0, 4)).toEqual(['Организация', 'Территория', 'Социальная сеть', 'Ссылка']);
    const formulaLine = lines.find((l) => l.includes(page.id))!;
    expect(formulaLine.startsWith(`'=cmd()|' /C calc'!A0 ${tag};`)).toBe(true);
    expect(lines.some((l) => l.startsWith(`"Отдел ""кавычек""; и точек с запятой ${tag}";`))).toBe(true);
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
  });

  it('writes an XLSX that exceljs reads back, with the same neutralized cells', async () => {
    const tag = unique();
    const organization = await anOrganization({ name: `+SUM(1;2) Учреждение ${tag}` });
    const page = await aPage({
      organizationId: organization.id,
      createdOn: '2025-01-10',
      gosuslugiMarkOn: '2026-02-03',
    });
    const response = await binary(`/registry.xlsx?q=${encodeURIComponent(tag)}`).expect(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Реестр')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Организация');
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2).values as unknown[];
    expect(row).toContain(`'+SUM(1;2) Учреждение ${tag}`);
    expect(row).toContain(page.url);
    expect(row).toContain('2026-02-03');
    expect(row).toContain(page.id);
  });

  it('describes the data set in a passport: fields in Russian, update date of the newest change, licence, formats', async () => {
    // Other test files change the registry meanwhile: the passport's date lies between two reads.
    const before = Date.parse((await registryJson({})).updatedAt);
    const passport = (await api().get('/registry/passport.json').expect(200)).body;
    const after = Date.parse((await registryJson({})).updatedAt);
    expect(passport.modified).toMatch(/\+03:00$/);
    expect(Date.parse(passport.modified)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(passport.modified)).toBeLessThanOrEqual(after);
    expect(passport.license).toMatchObject({ code: 'CC-BY-4.0' });
    expect(passport.publisher.name).toMatch(/[А-Яа-я]/);
    expect(passport.formats.map((f: { format: string }) => f.format)).toEqual(['csv', 'xlsx', 'json', 'html']);
    for (const field of passport.structure) expect(field.description).toMatch(/[А-Яа-я]/);
    expect(passport.structure.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining([
        'organizationName',
        'url',
        'gosuslugiMarkOn',
        'feedbackWidgetOn',
        'createdOn',
        'deletedOn',
      ]),
    );
    expect(JSON.stringify(passport)).not.toMatch(/phone|servicePhone|access/i);
  });

  it('answers 304 to If-None-Match and If-Modified-Since until the registry changes', async () => {
    const first = await api().get('/registry').expect(200);
    expect(first.headers.etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(new Date(first.headers['last-modified']).toUTCString()).toBe(first.headers['last-modified']);

    // Other test files change the registry meanwhile: a 304 is expected once two reads agree.
    const revalidates = async (path: string, header: 'If-None-Match' | 'If-Modified-Since') => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const fresh = await api().get(path);
        const validator = header === 'If-None-Match' ? fresh.headers.etag : fresh.headers['last-modified'];
        const again = await api().get(path).set(header, validator);
        if (again.status === 304) {
          expect(again.text ?? '').toBe('');
          expect(fresh.headers.etag).toEqual(expect.any(String));
          expect(again.headers.etag).toBe(fresh.headers.etag);
          return fresh.headers.etag as string;
        }
        expect(again.status).toBe(200);
        expect(again.headers.etag).not.toBe(fresh.headers.etag);
      }
      throw new Error(`${path} never answered 304 to ${header}`);
    };
    await revalidates('/registry', 'If-None-Match');
    await revalidates('/api/v1/registry?network=vk', 'If-None-Match');
    await revalidates('/registry.csv', 'If-Modified-Since');
    const etag = await revalidates('/registry/passport.json', 'If-None-Match');
    await api().get('/registry').set('If-None-Match', '"something-else"').expect(200);

    await aPage({ organizationId: (await anOrganization()).id });
    const changed = await api().get('/registry').set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('escapes every value in HTML: an organization named <script>alert(1)</script> is text', async () => {
    const tag = unique();
    const organization = await anOrganization({ name: `<script>alert(1)</script> "${tag}" & <b>Co</b>` });
    await aPage({ organizationId: organization.id });
    for (const path of [`/registry?q=${encodeURIComponent(tag)}`, `/registry/organizations/${organization.id}`]) {
      const html = (await api().get(path).expect(200)).text;
      expect(html).toContain(`&lt;script&gt;alert(1)&lt;/script&gt; &quot;${tag}&quot; &amp; &lt;b&gt;Co&lt;/b&gt;`);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<b>Co</b>');
    }
    // The search field echoes the query escaped too.
    const echoed = (await api().get('/registry').query({ q: `"><script>x()</script>` }).expect(200)).text;
    expect(echoed).toContain('value="&quot;&gt;&lt;script&gt;x()&lt;/script&gt;"');
  });

  it('shows an organization with its superiors and subordinates; an unknown id is a Russian 404 page', async () => {
    const tag = unique();
    const root = await anOrganization({ name: `Правительство цепочки ${tag}`, kind: 'regional_government' });
    const middle = await anOrganization({ name: `Министерство цепочки ${tag}`, parentId: root.id });
    const leaf = await anOrganization({
      name: `Учреждение цепочки ${tag}`,
      kind: 'subordinate_organization',
      parentId: middle.id,
    });
    const page = await aPage({ organizationId: middle.id });
    const html = (await api().get(`/registry/organizations/${middle.id}`).expect(200)).text;
    expect(html).toContain(`<h1>Министерство цепочки ${tag}</h1>`);
    expect(html).toContain(`href="/registry/organizations/${root.id}"`);
    expect(html).toContain(`href="/registry/organizations/${leaf.id}"`);
    expect(html).toContain('Подведомственные организации');
    expect(html).toContain(page.url);
    expect(html.indexOf(root.id)).toBeLessThan(html.indexOf('<h1>'));

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const missing = await api().get(`/registry/organizations/${id}`).set('Accept', 'text/html').expect(404);
      expect(missing.headers['content-type']).toMatch(/^text\/html/);
      expect(missing.text).toContain('Организация не найдена');
      expect(missing.text).toContain('lang="ru"');
      // A program asking for anything but HTML gets the problem document every other error is.
      expectProblem(await api().get(`/registry/organizations/${id}`), 404, 'REGISTRY.ORGANIZATION_NOT_FOUND');
    }
  });

  it('still needs a token for the internal registry API next to the public one', async () => {
    await api().get('/api/v1/pages').expect(401);
    await api()
      .get('/api/v1/pages')
      .set(bearer(await asAdmin()))
      .expect(200);
  });
});
