// Hovers: what a highlight is.

import * as vscode from 'vscode';
import { describeDateValue, TYPE_NAMES, type Analysis } from '../core';
import type { Relation } from '../core/annotations/sidecar';
import { type Analyses, isArticle } from './analyses';
import type { Annotations, Live } from './annotations';
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
      parts.push(
        `**${TYPE_NAMES[e.type]}** (${e.type}): ${esc(e.canonical)}` +
          (e.canonical !== e.text ? ` — written here as “${esc(e.text)}”` : '') +
          `  \nMentioned ${n === 1 ? 'once' : `${n} times`} in this article.`,
      );
    }
  }
  if (on.dates) {
    for (const d of a.dates.filter(x => inside(x, at))) {
      const words = describeDateValue(d);
      const how = d.relative ? (a.published ? ` relative to the publication date, ${a.published}` : '') : '';
      parts.push(
        words
          ? `**Date**: ${esc(words)} (\`${d.value}${d.mod ? ` ${d.mod}` : ''}\`)${how}`
          : `**Date**: unresolved — ${d.relative ? 'it is relative and the article states no publication date' : 'the article gives no year to resolve it against'}`,
      );
    }
  }
  if (on.claims) {
    for (const c of a.attributions.filter(
      x => inside(x.content, at) || (x.cue && inside(x.cue, at)) || (x.source && inside(x.source, at)),
    )) {
      const kind =
        c.kind === 'direct'
          ? 'direct quote'
          : c.kind === 'mixed'
            ? 'paraphrase with quoted words'
            : 'indirect (paraphrase)';
      const lines = [`**Claim**, ${kind}`, `Speaker: ${esc(c.speaker ?? 'not named')}`];
      if (c.source && c.source.text !== c.speaker) lines.push(`Source as written: “${esc(c.source.text)}”`);
      lines.push(`Cue: ${c.cue ? `“${esc(c.cue.text)}”` : 'none (continues the previous quote)'}`);
      parts.push(lines.join('  \n'));
    }
  }
  return parts;
}

/** Markdown lines describing the annotations at an offset: fields and relations, with links to related ones. */
export function describeAnnotations(
  doc: vscode.TextDocument,
  live: Live[],
  relations: Relation[],
  at: number,
): string[] {
  const out: string[] = [];
  for (const l of live.filter(x => x.start !== null && at >= x.start && at < x.end!)) {
    const a = l.ann;
    const who = a.origin === 'accepted' ? 'finding accepted' : 'made by hand';
    const lines = [
      `**Annotation** · ${esc(a.kind)}${a.status ? ` · **${esc(a.status)}**` : ''} · ${who}${a.author ? ` by ${esc(a.author)}` : ''}`,
    ];
    for (const k of ['type', 'canonical', 'value', 'mod', 'speaker', 'cue', 'note'] as const)
      if (a[k]) lines.push(`${k}: ${esc(String(a[k]))}`);
    if (a.tags?.length) lines.push(`tags: ${a.tags.map(esc).join(', ')}`);
    for (const r of relations.filter(x => x.from === a.id || x.to === a.id)) {
      const other = r.from === a.id ? r.to : r.from;
      const args = encodeURIComponent(JSON.stringify([doc.uri.toString(), other]));
      lines.push(
        `${r.from === a.id ? esc(r.type) : `${esc(r.type)} (from)`} → [${esc(other)}](command:newsmark.revealAnnotation?${args})`,
      );
    }
    lines.push(`id ${esc(a.id)}`);
    out.push(lines.join('  \n'));
  }
  return out;
}

export class Hovers implements vscode.HoverProvider {
  constructor(
    private readonly analyses: Analyses,
    private readonly annotations: Annotations,
  ) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!isArticle(doc)) return undefined;
    const at = doc.offsetAt(pos);
    const r = await this.analyses.request(doc).catch(() => this.analyses.get(doc));
    const state = this.annotations.stateOf(doc);
    const parts = describeAnnotations(doc, this.annotations.of(doc), state?.file?.data.relations ?? [], at);
    if (r.kind === 'ok') parts.push(...describeAt(r.analysis, at));
    if (parts.length === 0) return undefined;
    const md = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    md.supportThemeIcons = false;
    md.isTrusted = { enabledCommands: ['newsmark.revealAnnotation'] };
    return new vscode.Hover(md);
  }
}
