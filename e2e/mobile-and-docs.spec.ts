import { expect, expectAxeClean, test } from './fixtures';

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const path of ['/', '/councils', '/councils/hokkaido']) {
    test(`${path} fits the screen without horizontal scrolling`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAxeClean(page, `${path} at 360px`);
    });
  }
});

test('the API reference renders the OpenAPI document under the strict CSP', async ({ page }) => {
  await page.goto('/api/docs/');
  // Swagger UI renders the whole document (several hundred kB) in the browser before the heading appears.
  await expect(page.getByRole('heading', { name: /Kasseika API/ })).toBeVisible({ timeout: 30_000 });
  // An operation of the first tag is rendered (the document is parsed and laid out under the CSP).
  await expect(page.getByText('/api/v1/account/sessions', { exact: true })).toBeVisible({ timeout: 30_000 });
});
