// Where the tests find the repository and ../shared (corpus, gold, contracts), read by path.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const SHARED = resolve(process.env.NEWSMARK_SHARED ?? join(ROOT, '../shared'));
export const CORPUS = join(SHARED, 'corpus');
export const CLI = join(ROOT, 'dist/cli.js');

/** Skips a suite outside CI when ../shared is not there; in CI its absence is a failure. */
export function needShared(ctx: Mocha.Context): void {
  if (existsSync(CORPUS)) return;
  if (process.env.CI) throw new Error(`../shared is missing: expected the corpus at ${CORPUS}`);
  console.log(`      (skipped: no ../shared beside the checkout at ${SHARED}; set NEWSMARK_SHARED)`);
  ctx.skip();
}

/** The demo articles in samples/, by their path there. */
export const DEMO_ARTICLES = [
  'ferry/nordwire.txt',
  'ferry/harbour-daily.md',
  'ferry/coastal-gazette.news',
  'election/coastline-wire.txt',
  'election/daily-ledger.md',
];
