import fc from 'fast-check';
import {
  describeExpected,
  detectNetwork,
  isLegacyNetwork,
  LEGACY_NETWORKS,
  Network,
  NETWORKS,
  normalizePageUrl,
  PAGE_URL_PROBLEM_MESSAGES,
  PageUrlProblem,
  pageUrlProblemMessage,
} from './page-url.rules';

const accepted = (url: string, handle: string) => ({ ok: true, url, handle });
const refused = (problem: PageUrlProblem) => ({ ok: false, problem });

describe('normalizePageUrl: canonical addresses of official pages (DOMAIN.md §1)', () => {
  it.each<[Network, string, string, string]>([
    // Blagodarny's real pages (DOMAIN.md §1, Blagodarny 3.1).
    ['vk', 'https://vk.com/abgosk', 'https://vk.com/abgosk', 'abgosk'],
    ['ok', 'https://ok.ru/abgosk26', 'https://ok.ru/abgosk26', 'abgosk26'],
  ])('keeps a page already in canonical form: %s %s', (network, input, url, handle) => {
    expect(normalizePageUrl(network, input)).toEqual(accepted(url, handle));
  });

  it.each<[Network, string, string, string]>([
    ['vk', 'http://m.vk.com/ABGOSK/', 'https://vk.com/abgosk', 'abgosk'],
    ['vk', 'vk.com/abgosk', 'https://vk.com/abgosk', 'abgosk'],
    ['vk', '  https://www.vk.com/abgosk  ', 'https://vk.com/abgosk', 'abgosk'],
    ['vk', '//vk.com/abgosk', 'https://vk.com/abgosk', 'abgosk'],
    ['vk', 'HTTPS://VK.COM/abgosk', 'https://vk.com/abgosk', 'abgosk'],
    ['vk', 'https://vk.com.:443/abgosk', 'https://vk.com/abgosk', 'abgosk'],
    ['vk', 'vk.com:443/abgosk', 'https://vk.com/abgosk', 'abgosk'],
    ['vk', 'https://vk.com//abgosk//', 'https://vk.com/abgosk', 'abgosk'],
    ['ok', 'www.ok.ru/abgosk26?utm=1#x', 'https://ok.ru/abgosk26', 'abgosk26'],
    ['ok', 'https://m.ok.ru/abgosk26/', 'https://ok.ru/abgosk26', 'abgosk26'],
    ['telegram', 'https://t.me/s/Name_Channel', 'https://t.me/name_channel', 'name_channel'],
    ['telegram', 't.me/Name_Channel?single', 'https://t.me/name_channel', 'name_channel'],
    ['max', 'https://max.ru/somechannel', 'https://max.ru/somechannel', 'somechannel'],
    ['max', 'https://web.max.ru/somechannel/', 'https://max.ru/somechannel', 'somechannel'],
    ['facebook', 'https://m.facebook.com/Some.Page', 'https://facebook.com/some.page', 'some.page'],
    [
      'instagram',
      'https://www.instagram.com/some_profile/?hl=ru',
      'https://instagram.com/some_profile',
      'some_profile',
    ],
    ['twitter', 'https://mobile.twitter.com/SomeProfile', 'https://twitter.com/someprofile', 'someprofile'],
  ])(
    'reduces %s %j to https://<host>/<name>: scheme, www/m., case, slashes, query and fragment',
    (network, input, url, handle) => {
      expect(normalizePageUrl(network, input)).toEqual(accepted(url, handle));
    },
  );

  it.each<[Network, string, string]>([
    ['vk', 'https://vk.ru/abgosk', 'https://vk.com/abgosk'],
    ['vk', 'https://vkontakte.ru/abgosk', 'https://vk.com/abgosk'],
    ['ok', 'https://odnoklassniki.ru/abgosk26', 'https://ok.ru/abgosk26'],
    ['telegram', 'https://telegram.me/name_channel', 'https://t.me/name_channel'],
    ['facebook', 'https://fb.com/somepage', 'https://facebook.com/somepage'],
    ['twitter', 'https://x.com/someprofile', 'https://twitter.com/someprofile'],
  ])('writes the alias host of %s (%s) as the network main host', (network, input, url) => {
    expect(normalizePageUrl(network, input)).toMatchObject({ ok: true, url });
  });

  it('keeps vk numeric names (id, public, club, event) as names, lower-cased, and drops the post opened over them', () => {
    expect(normalizePageUrl('vk', 'https://vk.com/Public123?w=wall-123_45')).toEqual(
      accepted('https://vk.com/public123', 'public123'),
    );
    expect(normalizePageUrl('vk', 'https://vk.com/club123')).toEqual(accepted('https://vk.com/club123', 'club123'));
    expect(normalizePageUrl('vk', 'https://vk.com/id1')).toEqual(accepted('https://vk.com/id1', 'id1'));
    expect(normalizePageUrl('vk', 'https://vk.com/event77')).toEqual(accepted('https://vk.com/event77', 'event77'));
  });

  it('accepts ok.ru/group/<digits> and ok.ru/profile/<digits> as two-segment names', () => {
    expect(normalizePageUrl('ok', 'https://ok.ru/group/70000001234567/')).toEqual(
      accepted('https://ok.ru/group/70000001234567', 'group/70000001234567'),
    );
    expect(normalizePageUrl('ok', 'ok.ru/Profile/5812345')).toEqual(
      accepted('https://ok.ru/profile/5812345', 'profile/5812345'),
    );
  });

  it('keeps the case of OK and MAX names: the networks do not promise to fold it', () => {
    expect(normalizePageUrl('ok', 'https://ok.ru/AbGosk26')).toEqual(accepted('https://ok.ru/AbGosk26', 'AbGosk26'));
    expect(normalizePageUrl('max', 'https://max.ru/SomeChannel')).toEqual(
      accepted('https://max.ru/SomeChannel', 'SomeChannel'),
    );
  });

  it('writes facebook.com/profile.php?id=<digits> as facebook.com/<digits>', () => {
    expect(normalizePageUrl('facebook', 'https://www.facebook.com/profile.php?id=100012345&ref=x')).toEqual(
      accepted('https://facebook.com/100012345', '100012345'),
    );
    expect(normalizePageUrl('facebook', 'https://facebook.com/profile.php')).toEqual(refused('not_a_page'));
  });
});

