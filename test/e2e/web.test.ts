// Newsmark on the web: the same .vsix, run by the workbench's web worker extension host (the browser's, with no Node
// — package.json "browser", dist/web/extension.js), as in VS Code for the web. Code-server is told to run it there
// (remote.extensionKind: web); the extension's web bundle is then fetched by the page, and the article is
// highlighted and its hovers answer, with analysis in a Web Worker and files read through vscode.workspace.fs.
// The screenshot goes to test-output/e2e/web.png (and to media/screenshot-web.png with NEWSMARK_UPDATE_SCREENSHOTS=1).
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
const DATE_BG = colour('newsmark.dateBackground');
const ANNOTATION_BG = colour('newsmark.annotationBackground');

describe('Newsmark in a web extension host', function () {
  this.timeout(600000);
  let bench: Workbench | undefined;
  let page: Page;
  /** What the page fetched of the extension's files. */
  const fetched: string[] = [];

  before(async function () {
    const problem = hostProblem();
    if (problem) {
      if (process.env.CI) throw new Error(`e2e cannot run: ${problem}`);
      console.log(`      (skipped: ${problem})`);
      this.skip();
    }
    mkdirSync(OUT, { recursive: true });
    bench = await openWorkbench({
      settings: { 'remote.extensionKind': { [`${pkg.publisher}.${pkg.name}`]: ['web'] } },
      onPage: p => {
        p.context().on('request', r => {
          if (/newsmark[^/]*\/dist\//.test(decodeURIComponent(r.url()))) fetched.push(decodeURIComponent(r.url()));
        });
      },
    });
    ({ page } = bench);
  });

  after(async () => {
    await bench?.close();
  });

  const countWithBackground = (bg: number[]) => decorationsWithBackground(page, bg);

  it('highlights an article, with the extension running from its web bundle in the browser', async () => {
    await quickOpen(page, 'nordwire.txt');
    await waitForBackground(page, ENTITY_BG, true, 60000);
    assert.ok((await countWithBackground(ENTITY_BG)) >= 5, 'entity highlights drawn');
    assert.ok((await countWithBackground(DATE_BG)) >= 2, 'date highlights drawn');
    // The browser ran the web bundle and started the analysis worker from its script (no Node host loads files so).
    assert.ok(
      fetched.some(u => u.includes('dist/web/extension.js')),
      `the web bundle was fetched: ${fetched.join(', ') || 'nothing'}`,
    );
    assert.ok(!fetched.some(u => /dist\/extension\.js/.test(u)), 'the desktop bundle was not');
    await page.screenshot({ path: join(OUT, 'web.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS)
      copyFileSync(join(OUT, 'web.png'), join(ROOT, 'media/screenshot-web.png'));
  });

  it('says what a highlight is on hover', async () => {
    const box = await centreOfDecoration(page, ENTITY_BG);
    await page.mouse.move(box.x - 40, box.y - 40);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    const hover = page
      .locator('.monaco-hover .hover-contents, .monaco-hover .rendered-markdown')
      .filter({ hasText: /(Person|Place|Organisation|Nationality or group) \((PERSON|PLACE|ORG|NORP)\)/ });
    await hover.first().waitFor({ timeout: 20000 });
    assert.match((await hover.first().textContent()) ?? '', /Mentioned (once|\d+ times) in this article/);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUT, 'web-hover.png') });
    await page.mouse.move(5, 400);
  });

  it('tags a span, and the annotation is written to its YAML sidecar through vscode.workspace.fs', async () => {
    await quickOpen(page, 'coastline-wire.txt');
    await waitForBackground(page, ENTITY_BG, true, 60000);
    await selectWithFind(page, 'Efua Mensah');
    await palette(page, 'Newsmark: Tag Selection');
    await page.waitForFunction(
      () => /Entity/.test(document.querySelector('.quick-input-list .monaco-list-row')?.textContent ?? ''),
      undefined,
      { timeout: 20000 },
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => /Person/.test(document.querySelector('.quick-input-list .monaco-list-row')?.textContent ?? ''),
      undefined,
      { timeout: 20000 },
    );
    await page.keyboard.press('Enter');
    await waitForBackground(page, ANNOTATION_BG, true);
    // The web host has no Node: the sidecar on disk was written by the workbench's file service for the extension.
    const sidecar = join(bench!.workspace, 'election/coastline-wire.txt.newsmark.yaml');
    for (let i = 0; i < 100 && !(existsSync(sidecar) && /Efua Mensah/.test(readFileSync(sidecar, 'utf8'))); i++)
      await page.waitForTimeout(100);
    const text = readFileSync(sidecar, 'utf8');
    assert.match(text, /kind: entity\n {4}anchor: \{ exact: "Efua Mensah"/);
    assert.match(text, /type: PERSON/);
    await page.mouse.move(5, 400);
    await page.screenshot({ path: join(OUT, 'web-tagged.png') });
  });

  it("lists the workspace's sources in the sidebar", async () => {
    await openSidebar(page);
    const rows = await sectionRows(page, 'Sources', 120000);
    // A source the three ferry articles quote, found by reading every article of the workspace in the browser.
    const dahl = rows.filter({ hasText: 'Henrik Dahl' }).first();
    await dahl.waitFor({ timeout: 120000 });
    assert.match((await dahl.textContent()) ?? '', /3 articles/);
  });

  it("lists the workspace's contradictions in the sidebar (articles found and read through vscode.workspace.fs)", async () => {
    await openSidebar(page);
    const rows = await sectionRows(page, 'Contradictions');
    await rows
      .filter({ hasText: /^(number|date|hedge|attribution|entity|negation):/ })
      .first()
      .waitFor({ timeout: 120000 });
    await page.screenshot({ path: join(OUT, 'web-contradictions.png') });
  });
});
