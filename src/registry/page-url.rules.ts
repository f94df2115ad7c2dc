/**
 * Addresses of official pages (DOMAIN.md §1: "Official page: organization, network, URL").
 *
 * Every accepted address is reduced to one canonical `https://<host>/<name>` so that "one page per
 * network per organization" and "URL changed" (Khabarovsk Положение 1 p.3.2) can be decided by
 * comparing plain strings. Pure: no Nest, no TypeORM, no I/O. Refusals are returned, not thrown,
 * so that a bulk import can report every bad row and a form can show the reason beside the field.
 */

export const NETWORKS = ['vk', 'ok', 'telegram', 'max', 'facebook', 'instagram', 'twitter'] as const;
export type Network = (typeof NETWORKS)[number];

/**
 * Order 2523-р makes VK and OK the hosts of official pages; pages in these networks may still be
 * recorded for history (Khabarovsk 2020 lists Facebook and Instagram) but never count as an
 * official page today (DOMAIN.md §1).
 */
export const LEGACY_NETWORKS: readonly Network[] = ['facebook', 'instagram', 'twitter'];

export function isLegacyNetwork(network: Network): boolean {
  return LEGACY_NETWORKS.includes(network);
}

export type PageUrlProblem =
  'malformed' | 'unsupported_scheme' | 'credentials' | 'wrong_host' | 'no_page_name' | 'not_a_page';

export const PAGE_URL_PROBLEM_MESSAGES: Record<PageUrlProblem, string> = {
  malformed:
    'Адрес страницы не распознан: он должен быть скопирован целиком, без пробелов и номера порта, не длиннее 2048 символов.',
  unsupported_scheme:
    'Адрес страницы должен начинаться с https:// или http://; ссылки других видов (javascript:, data:, mailto:, ftp: и т. п.) не принимаются.',
  credentials:
    'Адрес не должен содержать логин или пароль: реестр не хранит данные для входа на страницы, передача доступа отмечается отдельно.',
  wrong_host: 'Адрес не относится к выбранной сети.',
  no_page_name: 'В адресе нет имени страницы.',
  not_a_page:
    'Адрес ведёт не на страницу, а на запись, фотографию, ссылку-приглашение или служебный раздел сети, либо имя страницы содержит недопустимые символы.',
};

/** Network names as a person reads them, for messages. */
export const NETWORK_TITLES: Record<Network, string> = {
  vk: 'ВКонтакте',
  ok: 'Одноклассники',
  telegram: 'Telegram',
  max: 'MAX',
  facebook: 'Facebook',
  instagram: 'Instagram',
  twitter: 'Twitter (X)',
};

/** The canonical form an address takes in the registry, in Russian. */
export function describeExpected(network: Network): string {
  switch (network) {
    case 'vk':
      return 'https://vk.com/<имя страницы>';
    case 'ok':
      return 'https://ok.ru/<имя страницы> или https://ok.ru/group/<номер группы>';
    case 'telegram':
      return 'https://t.me/<имя канала>';
    case 'max':
      return 'https://max.ru/<имя канала>';
    case 'facebook':
      return 'https://facebook.com/<имя страницы>';
    case 'instagram':
      return 'https://instagram.com/<имя профиля>';
    case 'twitter':
      return 'https://twitter.com/<имя профиля>';
  }
}

/** The full message for a refusal: what is wrong and which form the chosen network expects. */
export function pageUrlProblemMessage(network: Network, problem: PageUrlProblem): string {
  return `${PAGE_URL_PROBLEM_MESSAGES[problem]} Для сети «${NETWORK_TITLES[network]}» ожидается адрес вида ${describeExpected(network)}.`;
}

export type PageUrlResult = { ok: true; url: string; handle: string } | { ok: false; problem: PageUrlProblem };

