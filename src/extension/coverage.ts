// "Compare Coverage": a webview table of claims × articles; each cell says whether the article reports the claim,
// agrees or conflicts, and opens the statement. Theme colours, keyboard navigation; style and script in media/.

import type { CrossResult } from '../core/cross/crossdoc';
import * as vscode from 'vscode';
import { esc, WebviewPage } from './webviewPage';
import type { WorkspaceIndex } from './workspaceIndex';

/** The page's content for a result (media/coverage.css and .js style it and move through it); cells carry the statement to open. */
export function coverageBody(r: CrossResult): string {
  const docs = r.documents;
  // Articles that are one report (rewrites of one another or of one outlet's story).
  const reportOf = new Map<string, number>();
  (r.derived ?? []).forEach((d, k) => {
    for (const doc of d.documents) reportOf.set(doc, k + 1);
  });
  const derivedList = (r.derived ?? [])
    .map(
      (d, k) =>
        `<li>Report ${k + 1}${d.origin ? ` (from ${esc(d.origin)})` : ''}: ${d.documents.map(esc).join(', ')}</li>`,
    )
    .join('');
  const conflicted = new Set(r.conflicts.flatMap(c => [`${c.a.doc}|${c.a.start}`, `${c.b.doc}|${c.b.start}`]));
  const rows = r.claims
    .map(c => {
      const cells = docs
        .map(d => {
          const m = c.mentions.find(x => x.doc === d);
          if (!m) return '<td class="none" aria-label="not reported">—</td>';
          const conflict = conflicted.has(`${m.doc}|${m.start}`);
          const label = conflict ? 'conflicts' : 'agrees';
          return `<td class="${label}"><button data-doc="${esc(m.doc)}" data-start="${m.start}" data-end="${m.end}" title="${esc(m.text)}" aria-label="${esc(d)}: ${label}. ${esc(m.text)}">${label}</button></td>`;
        })
        .join('');
      const articles = new Set(c.mentions.map(m => m.doc)).size;
      const reports =
        articles === c.independent
          ? ''
          : ` <span class="reports">(${c.independent} independent report${c.independent === 1 ? '' : 's'} of ${articles})</span>`;
      return `<tr><th scope="row" title="${esc(c.summary)}">${esc(c.summary.length > 90 ? c.summary.slice(0, 89) + '…' : c.summary)}${reports}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<h1>Coverage: ${r.claims.length} claims × ${docs.length} articles</h1>
<p class="legend"><span class="agrees">agrees</span><span class="conflicts">conflicts</span>— not reported. Enter or a click opens the statement; arrow keys move between cells.</p>
${derivedList ? `<p>Articles that are one report (rewrites of one another), counted once per claim:</p><ul class="derived">${derivedList}</ul>` : ''}
<table role="grid"><thead><tr><th scope="col">Claim</th>${docs.map(d => `<th scope="col">${esc(d)}${reportOf.has(d) ? ` <span class="reports">(report ${reportOf.get(d)})</span>` : ''}</th>`).join('')}</tr></thead>
<tbody>
${rows || `<tr><td colspan="${docs.length + 1}">No claim is reported by two articles yet.</td></tr>`}
</tbody></table>`;
}

/** The Compare Coverage page. */
export class Coverage extends WebviewPage {
  constructor(index: WorkspaceIndex, extensionUri: vscode.Uri) {
    super(index, extensionUri, 'coverage', vscode.l10n.t('Compare Coverage'), r => coverageBody(r));
  }
}
