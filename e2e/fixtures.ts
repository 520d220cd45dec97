import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Every page in every test: console errors, uncaught exceptions and CSP violations fail the test, so a page
 * cannot look fine while broken underneath.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems = watchForProblems(page);
      await use(problems);
      expect(problems, 'no console errors, exceptions or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Collects the console errors, uncaught exceptions, CSP violations, server errors and cancelled writes of a page — the
 * test's own page (above) or one opened in a second browser context (a second person signed in at the same time).
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A handled API 4xx is logged by the browser as "Failed to load resource"; responses are checked below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console.error: ${m.text()}`);
  });
  page.on('response', (r) => {
    const url = new URL(r.url());
    const isApi = url.pathname.startsWith('/api/v1/');
    if (r.status() >= 500 || (!isApi && r.status() >= 400)) problems.push(`HTTP ${r.status()} ${url.pathname}`);
  });
  page.on('requestfailed', (r) => {
    // A read the browser cancelled (a navigation away while the page's data or the favicon was still loading, or a
    // query the app cancelled) loses nothing. A cancelled write could lose work, so it still fails the test.
    if (r.failure()?.errorText === 'net::ERR_ABORTED' && r.method() === 'GET') return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return problems;
}

export { expect };

/** Runs axe (WCAG 2.0/2.1/2.2 A and AA) and fails on any violation, listing them readably. */
export async function expectAxeClean(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Switches the UI language with the header toggle, as a user would. */
export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}
