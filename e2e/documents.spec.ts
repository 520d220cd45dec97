import { expect, expectAxeClean, test } from './fixtures';
import { demoEmail, signInAs, signOutOf } from './sign-in';

const pdf = (text: string) => ({
  name: 'kessan.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1'),
});

/** The company hands in its 決算書; a disguised file is refused by content; a new version keeps the old; staff see both. */
test('the company hands in its financial statements, adds a version, and the council downloads them', async ({ page }) => {
  test.setTimeout(150_000);
  await signInAs(page, demoEmail('company.tokyo'));
  await page.getByRole('link', { name: '株式会社デモ精工' }).click();
  await page.getByRole('link', { name: '書類', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('書類');
  const form = page.getByRole('form', { name: '書類を提出する' });
  await expect(form.getByRole('combobox', { name: '書類の種類' })).toHaveValue('financial_statements');

  // Nothing chosen: both problems are said next to their fields.
  await form.getByRole('button', { name: '提出する' }).click();
  await expect(form.getByText('書類名は1〜200文字で入力してください')).toBeVisible();
  await expect(form.getByText('提出するファイルを選んでください')).toBeVisible();

  // A text file named .pdf is refused by its content.
  await form.getByRole('textbox', { name: '書類名' }).fill('第42期 決算書');
  await form
    .getByLabel('ファイル', { exact: true })
    .setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
  await form.getByRole('button', { name: '提出する' }).click();
  await expect(form.getByRole('alert')).toContainText('PDF、Excel（.xlsx）、CSV、画像');
  await expect(form.getByRole('textbox', { name: '書類名' })).toHaveValue('第42期 決算書');

  await form.getByLabel('ファイル', { exact: true }).setInputFiles(pdf('v1'));
  await form.getByRole('button', { name: '提出する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '「第42期 決算書」を提出しました。' })).toBeVisible();
  const list = page.getByTestId('document-list');
  await expect(list).toContainText('決算書 · 相談企業と支援チーム');
  await list.getByLabel('新しい版を追加').setInputFiles(pdf('v2'));
  await expect(page.getByRole('status').filter({ hasText: '新しい版を追加しました' })).toBeVisible();
  await expect(list.getByRole('link', { name: /第2版をダウンロード/ })).toBeVisible();
  await expect(list.getByRole('link', { name: /第1版をダウンロード/ })).toBeVisible();
  await expectAxeClean(page, 'documents (company)');
  await signOutOf(page);

  // The PM downloads version 1 as an attachment.
  await signInAs(page, demoEmail('pm.tokyo'));
  await page.goto('/cases');
  await page.getByRole('link', { name: '株式会社デモ精工' }).click();
  await page.getByRole('link', { name: '書類', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /第1版をダウンロード/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  await expectAxeClean(page, 'documents (PM)');
});
