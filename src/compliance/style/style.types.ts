import type { Citation } from '../../registry/policy.types';
import type { Network } from '../../registry/page-url.rules';

/** Where publications go today: the official pages (VK, OK; Order 2523-р) and the extra channels. */
export const STYLE_NETWORKS = ['vk', 'ok', 'telegram', 'max'] as const satisfies readonly Network[];
export type StyleNetwork = (typeof STYLE_NETWORKS)[number];

export const STYLE_HIT_KINDS = ['act_citations', 'bureaucratese', 'press_release', 'too_long', 'spelling'] as const;
export type StyleHitKind = (typeof STYLE_HIT_KINDS)[number];

/** Categories of the bureaucratese list (`data/kantselyarizmy.json`, field `kind`). */
export const BUREAUCRATESE_CATEGORIES = [
  'officialese_verb',
  'verbal_noun',
  'compound_preposition',
  'cliche',
  'filler',
  'passive',
  'press_release_marker',
] as const;
export type BureaucrateseCategory = (typeof BUREAUCRATESE_CATEGORIES)[number];

/** A source of the bureaucratese list, as the list names it. */
export interface StyleSource {
  id: string;
  title: string;
  /** Absent for entries derived from a general rule (source id `rule`). */
  url?: string;
}

/**
 * One finding in a text. Offsets are JavaScript string indices (UTF-16 code units):
 * `text.slice(start, end) === fragment`. The fields after `relatedCitations` are filled only for
 * the kinds named in their comments.
 */
export interface StyleHit {
  kind: StyleHitKind;
  start: number;
  end: number;
  fragment: string;
  /** What is wrong, in Russian. */
  message: string;
  /** What to write instead, in Russian. */
  suggestion?: string;
  /** The clause that states the rule most directly. */
  citation: Citation;
  /**
   * The same rule in the other seeded acts (another jurisdiction, or the answers part of the same
   * act), so that a caller that knows the organization's jurisdiction can cite its own act.
   */
  relatedCitations: Citation[];
  /** bureaucratese, press_release (list entries): the list's pattern, e.g. «в рамках реализации». */
  pattern?: string;
  /** bureaucratese, press_release (list entries): the list's category. */
  category?: BureaucrateseCategory;
  /** bureaucratese, press_release (list entries): where the list took the entry from. */
  sources?: StyleSource[];
  /** act_citations: number of distinct acts cited in the text. */
  count?: number;
  /** act_citations: the act as identified, e.g. «8-ФЗ», «ТК РФ». */
  act?: string;
  /** spelling: dictionary suggestions, at most three. */
  replacements?: string[];
  /** too_long: the length and the figure it exceeds. */
  length?: number;
  limit?: number;
}

export interface StyleSummary {
  /** Distinct normative legal acts cited (a hit only from three on). */
  actCitations: number;
  bureaucratese: number;
  pressRelease: number;
  spelling: number;
  tooLong: boolean;
}

export interface StyleReport {
  hits: StyleHit[];
  summary: StyleSummary;
}

/** A spelling dictionary: the pure rules take it as a value (the service loads it once). */
export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

export interface StyleOptions {
  network?: StyleNetwork;
  speller?: Speller;
  /**
   * Time the spelling check may spend on suggestions (Hunspell suggestions for an unknown long word
   * can take a second). Past it, misspelt words are still reported, without replacements. Default 1500 ms.
   */
  suggestionBudgetMs?: number;
}