describe('normalizePageUrl refusals', () => {
  it.each<[string]>([
    ['https://user:pass@vk.com/abgosk'],
    ['https://user@vk.com/abgosk'],
    ['https://:pass@vk.com/abgosk'],
    ['https://@vk.com/abgosk'],
    ['user:pass@vk.com/abgosk'],
    ['admin@vk.com/abgosk'],
    ['https://user:pass@vk.com:8080/abgosk'],
  ])('refuses credentials in the URL: the registry never stores page logins (DOMAIN.md §1): %s', (input) => {
    expect(normalizePageUrl('vk', input)).toEqual(refused('credentials'));
  });

  it.each<[string]>([
    ['javascript:alert(1)'],
    ['JavaScript://vk.com/%0aalert(1)'],
    ['data:text/html,<b>vk.com/abgosk</b>'],
    ['ftp://vk.com/abgosk'],
    ['mailto:press@vk.com'],
    ['tel:88005553535'],
    ['file:///etc/passwd'],
  ])('refuses schemes other than http and https: %s', (input) => {
    expect(normalizePageUrl('vk', input)).toEqual(refused('unsupported_scheme'));
  });

  it.each<[string]>([
    [''],
    ['   '],
    ['https://'],
    ['https://vk.com/ab gosk'],
    ['https://vk.com/ab\u200bgosk'],
    ['https://vk.com:8080/abgosk'],
    ['http://vk.com:443/abgosk'],
    ['https://vk.com:99999/abgosk'],
    ['https://[vk.com/abgosk'],
    [`https://vk.com/abgosk?utm=${'x'.repeat(2048)}`],
  ])(
    'refuses an address that is not a well-formed URL, has a non-default port or exceeds 2048 characters: %j',
    (input) => {
      expect(normalizePageUrl('vk', input)).toEqual(refused('malformed'));
    },
  );

  it('refuses what is not text as malformed, and finds no network in it', () => {
    expect(normalizePageUrl('vk', null as unknown as string)).toEqual(refused('malformed'));
    expect(normalizePageUrl('vk', 42 as unknown as string)).toEqual(refused('malformed'));
    expect(detectNetwork(undefined as unknown as string)).toBeUndefined();
  });

  it('takes a dotted word before a colon as a host only when a port number follows, and an @ only before the path', () => {
    expect(normalizePageUrl('vk', 'vk.com:x1/abgosk')).toEqual(refused('unsupported_scheme'));
    expect(normalizePageUrl('vk', 'tg:resolve?domain=abgosk@vk.com')).toEqual(refused('unsupported_scheme'));
  });

  it('accepts 2048 characters and refuses 2049', () => {
    const base = 'https://vk.com/abgosk?q=';
    expect(normalizePageUrl('vk', base + 'x'.repeat(2048 - base.length))).toMatchObject({ ok: true });
    expect(normalizePageUrl('vk', base + 'x'.repeat(2049 - base.length))).toEqual(refused('malformed'));
  });

  it.each<[Network, string]>([
    ['ok', 'https://vk.com/abgosk'],
    ['vk', 'https://ok.ru/abgosk26'],
    ['vk', 'https://vk.com.evil.example/abgosk'],
    ['vk', 'https://evilvk.com/abgosk'],
    ['vk', 'https://api.vk.com/abgosk'],
    ['telegram', 'https://name_channel.t.me'],
    ['max', 'https://max.com/somechannel'],
    ['twitter', 'https://mobile.vk.com/abgosk'],
    ['vk', 'https://127.0.0.1/abgosk'],
    ['instagram', 'https://instagr.am/some_profile'],
  ])('refuses a host that is not the chosen network %s: %s', (network, input) => {
    expect(normalizePageUrl(network, input)).toEqual(refused('wrong_host'));
  });

  it.each<[Network, string]>([
    ['vk', 'https://vk.com/'],
    ['vk', 'https://vk.com'],
    ['vk', 'vk.com/?w=wall-1_2'],
    ['ok', 'https://ok.ru/group/'],
    ['telegram', 'https://t.me/s/'],
    ['max', 'https://max.ru'],
  ])('refuses an address without a page name: %s %s', (network, input) => {
    expect(normalizePageUrl(network, input)).toEqual(refused('no_page_name'));
  });

  it.each<[Network, string]>([
    // Posts, photos and other objects of a page.
    ['vk', 'https://vk.com/wall-123_45'],
    ['vk', 'https://vk.com/photo-1_2'],
    ['vk', 'https://vk.com/photo1_2'],
    ['vk', 'https://vk.com/video-123_456'],
    ['vk', 'https://vk.com/abgosk/extra'],
    ['ok', 'https://ok.ru/group/123/topic/456'],
    ['ok', 'https://ok.ru/abgosk26/topic/456'],
    ['ok', 'https://ok.ru/group/abc'],
    ['telegram', 'https://t.me/name_channel/123'],
    ['telegram', 'https://t.me/s/name_channel/123'],
    ['instagram', 'https://instagram.com/p/Cabc123'],
    ['twitter', 'https://x.com/someprofile/status/1'],
    // Private invitations are not public official pages.
    ['telegram', 'https://t.me/+AbCdEfGhIjK'],
    ['telegram', 'https://t.me/joinchat/AbCdEfGhIjK'],
    ['max', 'https://max.ru/join/AbCdEfGhIjK'],
    ['max', 'https://max.ru/join'],
    // Sections of the network itself.
    ['vk', 'https://vk.com/feed'],
    ['vk', 'https://vk.com/away.php?to=https://evil.example'],
    ['ok', 'https://ok.ru/dk?st.cmd=altGroupMain'],
    ['telegram', 'https://t.me/share?url=x'],
    ['instagram', 'https://instagram.com/explore'],
    // Names that break the network's character rules.
    ['vk', 'https://vk.com/a'],
    ['vk', `https://vk.com/${'a'.repeat(33)}`],
    ['vk', 'https://vk.com/ab-gosk'],
    ['vk', 'https://vk.com/%D0%B0%D0%B1'],
    ['telegram', 'https://t.me/name'],
    ['telegram', 'https://t.me/name.channel'],
    ['ok', 'https://ok.ru/a'],
    ['ok', 'https://ok.ru/ab-gosk'],
    ['max', `https://max.ru/${'a'.repeat(65)}`],
    ['facebook', 'https://facebook.com/some~page'],
  ])('refuses an address that is not a page (post, photo, invitation, section, bad name): %s %s', (network, input) => {
    expect(normalizePageUrl(network, input)).toEqual(refused('not_a_page'));
  });
});

