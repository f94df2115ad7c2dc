import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { anOrganization, appUrl } from '../support/api';
import { unique } from '../support/organizations.builders';
import { aHandle, aPage } from '../support/pages.builders';

/**
 * The public registry in Debian's Chromium (`apt-get install -y chromium`), driven by
 * playwright-core: no JavaScript is needed by the page, so the browser only proves that the HTML
 * works as people use it — forms, links, keyboard, escaping — and keeps a screenshot.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

describe('Public registry in a real browser', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const dialogs: string[] = [];
  const tag = unique();
  let parent: { id: string; name: string };
  let child: { id: string; name: string };
  let hostile: { id: string; name: string };
  let okPageUrl: string;

  beforeAll(async () => {
    parent = await anOrganization({ name: `Министерство лесного хозяйства Берёзовского края ${tag}` });
    child = await anOrganization({
      name: `Лесничество Берёзовское ${tag}`,
      kind: 'subordinate_organization',
      parentId: parent.id,
    });
    hostile = await anOrganization({ name: `<script>alert(1)</script> ${tag}` });
    await aPage({
      organizationId: parent.id,
      createdOn: '2025-01-10',
      gosuslugiMarkOn: '2026-02-01',
      feedbackWidgetOn: '2026-02-10',
    });
    okPageUrl = `https://ok.ru/${aHandle()}`;
    await aPage({ organizationId: parent.id, network: 'ok', url: okPageUrl });
    await aPage({ organizationId: child.id });
    await aPage({ organizationId: hostile.id });

    profile = mkdtempSync(path.join(tmpdir(), 'opr-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 1280, height: 900 },
      locale: 'ru-RU',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('opens /registry in Russian with a labelled search form and a skip link', async () => {
    const response = await page.goto(`${appUrl()}/registry`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await expect(page.title()).resolves.toContain('Реестр официальных страниц');
    for (const label of ['Название организации', 'Территория', 'Социальная сеть', 'Отметка Госуслуг']) {
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    }
    expect(await page.locator('table caption').count()).toBe(1);
    expect(await page.locator('a.skip[href="#content"]').count()).toBe(1);
  });

  it('searches ignoring ё/е and case, then filters by network with the form', async () => {
    // The name is stored with «ё» and typed in capitals with «е»; the tag keeps other tests' rows out.
    await page.getByLabel('Название организации').fill(`БЕРЕЗОВСКОГО КРАЯ ${tag.toUpperCase()}`);
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL(/q=/);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await page.locator('tbody').innerText()).toContain(parent.name);
    expect(await page.locator('.badge-yes').first().innerText()).toContain('01.02.2026');

    await page.getByLabel('Социальная сеть').selectOption('ok');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL(/network=ok/);
    expect(await rows.count()).toBe(1);
    expect(await page.locator('tbody').innerText()).toContain(okPageUrl.replace('https://', ''));
    expect(await page.locator(`a[href="${okPageUrl}"]`).count()).toBe(1);
    expect(await page.getByLabel('Социальная сеть').inputValue()).toBe('ok');
  });

  it('follows an organization link to its page with its superiors and subordinates', async () => {
    await page.getByRole('link', { name: parent.name }).first().click();
    await page.waitForURL(new RegExp(`/registry/organizations/${parent.id}$`));
    expect(await page.locator('h1').innerText()).toBe(parent.name);
    expect(await page.getByRole('link', { name: child.name }).count()).toBe(1);
    await page.getByRole('link', { name: child.name }).click();
    await page.waitForURL(new RegExp(`/registry/organizations/${child.id}$`));
    expect(await page.getByRole('navigation', { name: 'Вышестоящие организации' }).innerText()).toContain(parent.name);
  });

  it('renders an organization named <script>alert(1)</script> as text; no dialog fires', async () => {
    await page.goto(`${appUrl()}/registry?q=${encodeURIComponent(tag)}`);
    const cell = page.getByRole('link', { name: `<script>alert(1)</script> ${tag}` });
    expect(await cell.count()).toBe(1);
    await cell.click();
    await page.waitForURL(new RegExp(hostile.id));
    expect(await page.locator('h1').innerText()).toBe(`<script>alert(1)</script> ${tag}`);
    expect(dialogs).toEqual([]);
  });

  it('is usable with the keyboard: Tab reaches the skip link, the search field and a link', async () => {
    await page.goto(`${appUrl()}/registry?q=${encodeURIComponent(`березовского края ${tag}`)}`);
    // A string, not a function: this project compiles without the DOM library.
    const focused = () =>
      page.evaluate<{ tag: string; id: string; text: string }>(
        `(() => { const el = document.activeElement; return { tag: el ? el.tagName : '', id: el ? el.id : '', text: el ? el.textContent.trim() : '' }; })()`,
      );
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Перейти к содержанию' });
    // The skip link is visible while focused.
    expect(await page.locator('a.skip').boundingBox()).toMatchObject({ x: 0 });
    const seen: { tag: string; id: string; text: string }[] = [];
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    expect(seen).toContainEqual(expect.objectContaining({ tag: 'INPUT', id: 'q' }));
    expect(seen).toContainEqual(expect.objectContaining({ tag: 'A', text: parent.name }));
    // Enter on the focused organization link follows it.
    while ((await focused()).text !== parent.name) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(parent.id));
  });

  it('keeps a screenshot of the registry page as an artifact', async () => {
    await page.goto(`${appUrl()}/registry?q=${encodeURIComponent(tag)}&includeDeleted=true`);
    await page.getByLabel('Название организации').focus();
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'registry.png');
    await page.screenshot({ path: file, fullPage: true });
    const mobile = await context.newPage();
    await mobile.setViewportSize({ width: 390, height: 844 });
    await mobile.goto(`${appUrl()}/registry/organizations/${parent.id}`);
    await mobile.screenshot({ path: path.join(ARTIFACTS, 'registry-organization-mobile.png'), fullPage: true });
    await mobile.close();
    expect(dialogs).toEqual([]);
  });
});
