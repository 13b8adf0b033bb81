// Importing a saved web page through the real UI (code-server's workbench in Debian's chromium, Newsmark installed
// from its .vsix): the page is dropped on the Newsmark sidebar's Import view and the article opens highlighted.
//
// The drop: a headless browser cannot drag a file from the operating system, so the test builds what the browser
// hands VS Code when one is dropped — a DataTransfer holding a File with the page's bytes — and dispatches
// dragenter, dragover and drop with it on the Import view, as Chromium does for a real drop. Everything after
// that (VS Code's tree drop handling, Newsmark's import, the editor) is the real code.
// The screenshot goes to test-output/e2e/import.png (and media/screenshot-import.png with NEWSMARK_UPDATE_SCREENSHOTS=1).
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hostProblem, openWorkbench, ROOT, type Workbench } from '../harness/codeServer';

const OUT = join(ROOT, 'test-output/e2e');
const ARTICLE = 'harbour-daily-ferry-strike-ends-after-two-weeks.txt';

describe('Importing a saved page in the browser', function () {
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
    bench = await openWorkbench();
    ({ page, workspace } = bench);
  });

  after(async () => {
    await bench?.close();
  });

  it('drops a saved page on the sidebar: the article is written with its sidecar and opens highlighted', async () => {
    await page
      .locator(
        '.activitybar .action-item a[aria-label^="Newsmark"], .activitybar li.action-item[aria-label^="Newsmark"]',
      )
      .first()
      .click();
    const header = page.locator('.pane-header', { hasText: /^Import/ }).first();
    await header.waitFor({ timeout: 30000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Import/ }) });
    const row = pane.locator('.monaco-list-row', { hasText: 'Drop saved web pages' }).first();
    await row.waitFor({ timeout: 30000 });

    const html = readFileSync(join(ROOT, 'test/fixtures/import/jsonld-newsarticle.html'), 'utf8');
    await row.evaluate((target, text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'Ferry strike ends after two weeks _ Harbour Daily.html', { type: 'text/html' }));
      const r = target.getBoundingClientRect();
      const at = {
        clientX: r.x + r.width / 2,
        clientY: r.y + r.height / 2,
        bubbles: true,
        cancelable: true,
        dataTransfer: dt,
      };
      target.dispatchEvent(new DragEvent('dragenter', at));
      target.dispatchEvent(new DragEvent('dragover', at));
      target.dispatchEvent(new DragEvent('drop', at));
    }, html);

    await page.waitForSelector(`.tab.active[data-resource-name="${ARTICLE}"]`, { timeout: 60000 });
    await page.waitForSelector('.monaco-editor .view-line >> text=Kelvar Sound', { timeout: 20000 });
    // Highlights drawn: some decoration with a background in the editor.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].filter(
          e => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)',
        ).length >= 5,
      undefined,
      { timeout: 30000 },
    );
    const sidecar = readFileSync(join(workspace, `${ARTICLE}.newsmark.yaml`), 'utf8');
    assert.match(sidecar, /outlet: Harbour Daily/);
    assert.match(sidecar, /published: "2026-03-04"/);
    const text = readFileSync(join(workspace, ARTICLE), 'utf8');
    assert.ok(text.startsWith('Ferry strike ends after two weeks\n\nFerry crews'));
    assert.ok(!/Also Read|Share on|Comments/.test(text));
    await page.mouse.move(5, 400);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, 'import.png') });
    if (process.env.NEWSMARK_UPDATE_SCREENSHOTS)
      copyFileSync(join(OUT, 'import.png'), join(ROOT, 'media/screenshot-import.png'));
  });
});
