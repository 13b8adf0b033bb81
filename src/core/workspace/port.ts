// The workspace model's one door to storage: a small file-system port that the CLI implements with node:fs
// (src/node/workspaceFs.ts) and the editor with vscode.workspace.fs (src/extension/workspaceFs.ts); tests give it an
// in-memory fake (test/unit/fakeFs.ts). Paths are absolute and '/'-separated: POSIX paths for the CLI, the path of
// a URI for the editor (its scheme and authority stay with the adapter).

import type { SidecarFs } from '../annotations/store';

/** One entry of a folder. */
export interface DirEntry {
  name: string;
  /** What the entry leads to (links followed). */
  kind: 'file' | 'dir' | 'other';
  /** For a folder: where it really is (links resolved), so that a walk reads each folder once and never loops. */
  real?: string;
  /** Why the entry cannot be used (a link to nothing, a loop of links, permission denied); it is then skipped. */
  problem?: string;
}

/**
 * What the workspace model asks of a file system: the sidecar store's reads and writes (read / write / rename /
 * remove, and the optional lock, link target and leftovers), plus listing a folder and the size of a file.
 */
export interface WorkspaceFs extends SidecarFs {
  /** The entries of a folder, or null when it is not a folder that can be read. */
  list(dir: string): Promise<DirEntry[] | null>;
  /** The kind and size (bytes) of what a path names (a folder's real place too), or null when there is nothing there. */
  stat(path: string): Promise<{ kind: 'file' | 'dir' | 'other'; size: number; real?: string } | null>;
}

/** A file the model could not use, and why, in a few words. */
export interface FileError {
  path: string;
  message: string;
}
