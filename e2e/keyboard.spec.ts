import { expect, test } from './fixtures';

test('keyboard only: skip link, find a council, follow it, call it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '本文へ移動' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Tab to the prefecture select, choose with the keyboard, submit with Enter.
  const select = page.getByLabel('都道府県を選ぶ');
  for (let i = 0; i < 20 && !(await select.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(select).toBeFocused();
  await select.selectOption('27');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'この都道府県の協議会を見る' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/councils\/osaka$/);
  // Focus lands on the new page's heading after navigation.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  const phone = page.getByTestId('office-phone').first();
  for (let i = 0; i < 30 && !(await phone.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(phone).toBeFocused();
  await expect(phone).toHaveAttribute('href', 'tel:+81-6-6944-5343');
  // The focus indicator is visible (a solid outline of at least 2 px).
  const outline = await phone.evaluate((el) => getComputedStyle(el).outlineWidth);
  expect(parseFloat(outline)).toBeGreaterThanOrEqual(2);
});

test('keyboard only: search the directory and reach the result', async ({ page }) => {
  await page.goto('/councils');
  await expect(page.getByTestId('council-card')).toHaveCount(47);
  const q = page.getByLabel('キーワード');
  for (let i = 0; i < 20 && !(await q.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(q).toBeFocused();
  await page.keyboard.type('那覇');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('result-count')).toHaveText('1件の協議会が見つかりました');
  const link = page.getByRole('link', { name: '沖縄県中小企業活性化協議会の詳細' });
  for (let i = 0; i < 30 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/councils\/okinawa$/);
});
