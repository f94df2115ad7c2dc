/**
 * Style checks of a publication text (DOMAIN.md §4): act citations, bureaucratese, press-release
 * format, length for the network, spelling. Pure: the spelling dictionary comes in as a value.
 * Every hit cites its clause (see `style.messages.ts` for which and why).
 */
import { findActCitations } from './act-citations.rules';
import { findBureaucratese } from './bureaucratese.rules';
import { findPressReleaseMarkers } from './press-release.rules';
import { findSpellingErrors } from './spelling.rules';
import { normalizeText, protectedSpans, tokenize } from './style-text';
import type { Span } from './style-text';
import {
  ACT_CITATIONS_SUGGESTION,
  actCitationsMessage,
  bureaucrateseMessage,
  spellingMessage,
  spellingSuggestion,
  STYLE_CITATIONS,
  tooLongMessage,
  tooLongSuggestion,
} from './style.messages';
import { STYLE_HIT_KINDS, STYLE_NETWORKS } from './style.types';
import type { StyleHit, StyleHitKind, StyleNetwork, StyleOptions, StyleReport, StyleSummary } from './style.types';

export * from './style.types';

/** Above this many distinct acts a text cites too many (Plastunovskaya Прил. 1 p.7: «не более двух»). */
export const MAX_ACT_CITATIONS = 2;

export interface LengthLimit {
  /** Beyond it the hit reads as advice. */
  recommended: number;
  /** Beyond it the network does not take the text as one post. */
  hard?: number;
}

/**
 * Lengths in UTF-16 code units (what JavaScript's `length` and Telegram count). The acts set no
 * figure; they ask for formats that fit each network (Khabarovsk Положение 1 p.8).
 * - telegram: a message takes at most 4096 characters (Bot API sendMessage), a caption under a
 *   photo or video at most 1024; a channel post is usually a picture with a caption, so 1024 is
 *   the recommendation and 4096 the hard limit.
 * - max: a message takes at most 4000 characters (MAX Bot API); recommendation as for VK.
 * - vk, ok, no network: 2000 is an editorial figure, not a platform limit — about 300 words, one
 *   or two phone screens; both networks fold a long post behind «Показать полностью» after a few
 *   lines, and what is folded is mostly not read. Their own hard limits are far above any post.
 */
export const LENGTH_LIMITS: Record<StyleNetwork | 'default', LengthLimit> = {
  telegram: { recommended: 1024, hard: 4096 },
  max: { recommended: 2000, hard: 4000 },
  vk: { recommended: 2000 },
  ok: { recommended: 2000 },
  default: { recommended: 2000 },
};

/** The brief's entry point: the hits only. */
export function checkStyle(text: string, options: StyleOptions = {}): StyleHit[] {
  return analyzeStyle(text, options).hits;
}

/** Hits in text order plus the counts a list view shows. */
export function analyzeStyle(text: string, options: StyleOptions = {}): StyleReport {
  const normalized = normalizeText(text);
  const protectedRanges = protectedSpans(text);
  const tokens = tokenize(text, protectedRanges);

  const acts = findActCitations(text, normalized);
  const hits: StyleHit[] = [];
  if (acts.length > MAX_ACT_CITATIONS) {
    acts.forEach((act, index) =>
      hits.push({
        ...base(text, 'act_citations', act),
        message: actCitationsMessage(acts.length, index + 1),
        suggestion: ACT_CITATIONS_SUGGESTION,
        count: acts.length,
        act: act.act,
      }),
    );
  }

  hits.push(...wordingHits(text, normalized, tokens, protectedRanges));

  const tooLong = lengthHit(text, options.network);
  if (tooLong) hits.push(tooLong);

  if (options.speller) {
    for (const error of findSpellingErrors(tokens, options.speller, options.suggestionBudgetMs)) {
      hits.push({
        ...base(text, 'spelling', error.token),
        message: spellingMessage(error.token.text),
        suggestion: spellingSuggestion(error.replacements),
        replacements: error.replacements,
      });
    }
  }

  hits.sort((a, b) => a.start - b.start || STYLE_HIT_KINDS.indexOf(a.kind) - STYLE_HIT_KINDS.indexOf(b.kind));
  return { hits, summary: summarize(hits, acts.length) };
}

function base(text: string, kind: StyleHitKind, span: Span) {
  const { citation, related } = STYLE_CITATIONS[kind];
  return {
    kind,
    start: span.start,
    end: span.end,
    fragment: text.slice(span.start, span.end),
    // Copies: a caller may store or adjust a hit without touching the shared table.
    citation: { ...citation },
    relatedCitations: related.map((other) => ({ ...other })),
  };
}

