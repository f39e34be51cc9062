import type { Page } from 'playwright-core';

/** The two screens every reading test uses (issue #16). */
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Sets the screen and the colour scheme of an open page. */
export async function useScreen(page: Page, size: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme });
}

/** Records what the page copies instead of touching the real clipboard. */
export async function captureClipboard(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void w.__copied.push(t) },
    });
  });
}

/** The last text the page copied (see captureClipboard). */
export const lastCopied = (page: Page) => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.at(-1) ?? '');
