// The workspace model's and the sidecar store's file-system port on Node's file system, for the CLI and for the
// editor's local files: reads and writes flushed to disk, a lock file per sidecar that other processes respect,
// writes through a sidecar that is a symbolic link, the leftovers of interrupted writes by older versions, and
// folder listings for the article walk.

import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SidecarFs } from '../core/annotations/store';
import type { DirEntry, WorkspaceFs } from '../core/workspace';

/** A lock older than this is taken to be left by a process that died (writes take milliseconds). */
export const STALE_LOCK_MS = 60_000;
/** How long a writer waits for another to finish before giving up with a message. */
export const LOCK_WAIT_MS = 20_000;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const lockPathOf = (real: string) => join(dirname(real), `.${basename(real)}.lock`);

/** Whether a lock file's contents ("pid time") name a process that is gone, or are too old to trust. */
function stale(content: string, now: number): boolean {
  const [pid, time] = content.trim().split(/\s+/).map(Number);
  return !alive(pid) || !(now - time < STALE_LOCK_MS);
}

/** Takes the lock of a sidecar (its real path): a file made with O_EXCL, holding this process's id and the time. */
export async function lockFile(real: string, waitMs = LOCK_WAIT_MS): Promise<() => Promise<void>> {
  const path = lockPathOf(real);
  const mine = `${process.pid} ${Date.now()} ${Math.random().toString(36).slice(2)}\n`;
  const deadline = Date.now() + waitMs;
  for (let round = 0; ; round++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      return async () => {
        try {
          if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
        } catch {
          /* gone already */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let held: string;
    try {
      held = readFileSync(path, 'utf8');
    } catch {
      continue; /* released meanwhile */
    }
    // An empty file is a lock being written this instant, unless it stays empty.
    if ((held && stale(held, Date.now())) || (!held && round > 50)) {
      // Moved aside, not deleted, so that two processes clearing the same stale lock cannot delete a fresh one.
      const aside = `${path}.${process.pid}.stale`;
      try {
        renameSync(path, aside);
        const moved = readFileSync(aside, 'utf8');
        if (moved !== held) {
          try {
            linkSync(aside, path);
          } catch {
            /* someone holds it now */
          }
        }
        unlinkSync(aside);
      } catch {
        /* someone else cleared it */
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${real} is being written by another process (${held.split(' ')[0] || 'unknown'}) for too long; try again`,
      );
    }
    await sleep(2 + Math.floor(Math.random() * Math.min(50, 5 + round)));
  }
}

/** Where writes to a path go: the file a symbolic link points to (so the link stays a link), else the path. */
export function targetOf(path: string): string {
  try {
    if (lstatSync(path).isSymbolicLink()) return realpathSync(path);
  } catch {
    /* no such file, or a dangling link: written where it is */
  }
  return path;
}

/**
 * Puts a written file in place of another in one step (a POSIX rename), so a crash never leaves neither: VS Code's own
 * rename with `overwrite` deletes the target first. Returns false where it cannot (the web build's stand-in).
 */
export function replaceFile(from: string, to: string): boolean {
  renameSync(from, to);
  return true;
}

/** Temporary files of interrupted writes by earlier versions of the CLI (`.NAME.PID.tmp`) whose process is gone. */
export function staleTemps(real: string): string[] {
  const dir = dirname(real);
  const prefix = `.${basename(real)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter(
      n =>
        n.startsWith(prefix) && /^\d+\.tmp$/.test(n.slice(prefix.length)) && !alive(Number(n.slice(prefix.length, -4))),
    )
    .map(n => join(dir, n));
}

export const nodeSidecarFs: SidecarFs = {
  async read(p) {
    try {
      return readFileSync(p, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  },
  async write(p, text) {
    const fd = openSync(p, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  async rename(from, to) {
    renameSync(from, to);
  },
  async remove(p) {
    try {
      unlinkSync(p);
    } catch {
      /* already gone */
    }
  },
  lock: real => lockFile(real),
  async target(p) {
    return targetOf(p);
  },
  async leftovers(real) {
    return staleTemps(real);
  },
};

/** Why a file-system call failed, in a few words. */
export function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'ENAMETOOLONG') return 'path too long';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return (e as Error).message.split('\n')[0];
}

const kindOfStats = (st: Stats): 'file' | 'dir' | 'other' =>
  st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';

/**
 * The workspace model's port on Node's file system (the CLI; the editor's local files): the store's reads and
 * writes above, plus listing folders (links followed, their real place given, dangling links and loops named).
 */
export const nodeWorkspaceFs: WorkspaceFs = {
  ...nodeSidecarFs,
  async list(dir) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return null;
    }
    return names.map((name): DirEntry => {
      const p = join(dir, name);
      try {
        const st = statSync(p);
        const kind = kindOfStats(st);
        if (kind === 'other')
          return {
            name,
            kind,
            problem: `${st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : 'a device'}, not a regular file`,
          };
        return kind === 'dir' ? { name, kind, real: realpathSync(p) } : { name, kind };
      } catch (e) {
        let link = false;
        try {
          link = lstatSync(p).isSymbolicLink();
        } catch {
          /* gone meanwhile */
        }
        const code = (e as NodeJS.ErrnoException).code;
        return {
          name,
          kind: 'other',
          problem:
            code === 'ELOOP' ? 'a loop of symbolic links' : link ? 'a symbolic link to nothing (dangling)' : why(e),
        };
      }
    });
  },
  async stat(p) {
    try {
      const st = statSync(p);
      const kind = kindOfStats(st);
      return kind === 'dir' ? { kind, size: st.size, real: realpathSync(p) } : { kind, size: st.size };
    } catch {
      return null;
    }
  },
};
