// What the browser tests do in VS Code's workbench as a user would: open a file by name, run a command from the
// palette, find Newsmark's decorations by their colours (package.json contributes.colors, dark theme).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './codeServer';

export const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Newsmark's colour for the dark theme the tests set, as [r, g, b, a]. */
export function colour(id: string): number[] {
  const hex = pkg.contributes.colors.find((c: { id: string }) => c.id === id).defaults.dark as string;
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [n(1), n(3), n(5), hex.length > 7 ? n(7) / 255 : 1];
}

/** In the page: does an element's computed background equal [r, g, b, a]? */
const SAME_BG = `(e, want) => {
  const m = /rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)/.exec(getComputedStyle(e).backgroundColor);
  return !!m && +m[1] === want[0] && +m[2] === want[1] && +m[3] === want[2] && Math.abs((m[4] === undefined ? 1 : +m[4]) - want[3]) < 0.01;
}`;

/** How many elements drawn for text-editor decorations have this background. */
export function decorationsWithBackground(page: Page, bg: number[]): Promise<number> {
  return page.evaluate(
    ([want, same]) => {
      const test = (0, eval)(same as string) as (e: Element, w: number[]) => boolean;
      return [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].filter(e =>
        test(e, want as number[]),
      ).length;
    },
    [bg, SAME_BG] as const,
  );
}

/** Resolves once a decoration with this background is drawn (present) or none is (not present). */
export async function waitForBackground(page: Page, bg: number[], present: boolean, timeout = 30000): Promise<void> {
  await page.waitForFunction(
    ([want, same, yes]) => {
      const test = (0, eval)(same as string) as (e: Element, w: number[]) => boolean;
      return (
        [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].some(e =>
          test(e, want as number[]),
        ) === yes
      );
    },
    [bg, SAME_BG, present] as const,
    { timeout },
  );
}

/** The centre of a wide decoration with this background, to hover it. */
export function centreOfDecoration(page: Page, bg: number[]): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([want, same]) => {
      const test = (0, eval)(same as string) as (e: Element, w: number[]) => boolean;
      const e = [...document.querySelectorAll('.monaco-editor [class*="TextEditorDecorationType"]')].find(
        x => test(x, want as number[]) && x.getBoundingClientRect().width > 30,
      );
      const r = e!.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    [bg, SAME_BG] as const,
  );
}

/** Runs a command from the palette (F1), by its title. */
export async function palette(page: Page, command: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  // With the focus in a closed webview nowhere gets the key: give it back to the workbench and press again.
  if (
    !(await input.waitFor({ state: 'visible', timeout: 3000 }).then(
      () => true,
      () => false,
    ))
  ) {
    await page.locator('.part.statusbar').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
  }
  await input.fill(`>${command}`);
  await page
    .locator(`.quick-input-list .monaco-list-row[aria-label*="${command}"]`)
    .first()
    .waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
}

/** Opens a file as a user would: Ctrl+P, its name, Enter; resolves when its tab is active. */
export async function quickOpen(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active[data-resource-name="${name}"]`, { timeout: 20000 });
}

/** Selects the first occurrence of some words with the editor's own Find, as a keyboard user would. */
export async function selectWithFind(page: Page, words: string): Promise<void> {
  await page.keyboard.press('Control+F');
  await page.locator('.find-widget textarea, .find-widget input').first().waitFor({ state: 'visible' });
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** Opens the Newsmark sidebar unless it is open already (a second click would close it). */
export async function openSidebar(page: Page): Promise<void> {
  if (await page.locator('[id="workbench.view.extension.newsmark"]').isVisible()) return;
  await page
    .locator('.activitybar .action-item a[aria-label^="Newsmark"], .activitybar li.action-item[aria-label^="Newsmark"]')
    .first()
    .click();
}

/** The rows of one sidebar section (Contradictions, Sources …), expanded if it was collapsed. */
export async function sectionRows(page: Page, title: string, timeout = 30000) {
  const header = page.locator('.pane-header', { hasText: title }).first();
  await header.waitFor({ timeout });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).locator('.monaco-list-row');
}
