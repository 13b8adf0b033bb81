// The engine's findings as candidate annotations, and the rule for findings the user rejected: shared by the
// editor (hide, accept, reject) and the exports (--detected), so both show the same findings.

import type { Annotation, Suppressed } from './sidecar';
import type { Analysis } from '../engine/types';

/** An engine finding, with the fields an annotation made from it takes. */
export interface Finding {
  kind: 'entity' | 'date' | 'claim';
  start: number;
  end: number;
  fields: Partial<Annotation>;
}

export function findingsOf(a: Analysis): Finding[] {
  return [
    ...a.entities.map(e => ({
      kind: 'entity' as const,
      start: e.start,
      end: e.end,
      fields: { type: e.type, canonical: e.canonical },
    })),
    ...a.dates.map(d => ({
      kind: 'date' as const,
      start: d.start,
      end: d.end,
      fields: { ...(d.value ? { value: d.value } : {}), ...(d.mod ? { mod: d.mod } : {}) },
    })),
    ...a.attributions.map(c => ({
      kind: 'claim' as const,
      start: c.content.start,
      end: c.content.end,
      fields: {
        ...(c.speaker ? { speaker: c.speaker } : {}),
        ...(c.cue ? { cue: c.cue.text } : {}),
        status: 'unverified',
      },
    })),
  ];
}

/** Is a finding one the user rejected? Matched by its words, at the occurrence of them nearest to where it was rejected. */
export function isSuppressed(
  text: string,
  suppressed: readonly Suppressed[],
  f: { kind: string; start: number; end: number },
): boolean {
  if (suppressed.length === 0) return false;
  const exact = text.slice(f.start, f.end);
  return suppressed.some(s => {
    if (s.kind !== f.kind || s.exact !== exact) return false;
    let best = -1;
    for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1))
      if (best < 0 || Math.abs(i - s.start) < Math.abs(best - s.start)) best = i;
    return best === f.start;
  });
}
