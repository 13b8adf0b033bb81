// Waiting in integration tests: VS Code applies many things a moment later (decorations, diagnostics, views).

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls until `fn` gives something truthy, and returns it; fails naming `what` after `ms`. */
export async function until<T>(
  what: string,
  fn: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 15000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
