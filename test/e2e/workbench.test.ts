// The real UI: Debian's chromium drives VS Code's web workbench (code-server) with Newsmark installed, as a
// user would: open the demo workspace and an article, see the highlights, hover one, run a command from the
// palette, open the sidebar. Screenshots go to test-output/e2e/ (and to media/ with NEWSMARK_UPDATE_SCREENSHOTS=1).
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { copyOfSamples, hostProblem, launchBrowser, ROOT, type Server, startCodeServer } from '../harness/codeServer';

const OUT = join(ROOT, 'test-output/e2e');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// Newsmark's own colours for the dark theme the test sets (package.json contributes.colors), as [r, g, b, a].
const colour = (id: string): number[] => {
  const hex = pkg.contributes.colors.find((c: { id: string }) => c.id === id).defaults.dark as string;
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [n(1), n(3), n(5), hex.length > 7 ? n(7) / 255 : 1];
};
const ENTITY_BG = colour('newsmark.entityBackground');
const ANNOTATION_BG = colour('newsmark.annotationBackground');
const DATE_BG = colour('newsmark.dateBackground');

/** In the page: does an element's computed background equal [r, g, b, a]? */
const SAME_BG = `(e, want) => {
  const m = /rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)/.exec(getComputedStyle(e).backgroundColor);
  return !!m && +m[1] === want[0] && +m[2] === want[1] && +m[3] === want[2] && Math.abs((m[4] === undefined ? 1 : +m[4]) - want[3]) < 0.01;
}`;

