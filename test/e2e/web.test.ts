// Newsmark on the web: the same .vsix, run by the workbench's web worker extension host (the browser's, with no Node
// — package.json "browser", dist/web/extension.js), as in VS Code for the web. Code-server is told to run it there
// (remote.extensionKind: web); the extension's web bundle is then fetched by the page, and the article is
// highlighted and its hovers answer, with analysis in a Web Worker and files read through vscode.workspace.fs.
// The screenshot goes to test-output/e2e/web.png (and to media/screenshot-web.png with NEWSMARK_UPDATE_SCREENSHOTS=1).
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hostProblem, openWorkbench, ROOT, type Workbench } from '../harness/codeServer';

const OUT = join(ROOT, 'test-output/e2e');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const colour = (id: string): number[] => {
  const hex = pkg.contributes.colors.find((c: { id: string }) => c.id === id).defaults.dark as string;
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [n(1), n(3), n(5), hex.length > 7 ? n(7) / 255 : 1];
};
const ENTITY_BG = colour('newsmark.entityBackground');
const DATE_BG = colour('newsmark.dateBackground');
const SAME_BG = `(e, want) => {
  const m = /rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)/.exec(getComputedStyle(e).backgroundColor);
  return !!m && +m[1] === want[0] && +m[2] === want[1] && +m[3] === want[2] && Math.abs((m[4] === undefined ? 1 : +m[4]) - want[3]) < 0.01;
}`;

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

  const countWithBackground = (bg: number[]) =>
    page.evaluate(
      ([want, same]) => {
        const test = (0, eval)(same as string) as (e: Element, w: number[]) => boolean;
        return [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].filter(e =>
          test(e, want as number[]),
        ).length;
      },
      [bg, SAME_BG] as const,
    );

  it('highlights an article, with the extension running from its web bundle in the browser', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type('nordwire.txt');
    await page
      .locator('.quick-input-list .monaco-list-row[aria-label*="nordwire.txt"]')
      .first()
      .waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab.active[data-resource-name="nordwire.txt"]', { timeout: 20000 });
    await page.waitForFunction(
      ([want, same]) => {
        const test = (0, eval)(same as string) as (e: Element, w: number[]) => boolean;
        return [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].some(e =>
          test(e, want as number[]),
        );
      },
      [ENTITY_BG, SAME_BG] as const,
      { timeout: 60000 },
    );
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
    const box = await page.evaluate(
      ([want, same]) => {
        const test = (0, eval)(same as string) as (e: Element, w: number[]) => boolean;
        const e = [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].find(
          x => test(x, want as number[]) && x.getBoundingClientRect().width > 30,
        );
        const r = e!.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      },
      [ENTITY_BG, SAME_BG] as const,
    );
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

  it("lists the workspace's contradictions in the sidebar (articles found and read through vscode.workspace.fs)", async () => {
    await page
      .locator(
        '.activitybar .action-item a[aria-label^="Newsmark"], .activitybar li.action-item[aria-label^="Newsmark"]',
      )
      .first()
      .click();
    const header = page.locator('.pane-header', { hasText: 'Contradictions' }).first();
    await header.waitFor({ timeout: 30000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const rows = page
      .locator('.pane', { has: page.locator('.pane-header', { hasText: 'Contradictions' }) })
      .locator('.monaco-list-row');
    await rows
      .filter({ hasText: /^(number|date|hedge|attribution|entity|negation):/ })
      .first()
      .waitFor({ timeout: 120000 });
    await page.screenshot({ path: join(OUT, 'web-contradictions.png') });
  });
});
