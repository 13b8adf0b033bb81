// Hovers: what a highlight is.

import * as vscode from 'vscode';
import { describeDateValue, TYPE_NAMES, type Analysis } from '../core';
import type { Analyses } from './analyses';
import { settings } from './settings';

const inside = (s: { start: number; end: number }, at: number) => at >= s.start && at < s.end;
/** Escapes what Markdown would read as formatting inside a line of text. */
const esc = (s: string) => s.replace(/[\\`*_[\]<>|]/g, '\\$&');

/** Markdown lines describing what lies at an offset, for the categories that are on. */
export function describeAt(a: Analysis, at: number): string[] {
  const on = settings().highlight;
  const parts: string[] = [];
  if (on.entities) {
    for (const e of a.entities.filter(x => inside(x, at))) {
      const n = a.entities.filter(x => x.canonical === e.canonical && x.type === e.type).length;
      parts.push(`**${TYPE_NAMES[e.type]}** (${e.type}): ${esc(e.canonical)}` +
        (e.canonical !== e.text ? ` — written here as “${esc(e.text)}”` : '') + `  \nMentioned ${n === 1 ? 'once' : `${n} times`} in this article.`);
    }
  }
  if (on.dates) {
    for (const d of a.dates.filter(x => inside(x, at))) {
      const words = describeDateValue(d);
      const how = d.relative ? (a.published ? ` relative to the publication date, ${a.published}` : '') : '';
      parts.push(words
        ? `**Date**: ${esc(words)} (\`${d.value}${d.mod ? ` ${d.mod}` : ''}\`)${how}`
        : `**Date**: unresolved — ${d.relative ? 'it is relative and the article states no publication date' : 'the article gives no year to resolve it against'}`);
    }
  }
  if (on.claims) {
    for (const c of a.attributions.filter(x => inside(x.content, at) || (x.cue && inside(x.cue, at)) || (x.source && inside(x.source, at)))) {
      const kind = c.kind === 'direct' ? 'direct quote' : c.kind === 'mixed' ? 'paraphrase with quoted words' : 'indirect (paraphrase)';
      const lines = [`**Claim**, ${kind}`, `Speaker: ${esc(c.speaker ?? 'not named')}`];
      if (c.source && c.source.text !== c.speaker) lines.push(`Source as written: “${esc(c.source.text)}”`);
      lines.push(`Cue: ${c.cue ? `“${esc(c.cue.text)}”` : 'none (continues the previous quote)'}`);
      parts.push(lines.join('  \n'));
    }
  }
  return parts;
}

export class Hovers implements vscode.HoverProvider {
  constructor(private readonly analyses: Analyses) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const r = this.analyses.get(doc);
    if (r.kind !== 'ok') return undefined;
    const parts = describeAt(r.analysis, doc.offsetAt(pos));
    if (parts.length === 0) return undefined;
    const md = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    md.supportThemeIcons = false;
    md.isTrusted = false;
    return new vscode.Hover(md);
  }
}
