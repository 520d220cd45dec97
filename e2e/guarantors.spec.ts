import { expect, expectAxeClean, switchToEnglish, test } from './fixtures';
import { demoEmail, signInAs, signOutOf } from './sign-in';

/**
 * 経営者保証: a PM records a guarantor's guarantees and personal assets and reads the 残存資産 estimate; the lawyer on
 * the case reads the same; a bank on another case finds nothing. Amounts are typed as people type them (全角, カンマ).
 */
test('a PM records a guarantor, fixes a typed amount, and reads the 残存資産 estimate; the lawyer sees it, banks do not', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, demoEmail('pm.osaka'));
  await page.goto('/cases');
  await page.getByRole('link', { name: '株式会社見本工業' }).click();
  await page.getByRole('link', { name: '経営者保証と個人資産' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('経営者保証と個人資産');
  const caseUrl = page.url();

  // The demo owner: 5,400,000 + 14,000,000 + 1,200,000 in assets; the home kept; guarantees of 63,000,000.
  const owner = page.getByRole('article', { name: '見本 一郎' });
  await expect(owner).toContainText('20,600,000円');
  await expect(owner).toContainText('63,000,000円');
  await owner.getByText('計算の過程を見る').click();
  await expect(owner).toContainText('自由財産（破産法上の99万円）');
  await expect(owner).toContainText('REFERENCE §4.1');
  await expect(page.getByText('目安の計算ルールは確認中です')).toBeVisible();
  await expectAxeClean(page, 'guarantors (PM)');

  // A second guarantor: the spouse, with a mistyped amount first.
  await page.getByRole('button', { name: '保証人を追加' }).click();
  const form = page.getByRole('form', { name: '保証人の情報' });
  await form.getByRole('textbox', { name: '氏名' }).fill('見本 花子');
  await form.getByRole('combobox', { name: '会社との関係' }).selectOption('owner_family');
  await form.getByLabel('生年月日').fill('1971-03-03');
  await form.getByRole('textbox', { name: '金融機関名（1行目）' }).fill('デモ銀行');
  await form.getByRole('textbox', { name: '保証残高（1行目・円）' }).fill('一千万');
  await form.getByRole('button', { name: '資産を追加' }).click();
  await form.getByRole('textbox', { name: '内容（1行目）' }).fill('定期預金');
  await form.getByRole('textbox', { name: '時価（1行目・円）' }).fill('３，０００，０００');
  await form.getByRole('button', { name: '保存する' }).click();
  await expect(form.getByText('金額は数字で入力してください')).toBeVisible();
  await expect(form.getByRole('textbox', { name: '保証残高（1行目・円）' })).toBeFocused();
  await expect(form.getByRole('textbox', { name: '氏名' })).toHaveValue('見本 花子'); // what was typed is kept
  await expectAxeClean(page, 'guarantor form with an error');

  await form.getByRole('textbox', { name: '保証残高（1行目・円）' }).fill('10,000,000');
  await form.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存しました' })).toBeVisible();
  const spouse = page.getByRole('article', { name: '見本 花子' });
  await expect(spouse).toContainText('経営者の家族');
  await expect(spouse).toContainText('3,000,000円');
  // 3,000,000 of assets is below what she may keep: nothing available, the whole guarantee left to forgive.
  await expect(spouse.getByRole('definition').filter({ hasText: '10,000,000円' })).toHaveCount(2);

  // Readable on a phone: nothing scrolls sideways at 360 px.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole('button', { name: '編集 見本 花子' }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: 'キャンセル' }).click();
  await page.setViewportSize({ width: 1280, height: 720 });

  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guarantors and personal assets');
  await expect(page.getByRole('article', { name: '見本 花子' })).toContainText('Assets that may be kept (estimate)');
  await expectAxeClean(page, 'guarantors (English)');
  await page.getByRole('button', { name: '日本語に切り替える' }).click();
  await signOutOf(page);

  // The lawyer on this case reads the same list.
  await signInAs(page, demoEmail('lawyer'));
  await page.goto(caseUrl);
  await expect(page.getByRole('article', { name: '見本 花子' })).toBeVisible();
  await expect(page.getByRole('article', { name: '見本 一郎' })).toBeVisible();
  await signOutOf(page);

  // A bank officer of another case: the page answers as if the case did not exist.
  await signInAs(page, demoEmail('bank'));
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件が見つかりません');
});