describe('Newsmark in the browser', function () {
  this.timeout(180000);
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let workspace = '';
  let extensions = '';

  before(async function () {
    const problem = hostProblem();
    if (problem) {
      if (process.env.CI) throw new Error(`e2e cannot run: ${problem}`);
      console.log(`      (skipped: ${problem})`);
      this.skip();
    }
    mkdirSync(OUT, { recursive: true });
    workspace = copyOfSamples();
    // Installed as a user's extension: the folder, named publisher.name-version, in the extensions folder.
    extensions = mkdtempSync(join(tmpdir(), 'newsmark-exts-'));
    symlinkSync(ROOT, join(extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`));
    server = await startCodeServer({ extensionsDir: extensions, settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.wordWrap': 'on' } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(server.workbench(workspace));
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    if (extensions) rmSync(extensions, { recursive: true, force: true });
  });

  /** Elements drawn for text-editor decorations with a given background. */
  const decorationsWithBackground = (bg: number[]) => page.evaluate(([want, same]) => {
    const test = (0, eval)(same as string) as (e: Element, w: number[]) => boolean;
    return [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].filter(e => test(e, want as number[])).length;
  }, [bg, SAME_BG] as const);
  const waitForBackground = (bg: number[], present: boolean) => page.waitForFunction(([want, same, yes]) => {
    const test = (0, eval)(same as string) as (e: Element, w: number[]) => boolean;
    return [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].some(e => test(e, want as number[])) === yes;
  }, [bg, SAME_BG, present] as const, { timeout: 30000 });

  async function palette(command: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${command}`);
    await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${command}"]`).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
  }

  /** Opens a file as a user would: Ctrl+P, its name, Enter; resolves when its tab is active. */
  async function quickOpen(name: string): Promise<void> {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(name);
    await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tab.active[data-resource-name="${name}"]`, { timeout: 20000 });
  }

  it('opens an article from Quick Open and highlights entities and dates', async () => {
    await quickOpen('nordwire.txt');
    await page.waitForSelector('.monaco-editor .view-line >> text=Polarlinje', { timeout: 20000 });
    await waitForBackground(ENTITY_BG, true);
    assert.ok(await decorationsWithBackground(ENTITY_BG) >= 5, 'entity highlights drawn');
    assert.ok(await decorationsWithBackground(DATE_BG) >= 2, 'date highlights drawn');
    const status = await page.locator('.statusbar-item', { hasText: /\d+ entities · \d+ dates · \d+ claims/ }).first().textContent();
    assert.match(status ?? '', /entities/);
    await page.screenshot({ path: join(OUT, 'highlights.png') });
  });

  it('shows what a highlight is on hover', async () => {
    const box = await page.evaluate(([want, same]) => {
      const test = (0, eval)(same as string) as (e: Element, w: number[]) => boolean;
      const e = [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')]
        .find(x => test(x, want as number[]) && x.getBoundingClientRect().width > 30);
      const r = e!.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, [ENTITY_BG, SAME_BG] as const);
    await page.mouse.move(box.x - 40, box.y - 40);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    const hover = page.locator('.monaco-hover .hover-contents, .monaco-hover .rendered-markdown').filter({ hasText: /(Person|Place|Organisation|Nationality or group) \((PERSON|PLACE|ORG|NORP)\)/ });
    await hover.first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(400); // let the hover fade in before the screenshot
    assert.match(await hover.first().textContent() ?? '', /Mentioned (once|\d+ times) in this article/);
    await page.screenshot({ path: join(OUT, 'hover.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS) copyFileSync(join(OUT, 'hover.png'), join(ROOT, 'media/screenshot-hover.png'));
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
  });

  it('runs a Newsmark command from the command palette', async () => {
    const before = await decorationsWithBackground(DATE_BG);
    assert.ok(before > 0);
    await palette('Newsmark: Toggle Date Highlights');
    await waitForBackground(DATE_BG, false);
    assert.ok(await decorationsWithBackground(ENTITY_BG) > 0, 'entities stay highlighted');
    await palette('Newsmark: Toggle Date Highlights');
    await waitForBackground(DATE_BG, true);
  });

  it('tags a span through the UI: find it, Tag Selection from the palette, two picks', async () => {
    await quickOpen('coastline-wire.txt');
    await waitForBackground(ENTITY_BG, true);
    // Select the words with the editor's own Find, as a keyboard user would.
    await page.keyboard.press('Control+F');
    await page.locator('.find-widget textarea, .find-widget input').first().waitFor({ state: 'visible' });
    await page.keyboard.type('Efua Mensah');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await palette('Newsmark: Tag Selection');
    const kind = page.locator('.quick-input-list .monaco-list-row').first();
    await kind.waitFor({ timeout: 20000 });
    assert.match(await kind.textContent() ?? '', /Entity.*as Newsmark found it/);
    await page.keyboard.press('Enter');
    const type = page.locator('.quick-input-list .monaco-list-row').first();
    await page.waitForFunction(() => /Person/.test(document.querySelector('.quick-input-list .monaco-list-row')?.textContent ?? ''), undefined, { timeout: 20000 });
    assert.match(await type.textContent() ?? '', /Person.*PERSON, as found/);
    await page.keyboard.press('Enter');
    await waitForBackground(ANNOTATION_BG, true);
    const sidecar = join(workspace, 'election/coastline-wire.txt.newsmark.yaml');
    const text = readFileSync(sidecar, 'utf8');
    assert.match(text, /kind: entity\n {4}anchor: \{ exact: "Efua Mensah"/);
    assert.match(text, /type: PERSON/);
    await page.mouse.move(5, 400);
    await page.screenshot({ path: join(OUT, 'tagged.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS) copyFileSync(join(OUT, 'tagged.png'), join(ROOT, 'media/screenshot-tagged.png'));
  });

  it('lists the article’s findings in the Newsmark sidebar', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Newsmark"], .activitybar li.action-item[aria-label^="Newsmark"]').first().click();
    const rows = page.locator('[id="workbench.view.extension.newsmark"] .monaco-list-row');
    await rows.filter({ hasText: 'People' }).first().waitFor({ timeout: 20000 });
    // The tree may be scrolled (it keeps its place when refreshed): go to its top, then look for each group.
    await page.locator('[id="workbench.view.extension.newsmark"] .monaco-list').first().focus();
    await page.keyboard.press('Home');
    // (The view shares the sidebar with Sources, Contradictions and Claims: its first rows are what shows.)
    for (const want of ['Annotations', 'entity: Efua Mensah', 'People', 'Kwame Asante', 'Organisations']) {
      await rows.filter({ hasText: want }).first().waitFor({ timeout: 10000 }).catch(async () => {
        assert.fail(`${want} not in the sidebar: ${(await rows.allTextContents()).join(' | ')}`);
      });
    }
    await page.screenshot({ path: join(OUT, 'sidebar.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS) copyFileSync(join(OUT, 'sidebar.png'), join(ROOT, 'media/screenshot.png'));
  });
  it('shows contradictions in the sidebar and coverage in a webview', async () => {
    // Open the Newsmark sidebar unless it is open already (a second click would close it).
    if (!(await page.locator('[id="workbench.view.extension.newsmark"]').isVisible())) {
      await page.locator('.activitybar .action-item a[aria-label^="Newsmark"], .activitybar li.action-item[aria-label^="Newsmark"]').first().click();
    }
    // The sidebar's sections: open Contradictions (it may be collapsed).
    const header = page.locator('.pane-header', { hasText: 'Contradictions' }).first();
    await header.waitFor({ timeout: 20000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const rows = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Contradictions' }) }).locator('.monaco-list-row');
    await rows.filter({ hasText: /^(number|date|hedge|attribution|entity|negation):/ }).first().waitFor({ timeout: 60000 });
    await page.screenshot({ path: join(OUT, 'contradictions.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS) copyFileSync(join(OUT, 'contradictions.png'), join(ROOT, 'media/screenshot-contradictions.png'));
    await palette('Newsmark: Compare Coverage');
    await page.locator('.tab', { hasText: 'Compare Coverage' }).first().waitFor({ timeout: 20000 });
    let grid = false;
    for (let tries = 0; tries < 100 && !grid; tries++) {
      for (const f of page.frames()) if (await f.$('table[role="grid"] td.conflicts').catch(() => null)) grid = true;
      if (!grid) await page.waitForTimeout(200);
    }
    assert.ok(grid, 'the coverage table, with conflicting cells, is in the webview');
    await page.screenshot({ path: join(OUT, 'coverage.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS) copyFileSync(join(OUT, 'coverage.png'), join(ROOT, 'media/screenshot-coverage.png'));
    await page.keyboard.press('Control+W');
  });
});
