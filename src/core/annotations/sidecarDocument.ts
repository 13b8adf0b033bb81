// Setting one field of a sidecar's `document:` (the publication date, the outlet …) the way src/core/annotations/sidecar.ts
// edits annotations: the new value is spliced into the text at the place the YAML parser reports, so comments,
// unknown keys and key order survive, and the result is read back with readSidecar before it is used. Values are
// written with the sidecar module's own scalar(); no YAML is assembled by hand beyond one `key: value` line.

import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { type DocumentMeta, readSidecar, scalar } from './sidecar';

export type DocumentField = keyof DocumentMeta;

export type SetFieldResult = { ok: true; text: string } | { ok: false; error: string };

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** The sidecar text with `document.<key>` set to `value`; an error (and no text) when the sidecar does not read. */
export function setDocumentField(text: string, key: DocumentField, value: string): SetFieldResult {
  const before = readSidecar(text);
  if (!before.ok) {
    const p = before.problems[0];
    return {
      ok: false,
      error: `the sidecar has an error (${p.line ? `line ${p.line}: ` : ''}${p.message}); fix it first`,
    };
  }
  const expected: DocumentMeta = { ...before.file.data.document, [key]: value };
  const doc = parseDocument(text);
  const root = doc.contents as YAMLMap;
  const docPair = root.items.find(p => isScalar(p.key) && p.key.value === 'document') as
    Pair<unknown, unknown> | undefined;
  const line = `${key}: ${scalar(value)}`;
  let next: string | null = null;

  if (!docPair) {
    // No document yet: it goes before the annotations (or at the end).
    const ann = root.items.find(p => isScalar(p.key) && p.key.value === 'annotations');
    const at = ann && isScalar(ann.key) && ann.key.range ? ann.key.range[0] : text.length;
    const lead = at === text.length && !text.endsWith('\n') ? '\n' : '';
    next = text.slice(0, at) + `${lead}document:\n  ${line}\n` + text.slice(at);
  } else if (isMap(docPair.value)) {
    const map = docPair.value;
    const own = map.items.find(p => isScalar(p.key) && p.key.value === key);
    if (map.flow) {
      if (map.items.length === 0 && map.range) {
        // `document: {}` becomes a block with the one field.
        next = text.slice(0, map.range[0]) + `\n  ${line}` + text.slice(map.range[1]).replace(/^[ \t]+(?=\n|$)/, '');
      }
    } else if (own && isScalar(own.key) && own.key.range) {
      const v = own.value;
      if (isScalar(v) && v.range) next = text.slice(0, v.range[0]) + scalar(value) + text.slice(v.range[1]);
      else if (v === null) next = text.slice(0, own.key.range[0]) + line + text.slice(lineEnd(text, own.key.range[0]));
    } else if (map.items.length) {
      const last = map.items[map.items.length - 1];
      const first = map.items[0];
      const end =
        (isScalar(last.value) || isMap(last.value)) && last.value.range
          ? last.value.range[1]
          : isScalar(last.key) && last.key.range
            ? last.key.range[1]
            : null;
      const start = isScalar(first.key) && first.key.range ? first.key.range[0] : null;
      if (end !== null && start !== null) {
        const indent = start - (text.lastIndexOf('\n', start - 1) + 1);
        const at = lineEnd(text, end - 1 < 0 ? 0 : end - 1);
        next = text.slice(0, at) + `\n${' '.repeat(indent)}${line}` + text.slice(at);
      }
    }
  } else if (
    docPair.value === null ||
    (isScalar(docPair.value) && (docPair.value.value === null || docPair.value.value === ''))
  ) {
    // `document:` with nothing after it.
    const k = docPair.key;
    if (isScalar(k) && k.range)
      next = text.slice(0, k.range[0]) + `document:\n  ${line}` + text.slice(lineEnd(text, k.range[0]));
  }

  const same = (t: string) => {
    const r = readSidecar(t);
    return (
      r.ok &&
      JSON.stringify(sorted(r.file.data.document)) === JSON.stringify(sorted(expected)) &&
      JSON.stringify(r.file.data.annotations) === JSON.stringify(before.file.data.annotations)
    );
  };
  if (next !== null && same(next)) return { ok: true, text: next };
  // Whatever the splice could not do (an unusual layout), the YAML library does: correct, if less tidy in a diff.
  const whole = parseDocument(text);
  whole.setIn(['document', key], value);
  const out = String(whole);
  return same(out)
    ? { ok: true, text: out }
    : { ok: false, error: `internal: the sidecar could not be given its ${key}` };
}

function sorted(m: DocumentMeta): [string, unknown][] {
  return Object.entries(m)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}
