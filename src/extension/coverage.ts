// "Compare Coverage": a webview table of claims × articles; each cell says whether the article reports the claim,
// agrees or conflicts, and opens the statement. Theme colours, keyboard navigation, nonce CSP, no remote content.

import type { CrossResult } from '../core/crossdoc';
import { esc, nonce, OPEN_ON_CLICK, WebviewPage } from './webviewPage';
import type { WorkspaceIndex } from './workspaceIndex';

/** The page for a result; cells carry the statement to open. */
export function coverageHtml(r: CrossResult, cspSource: string, n = nonce()): string {
  const docs = r.documents;
  // Articles that are one report (rewrites of one another or of one outlet's story).
  const reportOf = new Map<string, number>();
  (r.derived ?? []).forEach((d, k) => { for (const doc of d.documents) reportOf.set(doc, k + 1); });
  const derivedList = (r.derived ?? []).map((d, k) => `<li>Report ${k + 1}${d.origin ? ` (from ${esc(d.origin)})` : ''}: ${d.documents.map(esc).join(', ')}</li>`).join('');
  const conflicted = new Set(r.conflicts.flatMap(c => [`${c.a.doc}|${c.a.start}`, `${c.b.doc}|${c.b.start}`]));
  const rows = r.claims.map(c => {
    const cells = docs.map(d => {
      const m = c.mentions.find(x => x.doc === d);
      if (!m) return '<td class="none" aria-label="not reported">—</td>';
      const conflict = conflicted.has(`${m.doc}|${m.start}`);
      const label = conflict ? 'conflicts' : 'agrees';
      return `<td class="${label}"><button data-doc="${esc(m.doc)}" data-start="${m.start}" data-end="${m.end}" title="${esc(m.text)}" aria-label="${esc(d)}: ${label}. ${esc(m.text)}">${label}</button></td>`;
    }).join('');
    const articles = new Set(c.mentions.map(m => m.doc)).size;
    const reports = articles === c.independent ? '' : ` <span class="reports">(${c.independent} independent report${c.independent === 1 ? '' : 's'} of ${articles})</span>`;
    return `<tr><th scope="row" title="${esc(c.summary)}">${esc(c.summary.length > 90 ? c.summary.slice(0, 89) + '…' : c.summary)}${reports}</th>${cells}</tr>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Compare Coverage</title>
<style nonce="${n}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px 12px; }
  h1 { font-size: 1.2em; font-weight: 600; }
  p.legend span { display: inline-block; padding: 0 6px; margin-right: 8px; border-radius: 3px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorGroup-border)); padding: 4px 6px; text-align: left; vertical-align: top; }
  thead th { position: sticky; top: 0; background: var(--vscode-editor-background); font-weight: 600; }
  th[scope=row] { font-weight: normal; max-width: 34em; }
  td button { all: unset; cursor: pointer; display: block; width: 100%; padding: 2px 4px; border-radius: 3px; }
  td button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
  .agrees button, span.agrees { background: var(--vscode-diffEditor-insertedTextBackground, rgba(0,160,0,.2)); }
  .conflicts button, span.conflicts { background: var(--vscode-diffEditor-removedTextBackground, rgba(200,0,0,.25)); font-weight: 600; }
  .none { color: var(--vscode-descriptionForeground); text-align: center; }
  .reports { color: var(--vscode-descriptionForeground); font-weight: normal; }
</style></head>
<body>
<h1>Coverage: ${r.claims.length} claims × ${docs.length} articles</h1>
<p class="legend"><span class="agrees">agrees</span><span class="conflicts">conflicts</span>— not reported. Enter or a click opens the statement; arrow keys move between cells.</p>
${derivedList ? `<p>Articles that are one report (rewrites of one another), counted once per claim:</p><ul class="derived">${derivedList}</ul>` : ''}
<table role="grid"><thead><tr><th scope="col">Claim</th>${docs.map(d => `<th scope="col">${esc(d)}${reportOf.has(d) ? ` <span class="reports">(report ${reportOf.get(d)})</span>` : ''}</th>`).join('')}</tr></thead>
<tbody>
${rows || `<tr><td colspan="${docs.length + 1}">No claim is reported by two articles yet.</td></tr>`}
</tbody></table>
<script nonce="${n}">
  ${OPEN_ON_CLICK}
  const buttons = () => [...document.querySelectorAll('td button')];
  document.addEventListener('keydown', e => {
    const b = document.activeElement;
    if (!b || !b.matches('td button')) return;
    const td = b.closest('td'), tr = td.parentElement, col = [...tr.children].indexOf(td);
    const rows = [...tr.parentElement.children];
    const at = (r, c) => rows[r] && rows[r].children[c] && rows[r].children[c].querySelector('button');
    const r = rows.indexOf(tr);
    let next = null;
    if (e.key === 'ArrowRight') for (let c = col + 1; c < tr.children.length && !next; c++) next = at(r, c);
    if (e.key === 'ArrowLeft') for (let c = col - 1; c > 0 && !next; c--) next = at(r, c);
    if (e.key === 'ArrowDown') for (let x = r + 1; x < rows.length && !next; x++) next = at(x, col);
    if (e.key === 'ArrowUp') for (let x = r - 1; x >= 0 && !next; x--) next = at(x, col);
    if (next) { next.focus(); e.preventDefault(); }
  });
  const first = buttons()[0]; if (first) first.focus();
</script>
</body></html>`;
}

/** The Compare Coverage page. */
export class Coverage extends WebviewPage {
  constructor(index: WorkspaceIndex) {
    super(index, 'newsmark.coverage', 'Compare Coverage', (r, csp) => coverageHtml(r, csp));
  }
}
