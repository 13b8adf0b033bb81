// `newsmark anchors PATH... [--write] [--json]`: where each annotation of each article's sidecar is found in the
// article's current text. A check for CI after articles change.

import { existsSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { locate } from '../core/annotations/anchor';
import { type Problem, readSidecar, type SidecarFile } from '../core/annotations/sidecar';
import { SidecarBrokenError } from '../core/annotations/store';
import { articleOf, cliStore, limitsFor, load, sidecarOf, sidecarsUnder } from './files';
import { clip } from '../core/engine/text';

export interface AnchorReport {
  path: string;
  sidecar: string;
  annotations: {
    id: string;
    status: 'ok' | 'moved' | 'orphaned';
    start: number | null;
    end: number | null;
    text: string | null;
    reason?: string;
  }[];
}

export interface AnchorsResult {
  documents: AnchorReport[];
  errors: { path: string; message: string }[];
  written: string[];
}

/** The articles (with their sidecars) named by the paths: files, or folders searched for sidecars. */
async function pairs(paths: string[], errors: AnchorsResult['errors']): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const p of paths) {
    if (!existsSync(p)) {
      errors.push({ path: p, message: 'no such file or folder' });
      continue;
    }
    if (statSync(p).isDirectory()) {
      for (const s of await sidecarsUnder(p, errors)) out.push([articleOf(s), s]);
    } else if (p.endsWith('.newsmark.yaml')) {
      out.push([articleOf(p), p]);
    } else {
      const s = sidecarOf(p);
      if (s) out.push([p, s]);
      else
        errors.push({
          path: p,
          message: 'has no sidecar (expected beside it as ' + p + '.newsmark.yaml, or in a .newsmark/ folder)',
        });
    }
  }
  const seen = new Set<string>();
  return out.filter(([, s]) => (seen.has(s) ? false : (seen.add(s), true)));
}

export async function checkAnchors(paths: string[], write: boolean): Promise<AnchorsResult> {
  const errors: AnchorsResult['errors'] = [];
  const documents: AnchorReport[] = [];
  const written: string[] = [];
  const store = write ? cliStore() : null;
  for (const [article, sidecar] of await pairs(paths, errors)) {
    const a = load(article);
    if (a.text === undefined) {
      errors.push({ path: article, message: a.error! });
      continue;
    }
    const s = load(sidecar);
    if (s.text === undefined) {
      errors.push({ path: sidecar, message: s.error! });
      continue;
    }
    const text = a.text;
    let report: AnchorReport = { path: article, sidecar, annotations: [] };
    /** Where each annotation of the sidecar is; the moved ones. */
    const examine = (file: SidecarFile) => {
      report = { path: article, sidecar, annotations: [] };
      const moves: { id: string; start: number; end: number }[] = [];
      for (const ann of file.data.annotations) {
        const found = locate(text, ann.anchor);
        report.annotations.push({
          id: ann.id,
          status: found.status,
          start: found.start,
          end: found.end,
          text: found.start === null ? null : text.slice(found.start, found.end!),
          ...(found.reason ? { reason: found.reason } : {}),
        });
        if (found.status === 'moved') moves.push({ id: ann.id, start: found.start!, end: found.end! });
      }
      return moves;
    };
    const broken = (problems: Problem[]) => {
      // Never rewritten: the user's file stays exactly as it is until they fix it.
      for (const p of problems)
        errors.push({ path: sidecar, message: `${p.line ? `line ${p.line}: ` : ''}${p.message} (not changed)` });
    };
    if (!store) {
      const r = readSidecar(s.text, limitsFor(article));
      if (!r.ok) {
        broken(r.problems);
        continue;
      }
      examine(r.file);
    } else {
      // Through the store, under the sidecar's lock, on the file as it is then (read once: a sidecar can be large).
      let moved = 0;
      try {
        await store.recover(sidecar);
        await store.change(sidecar, basename(article), {
          batch: f => {
            const moves = examine(f);
            moved = moves.length;
            if (!moved) return false;
            f.setPositions(moves);
            return undefined;
          },
        });
      } catch (e) {
        if (e instanceof SidecarBrokenError) broken(e.problems);
        else errors.push({ path: sidecar, message: `${(e as Error).message.split('\n')[0]} (not changed)` });
        continue;
      }
      if (moved) written.push(sidecar);
    }
    documents.push(report);
  }
  return { documents, errors, written };
}

export function formatAnchors(r: AnchorsResult): string {
  const lines: string[] = [];
  for (const d of r.documents) {
    const count = (st: string) => d.annotations.filter(a => a.status === st).length;
    lines.push(`${d.path}  (sidecar ${relative(process.cwd(), d.sidecar) || d.sidecar})`);
    lines.push(
      `  ok ${count('ok')} · moved ${count('moved')} · orphaned ${count('orphaned')}${r.written.includes(d.sidecar) ? ' · new positions written' : ''}`,
    );
    for (const a of d.annotations) {
      if (a.status === 'moved')
        lines.push(`  moved     ${a.id}  now at ${a.start}–${a.end}: "${clip(a.text ?? '', 60)}"`);
      if (a.status === 'orphaned')
        lines.push(
          `  orphaned  ${a.id}  ${a.reason ?? 'not found with confidence'}; re-attach or delete it in the editor`,
        );
    }
  }
  return lines.join('\n');
}
