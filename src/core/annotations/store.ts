// The sidecar store: every change to a sidecar goes through here, one at a time per file, so that no annotation
// is ever lost.
//
// - Writes are atomic: the new text goes to a file beside the sidecar, a seal (its length and checksum) is
//   written once it is complete, and it is then renamed over the sidecar. A crash in between leaves the old file
//   intact and the new one beside it; the next open takes the new one only if its seal matches.
// - Before each write the file is read again. If someone changed it meanwhile (git pull, another editor), the
//   change is applied on top of theirs, merged by annotation id; when both changed the same annotation, the
//   user decides.
// - A sidecar that does not parse, or breaks the format or a limit, is never written: its last good state is
//   shown read-only and changes wait until it is fixed.
// - A sidecar deleted while its article is open keeps its annotations in memory and is written again with the
//   next change (or restored on request).
//
// It talks to storage through a small interface, so the extension gives it `vscode.workspace.fs` and the tests
// give it an in-memory fake that injects faults.

import type { Anchor } from './anchor';
import { type DocumentField, setDocumentField } from './sidecarDocument';
import { fnv1a } from '../engine/text';
import {
  type Annotation,
  type Dismissed,
  type DocumentMeta,
  type Problem,
  type ReadLimits,
  readSidecar,
  type Relation,
  SidecarFile,
  type Suppressed,
} from './sidecar';

export interface SidecarFs {
  /** The file's text, or null when there is no such file. */
  read(path: string): Promise<string | null>;
  write(path: string, text: string): Promise<void>;
  /** Renames, replacing the target. */
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /**
   * Takes the sidecar's lock, shared with other processes (the CLI, another window), waiting while another holds
   * it; resolves to the function that releases it. Without it, writes are serial within this store only.
   */
  lock?(path: string): Promise<() => Promise<void>>;
  /** Where writes to a path go: a symbolic link's target, so that the link stays a link. */
  target?(path: string): Promise<string>;
  /** Leftover temporary files of interrupted writes (of other tools or versions) beside the sidecar, to remove. */
  leftovers?(path: string): Promise<string[]>;
}

export type Change =
  | { add: Annotation }
  | {
      update: {
        id: string;
        fields: Partial<
          Record<
            'type' | 'canonical' | 'value' | 'mod' | 'speaker' | 'cue' | 'status' | 'note' | 'tags' | 'origin',
            string | string[] | undefined
          >
        >;
      };
    }
  | { remove: string }
  | { positions: { id: string; start: number; end: number }[] }
  | { reanchor: { id: string; anchor: Anchor } }
  | { dismiss: Dismissed }
  | { relate: Relation }
  | { suppress: Suppressed }
  /** Sets one field of the sidecar's `document:` (publication date, outlet …), keeping the rest of the text. */
  | { meta: { key: DocumentField; value: string } }
  /** Several edits at once (an import): run on the file as it is on disk, again if it changes before the write. */
  | { batch: (f: SidecarFile) => void | false };

/** Both sides changed one annotation: the user picks. */
export interface Conflict {
  sidecar: string;
  id: string;
  mine: Annotation | null;
  theirs: Annotation | null;
}

export interface StoreOptions {
  limits?: ReadLimits;
  /** A sidecar's article folder inside the workspace (see ReadLimits.within), for refusing relations outside it. */
  within?: (path: string) => string | undefined;
  /** Asks the user which version of an annotation to keep. */
  resolve?: (c: Conflict) => Promise<'mine' | 'theirs'>;
}

export interface SidecarState {
  path: string;
  /** The last good contents (also while the file on disk is broken or gone). */
  file: SidecarFile | null;
  /** Problems of the file on disk; while set, nothing is written. */
  problems: Problem[] | null;
  /** The text on disk when last read or written by the store. */
  disk: string | null;
  /** Deleted outside Newsmark while it still held annotations. */
  deleted: boolean;
  /** Annotations recovered from an interrupted write, on open. */
  recovered: number;
}

export class SidecarBrokenError extends Error {
  constructor(
    public readonly path: string,
    public readonly problems: Problem[],
  ) {
    super(
      `${path} has ${problems.length === 1 ? 'an error' : `${problems.length} errors`} (${problems[0].line ? `line ${problems[0].line}: ` : ''}${problems[0].message}); fix it first: Newsmark does not write over a sidecar it cannot read`,
    );
  }
}

