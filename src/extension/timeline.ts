// "Show Timeline": the dated statements of every article on one calendar axis, coloured by article. Dates that
// articles give differently for one statement stand out. Theme colours, keyboard navigation, nonce CSP, no
// remote content; a click or Enter opens the statement.

import { timelineOf, type TimelineEvent } from '../core/timeline';
import { esc, nonce, OPEN_ON_CLICK, WebviewPage } from './webviewPage';
import { dateLabel } from './timelineLabels';
import type { WorkspaceIndex } from './workspaceIndex';

/** Theme chart colours, one an article (cycled), so that the timeline follows light, dark and high-contrast themes. */
const COLOURS = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'];

function gapLabel(days: number): string {
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} later`;
  if (days < 60) return `${Math.round(days / 7)} weeks later`;
  if (days < 730) return `${Math.round(days / 30.44)} months later`;
  return `${Math.round(days / 365.25)} years later`;
}

export function timelineHtml(events: TimelineEvent[], documents: string[], cspSource: string, n = nonce()): string {
  const colour = new Map(documents.map((d, i) => [d, i % COLOURS.length]));
  const number = new Map(documents.map((d, i) => [d, i + 1]));
  // Rows: the events of one date value together; a gap marker between rows says how much time passed.
  const rows: { value: string; from: number; to: number; events: TimelineEvent[] }[] = [];
  for (const e of events) {
    const last = rows[rows.length - 1];
    if (last && last.value === e.value) last.events.push(e); else rows.push({ value: e.value, from: e.from, to: e.to, events: [e] });
  }
  let prevEnd: number | null = null;
  const body = rows.map(r => {
    const gap = prevEnd !== null && r.from > prevEnd + 1 ? `<li class="gap" aria-hidden="true" style="--gap:${Math.min(6, 1 + Math.log2(r.from - prevEnd)).toFixed(2)}em">${gapLabel(r.from - prevEnd)}</li>` : '';
    prevEnd = Math.max(prevEnd ?? r.to, r.to);
    const disagree = r.events.some(e => e.disagrees.length);
    const items = r.events.map(e => {
      const c = colour.get(e.doc) ?? 0;
      const others = e.disagrees.map(d => `<span class="other">⚠ ${esc(d.explanation)}</span>`).join('');
      const label = `${e.doc}, ${dateLabel(e.value)}: ${e.sentence}${e.disagrees.length ? `. Disagrees: ${e.disagrees.map(d => d.explanation).join('; ')}` : ''}`;
      return `<button class="event c${c}${e.disagrees.length ? ' disagrees' : ''}" data-doc="${esc(e.doc)}" data-start="${e.start}" data-end="${e.end}" aria-label="${esc(label)}">` +
        `<span class="doc"><span class="badge">${number.get(e.doc)}</span>${esc(e.doc)}</span><span class="mention">${esc(e.mention)}</span>` +
        `<span class="sentence">${esc(e.sentence.length > 220 ? e.sentence.slice(0, 219) + '…' : e.sentence)}</span>${others}</button>`;
    }).join('');
    return `${gap}<li class="row${disagree ? ' disagree' : ''}" data-from="${r.events[0].fromIso}"><time datetime="${esc(r.value)}">${esc(dateLabel(r.value))}${disagree ? '<span class="flag" title="articles date this differently">dates disagree</span>' : ''}</time><div class="events">${items}</div></li>`;
  }).join('\n');
  const disagreeing = events.filter(e => e.disagrees.length).length;
  const legend = documents.map(d => `<span class="key c${colour.get(d)}"><span class="badge">${number.get(d)}</span>${esc(d)}</span>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Timeline</title>
