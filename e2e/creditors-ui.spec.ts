import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAxeClean, switchToEnglish, test } from './fixtures';
import { acceptInvitation, demoEmail, signInAs, signOutOf } from './sign-in';

/**
 * The council keeps the creditor table in the browser (issue 7): a PM adds a bank with a loan, marks it the メイン行
 * with its agreement to start, imports the 借入金一覧 template, submits a version and comments on it; the bank,
 * invited after the company's consent, records a conditional stance. Runs on DEMO-13-0001 so that it does not meet
 * the consent journey of creditors.spec.ts (DEMO-13-0003).
 */

const HEADER =
  '金融機関コード（4桁）,金融機関名（参考）,借入の名称,残高（円）,金利（年%）,月額返済（円）,担保の内容,担保評価額（円）,掛目（%・空欄は100）,保証協会の保証割合（%）';

function csvFile(name: string, rows: string[]): string {
  const path = join(tmpdir(), `kasseika-${Date.now()}-${name}`);
  writeFileSync(path, [HEADER, ...rows].join('\r\n') + '\r\n', 'utf8');
  return path;
}

test('the council edits creditors and loans, imports the template and comments on a version; a bank records a conditional stance', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  // The company consents to share its case with 埼玉りそな (0017).
  await signInAs(page, demoEmail('company.tokyo'));
  await page.getByRole('link', { name: '株式会社デモ精工' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.getByRole('link', { name: '債権者と計画' }).click();
  await page.getByRole('textbox', { name: '金融機関コード（4桁）' }).fill('0017');
  await page.getByRole('button', { name: '同意する', exact: true }).click();
  await expect(page.getByText('同意を記録しました')).toBeVisible();
  // The company does not edit the creditor table.
  await expect(page.getByRole('heading', { name: '債権者と借入の編集' })).toHaveCount(0);
  await signOutOf(page);

  // The PM adds the bank, found by name.
  await signInAs(page, demoEmail('pm.tokyo'));
  await page.goto(`/cases/${caseId}/creditors`);
  await expect(page.getByRole('heading', { level: 2, name: '債権者と借入の編集' })).toBeVisible();
  await page.getByRole('textbox', { name: '金融機関名または金融機関コード' }).fill('さいたまりそな');
  await page.getByRole('button', { name: '検索する' }).click();
  await expect(page.getByTestId('bank-hits')).toContainText('埼玉りそな（0017）');
  await page.getByRole('button', { name: '埼玉りそな を債権者に追加する' }).click();
  await expect(page.getByText('埼玉りそな を債権者に追加しました')).toBeVisible();
  const card = page.getByTestId('creditor-0017');

  // A loan: a typed amount that is not a number shows its error next to the field, and nothing is stored.
  await card.getByText('埼玉りそな の借入を追加する').click();
  const loanForm = card.getByRole('form', { name: '埼玉りそな の借入を追加する' });
  await loanForm.getByRole('textbox', { name: '借入の名称' }).fill('運転資金（証書貸付）');
  await loanForm.getByRole('textbox', { name: '残高（円）' }).fill('１２,０００,０００');
  await loanForm.getByRole('textbox', { name: '金利（年%）' }).fill('1.5');
  const monthly = loanForm.getByRole('textbox', { name: '月額返済（円）' });
  await monthly.fill('20万');
  await loanForm.getByRole('textbox', { name: '担保の内容' }).fill('本社工場（根抵当権）');
  await loanForm.getByRole('textbox', { name: '担保評価額（円）' }).fill('5000000');
  await loanForm.getByRole('textbox', { name: '保証協会の保証割合（%）' }).fill('20');
  await loanForm.getByRole('button', { name: '借入を追加する' }).click();
  await expect(monthly).toHaveAttribute('aria-invalid', 'true');
  await expect(monthly).toHaveAccessibleDescription('金額は0以上の整数（円）で入力してください');
  await expect(monthly).toBeFocused();
  await expect(loanForm.getByRole('textbox', { name: '残高（円）' })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText('借入はまだ登録されていません。')).toBeVisible();
  await monthly.fill('200000');
  await loanForm.getByRole('button', { name: '借入を追加する' }).click();
  await expect(page.getByText('借入「運転資金（証書貸付）」を追加しました')).toBeVisible();
  await expect(card).toContainText('残高 12,000,000円');
  // Secured: collateral 5,000,000 × 100% + 20% of the balance covered by the guarantee corporation (2,400,000).
  await expect(page.getByTestId('creditor-table')).toContainText('12,000,000円7,400,000円4,600,000円200,000円');

  // The メイン行 and its agreement to start support.
  // The box follows the saved table (it turns on once the server has answered).
  await card.getByRole('checkbox', { name: 'メイン行' }).click();
  await expect(card.getByRole('checkbox', { name: 'メイン行' })).toBeChecked();
  await expect(page.getByText('埼玉りそな の設定を保存しました')).toBeVisible();
  await expect(page.getByTestId('creditor-table')).toContainText('埼玉りそな（0017） · メイン行');
  await card.getByLabel('メイン行が再生支援の開始に同意した日').fill('2026-11-20');
  await card.getByRole('button', { name: '同意日を保存する' }).click();
  await expect(page.getByText('埼玉りそな の開始への同意を記録しました')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('creditor-0017').getByLabel('メイン行が再生支援の開始に同意した日')).toHaveValue('2026-11-20');

  // The template downloads; a file with a bad cell is refused whole, with the cell named; a clean one is imported.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '借入金一覧のテンプレート（Excel）をダウンロード' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  const file = page.getByLabel('取り込むファイル');
  await file.setInputFiles(csvFile('bad.csv', ['0001,みずほ,設備資金,十万,1.2,100000,,,,', '0005,三菱UFJ,運転資金,3000000,1.0,50000,,,,']));
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByTestId('import-refused')).toContainText('D2');
  await expect(page.getByTestId('creditor-table')).not.toContainText('みずほ');
  await file.setInputFiles(
    csvFile('good.csv', ['0001,みずほ,設備資金,8000000,1.2,100000,,,,', '0005,三菱UFJ,運転資金,3000000,1.0,50000,,,,50']),
  );
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByText('債権者2行・借入2件を取り込みました')).toBeVisible();
  await expect(page.getByTestId('creditor-table')).toContainText('みずほ（0001）');
  await expect(page.getByTestId('creditor-table')).toContainText('三菱ＵＦＪ（0005）');

  // A loan is edited; a creditor is removed (after confirming).
  await card.getByRole('button', { name: '埼玉りそな の借入「運転資金（証書貸付）」を編集する' }).click();
  const editForm = card.getByRole('form', { name: '埼玉りそな の借入「運転資金（証書貸付）」を編集する' });
  await expect(editForm.getByRole('textbox', { name: '月額返済（円）' })).toHaveValue('200000');
  await editForm.getByRole('textbox', { name: '月額返済（円）' }).fill('250,000');
  await editForm.getByRole('button', { name: '借入を保存する' }).click();
  await expect(page.getByText('借入「運転資金（証書貸付）」を保存しました')).toBeVisible();
  await expect(card).toContainText('月額返済 250,000円');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '三菱ＵＦＪ を債権者から削除する' }).click();
  await expect(page.getByText('三菱ＵＦＪ を債権者から削除しました')).toBeVisible();
  await expect(page.getByTestId('creditor-table')).not.toContainText('（0005）');

  // A version, and the PM's comment on it.
  await page.getByRole('textbox', { name: '表題' }).fill('再生計画（案）');
  await page.getByRole('textbox', { name: '計画の概要' }).fill('設備を更新し、5年で債務超過を解消する。');
  await page.getByRole('textbox', { name: '月額返済の総額（円）' }).fill('300000');
  await page.getByRole('button', { name: 'この内容で新しい版を提示する' }).click();
  await expect(page.getByTestId('current-version')).toContainText('第1版: 再生計画（案）');
  await expect(page.getByText('第1版への意見・助言はまだありません。')).toBeVisible();
  const comment = page.getByRole('textbox', { name: '第1版への意見・助言' });
  await page.getByRole('button', { name: '意見・助言を記録する' }).click();
  await expect(comment).toHaveAccessibleDescription(/意見・助言を1〜4000文字で入力してください/);
  await comment.fill('数値計画の前提（売上高の伸び率）の根拠を資料で示してください。');
  await page.getByRole('button', { name: '意見・助言を記録する' }).click();
  await expect(page.getByText('第1版への意見・助言を記録しました')).toBeVisible();
  await expect(page.getByTestId('plan-comments')).toContainText('売上高の伸び率');
  await expectAxeClean(page, 'creditors page (council editing)');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(tmpdir(), 'kasseika-creditors-ui-360.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAxeClean(page, 'creditors page at 360 px');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The council invites 埼玉りそな; it records a conditional stance on version 1.
  await page.goto(`/cases/${caseId}`);
  const address = `saitamaresona.${Date.now()}@example.jp`;
  await page.getByRole('combobox', { name: '案件での立場' }).selectOption('bank');
  await page.getByRole('textbox', { name: '所属先の名称' }).fill('埼玉りそな銀行');
  await page.getByRole('textbox', { name: '氏名' }).fill('埼玉りそな 融資担当');
  await page.getByRole('textbox', { name: 'メールアドレス' }).fill(address);
  await page.getByRole('textbox', { name: '金融機関コード（4桁）' }).fill('0017');
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(page.getByText(`${address} に招待メールを送りました`, { exact: false })).toBeVisible();
  const outbox = (await (await request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const link = /https?:\/\/\S+\/invitations\/accept#token=[A-Za-z0-9_-]+/.exec(outbox.items.find((m) => m.to === address)?.text ?? '')?.[0];
  expect(link).toBeTruthy();
  const bank = await acceptInvitation(browser, link ?? '', 'saitama resona pass phrase 2026');
  await bank.goto(`/cases/${caseId}/creditors`);
  await expect(bank.getByRole('heading', { name: '第1版への賛否' })).toBeVisible();
  // A bank neither edits the table nor sees the council's comments.
  await expect(bank.getByRole('heading', { name: '債権者と借入の編集' })).toHaveCount(0);
  await expect(bank.getByText('売上高の伸び率')).toHaveCount(0);
  await bank.getByRole('radio', { name: '条件付き賛成' }).check();
  await bank.getByRole('button', { name: '賛否を伝える' }).click();
  const conditions = bank.getByRole('textbox', { name: '条件' });
  await expect(conditions).toHaveAccessibleDescription(/条件付きの場合は条件を入力してください/);
  await conditions.fill('役員報酬の減額を計画に明記すること');
  await bank.getByRole('button', { name: '賛否を伝える' }).click();
  await expect(bank.getByText('第1版への賛否を記録しました')).toBeVisible();
  await expect(bank.getByTestId('consent-list')).toContainText('条件付き賛成（役員報酬の減額を計画に明記すること）');
  await expectAxeClean(bank, 'creditors page (bank stance)');
  await bank.context().close();

  // The council sees the stance.
  await page.goto(`/cases/${caseId}/creditors`);
  await expect(page.getByTestId('consent-list')).toContainText('埼玉りそな（0017）: 条件付き賛成（役員報酬の減額を計画に明記すること）');

  // In English, and by keyboard alone: the PM adds a second comment.
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Edit creditors and loans' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Review comments on the plan (PM/SM)' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Comment on version 1' }).focus();
  await page.keyboard.type('Please attach the capex quotes.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Record the comment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Recorded the comment on version 1')).toBeVisible();
  await expect(page.getByTestId('plan-comments').getByRole('listitem')).toHaveCount(2);
  await expectAxeClean(page, 'creditors page (council, English)');
});
