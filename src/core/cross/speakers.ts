// Speakers across articles: each attribution's speaker as one label for the workspace (the person a description or party tag stands for, titles left out, a surname given its full name).
//
// The per-article engine names a speaker by what the sentence gives. Across articles one person must be one source:
// "Sen. Rand Paul (R-Ky.) said" is Rand Paul, not "R-Ky"; "Chuck Schumer, the Democratic leader, said" is Chuck
// Schumer; "Sheriff Mark Overman" is Mark Overman; and "Trump" is "Donald Trump" when the workspace names no other
// Trump often enough to doubt it ("Mr. Conway" stays as it is where two Conways are named).

import type { Attribution, Entity } from '../engine/types';
import { fold } from '../engine/text';

/** Words of a title or office before a name. */
const TITLE =
  /^(?:sheriff|whip|leader|senator|sen|rep|representative|congressman|congresswoman|governor|gov|secretary|general|president|director|chairman|chairwoman|chief|speaker|mayor|judge|justice|minister|ambassador|commissioner|attorney|spokesman|spokeswoman|house|senate|majority|minority|county|state|former|acting|interim|deputy|vice|dr|mr|mrs|ms)$/;

/** A possessive and a role after a name: "’s attorney", "'s national security adviser", "’s campaign spokesman". */
const POSSESSED =
  /^['’]s\s+(?:[\p{Ll}-]+\s+){0,3}?(?:attorney|attorneys|lawyer|lawyers|spokesman|spokeswoman|spokesperson|aide|aides|adviser|advisers|advisor|counsel|chief of staff|press secretary|representative|wife|husband|son|daughter|campaign manager)\b/u;

/** Last words of organisations' names: "House Judiciary Committee" is a committee, not a person titled "House". */
const ORG_WORD =
  /^(?:Committee|Commission|Department|Office|Service|Council|Court|Party|Agency|Bureau|Police|Board|Caucus|Administration|Group|Center|Centre|Institute|University|Hospital|Association|Union|Foundation)$/;

/** ", Mr. Strzok’s lawyer" after a name. */
const AGENT_AFTER =
  /^\s*,\s*(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(\p{Lu}[\p{L}'’-]+)['’]s?\s+(?:\p{Ll}+\s+){0,2}?(attorney|lawyer|counsel|spokesman|spokeswoman|spokesperson)\b/u;
/** "Strzok attorney " or "Mr. Strzok’s lawyer, " before a name. */
const AGENT_BEFORE =
  /(?:^|[^\p{L}])(\p{Lu}[\p{L}'’-]+?)(?:['’]s?)?\s+(?:\p{Ll}+\s+){0,2}?(attorney|lawyer|counsel|spokesman|spokeswoman|spokesperson)\s*,?\s*$/u;

/** "Mr. Strzok’s lawyer" → "strzok lawyer": whose agent, and which kind (lawyer and attorney are one). */
function agentKey(whose: string, role: string): string {
  const w =
    whose
      .replace(/['’]s?$/, '')
      .split(/\s+/)
      .pop() ?? '';
  const kind = /attorney|lawyer|counsel/i.test(role) ? 'lawyer' : /spokes/i.test(role) ? 'spokesperson' : role.trim();
  return `${fold(w)} ${kind}`;
}

/** A name as one key (accents, case and punctuation folded), kept for the names met again (each article's names are read for each of its attributions). */
const keys = new Map<string, string>();
const key = (s: string) => {
  let k = keys.get(s);
  if (k === undefined) {
    k = fold(s)
      .replace(/[^a-z0-9 ]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (keys.size > 50000) keys.clear();
    keys.set(s, k);
  }
  return k;
};

/**
 * An article's people named in full (two words or more), each once in the order first named: key, name as first given,
 * how often named, and surname. Kept by the article's entities (a warm re-check reads them again for each article).
 */
const PEOPLE_OF = new WeakMap<Entity[], { k: string; name: string; n: number; last: string }[]>();
function peopleOf(entities: Entity[]): { k: string; name: string; n: number; last: string }[] {
  let list = PEOPLE_OF.get(entities);
  if (list) return list;
  const byKey = new Map<string, { k: string; name: string; n: number; last: string }>();
  for (const e of entities) {
    if (e.type !== 'PERSON') continue;
    const k = key(e.canonical);
    if (!k.includes(' ')) continue;
    const p = byKey.get(k);
    if (p) p.n++;
    else byKey.set(k, { k, name: e.canonical, n: 1, last: k.split(' ').pop()! });
  }
  PEOPLE_OF.set(entities, (list = [...byKey.values()]));
  return list;
}

export class SpeakerResolver {
  /** Full names (two words or more) of people in the workspace, by key, with how often each is named. */
  private readonly people = new Map<string, { name: string; n: number }>();
  /** Last word of a full name → the full names ending with it. */
  private readonly bySurname = new Map<string, string[]>();

  addEntities(entities: Entity[]): void {
    for (const e of entities) {
      if (e.type !== 'PERSON') continue;
      const k = key(e.canonical);
      if (!k.includes(' ')) continue;
      const p = this.people.get(k);
      if (p) {
        p.n++;
        continue;
      }
      this.people.set(k, { name: e.canonical, n: 1 });
      const last = k.split(' ').pop()!;
      const list = this.bySurname.get(last);
      if (list) list.push(k);
      else this.bySurname.set(last, [k]);
    }
  }

  /**
   * As addEntities, from the article's people listed once and kept with its entities (see peopleOf): for a check
   * that keeps its articles' analyses between checks (crossCheck), which reads them again at each.
   */
  addKeptEntities(entities: Entity[]): void {
    for (const { k, name, n, last } of peopleOf(entities)) {
      const p = this.people.get(k);
      if (p) {
        p.n += n;
        continue;
      }
      this.people.set(k, { name, n });
      const list = this.bySurname.get(last);
      if (list) list.push(k);
      else this.bySurname.set(last, [k]);
    }
  }

  /** The workspace's label for an attribution's speaker, given the article it is in (entities sorted by start). */
  label(x: Attribution, text: string, entities: Entity[]): string | null {
    let label = x.speaker;
    if (label === null) return null;
    // Two people said jointly ("Nancy Ruiz and Tom Hale"): each by the workspace's name for them, still one source.
    const joint =
      /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)+) and (\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)+)$/u.exec(label);
    if (joint && this.people.has(key(joint[1])) && this.people.has(key(joint[2])))
      return `${this.people.get(key(joint[1]))!.name} and ${this.people.get(key(joint[2]))!.name}`;
    // "Aitan Goelman, Strzok's attorney, said", "Mr. Strzok's lawyer said": the possessor is whom the speaker works
    // for, not the speaker: the name before it when it stands in apposition, else the description itself.
    const role = x.source ? POSSESSED.exec(text.slice(x.source.end, x.source.end + 60)) : null;
    if (x.source && role) {
      const before = beforeSpan(entities, x.source.start);
      if (
        before &&
        before.type === 'PERSON' &&
        /^\s*,\s*(?:(?:the|a|an)\s+)?(?:\p{Lu}[\p{L}.]*\s+)*$/u.test(text.slice(before.end, x.source.start))
      )
        return this.fullName(before.canonical);
      // "Mr. Strzok’s lawyer said" where the article names him ("Aitan Goelman, Mr. Strzok’s lawyer"): that person.
      const named = this.agentsOf(text, entities).get(agentKey(x.source.text, role[0]));
      if (named) return this.fullName(named);
      return `${x.source.text.replace(/^(?:mr|mrs|ms|dr)\.?\s+/i, '')}${role[0]}`;
    }
    const k = key(label);
    // A party and state tag ("D-Ore.", "R-Ky") names no one, whatever it was taken for.
    const isPerson = !/^[RDI]-\p{Lu}/u.test(label) && (this.people.has(k) || personKeys(entities).has(k));
    // A description, party tag or place standing next to a name: "Rand Paul (R-Ky.)", "Adam Schiff, Democrat of
    // California", "Sheriff Adam Hayward of Deuel County".
    // ("which" stands for a thing, never for the person named before it: "a book by Ann Roe, which said …".)
    if (!isPerson && x.source && !/^which$/i.test(x.source.text)) {
      const before = beforeSpan(entities, x.source.start);
      if (
        before &&
        before.type === 'PERSON' &&
        /^\s*(?:,|\(|\bof\b)\s*(?:(?:the|a|an)\s+)?$/i.test(text.slice(before.end, x.source.start))
      )
        label = before.canonical;
    }
    label = this.withoutTitle(label);
    // "Ms. Lindqvist", "Sen. Quillon": the surname, given its full name below when the workspace has one.
    const titled =
      /^(?:mr|mrs|ms|dr|sen|senator|rep|representative|gov|governor|president|mayor|judge|gen|general|prof|professor)\.?\s+(\p{Lu}[\p{L}'’-]+)$/iu.exec(
        label,
      );
    if (titled && /^\p{Lu}/u.test(titled[1])) label = titled[1];
    return this.fullName(label);
  }

  /**
   * Whether this resolver knows the same people, as often each, as another (labels depend on nothing else of the
   * workspace: a re-check that finds the same people keeps each attribution's label).
   */
  samePeople(other: SpeakerResolver): boolean {
    if (other.people.size !== this.people.size) return false;
    const mine = this.people.entries();
    for (const [k, p] of other.people) {
      const [k2, p2] = mine.next().value!;
      if (k !== k2 || p.n !== p2.n || p.name !== p2.name) return false;
    }
    return true;
  }

  /** The article last read for agents, and who acts for whom in it. */
  private agentsText = '';
  private agents = new Map<string, string>();

  /**
   * People an article names as someone's lawyer or spokesman: "Aitan Goelman, Mr. Strzok’s lawyer", "Strzok attorney
   * Aitan Goelman", "Mr. Strzok’s lawyer, Aitan Goelman," → "strzok lawyer" → Aitan Goelman (read once per article).
   */
  private agentsOf(text: string, entities: Entity[]): Map<string, string> {
    if (text === this.agentsText) return this.agents;
    this.agentsText = text;
    this.agents = new Map();
    for (const e of entities) {
      if (e.type !== 'PERSON' || !/\s/.test(e.canonical)) continue;
      const after = AGENT_AFTER.exec(text.slice(e.end, e.end + 60));
      const before = AGENT_BEFORE.exec(text.slice(Math.max(0, e.start - 60), e.start));
      for (const m of [after, before])
        if (m && !this.agents.has(agentKey(m[1], m[2]))) this.agents.set(agentKey(m[1], m[2]), e.canonical);
    }
    return this.agents;
  }

  /** "Scotts Bluff County Sheriff Mark Overman" → "Mark Overman": a known full name at the end, or the words after a title. */
  private withoutTitle(label: string): string {
    const words = label.split(/\s+/);
    // Only a title of capitalised words comes off ("County Sheriff"), not a group ("Republicans led by …").
    if (words.length < 3 || words.some(w => /^\p{Ll}/u.test(w) && !TITLE.test(w) && !/^(?:of|the)$/.test(w)))
      return label;
    for (let n = Math.min(3, words.length - 1); n >= 2; n--) {
      const tail = words.slice(-n).join(' ');
      if (this.people.has(key(tail))) return this.people.get(key(tail))!.name;
    }
    const i = words.length - 3;
    if (
      TITLE.test(key(words[i])) &&
      words.slice(-2).every(w => /^\p{Lu}/u.test(w)) &&
      !ORG_WORD.test(words[words.length - 1])
    )
      return words.slice(-2).join(' ');
    return label;
  }

  /** A surname alone ("Trump") → the one full name the workspace gives it, when no other is named nearly as often. */
  private fullName(label: string): string {
    const k = key(label);
    if (k.includes(' ') || !/^\p{Lu}/u.test(label)) return label;
    const names = (this.bySurname.get(k) ?? []).map(n => this.people.get(n)!).sort((a, b) => b.n - a.n);
    if (names.length === 0) return label;
    if (names.length === 1 || names[0].n >= 3 * names[1].n) return names[0].name;
    return label;
  }
}

/** The keys of the people among an article's entities, kept by its list (read for each of its attributions). */
const PERSON_KEYS = new WeakMap<Entity[], Set<string>>();
function personKeys(entities: Entity[]): Set<string> {
  let r = PERSON_KEYS.get(entities);
  if (!r) {
    r = new Set(entities.filter(e => e.type === 'PERSON').map(e => key(e.canonical)));
    PERSON_KEYS.set(entities, r);
  }
  return r;
}

/** The entity that ends last before a position (entities sorted by start). */
function beforeSpan(entities: Entity[], at: number): Entity | null {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (entities[i].end <= at) return entities[i];
  return null;
}