<style nonce="${n}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
  h1 { font-size: 1.2em; font-weight: 600; }
  .legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin-bottom: 12px; }
  .badge { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 8px; margin-right: 4px; font-size: .85em; font-weight: 600; color: var(--vscode-editor-background); background: var(--col); }
  ${COLOURS.map((c, i) => `.c${i} { --col: var(--vscode-charts-${c}); }`).join('\n  ')}
  ol { list-style: none; margin: 0; padding: 0 0 0 9em; position: relative; }
  ol::before { content: ''; position: absolute; left: 8.2em; top: 0; bottom: 0; border-left: 2px solid var(--vscode-panel-border, var(--vscode-editorGroup-border)); }
  li.row { position: relative; margin: 6px 0; }
  li.row::before { content: ''; position: absolute; left: -1.15em; top: .45em; width: .7em; height: .7em; border-radius: 50%; background: var(--vscode-foreground); }
  li.row.disagree::before { background: var(--vscode-errorForeground); }
  time { position: absolute; left: -9em; width: 7.6em; text-align: right; font-weight: 600; }
  .flag { display: block; font-weight: normal; font-size: .85em; color: var(--vscode-errorForeground); }
  .events { display: flex; flex-wrap: wrap; gap: 6px; }
  li.gap { height: var(--gap); color: var(--vscode-descriptionForeground); font-size: .85em; font-style: italic; display: flex; align-items: center; }
  button.event { all: unset; box-sizing: border-box; cursor: pointer; display: flex; flex-direction: column; gap: 2px; max-width: 34em; padding: 4px 8px; border-left: 4px solid var(--col); border-radius: 3px; background: var(--vscode-editorWidget-background, transparent); }
  button.event:hover { background: var(--vscode-list-hoverBackground); }
  button.event:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
  button.event.disagrees { border: 2px solid var(--vscode-errorForeground); border-left: 6px solid var(--col); }
  .doc { font-size: .85em; color: var(--vscode-descriptionForeground); }
  .mention { font-weight: 600; }
  .other { color: var(--vscode-errorForeground); font-size: .9em; }
</style></head>
<body>
<h1>Timeline: ${events.length} dated statement${events.length === 1 ? '' : 's'} in ${documents.length} article${documents.length === 1 ? '' : 's'}${disagreeing ? `, ${disagreeing} dated differently elsewhere` : ''}</h1>
<div class="legend" aria-label="articles">${legend}</div>
<p class="help">Arrow keys move between statements (up and down by date), Enter or a click opens one.</p>
${rows.length ? `<ol aria-label="timeline">${body}</ol>` : '<p>No article has a date the calendar can place yet.</p>'}
<script nonce="${n}">
  ${OPEN_ON_CLICK}
  const all = () => [...document.querySelectorAll('button.event')];
  document.addEventListener('keydown', e => {
    const b = document.activeElement;
    if (!b || !b.matches('button.event')) return;
    const list = all(), i = list.indexOf(b);
    const row = b.closest('li.row');
    let next = null;
    if (e.key === 'ArrowRight') next = list[i + 1];
    if (e.key === 'ArrowLeft') next = list[i - 1];
    if (e.key === 'ArrowDown') next = list.slice(i + 1).find(x => x.closest('li.row') !== row);
    if (e.key === 'ArrowUp') { const before = list.slice(0, i).filter(x => x.closest('li.row') !== row); next = before[before.length - 1]; }
    if (e.key === 'Home') next = list[0];
    if (e.key === 'End') next = list[list.length - 1];
    if (next) { next.focus(); next.scrollIntoView({ block: 'nearest' }); e.preventDefault(); }
  });
  const first = all()[0]; if (first) first.focus();
</script>
</body></html>`;
}

/** The Timeline page: the articles' dated statements, with the dates they disagree on from the latest check. */
export class Timeline extends WebviewPage {
  constructor(index: WorkspaceIndex) {
    super(index, 'newsmark.timeline', 'Timeline', (r, csp) => {
      const articles = index.articles().map(a => ({ doc: a.name, text: a.text, analysis: a.analysis })).sort((a, b) => a.doc.localeCompare(b.doc));
      return timelineHtml(timelineOf(articles, r.conflicts), [...r.documents].sort(), csp);
    });
  }
}