describe('reserved sections and bare hosts (DOMAIN.md §1: an official page is a page, not a section of the network)', () => {
  const reserved: Record<Network, [string, string[]]> = {
    vk: [
      'https://vk.com',
      [
        'feed',
        'im',
        'search',
        'friends',
        'groups',
        'settings',
        'login',
        'away.php',
        'share.php',
        'video',
        'audio',
        'music',
        'apps',
        'docs',
        'bookmarks',
        'photos',
        'albums',
        'clips',
        'market',
        'wall',
        'support',
        'messenger',
      ],
    ],
    ok: [
      'https://ok.ru',
      ['dk', 'feed', 'groups', 'friends', 'messages', 'music', 'video', 'live', 'games', 'search', 'settings'],
    ],
    telegram: [
      'https://t.me',
      [
        'joinchat',
        'addstickers',
        'addemoji',
        'addtheme',
        'addlist',
        'share',
        'proxy',
        'socks',
        'setlanguage',
        'confirmphone',
        'login',
        'invoice',
        'boost',
        'contact',
        'giftcode',
      ],
    ],
    max: ['https://max.ru', ['join']],
    facebook: [
      'https://facebook.com',
      [
        'groups',
        'pages',
        'events',
        'watch',
        'photo.php',
        'photo',
        'story.php',
        'permalink.php',
        'sharer.php',
        'sharer',
        'share',
        'home.php',
        'login',
        'login.php',
        'search',
        'marketplace',
      ],
    ],
    instagram: ['https://instagram.com', ['p', 'reel', 'reels', 'tv', 'stories', 'explore', 'accounts', 'direct']],
    twitter: [
      'https://twitter.com',
      [
        'home',
        'i',
        'intent',
        'share',
        'search',
        'explore',
        'hashtag',
        'login',
        'settings',
        'messages',
        'notifications',
      ],
    ],
  };

  it.each(NETWORKS.map((network) => [network]))(
    'refuses every section of %s as not a page, and accepts a page whose name only starts like one',
    (network) => {
      const [host, sections] = reserved[network];
      for (const section of sections) {
        expect([section, normalizePageUrl(network, `${host}/${section}`)]).toEqual([section, refused('not_a_page')]);
        expect([section, normalizePageUrl(network, `${host}/${section.toUpperCase()}`)]).toEqual([
          section,
          refused('not_a_page'),
        ]);
      }
      const lookalike = `${sections[0].replace('.', '')}zone`;
      expect(normalizePageUrl(network, `${host}/${lookalike}`)).toMatchObject({ ok: true, handle: lookalike });
    },
  );

  it.each(NETWORKS.map((network) => [network]))(
    'answers that the page name is missing for the bare host of %s, with or without a slash',
    (network) => {
      const [host] = reserved[network];
      expect(normalizePageUrl(network, host)).toEqual(refused('no_page_name'));
      expect(normalizePageUrl(network, `${host}/`)).toEqual(refused('no_page_name'));
      expect(normalizePageUrl(network, `${host}/?utm_source=x`)).toEqual(refused('no_page_name'));
    },
  );

  it.each<[string, PageUrlProblem]>([
    ['https://ok.ru/group', 'no_page_name'],
    ['https://ok.ru/profile/', 'no_page_name'],
    ['https://ok.ru/group/12a', 'not_a_page'],
    ['https://ok.ru/group/a12', 'not_a_page'],
    ['https://ok.ru/group/-12', 'not_a_page'],
    [`https://ok.ru/group/${'1'.repeat(21)}`, 'not_a_page'],
    ['https://ok.ru/group/123/456', 'not_a_page'],
    ['https://ok.ru/profile/12.5', 'not_a_page'],
  ])('refuses a malformed numbered OK path %s (%s)', (input, problem) => {
    expect(normalizePageUrl('ok', input)).toEqual(refused(problem));
  });

  it('accepts the longest numbered OK path, 20 digits', () => {
    const id = '9'.repeat(20);
    expect(normalizePageUrl('ok', `https://ok.ru/GROUP/${id}`)).toEqual(
      accepted(`https://ok.ru/group/${id}`, `group/${id}`),
    );
  });

  it.each<[string, PageUrlProblem | string]>([
    ['https://facebook.com/profile.php?id=12a', 'not_a_page'],
    ['https://facebook.com/profile.php?id=a12', 'not_a_page'],
    [`https://facebook.com/profile.php?id=${'1'.repeat(21)}`, 'not_a_page'],
    ['https://facebook.com/Profile.php?id=42', '42'],
    ['https://facebook.com/profile.php/x?id=42', 'not_a_page'],
  ])('reads the Facebook profile number only from profile.php?id=<1–20 digits>: %s', (input, expected) => {
    const result = normalizePageUrl('facebook', input);
    if (expected === 'not_a_page') expect(result).toEqual(refused('not_a_page'));
    else expect(result).toEqual(accepted(`https://facebook.com/${expected}`, expected));
  });

  it.each<[string]>([
    ['https://vk.com/Wall-123_45'],
    ['https://vk.com/clip-1_2'],
    ['https://vk.com/album-1_2'],
    ['https://vk.com/topic-1_2'],
    ['https://vk.com/board1_2'],
    ['https://vk.com/market-1_2'],
    ['https://vk.com/product-1_2'],
    ['https://vk.com/page-1_2'],
    ['https://vk.com/note1_2'],
    ['https://vk.com/poll-1_2'],
    ['https://vk.com/doc1_2'],
    ['https://vk.com/audio-1_2'],
    ['https://vk.com/story-1_2'],
    ['https://vk.com/photo1_2abc'],
  ])('refuses a VK object (post, clip, album…) as not a page: %s', (input) => {
    expect(normalizePageUrl('vk', input)).toEqual(refused('not_a_page'));
  });

  it('accepts VK names that merely contain an object word or digits with an underscore', () => {
    expect(normalizePageUrl('vk', 'https://vk.com/photo1_')).toEqual(accepted('https://vk.com/photo1_', 'photo1_'));
    expect(normalizePageUrl('vk', 'https://vk.com/my_wall1_2')).toEqual(
      accepted('https://vk.com/my_wall1_2', 'my_wall1_2'),
    );
    expect(normalizePageUrl('vk', `https://vk.com/club${'1'.repeat(20)}`)).toMatchObject({ ok: true });
  });

  it('takes the Telegram web preview prefix in any case and refuses an invitation behind it', () => {
    expect(normalizePageUrl('telegram', 'https://t.me/S/name_channel')).toEqual(
      accepted('https://t.me/name_channel', 'name_channel'),
    );
    expect(normalizePageUrl('telegram', 'https://t.me/s/+AbCdEf')).toEqual(refused('not_a_page'));
    expect(normalizePageUrl('telegram', 'https://t.me/s')).toEqual(refused('no_page_name'));
  });
});

