// Plain data in and out of the engine. Offsets are UTF-16 code units (JavaScript string
// indices, as VS Code counts them), end exclusive, and text === source.slice(start, end).

export interface Span {
  text: string;
  start: number;
  end: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'NORP';

export interface Entity extends Span {
  type: EntityType;
  /** One name per real-world entity within the document. */
  canonical: string;
}

export type DateMod = null | 'EARLY' | 'MID' | 'LATE' | 'APPROX' | 'BEFORE' | 'AFTER';

export interface DateMention extends Span {
  /** ISO 8601 as precise as the text allows (YYYY-MM-DD, YYYY-MM, YYYY, YYY for a decade, YYYY-Www), or null. */
  value: string | null;
  mod: DateMod;
  /** True when the value depends on an anchor (the publication date or another date in the text). */
  relative: boolean;
}

export type AttributionKind = 'direct' | 'indirect' | 'mixed';

export interface Attribution {
  source: Span | null;
  cue: Span | null;
  content: Span;
  kind: AttributionKind;
  /** Canonical speaker: an entity's canonical name, or a normalised description of an anonymous source. */
  speaker: string | null;
}

export interface AnalyzeOptions {
  /** Publication date (YYYY-MM-DD), for example from the article's sidecar. Wins over a date line in the text. */
  published?: string | null;
  /**
   * A date near the story (YYYY-MM-DD) used only to give a year to year-less dates ("January 3") when the
   * article has no publication date, for example the publication date of another article on the same story.
   * Deictic expressions ("recent weeks", "yesterday") are never resolved against it.
   */
  storyDate?: string | null;
}

export interface Analysis {
  /** The publication date used (YYYY-MM-DD) or null. */
  published: string | null;
  entities: Entity[];
  dates: DateMention[];
  attributions: Attribution[];
}