export const tempPathOf = (path: string) => {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.tmp`;
};

/** Written after the temporary file is complete: its length and checksum, so recovery can trust it. */
export const sealPathOf = (path: string) => `${tempPathOf(path)}.done`;

export function sealOf(text: string): string {
  return `${text.length}:${fnv1a(text).toString(16)}`;
}

/**
 * The one atomic writer: the text goes to a temporary file beside `path`, then its seal (length and checksum), then
 * it is renamed over `path` and the seal removed. A crash leaves the old file whole, and a complete new one that
 * the sidecar store recovers on the next open. `stillOk`, asked before the rename, may call the write off (false
 * returned; the temporary file stays for the next attempt to replace).
 */
export async function writeAtomic(
  fs: Pick<SidecarFs, 'write' | 'rename' | 'remove'>,
  path: string,
  text: string,
  stillOk?: () => Promise<boolean>,
): Promise<boolean> {
  const tmp = tempPathOf(path);
  await fs.write(tmp, text);
  await fs.write(sealPathOf(path), sealOf(text));
  if (stillOk && !(await stillOk())) return false;
  await fs.rename(tmp, path);
  await fs.remove(sealPathOf(path));
  return true;
}

export class SidecarStore {
  private readonly states = new Map<string, SidecarState>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly fs: SidecarFs,
    private readonly opts: StoreOptions = {},
  ) {}

  private limitsOf(path: string): ReadLimits {
    return { ...this.opts.limits, within: this.opts.within?.(path) };
  }

  state(path: string): SidecarState | undefined {
    return this.states.get(path);
  }

  /** Runs jobs on one sidecar one after the other. */
  private serial<T>(path: string, job: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(path) ?? Promise.resolve();
    const next = prev.then(job, job);
    this.queues.set(
      path,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Runs a job holding the sidecar's lock (across processes when the file system has locks), on its real path. */
  private async locked<T>(path: string, job: (real: string) => Promise<T>): Promise<T> {
    const real = (await this.fs.target?.(path)) ?? path;
    const release = this.fs.lock ? await this.fs.lock(real) : null;
    try {
      return await job(real);
    } finally {
      await release?.();
    }
  }

  /** Reads a sidecar (recovering an interrupted write first, and removing what other interrupted writes left). */
  open(path: string): Promise<SidecarState> {
    return this.serial(path, () =>
      this.locked(path, async real => {
        const recovered = await this.recoverLocked(path, real);
        const s = await this.load(path);
        s.recovered = recovered;
        return s;
      }),
    );
  }

  /** Only recovers an interrupted write (without reading the sidecar for use): the number of annotations recovered. */
  recover(path: string): Promise<number> {
    return this.serial(path, () => this.locked(path, real => this.recoverLocked(path, real)));
  }

  private async recoverLocked(path: string, real: string): Promise<number> {
    {
      let recovered = 0;
      for (const f of (await this.fs.leftovers?.(real)) ?? []) await this.fs.remove(f);
      const tmp = await this.fs.read(tempPathOf(real));
      const seal = await this.fs.read(sealPathOf(real));
      if (tmp !== null) {
        const disk = await this.fs.read(path);
        const d = disk === null ? null : readSidecar(disk, this.limitsOf(path));
        // Only a version whose write completed (its seal matches) is taken; a truncated file can still parse.
        if (seal === sealOf(tmp) && readSidecar(tmp, this.limitsOf(path)).ok && (d === null || d.ok)) {
          const t = readSidecar(tmp, this.limitsOf(path)) as { ok: true; file: SidecarFile };
          const before = new Set(d && d.ok ? d.file.data.annotations.map(a => a.id) : []);
          recovered = t.file.data.annotations.filter(a => !before.has(a.id)).length || (tmp !== disk ? 1 : 0);
          await this.fs.rename(tempPathOf(real), real);
        } else {
          await this.fs.remove(tempPathOf(real)); // a write cut short: the sidecar itself is intact
        }
      }
      if (seal !== null) await this.fs.remove(sealPathOf(real));
      return recovered;
    }
  }

  /** Reads the sidecar again after a change outside Newsmark. */
  reload(path: string): Promise<SidecarState> {
    return this.serial(path, () => this.load(path));
  }

  private async load(path: string): Promise<SidecarState> {
    const prev = this.states.get(path);
    const text = await this.fs.read(path);
    const s: SidecarState = {
      path,
      file: prev?.file ?? null,
      problems: null,
      disk: text,
      deleted: false,
      recovered: 0,
    };
    if (text === null) {
      // Gone. Keep what we had: the next change writes it again, and nothing made is lost.
      s.deleted = !!prev?.file && prev.file.data.annotations.length > 0;
      if (!s.deleted) s.file = null;
    } else {
      const r = readSidecar(text, this.limitsOf(path));
      if (r.ok) s.file = r.file;
      else s.problems = r.problems;
    }
    this.states.set(path, s);
    return s;
  }

  /** Writes back a sidecar that was deleted outside Newsmark, from the annotations it still holds. */
  restore(path: string): Promise<SidecarState> {
    return this.serial(path, () =>
      this.locked(path, async real => {
        const s = this.states.get(path);
        if (!s?.file) throw new Error(`nothing to restore for ${path}`);
        await writeAtomic(this.fs, real, s.file.text);
        s.disk = s.file.text;
        s.deleted = false;
        return s;
      }),
    );
  }

  /**
   * Applies a change and writes the sidecar, creating it (for `articleName`) when it does not exist. Merges with
   * changes made outside Newsmark since it last read the file; refuses when the file on disk is broken.
   */
  change(path: string, articleName: string, change: Change, meta?: DocumentMeta): Promise<SidecarState> {
    return this.serial(path, () =>
      this.locked(path, async real => {
        // If the file changes again between reading it and putting the new version in place (a tool that takes
        // no lock: git, an editor), start over from the newer file (a few times at most), so their change is
        // never written over.
        for (let attempt = 0; ; attempt++) {
          const r = await this.changeOnce(
            path,
            real,
            articleName,
            'batch' in change ? change : structuredCopy(change),
            meta,
            attempt < 3,
          );
          if (r) return r;
        }
      }),
    );
  }

  private async changeOnce(
    path: string,
    real: string,
    articleName: string,
    change: Change,
    meta: DocumentMeta | undefined,
    mayRetry: boolean,
  ): Promise<SidecarState | null> {
    {
      const known = this.states.get(path);
      const disk = await this.fs.read(path);
      let base: SidecarFile;
      if (disk === null) {
        // No file (never written, or deleted outside): start from what we hold, else from a new one.
        base = known?.file ? reread(known.file.text) : SidecarFile.create(articleName, meta);
      } else {
        const r = readSidecar(disk, this.limitsOf(path));
        if (!r.ok) {
          this.states.set(path, {
            path,
            file: known?.file ?? null,
            problems: r.problems,
            disk,
            deleted: false,
            recovered: 0,
          });
          throw new SidecarBrokenError(path, r.problems);
        }
        base = r.file;
        if (known?.file && known.disk !== disk && !(await this.mergeable(path, known.file, base, change))) {
          this.states.set(path, { path, file: base, problems: null, disk, deleted: false, recovered: 0 });
          return this.states.get(path)!;
        }
      }
      if (apply(base, change) === false) {
        // Nothing to write (a batch that found nothing to do on the file as it is).
        const s: SidecarState = { path, file: base, problems: null, disk, deleted: false, recovered: 0 };
        this.states.set(path, s);
        return s;
      }
      const written = await writeAtomic(
        this.fs,
        real,
        base.text,
        mayRetry ? async () => (await this.fs.read(path)) === disk : undefined,
      );
      if (!written) {
        // Changed meanwhile: remember what we had read, and merge again with the newer file.
        this.states.set(path, {
          path,
          file: known?.file ?? null,
          problems: null,
          disk: known?.disk ?? null,
          deleted: false,
          recovered: 0,
        });
        return null;
      }
      const s: SidecarState = { path, file: base, problems: null, disk: base.text, deleted: false, recovered: 0 };
      this.states.set(path, s);
      return s;
    }
  }

  /**
   * The file changed outside Newsmark since it was read (`mine` is what Newsmark knew, `theirs` what is on disk).
   * A change to an annotation they changed too is a conflict the user settles; false means: keep theirs.
   */
  private async mergeable(path: string, mine: SidecarFile, theirs: SidecarFile, change: Change): Promise<boolean> {
    const id =
      'update' in change
        ? change.update.id
        : 'remove' in change
          ? change.remove
          : 'reanchor' in change
            ? change.reanchor.id
            : null;
    if (id === null) {
      if ('add' in change && theirs.annotation(change.add.id))
        change.add.id = theirs.newId(change.add.id + JSON.stringify(change.add.anchor));
      return true;
    }
    const before = mine.annotation(id) ?? null;
    const now = theirs.annotation(id) ?? null;
    if (JSON.stringify(before) === JSON.stringify(now)) return true; // they did not touch it
    // They changed or deleted the annotation we are changing: the user decides.
    const choice = this.opts.resolve
      ? await this.opts.resolve({ sidecar: path, id, mine: before, theirs: now })
      : 'theirs';
    if (choice === 'theirs') return false;
    if (now === null && before) theirs.addAnnotation(before); // bring ours back, then change it
    return true;
  }
}

function structuredCopy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function reread(text: string): SidecarFile {
  const r = readSidecar(text);
  if (!r.ok) throw new Error('internal: a held sidecar no longer reads');
  return r.file;
}

function apply(f: SidecarFile, c: Change): void | false {
  if ('add' in c) f.addAnnotation(c.add);
  else if ('update' in c) {
    if (f.annotation(c.update.id)) f.updateAnnotation(c.update.id, c.update.fields);
  } else if ('remove' in c) f.removeAnnotation(c.remove);
  else if ('positions' in c) f.setPositions(c.positions.filter(p => f.annotation(p.id)));
  else if ('reanchor' in c) {
    if (f.annotation(c.reanchor.id)) f.setAnchor(c.reanchor.id, c.reanchor.anchor);
  } else if ('relate' in c) f.addRelation(c.relate);
  else if ('suppress' in c) f.addSuppressed(c.suppress);
  else if ('dismiss' in c) f.addDismissed(c.dismiss);
  else if ('meta' in c) {
    const r = setDocumentField(f.text, c.meta.key, c.meta.value);
    if (!r.ok) throw new Error(r.error);
    f.adopt(reread(r.text));
  } else if ('batch' in c) return c.batch(f);
}