describe('messages', () => {
  it('has a Russian message for every refusal', () => {
    for (const message of Object.values(PAGE_URL_PROBLEM_MESSAGES)) expect(message).toMatch(/[а-яё]/i);
  });

  it('names the canonical form of every network', () => {
    expect(NETWORKS.map(describeExpected)).toEqual([
      'https://vk.com/<имя страницы>',
      'https://ok.ru/<имя страницы> или https://ok.ru/group/<номер группы>',
      'https://t.me/<имя канала>',
      'https://max.ru/<имя канала>',
      'https://facebook.com/<имя страницы>',
      'https://instagram.com/<имя профиля>',
      'https://twitter.com/<имя профиля>',
    ]);
    for (const network of NETWORKS) expect(describeExpected(network)).toMatch(/^https:\/\/[a-z.]+\/</);
  });

  it('tells which form the chosen network expects', () => {
    expect(pageUrlProblemMessage('vk', 'wrong_host')).toBe(
      'Адрес не относится к выбранной сети. Для сети «ВКонтакте» ожидается адрес вида https://vk.com/<имя страницы>.',
    );
  });
});

describe('detectNetwork', () => {
  it.each<[string, Network | undefined]>([
    ['https://vk.com/abgosk', 'vk'],
    ['m.vk.com/abgosk', 'vk'],
    ['https://vkontakte.ru/abgosk', 'vk'],
    ['www.ok.ru/abgosk26', 'ok'],
    ['https://odnoklassniki.ru/abgosk26', 'ok'],
    ['https://telegram.me/name_channel', 'telegram'],
    ['https://web.max.ru/somechannel', 'max'],
    ['https://fb.com/somepage', 'facebook'],
    ['https://instagram.com/some_profile', 'instagram'],
    ['https://x.com/someprofile', 'twitter'],
    ['https://user:pass@vk.com/abgosk', 'vk'],
    ['https://example.org/abgosk', undefined],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined],
  ])('%s → %s', (input, network) => {
    expect(detectNetwork(input)).toBe(network);
  });
});

