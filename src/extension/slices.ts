// Long work on the extension host, cut into slices of a few milliseconds, each in its own task: between them, the
// editor and the other extensions get their turn (the host has one thread for all of them).

/** Resolves in a later task: what waits on this thread runs first. */
export const nextTask = (): Promise<void> => new Promise(r => setTimeout(r, 0));

/**
 * A pause to await between items of a long loop: it lets other work in (a new task) once the current slice has run
 * `ms` milliseconds, and costs nothing otherwise.
 */
export function slicer(ms = 4): () => Promise<void> {
  let start = Date.now();
  return async () => {
    if (Date.now() - start < ms) return;
    await nextTask();
    start = Date.now();
  };
}