interface NetworkRules {
  /** Host of the canonical address. */
  host: string;
  /** Other registrable hosts of the same network, normalized to `host`. */
  aliases: readonly string[];
  /** Subdomains that are only other front-ends of the same pages (`www.`, `m.` for all). */
  frontEnds: readonly string[];
  /** Whether the network treats page names case-insensitively, so the handle is lower-cased. */
  caseInsensitive: boolean;
  /** Character rule of a page name (after lower-casing where the network is case-insensitive). */
  name: RegExp;
  /** First path segments that are the network's own sections, not somebody's page. */
  reserved: ReadonlySet<string>;
}

const RULES: Record<Network, NetworkRules> = {
  vk: {
    host: 'vk.com',
    aliases: ['vk.ru', 'vkontakte.ru'],
    frontEnds: [],
    caseInsensitive: true,
    name: /^(?:(?:id|public|club|event)\d{1,20}|[a-z0-9_.]{2,32})$/,
    reserved: new Set([
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
    ]),
  },
  ok: {
    host: 'ok.ru',
    aliases: ['odnoklassniki.ru'],
    frontEnds: [],
    // Not verified that OK folds the case of short names: keeping the case can only miss a
    // duplicate spelled differently, folding it could store a link that does not open.
    caseInsensitive: false,
    name: /^[A-Za-z0-9_.]{2,64}$/,
    reserved: new Set([
      'dk',
      'feed',
      'groups',
      'friends',
      'messages',
      'music',
      'video',
      'live',
      'games',
      'search',
      'settings',
    ]),
  },
  telegram: {
    host: 't.me',
    aliases: ['telegram.me'],
    frontEnds: [],
    caseInsensitive: true,
    name: /^[a-z0-9_]{5,32}$/,
    reserved: new Set([
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
    ]),
  },
  max: {
    host: 'max.ru',
    aliases: [],
    frontEnds: ['web.'],
    // MAX's rules for channel names are not published; keep the case as given.
    caseInsensitive: false,
    name: /^[A-Za-z0-9_.-]{1,64}$/,
    // `max.ru/join/<token>` is an invitation into a private chat, like Telegram's `t.me/+…`:
    // not a public page a citizen can open, so never an official page.
    reserved: new Set(['join']),
  },
  facebook: {
    host: 'facebook.com',
    aliases: ['fb.com'],
    frontEnds: [],
    caseInsensitive: true,
    name: /^[a-z0-9_.-]{1,64}$/,
    reserved: new Set([
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
    ]),
  },
  instagram: {
    host: 'instagram.com',
    aliases: [],
    frontEnds: [],
    caseInsensitive: true,
    name: /^[a-z0-9_.-]{1,64}$/,
    reserved: new Set(['p', 'reel', 'reels', 'tv', 'stories', 'explore', 'accounts', 'direct']),
  },
  twitter: {
    host: 'twitter.com',
    aliases: ['x.com'],
    frontEnds: ['mobile.'],
    caseInsensitive: true,
    name: /^[a-z0-9_.-]{1,64}$/,
    reserved: new Set([
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
    ]),
  },
};

/** Every accepted host (lower-case, no trailing dot) → its network. */
const HOSTS: ReadonlyMap<string, Network> = new Map(
  NETWORKS.flatMap((network) => {
    const rules = RULES[network];
    const prefixes = ['', 'www.', 'm.', ...rules.frontEnds];
    return [rules.host, ...rules.aliases].flatMap((base) =>
      prefixes.map((prefix): [string, Network] => [prefix + base, network]),
    );
  }),
);

