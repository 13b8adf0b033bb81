// The readable report of `newsmark analyze`: one block per article.

import { describeDateValue, type Analysis, type EntityType } from '../core';
import { clip, lineOf, lineStarts } from '../core/engine/text';

/** 1-based line and column of each offset, as editors show them. */
function locator(text: string): (offset: number) => string {
  const starts = lineStarts(text);
  return offset => {
    const [line, column] = lineOf(starts, offset);
    return `${line + 1}:${column + 1}`;
  };
}

const TYPES: EntityType[] = ['PERSON', 'ORG', 'PLACE', 'NORP'];

export function formatAnalysis(path: string, text: string, a: Analysis): string {
  const at = locator(text);
  const lines: string[] = [];
  lines.push(`${path}`);
  lines.push(`  published: ${a.published ?? 'unknown'}`);
  const byType = TYPES.map(t => `${t} ${a.entities.filter(e => e.type === t).length}`).join(', ');
  lines.push(`  entities: ${a.entities.length} (${byType})`);
  for (const t of TYPES) {
    const counts = new Map<string, { n: number; first: number }>();
    for (const e of a.entities) {
      if (e.type !== t) continue;
      const c = counts.get(e.canonical) ?? { n: 0, first: e.start };
      c.n++;
      counts.set(e.canonical, c);
    }
    if (counts.size === 0) continue;
    const items = [...counts]
      .sort((x, y) => y[1].n - x[1].n || x[1].first - y[1].first)
      .map(([name, c]) => (c.n > 1 ? `${name} ×${c.n}` : name));
    lines.push(`    ${t.padEnd(6)}  ${items.join(', ')}`);
  }
  lines.push(`  dates: ${a.dates.length}`);
  for (const d of a.dates) {
    // The value in words beside the ISO form: "200" with LATE reads "the late 2000s".
    const words = describeDateValue(d);
    const value = d.value ? `${d.value}${words && words !== d.value ? ` — ${words}` : ''}` : 'unresolved';
    lines.push(
      `    ${at(d.start).padEnd(8)} ${clip(d.text, 40).padEnd(28)} ${value}${d.relative ? ' (relative)' : ''}`,
    );
  }
  lines.push(`  attributions: ${a.attributions.length}`);
  for (const c of a.attributions) {
    const who = c.speaker ?? c.source?.text ?? 'unnamed';
    const cue = c.cue ? c.cue.text : '(continues)';
    lines.push(
      `    ${at(c.content.start).padEnd(8)} ${c.kind.padEnd(8)} ${clip(who, 36)} — ${cue}: ${clip(c.content.text, 90)}`,
    );
  }
  return lines.join('\n');
}
