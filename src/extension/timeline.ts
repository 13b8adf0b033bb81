// "Show Timeline": the dated statements of every article on one calendar axis, coloured by article. Dates that
// articles give differently for one statement stand out. Theme colours, keyboard navigation; style and script in
// media/; a click or Enter opens the statement.

import { timelineOf, type TimelineEvent } from '../core/cross/timeline';
import * as vscode from 'vscode';
import { esc, WebviewPage } from './webviewPage';
import { dateLabel } from './timelineLabels';
import type { WorkspaceIndex } from './workspaceIndex';

/** Theme chart colours, one an article (cycled), so that the timeline follows light, dark and high-contrast themes. */
const COLOURS = ['blue', 'orange', 'green', 'purple', 'red', 'yellow']; // media/timeline.css: .c0 … .c5

function gapLabel(days: number): string {
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} later`;
  if (days < 60) return `${Math.round(days / 7)} weeks later`;
  if (days < 730) return `${Math.round(days / 30.44)} months later`;
  return `${Math.round(days / 365.25)} years later`;
}

/** The page's content (media/timeline.css and .js style it and move through it). */
export function timelineBody(events: TimelineEvent[], documents: string[]): string {
  const colour = new Map(documents.map((d, i) => [d, i % COLOURS.length]));
  const number = new Map(documents.map((d, i) => [d, i + 1]));
  // Rows: the events of one date value together; a gap marker between rows says how much time passed.
  const rows: { value: string; from: number; to: number; events: TimelineEvent[] }[] = [];
  for (const e of events) {
    const last = rows[rows.length - 1];
    if (last && last.value === e.value) last.events.push(e);
    else rows.push({ value: e.value, from: e.from, to: e.to, events: [e] });
  }
  let prevEnd: number | null = null;
  const body = rows
    .map(r => {
      const gap =
        prevEnd !== null && r.from > prevEnd + 1
          ? `<li class="gap" aria-hidden="true" data-gap="${Math.min(6, 1 + Math.log2(r.from - prevEnd)).toFixed(2)}">${gapLabel(r.from - prevEnd)}</li>`
          : '';
      prevEnd = Math.max(prevEnd ?? r.to, r.to);
      const disagree = r.events.some(e => e.disagrees.length);
      const items = r.events
        .map(e => {
          const c = colour.get(e.doc) ?? 0;
          const others = e.disagrees.map(d => `<span class="other">⚠ ${esc(d.explanation)}</span>`).join('');
          const label = `${e.doc}, ${dateLabel(e.value)}: ${e.sentence}${e.disagrees.length ? `. Disagrees: ${e.disagrees.map(d => d.explanation).join('; ')}` : ''}`;
          return (
            `<button class="event c${c}${e.disagrees.length ? ' disagrees' : ''}" data-doc="${esc(e.doc)}" data-start="${e.start}" data-end="${e.end}" aria-label="${esc(label)}">` +
            `<span class="doc"><span class="badge">${number.get(e.doc)}</span>${esc(e.doc)}</span><span class="mention">${esc(e.mention)}</span>` +
            `<span class="sentence">${esc(e.sentence.length > 220 ? e.sentence.slice(0, 219) + '…' : e.sentence)}</span>${others}</button>`
          );
        })
        .join('');
      return `${gap}<li class="row${disagree ? ' disagree' : ''}" data-from="${r.events[0].fromIso}"><time datetime="${esc(r.value)}">${esc(dateLabel(r.value))}${disagree ? '<span class="flag" title="articles date this differently">dates disagree</span>' : ''}</time><div class="events">${items}</div></li>`;
    })
    .join('\n');
  const disagreeing = events.filter(e => e.disagrees.length).length;
  const legend = documents
    .map(d => `<span class="key c${colour.get(d)}"><span class="badge">${number.get(d)}</span>${esc(d)}</span>`)
    .join('');
  return `<h1>Timeline: ${events.length} dated statement${events.length === 1 ? '' : 's'} in ${documents.length} article${documents.length === 1 ? '' : 's'}${disagreeing ? `, ${disagreeing} dated differently elsewhere` : ''}</h1>
<div class="legend" aria-label="articles">${legend}</div>
<p class="help">Arrow keys move between statements (up and down by date), Enter or a click opens one.</p>
${rows.length ? `<ol aria-label="timeline">${body}</ol>` : '<p>No article has a date the calendar can place yet.</p>'}`;
}

/** The Timeline page: the articles' dated statements, with the dates they disagree on from the latest check. */
export class Timeline extends WebviewPage {
  constructor(index: WorkspaceIndex, extensionUri: vscode.Uri) {
    super(index, extensionUri, 'timeline', vscode.l10n.t('Timeline'), async r => {
      const articles = (await index.articles())
        .map(a => ({ doc: a.name, text: a.text, analysis: a.analysis }))
        .sort((a, b) => a.doc.localeCompare(b.doc));
      return timelineBody(timelineOf(articles, r.conflicts), [...r.documents].sort());
    });
  }
}
