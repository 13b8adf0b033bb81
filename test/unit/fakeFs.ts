// An in-memory file system for the workspace model's port: files by absolute path, folders implied by them (or made
// empty), symbolic links to folders, and a log of writes. Not a test file itself.
import type { DirEntry, WorkspaceFs } from '../../src/core/workspace';
import { dirOf, joinPath } from '../../src/core/workspace';

export class FakeFs implements WorkspaceFs {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(['/']);
  /** Folder links: path → the folder it points to. */
  readonly links = new Map<string, string>();
  readonly writes: string[] = [];
  reads = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.put(p, t);
  }

  put(path: string, text: string): void {
    this.files.set(path, text);
    for (let d = dirOf(path); ; d = dirOf(d)) {
      this.dirs.add(d);
      if (d === '/') break;
    }
  }

  /** A path with its folder links followed. */
  private real(path: string): string {
    const parts = joinPath(path).split('/').filter(Boolean);
    let at = '/';
    for (const p of parts) {
      at = joinPath(at, p);
      const to = this.links.get(at);
      if (to) at = to;
    }
    return at;
  }

  async read(path: string): Promise<string | null> {
    this.reads++;
    return this.files.get(this.real(path)) ?? null;
  }
  async write(path: string, text: string): Promise<void> {
    this.writes.push(path);
    this.put(this.real(path), text);
  }
  async rename(from: string, to: string): Promise<void> {
    const t = this.files.get(this.real(from));
    if (t === undefined) throw new Error(`no such file ${from}`);
    this.files.delete(this.real(from));
    this.put(this.real(to), t);
  }
  async remove(path: string): Promise<void> {
    this.files.delete(this.real(path));
  }
  async list(dir: string): Promise<DirEntry[] | null> {
    const d = this.real(dir);
    if (!this.dirs.has(d)) return null;
    const names = new Map<string, DirEntry>();
    const prefix = d === '/' ? '/' : d + '/';
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (!p.startsWith(prefix) || p === d) continue;
      const name = p.slice(prefix.length).split('/')[0];
      const child = prefix + name;
      names.set(name, this.files.has(child) ? { name, kind: 'file' } : { name, kind: 'dir', real: child });
    }
    for (const [link, to] of this.links) {
      if (dirOf(link) === d)
        names.set(link.slice(prefix.length), { name: link.slice(prefix.length), kind: 'dir', real: to });
    }
    return [...names.values()];
  }
  async stat(path: string): Promise<{ kind: 'file' | 'dir' | 'other'; size: number; real?: string } | null> {
    const p = this.real(path);
    if (this.files.has(p)) return { kind: 'file', size: this.files.get(p)!.length };
    if (this.dirs.has(p)) return { kind: 'dir', size: 0, real: p };
    return null;
  }
}