/** Browsers accept about 2 000 characters in practice; anything longer is not a page address. */
const MAX_URL_LENGTH = 2048;
/** Whitespace, control and invisible format characters (zero-width space, BOM) left by copy-paste. */
const JUNK_AT_EDGES = /^[\s\p{Cc}\p{Cf}]+|[\s\p{Cc}\p{Cf}]+$/gu;
const JUNK_INSIDE = /[\s\p{Cc}\p{Cf}]/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const WEB_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);
/** The authority as typed, before the URL parser drops an empty `@`. */
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/*([^/?#\\]*)/i;

interface ParsedUrl {
  url: URL;
  hasCredentials: boolean;
}

/** Parses a typed address as an http(s) URL; a schemeless address is taken as https. */
function parseWebUrl(input: string): ParsedUrl | PageUrlProblem {
  if (typeof input !== 'string') return 'malformed';
  const text = input.replace(JUNK_AT_EDGES, '');
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for text === '': 'https://' alone does not parse either
  if (text === '' || text.length > MAX_URL_LENGTH || JUNK_INSIDE.test(text)) return 'malformed';
  const absolute = withScheme(text);
  if (absolute === 'unsupported_scheme') return absolute;
  let url: URL;
  try {
    url = new URL(absolute);
  } catch {
    return 'malformed';
  }
  // Stryker disable next-line all: equivalent, withScheme lets only http(s) through
  if (!WEB_SCHEMES.has(url.protocol.slice(0, -1))) return 'unsupported_scheme';
  // Stryker disable next-line all: equivalent, AUTHORITY matches every address that starts with a scheme
  const typedAuthority = AUTHORITY.exec(absolute)?.[1] ?? '';
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a user name or password always comes with an @ in the typed authority
  return { url, hasCredentials: url.username !== '' || url.password !== '' || typedAuthority.includes('@') };
}