describe('legacy networks', () => {
  it('records Facebook, Instagram and Twitter for history only: Order 2523-р names VK and OK (DOMAIN.md §1)', () => {
    expect(NETWORKS.filter(isLegacyNetwork)).toEqual(['facebook', 'instagram', 'twitter']);
    expect(LEGACY_NETWORKS).toHaveLength(3);
  });
});

describe('idempotence: the canonical form is a fixed point', () => {
  // Handles start with `z`, a letter no service path starts with, so every generated handle is a page.
  const tail = (chars: string, min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...chars), minLength: min - 1, maxLength: max - 1 }).map((rest) => `z${rest}`);
  const lower = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const handles: Record<Network, fc.Arbitrary<string>> = {
    vk: tail(`${lower}_.`, 2, 32),
    ok: fc.oneof(
      tail(`${lower}ABCXYZ_.`, 2, 64),
      fc.tuple(fc.constantFrom('group', 'profile'), fc.bigInt(1n, 10n ** 19n)).map(([kind, id]) => `${kind}/${id}`),
    ),
    telegram: tail(`${lower}_`, 5, 32),
    max: tail(`${lower}ABCXYZ_.-`, 1, 64),
    facebook: tail(`${lower}_.-`, 1, 64),
    instagram: tail(`${lower}_.-`, 1, 64),
    twitter: tail(`${lower}_.-`, 1, 64),
  };
  const hosts: Record<Network, string[]> = {
    vk: ['vk.com', 'www.vk.com', 'm.vk.com', 'vk.ru', 'vkontakte.ru'],
    ok: ['ok.ru', 'www.ok.ru', 'm.ok.ru', 'odnoklassniki.ru'],
    telegram: ['t.me', 'telegram.me', 'www.t.me'],
    max: ['max.ru', 'web.max.ru', 'www.max.ru'],
    facebook: ['facebook.com', 'm.facebook.com', 'fb.com'],
    instagram: ['instagram.com', 'www.instagram.com'],
    twitter: ['twitter.com', 'mobile.twitter.com', 'x.com'],
  };
  const caseFolded: ReadonlySet<Network> = new Set<Network>(['vk', 'telegram', 'facebook', 'instagram', 'twitter']);

  it.each(NETWORKS.map((network) => [network]))(
    'accepts every valid %s handle however it is written, and normalizing the result gives the result',
    (network) => {
      fc.assert(
        fc.property(
          handles[network],
          fc.constantFrom(...hosts[network]),
          fc.constantFrom('https://', 'http://', '', '//'),
          fc.boolean(),
          fc.constantFrom('', '/', '?utm_source=x', '/#top'),
          (handle, host, scheme, upper, suffix) => {
            const typed = upper && caseFolded.has(network) ? handle.toUpperCase() : handle;
            const first = normalizePageUrl(network, `${scheme}${host}/${typed}${suffix}`);
            expect(first).toEqual(accepted(`https://${hosts[network][0]}/${handle}`, handle));
            if (first.ok) expect(normalizePageUrl(network, first.url)).toEqual(first);
          },
        ),
      );
    },
  );

  it('never throws on arbitrary input, and whatever it accepts is a fixed point', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NETWORKS),
        fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (network, input) => {
          const first = normalizePageUrl(network, input);
          if (first.ok) expect(normalizePageUrl(network, first.url)).toEqual(first);
        },
      ),
    );
  });
});
