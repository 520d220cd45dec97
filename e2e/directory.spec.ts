import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAxeClean, switchToEnglish, test } from './fixtures';

interface Office {
  address: string;
  postalCode: string;
  phone: string;
}
interface Council {
  id: string;
  prefecture: string;
  name: string;
  operatingBody: string;
  offices: Office[];
}
const dataset = JSON.parse(readFileSync(join(import.meta.dirname, '../data/directory/2025-06-01/directory.json'), 'utf8')) as {
  councils: Council[];
};
const byId = new Map(dataset.councils.map((c) => [c.id, c]));
const seed = readFileSync(join(import.meta.dirname, '../data/seeds/000_ed5e8aa69918b9c9.txt'), 'utf8');

async function expectOffices(page: Page, council: Council) {
  const addresses = page.getByTestId('office-address');
  await expect(addresses).toHaveCount(council.offices.length);
  for (const [i, office] of council.offices.entries()) {
    expect(seed).toContain(office.address);
    // The page shows the pamphlet's text exactly, including its spacing.
    expect(await addresses.nth(i).evaluate((el) => el.textContent)).toBe(office.address);
    await expect(page.getByTestId('office-postal-code').nth(i)).toHaveText(`〒${office.postalCode}`);
    const phone = page.getByTestId('office-phone').nth(i);
    await expect(phone).toHaveText(office.phone);
    await expect(phone).toHaveAttribute('href', `tel:+81-${office.phone.slice(1)}`);
  }
}

test('a visitor picks a prefecture on the home page and sees its council exactly as in the pamphlet', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('経営の悩み、早めにご相談ください');
  await expect(page.getByText('国が設置する公正中立な機関です').first()).toBeVisible();
  await expectAxeClean(page, 'home (ja)');
  await page.getByLabel('都道府県を選ぶ').selectOption({ label: '鳥取県' });
  await page.getByRole('button', { name: 'この都道府県の協議会を見る' }).click();
  await expect(page).toHaveURL(/\/councils\/tottori$/);
  const tottori = byId.get('tottori')!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tottori.name);
  await expect(page.getByTestId('operating-body')).toHaveText(tottori.operatingBody);
  await expectOffices(page, tottori);
  await expect(page).toHaveTitle(/鳥取県中小企業活性化協議会/);
  await expectAxeClean(page, 'council detail (ja)');
});

test('search by city finds the Obihiro office of the Hokkaido council', async ({ page }) => {
  await page.goto('/councils');
  await expect(page.getByTestId('result-count')).toHaveText('全47件の協議会');
  await expect(page.getByTestId('council-card')).toHaveCount(47);
  await expectAxeClean(page, 'directory (ja)');
  await page.getByLabel('キーワード').fill('帯広');
  await page.getByRole('button', { name: '検索する' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('1件の協議会が見つかりました');
  await expect(page).toHaveURL(/q=%E5%B8%AF%E5%BA%83/);
  const card = page.getByTestId('council-card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('北海道中小企業活性化協議会');
  await expect(card.getByText('検索条件に一致した窓口')).toBeVisible();
  await card.getByRole('link', { name: '北海道中小企業活性化協議会の詳細' }).click();
  await expectOffices(page, byId.get('hokkaido')!);
});

test('search by postal code: an office 〒, and a company 〒 resolved to its prefecture', async ({ page }) => {
  await page.goto('/councils');
  await page.getByLabel('郵便番号').fill('９００－００１５');
  await page.getByRole('button', { name: '検索する' }).click();
  await expect(page.getByTestId('council-card').getByRole('heading', { level: 2 })).toHaveText('沖縄県中小企業活性化協議会');
  await page.getByRole('button', { name: '条件をクリア' }).click();
  await expect(page.getByTestId('council-card')).toHaveCount(47);
  await page.getByLabel('郵便番号').fill('〒150-0001');
  await page.getByRole('button', { name: '検索する' }).click();
  await expect(page.getByTestId('council-card').getByRole('heading', { level: 2 })).toHaveText('東京都中小企業活性化協議会');
  await expect(page.getByText('郵便番号の地域を管轄')).toBeVisible();
});

test('a malformed postal code is explained next to the field and what was typed is kept', async ({ page }) => {
  await page.goto('/councils');
  const field = page.getByLabel('郵便番号');
  await field.fill('abc');
  await page.getByRole('button', { name: '検索する' }).click();
  await expect(page.getByText('郵便番号は数字7桁（例: 100-0005）またはその先頭の数字で入力してください')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('abc');
  await expectAxeClean(page, 'directory with a field error');
});

test('the directory is complete in English', async ({ page }) => {
  await page.goto('/councils');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find a council');
  await expect(page.getByTestId('result-count')).toHaveText('All 47 councils');
  await page.getByLabel('Keyword').fill('米子');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('1 council found');
  await page.getByRole('link', { name: 'Details of Tottori SME Revitalization Council' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tottori SME Revitalization Council');
  await expectOffices(page, byId.get('tottori')!);
  await expectAxeClean(page, 'council detail (en)');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Talk to us early about your business worries');
  await expectAxeClean(page, 'home (en)');
  // The choice persists across pages and reloads.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('an unknown council shows a helpful not-found page', async ({ page }) => {
  await page.goto('/councils/atlantis');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await expectAxeClean(page, 'not found');
  await page.getByRole('link', { name: 'ホームに戻る' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('every council of the pamphlet can be found by its prefecture name', async ({ page, request }) => {
  const list = (await (await request.get('/api/v1/councils')).json()) as { items: Council[] };
  expect(list.items).toHaveLength(47);
  await page.goto('/councils');
  for (const council of dataset.councils) {
    await page.getByLabel('キーワード').fill(council.prefecture);
    await page.getByRole('button', { name: '検索する' }).click();
    const card = page.getByTestId('council-card');
    await expect(card).toHaveCount(1);
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(council.name);
    await expect(card.getByTestId('office-phone')).toHaveText(council.offices.map((o) => o.phone));
  }
});