function withScheme(text: string): string | 'unsupported_scheme' {
  const match = SCHEME.exec(text);
  // Stryker disable next-line MethodExpression,StringLiteral: equivalent, the URL parser reads https:vk.com and https:////vk.com as https://vk.com
  if (match === null) return text.startsWith('//') ? `https:${text}` : `https://${text}`;
  const scheme = match[1].toLowerCase();
  if (WEB_SCHEMES.has(scheme)) return text;
  const rest = text.slice(match[0].length);
  // Stryker disable next-line ConditionalExpression,MethodExpression: equivalent, after 'scheme://' neither a port nor an @ before the first slash can follow
  if (!rest.startsWith('//')) {
    // `vk.com:443/abgosk`: a host with a port, not a scheme (schemes have no dots in practice).
    if (scheme.includes('.') && /^\d/.test(rest)) return `https://${text}`;
    // `user:pass@vk.com/abgosk`: userinfo without a scheme; parsed so that it is refused as
    // credentials. `mailto:` is the one opaque scheme whose body has an `@` before any slash.
    if (scheme !== 'mailto' && /^[^/?#]*@/.test(text)) return `https://${text}`;
  }
  return 'unsupported_scheme';
}

function networkOfHost(url: URL): Network | undefined {
  return HOSTS.get(url.hostname.replace(/\.$/, ''));
}

/** The network an address belongs to, from its host and the same aliases `normalizePageUrl` accepts. */
export function detectNetwork(input: string): Network | undefined {
  const parsed = parseWebUrl(input);
  return typeof parsed === 'string' ? undefined : networkOfHost(parsed.url);
}

type NameResult = { ok: true; handle: string } | { ok: false; problem: PageUrlProblem };

const refuse = (problem: PageUrlProblem): { ok: false; problem: PageUrlProblem } => ({ ok: false, problem });

/**
 * Reduces an address typed or imported for `network` to its canonical form, or says why it cannot
 * be an official page of that network. `normalizePageUrl(n, r.url)` returns `r` again.
 */
export function normalizePageUrl(network: Network, input: string): PageUrlResult {
  const parsed = parseWebUrl(input);
  if (typeof parsed === 'string') return refuse(parsed);
  // The product records that access was handed over, never the logins themselves (DOMAIN.md §1).
  if (parsed.hasCredentials) return refuse('credentials');
  // The parser has already dropped the default port of the scheme.
  if (parsed.url.port !== '') return refuse('malformed');
  if (networkOfHost(parsed.url) !== network) return refuse('wrong_host');
  // Query and fragment are dropped: tracking tags, or a post opened over the page (`?w=wall-…`),
  // never a part of the page's name. Empty segments are trailing or doubled slashes.
  const segments = parsed.url.pathname.split('/').filter((segment) => segment !== '');
  const name = pageName(network, segments, parsed.url.searchParams);
  if (!name.ok) return name;
  return { ok: true, url: `https://${RULES[network].host}/${name.handle}`, handle: name.handle };
}

function pageName(network: Network, segments: string[], query: URLSearchParams): NameResult {
  switch (network) {
    case 'vk':
      return vkName(segments);
    case 'ok':
      return okName(segments);
    case 'telegram':
      return telegramName(segments);
    case 'facebook':
      return facebookName(segments, query);
    case 'max':
    case 'instagram':
    case 'twitter':
      return singleName(network, segments);
  }
}

/** A page whose address is `https://<host>/<name>`: one segment, no more (more is a post, a photo…). */
function singleName(network: Network, segments: string[]): NameResult {
  if (segments.length === 0) return refuse('no_page_name');
  const rules = RULES[network];
  const name = rules.caseInsensitive ? segments[0].toLowerCase() : segments[0];
  if (segments.length > 1 || rules.reserved.has(name.toLowerCase()) || !rules.name.test(name)) {
    return refuse('not_a_page');
  }
  return { ok: true, handle: name };
}

/** `wall-1_2`, `photo1_2`, `video-1_2`…: an object of a page, not a page (only some contain a `-`). */
const VK_OBJECT = /^(?:wall|photo|video|clip|album|topic|board|market|product|page|note|poll|doc|audio|story)-?\d+_\d+/;

function vkName(segments: string[]): NameResult {
  if (segments.length > 0 && VK_OBJECT.test(segments[0].toLowerCase())) return refuse('not_a_page');
  // `id123`, `public123`, `club123`, `event123` are names in their own right and kept as typed:
  // resolving them to a short name (or club ↔ public) needs the network, which a pure rule has not.
  return singleName('vk', segments);
}

const OK_NUMBERED = new Set(['group', 'profile']);

function okName(segments: string[]): NameResult {
  const first = segments[0]?.toLowerCase();
  // Stryker disable next-line ConditionalExpression: equivalent, OK_NUMBERED has no undefined
  if (first === undefined || !OK_NUMBERED.has(first)) return singleName('ok', segments);
  // `ok.ru/group/<digits>` and `ok.ru/profile/<digits>`: pages without a short name.
  if (segments.length === 1) return refuse('no_page_name');
  if (segments.length > 2 || !/^\d{1,20}$/.test(segments[1])) return refuse('not_a_page');
  return { ok: true, handle: `${first}/${segments[1]}` };
}

function telegramName(segments: string[]): NameResult {
  // `t.me/s/<name>` is the web preview of the same channel.
  const rest = segments[0]?.toLowerCase() === 's' ? segments.slice(1) : segments;
  // Stryker disable next-line all: equivalent, singleName gives the same answer; kept to say why
  if (segments.length > 0 && rest.length === 0) return refuse('no_page_name');
  // `t.me/+<hash>` and `t.me/joinchat/<hash>` invite into a private chat: not a public page.
  // Stryker disable next-line all: equivalent, the name rule refuses the + too; kept to say why
  if (rest.length > 0 && rest[0].startsWith('+')) return refuse('not_a_page');
  return singleName('telegram', rest);
}

function facebookName(segments: string[], query: URLSearchParams): NameResult {
  // `facebook.com/profile.php?id=<digits>` has its name in the query; `facebook.com/<digits>`
  // opens the same page and keeps the canonical form a single segment.
  if (segments.length === 1 && segments[0].toLowerCase() === 'profile.php') {
    // Stryker disable next-line StringLiteral: equivalent, any text without digits is refused below
    const id = query.get('id') ?? '';
    return /^\d{1,20}$/.test(id) ? { ok: true, handle: id } : refuse('not_a_page');
  }
  return singleName('facebook', segments);
}
