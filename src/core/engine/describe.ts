// Words for values, shared by the editor's hovers and the CLI's report.

import type { DateMention, EntityType } from './types';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MOD_WORDS: Record<string, string> = {
  EARLY: 'early',
  MID: 'mid',
  LATE: 'late',
  APPROX: 'about',
  BEFORE: 'before',
  AFTER: 'after',
};

export const TYPE_NAMES: Record<EntityType, string> = {
  PERSON: 'Person',
  ORG: 'Organisation',
  PLACE: 'Place',
  NORP: 'Nationality or group',
};

/** "mid-January 2026", "3 January 2026", "the late 2000s", "week 7 of 2026"; null when unresolved. */
export function describeDateValue(d: Pick<DateMention, 'value' | 'mod'>): string | null {
  const v = d.value;
  if (!v) return null;
  const mod = d.mod ? MOD_WORDS[d.mod] : '';
  let m: RegExpExecArray | null;
  let base: string;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) base = `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
  else if ((m = /^(\d{4})-(\d{2})$/.exec(v))) base = `${MONTHS[+m[2] - 1]} ${m[1]}`;
  else if ((m = /^(\d{4})-W(\d{2})$/.exec(v))) base = `week ${+m[2]} of ${m[1]}`;
  else if ((m = /^(\d{3})$/.exec(v))) base = `the ${m[1]}0s`;
  else base = v;
  if (!mod) return base;
  if (d.mod === 'MID' || d.mod === 'EARLY' || d.mod === 'LATE') {
    return base.startsWith('the ') ? `the ${mod} ${base.slice(4)}` : `${mod}-${base}`.replace(/^(early|late)-/, '$1 ');
  }
  return `${mod} ${base}`;
}
