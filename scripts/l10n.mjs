// Writes l10n/bundle.l10n.json: every message the extension shows through vscode.l10n.t (a string literal as its
// first argument), English to English. Translators copy it to bundle.l10n.<locale>.json; package.nls.json holds the
// titles and descriptions of package.json. A unit test checks that the bundle is current.
// usage: node scripts/l10n.mjs [--check]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = 'src/extension';
/** l10n.t('…') or l10n.t("…") or l10n.t(`…`) without ${}: the message. */
const CALL = /l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`([^`$\\]*)`)/g;

export function messages() {
  const out = new Set();
  for (const name of readdirSync(DIR)
    .filter(n => n.endsWith('.ts'))
    .sort()) {
    const text = readFileSync(join(DIR, name), 'utf8');
    for (const m of text.matchAll(CALL)) {
      const raw = m[1] ?? m[2] ?? m[3];
      out.add(m[3] !== undefined ? raw : JSON.parse(`"${raw.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`));
    }
  }
  return [...out].sort();
}

const bundle = JSON.stringify(Object.fromEntries(messages().map(m => [m, m])), null, 2) + '\n';
if (process.argv.includes('--check')) {
  let now = '';
  try {
    now = readFileSync('l10n/bundle.l10n.json', 'utf8');
  } catch {
    /* missing */
  }
  if (now !== bundle) {
    console.error('l10n/bundle.l10n.json is out of date: run node scripts/l10n.mjs');
    process.exit(1);
  }
} else {
  writeFileSync('l10n/bundle.l10n.json', bundle);
  console.log(`l10n/bundle.l10n.json: ${messages().length} messages`);
}
