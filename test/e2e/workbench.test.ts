// The real UI: Debian's chromium drives VS Code's web workbench (code-server) with Newsmark installed from its
// .vsix (`npm run package`; code-server --install-extension), as a user would: open the demo workspace and an article, see the highlights, hover one, run a command from the
// palette, open the sidebar. Screenshots go to test-output/e2e/ (and to media/ with NEWSMARK_UPDATE_SCREENSHOTS=1).
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { hostProblem, openWorkbench, ROOT, type Workbench } from '../harness/codeServer';
import {
  centreOfDecoration,
  colour,
  decorationsWithBackground,
  openSidebar,
  palette,
  pkg,
  quickOpen,
  sectionRows,
  selectWithFind,
  waitForBackground,
} from '../harness/workbenchUi';

const OUT = join(ROOT, 'test-output/e2e');
const ENTITY_BG = colour('newsmark.entityBackground');
const ANNOTATION_BG = colour('newsmark.annotationBackground');
const DATE_BG = colour('newsmark.dateBackground');

describe('Newsmark in the browser', function () {
  this.timeout(180000);
  let bench: Workbench | undefined;
  let page: Page;
  let workspace = '';

  before(async function () {
    const problem = hostProblem();
    if (problem) {
      if (process.env.CI) throw new Error(`e2e cannot run: ${problem}`);
      console.log(`      (skipped: ${problem})`);
      this.skip();
    }
    mkdirSync(OUT, { recursive: true });
    // Installed as a user installs it: the .vsix that `npm run package` built, through code-server --install-extension.
    const vsix = join(ROOT, 'newsmark.vsix');
    assert.ok(
      existsSync(vsix) && statSync(vsix).mtimeMs >= statSync(join(ROOT, 'dist/extension.js')).mtimeMs - 60000,
      'newsmark.vsix is older than the build: run npm run package',
    );
    bench = await openWorkbench();
    ({ page, workspace } = bench);
    // What got installed is the package, not this checkout: its bundle and assets, no sources or tests.
    const installed = readdirSync(bench.extensions).find(n =>
      n.startsWith(`${pkg.publisher}.${pkg.name}-${pkg.version}`),
    );
    assert.ok(installed, `installed into ${bench.extensions}: ${readdirSync(bench.extensions).join(', ')}`);
    const files = readdirSync(join(bench.extensions, installed));
    assert.ok(
      files.includes('dist') &&
        files.includes('package.json') &&
        !files.includes('src') &&
        !files.includes('test') &&
        !files.includes('node_modules'),
      files.join(', '),
    );
  });

  after(async () => {
    await bench?.close();
  });

  const decorations = (bg: number[]) => decorationsWithBackground(page, bg);
  const waitFor = (bg: number[], present: boolean) => waitForBackground(page, bg, present);

  /** The webview frame that holds an element, once it does (webviews load in nested iframes). */
  async function frameWith(selector: string): Promise<Frame | undefined> {
    for (let tries = 0; tries < 100; tries++) {
      for (const f of page.frames()) if (await f.$(selector).catch(() => null)) return f;
      await page.waitForTimeout(200);
    }
    return undefined;
  }

  it('opens an article from Quick Open and highlights entities and dates', async () => {
    await quickOpen(page, 'nordwire.txt');
    await page.waitForSelector('.monaco-editor .view-line >> text=Polarlinje', { timeout: 20000 });
    await waitFor(ENTITY_BG, true);
    assert.ok((await decorations(ENTITY_BG)) >= 5, 'entity highlights drawn');
    assert.ok((await decorations(DATE_BG)) >= 2, 'date highlights drawn');
    const status = await page
      .locator('.statusbar-item', { hasText: /\d+ entities · \d+ dates · \d+ claims/ })
      .first()
      .textContent();
    assert.match(status ?? '', /entities/);
    await page.screenshot({ path: join(OUT, 'highlights.png') });
  });

  it('shows what a highlight is on hover', async () => {
    const box = await centreOfDecoration(page, ENTITY_BG);
    await page.mouse.move(box.x - 40, box.y - 40);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    const hover = page
      .locator('.monaco-hover .hover-contents, .monaco-hover .rendered-markdown')
      .filter({ hasText: /(Person|Place|Organisation|Nationality or group) \((PERSON|PLACE|ORG|NORP)\)/ });
    await hover.first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(400); // let the hover fade in before the screenshot
    assert.match((await hover.first().textContent()) ?? '', /Mentioned (once|\d+ times) in this article/);
    await page.screenshot({ path: join(OUT, 'hover.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS)
      copyFileSync(join(OUT, 'hover.png'), join(ROOT, 'media/screenshot-hover.png'));
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
  });

  it('runs a Newsmark command from the command palette', async () => {
    const before = await decorations(DATE_BG);
    assert.ok(before > 0);
    await palette(page, 'Newsmark: Toggle Date Highlights');
    await waitFor(DATE_BG, false);
    assert.ok((await decorations(ENTITY_BG)) > 0, 'entities stay highlighted');
    await palette(page, 'Newsmark: Toggle Date Highlights');
    await waitFor(DATE_BG, true);
  });

  it('tags a span through the UI: find it, Tag Selection from the palette, two picks', async () => {
    await quickOpen(page, 'coastline-wire.txt');
    await waitFor(ENTITY_BG, true);
    await selectWithFind(page, 'Efua Mensah');
    await palette(page, 'Newsmark: Tag Selection');
    const kind = page.locator('.quick-input-list .monaco-list-row').first();
    await kind.waitFor({ timeout: 20000 });
    assert.match((await kind.textContent()) ?? '', /Entity.*as Newsmark found it/);
    await page.keyboard.press('Enter');
    const type = page.locator('.quick-input-list .monaco-list-row').first();
    await page.waitForFunction(
      () => /Person/.test(document.querySelector('.quick-input-list .monaco-list-row')?.textContent ?? ''),
      undefined,
      { timeout: 20000 },
    );
    assert.match((await type.textContent()) ?? '', /Person.*PERSON, as found/);
    await page.keyboard.press('Enter');
    await waitFor(ANNOTATION_BG, true);
    const sidecar = join(workspace, 'election/coastline-wire.txt.newsmark.yaml');
    const text = readFileSync(sidecar, 'utf8');
    assert.match(text, /kind: entity\n {4}anchor: \{ exact: "Efua Mensah"/);
    assert.match(text, /type: PERSON/);
    await page.mouse.move(5, 400);
    await page.screenshot({ path: join(OUT, 'tagged.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS)
      copyFileSync(join(OUT, 'tagged.png'), join(ROOT, 'media/screenshot-tagged.png'));
  });

  it('lists the article’s findings in the Newsmark sidebar', async () => {
    await openSidebar(page);
    const rows = page.locator('[id="workbench.view.extension.newsmark"] .monaco-list-row');
    await rows.filter({ hasText: 'People' }).first().waitFor({ timeout: 20000 });
    // The tree may be scrolled (it keeps its place when refreshed): go to its top, then look for each group.
    await page.locator('[id="workbench.view.extension.newsmark"] .monaco-list').first().focus();
    await page.keyboard.press('Home');
    // (The view shares the sidebar with Sources, Contradictions and Claims: its first rows are what shows.)
    for (const want of ['Annotations', 'entity: Efua Mensah', 'People', 'Kwame Asante', 'Organisations']) {
      // A row below the view's fold (the sidebar holds five views) is reached with the keyboard, as a user scrolls.
      for (let i = 0; i < 30 && !(await rows.filter({ hasText: want }).first().isVisible()); i++)
        await page.keyboard.press('ArrowDown');
      await rows
        .filter({ hasText: want })
        .first()
        .waitFor({ timeout: 10000 })
        .catch(async () => {
          assert.fail(`${want} not in the sidebar: ${(await rows.allTextContents()).join(' | ')}`);
        });
    }
    await page.keyboard.press('Home');
    await page.screenshot({ path: join(OUT, 'sidebar.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS)
      copyFileSync(join(OUT, 'sidebar.png'), join(ROOT, 'media/screenshot.png'));
  });
  it('shows contradictions in the sidebar and coverage in a webview', async () => {
    await openSidebar(page);
    const rows = await sectionRows(page, 'Contradictions', 20000);
    await rows
      .filter({ hasText: /^(number|date|hedge|attribution|entity|negation):/ })
      .first()
      .waitFor({ timeout: 60000 });
    await page.screenshot({ path: join(OUT, 'contradictions.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS)
      copyFileSync(join(OUT, 'contradictions.png'), join(ROOT, 'media/screenshot-contradictions.png'));
    await palette(page, 'Newsmark: Compare Coverage');
    await page.locator('.tab', { hasText: 'Compare Coverage' }).first().waitFor({ timeout: 20000 });
    assert.ok(
      await frameWith('table[role="grid"] td.conflicts'),
      'the coverage table, with conflicting cells, is in the webview',
    );
    await page.screenshot({ path: join(OUT, 'coverage.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS)
      copyFileSync(join(OUT, 'coverage.png'), join(ROOT, 'media/screenshot-coverage.png'));
    await page.keyboard.press('Control+W');
  });

  it('shows the timeline, moves through it with the keyboard, and opens a statement with Enter', async () => {
    await palette(page, 'Newsmark: Show Timeline');
    await page.locator('.tab', { hasText: 'Timeline' }).first().waitFor({ timeout: 20000 });
    const frame = await frameWith('ol[aria-label="timeline"] button.event');
    assert.ok(frame, 'the timeline, with its statements, is in the webview');
    const docs = await frame.$$eval('button.event', bs => [...new Set(bs.map(b => (b as HTMLElement).dataset.doc))]);
    assert.ok(docs.length >= 3, `statements of several articles: ${docs.join(', ')}`);
    assert.ok(await frame.$('button.event.disagrees'), 'a date the articles disagree on stands out');
    // Keyboard: from the first statement, ArrowDown goes to a later date.
    await frame.focus('button.event');
    const where = () =>
      frame.evaluate(() => (document.activeElement?.closest('li.row') as HTMLElement | null)?.dataset.from ?? '');
    const first = await where();
    await page.keyboard.press('ArrowDown');
    const second = await where();
    assert.ok(second > first, `ArrowDown moved from ${first} to ${second}`);
    await page.screenshot({ path: join(OUT, 'timeline.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS)
      copyFileSync(join(OUT, 'timeline.png'), join(ROOT, 'media/screenshot-timeline.png'));
    const doc = await frame.evaluate(() => (document.activeElement as HTMLElement).dataset.doc!);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tab.active[data-resource-name="${doc.split('/').pop()}"]`, { timeout: 20000 });
  });
});