interface Candidate extends Span {
  hit: StyleHit;
  score: number;
  curated: boolean;
  /** A sentence-level marker (the report opening): it displaces press-release hits only. */
  opening: boolean;
}

/**
 * Bureaucratese and press-release hits, one per fragment: where matches overlap, the longest wins
 * («в рамках реализации» over «в рамках» and «реализация»), then the closer fit, then the curated
 * marker with its explanation. A report opening spans a whole lead, so it only displaces other
 * press-release hits, never bureaucratese inside the lead.
 */
function wordingHits(text: string, normalized: string, tokens: ReturnType<typeof tokenize>, protectedRanges: Span[]) {
  const candidates: Candidate[] = [];
  for (const match of findBureaucratese(tokens)) {
    const span = { start: tokens[match.first].start, end: tokens[match.last].end };
    const kind = match.entry.category === 'press_release_marker' ? 'press_release' : 'bureaucratese';
    const fragment = text.slice(span.start, span.end);
    candidates.push({
      ...span,
      score: match.score,
      curated: false,
      opening: false,
      hit: {
        ...base(text, kind, span),
        message: bureaucrateseMessage(fragment, match.entry.category),
        suggestion: match.entry.plain,
        pattern: match.entry.pattern,
        category: match.entry.category,
        sources: match.entry.sources,
      },
    });
  }
  for (const match of findPressReleaseMarkers(normalized)) {
    if (protectedRanges.some((range) => range.start < match.end && match.start < range.end)) continue;
    candidates.push({
      start: match.start,
      end: match.end,
      score: Number.MAX_SAFE_INTEGER,
      curated: true,
      opening: match.marker.id === 'dated_report_opening',
      hit: {
        ...base(text, 'press_release', match),
        message: match.marker.message,
        suggestion: match.marker.suggestion,
      },
    });
  }
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      b.score - a.score ||
      Number(b.curated) - Number(a.curated) ||
      a.start - b.start,
  );
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    const conflict = chosen.some(
      (other) =>
        other.start < candidate.end &&
        candidate.start < other.end &&
        (!(other.opening || candidate.opening) ||
          (other.hit.kind === 'press_release' && candidate.hit.kind === 'press_release')),
    );
    if (!conflict) chosen.push(candidate);
  }
  return chosen.map((candidate) => candidate.hit);
}

function lengthHit(text: string, network: StyleNetwork | undefined): StyleHit | undefined {
  const limits = LENGTH_LIMITS[network ?? 'default'];
  if (text.length <= limits.recommended) return undefined;
  const hard = limits.hard !== undefined && text.length > limits.hard;
  const figure = hard && limits.hard !== undefined ? limits.hard : limits.recommended;
  // The part beyond the figure, not splitting a surrogate pair.
  let start = figure;
  if (/[\uDC00-\uDFFF]/.test(text.charAt(start))) start -= 1;
  return {
    ...base(text, 'too_long', { start, end: text.length }),
    message: tooLongMessage(text.length, { figure, hard }, network),
    suggestion: tooLongSuggestion(hard),
    length: text.length,
    limit: figure,
  };
}

function summarize(hits: StyleHit[], actCitations: number): StyleSummary {
  const count = (kind: StyleHitKind) => hits.filter((hit) => hit.kind === kind).length;
  return {
    actCitations,
    bureaucratese: count('bureaucratese'),
    pressRelease: count('press_release'),
    spelling: count('spelling'),
    tooLong: count('too_long') > 0,
  };
}

/** What is kept with a stored text (publication, plan item): enough to mark and explain each hit. */
export type StoredStyleHit = Pick<StyleHit, 'kind' | 'start' | 'end' | 'fragment' | 'message'> & {
  suggestion?: string;
};

/** The stored form of hits; the clause is the jurisdiction's own (its policy's `publicationStyle`). */
export function storedHits(hits: readonly StyleHit[]): StoredStyleHit[] {
  return hits.map(({ kind, start, end, fragment, message, suggestion }) => ({
    kind,
    start,
    end,
    fragment,
    message,
    ...(suggestion !== undefined && { suggestion }),
  }));
}

/** The network a length limit is known for, or none (legacy networks). */
export function styleNetworkOf(network: string): StyleNetwork | undefined {
  return (STYLE_NETWORKS as readonly string[]).includes(network) ? (network as StyleNetwork) : undefined;
}
