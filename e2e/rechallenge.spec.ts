import { expect, expectAxeClean, test } from './fixtures';
import { demoEmail, signInAs, signOutOf } from './sign-in';

/**
 * 再チャレンジ支援: a PM triages a case to 再チャレンジ, records advice on 円滑な廃業 and prepares the lawyer referral;
 * the referred lawyer sees nothing until the company consents in its workspace; then the lawyer sees only this case's
 * package; the PM tracks a guarantor workout and counts consultations against the fee-support limit (3); another
 * council's staff see nothing.
 */
test('triage to 再チャレンジ → advice → referral → company consents → the lawyer reads only the package; consultations counted', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const advice = `従業員の再就職と取引先への支払いを優先した廃業手順を説明-${Date.now()}`;

  // The PM triages the Osaka case into 再チャレンジ支援.
  await signInAs(page, demoEmail('pm.osaka'));
  await page.goto('/cases');
  await page.getByRole('link', { name: '株式会社見本工業' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('株式会社見本工業');
  const caseUrl = page.url();
  await page.getByRole('button', { name: '窓口相談', exact: true }).click();
  const triage = page.getByRole('form', { name: '振り分け判断' });
  await triage.getByRole('combobox', { name: '判断', exact: true }).selectOption('rechallenge');
  await triage.getByLabel('判断の理由').fill('債務超過が大きく再生は困難。円滑な廃業と保証債務の整理を支援する');
  await triage.getByRole('button', { name: '判断を記録して進める' }).click();
  await expect(page.getByTestId('case-stage')).toContainText('再チャレンジ：弁護士紹介');

  // Advice on 円滑な廃業
  await page.getByRole('link', { name: '再チャレンジ支援' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('再チャレンジ支援');
  const rcUrl = page.url();
  const adviceForm = page.getByRole('form', { name: '助言を記録' });
  await adviceForm.getByRole('button', { name: '助言を記録' }).click();
  await expect(adviceForm.getByText('助言の内容を1〜4000文字で入力してください')).toBeVisible();
  await adviceForm.getByLabel('助言日').fill('2026-11-20');
  await adviceForm.getByRole('combobox', { name: '内容の区分' }).selectOption('orderly_closure');
  await adviceForm.getByLabel('助言の内容').fill(advice);
  await adviceForm.getByRole('button', { name: '助言を記録' }).click();
  await expect(page.getByText('助言を記録しました')).toBeVisible();
  await expect(page.getByText(advice)).toBeVisible();

  // A document for the package: the PM hands in the loan list on the case's documents page.
  const docTitle = `借入金一覧-${Date.now()}`;
  await page.goto(caseUrl);
  await page.getByRole('link', { name: '書類', exact: true }).click();
  const docForm = page.getByRole('form', { name: '書類を提出する' });
  await docForm.getByRole('textbox', { name: '書類名' }).fill(docTitle);
  await docForm
    .getByLabel('ファイル', { exact: true })
    .setInputFiles({ name: 'kariire.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% loans\n%%EOF\n', 'latin1') });
  await docForm.getByRole('button', { name: '提出する' }).click();
  await expect(page.getByRole('status').filter({ hasText: `「${docTitle}」を提出しました。` })).toBeVisible();
  await page.goto(rcUrl);

  // The referral: an unknown address is refused on the field; the lawyer's account is accepted.
  const referral = page.getByRole('form', { name: '引継ぎ資料を作成して同意を求める' });
  await referral.getByRole('checkbox', { name: docTitle }).check();
  await referral.getByRole('textbox', { name: '弁護士のメールアドレス' }).fill('nobody@example.jp');
  await referral.getByRole('button', { name: '引継ぎ資料を作成して同意を求める' }).click();
  await expect(referral.getByText('このメールアドレスの弁護士アカウントが見つかりません')).toBeVisible();
  await referral.getByRole('textbox', { name: '弁護士のメールアドレス' }).fill(demoEmail('lawyer2'));
  await referral.getByRole('button', { name: '引継ぎ資料を作成して同意を求める' }).click();
  await expect(page.getByTestId('rc-consent-status')).toHaveText('会社の同意待ち');
  await expectAxeClean(page, 'rechallenge (council)');
  await signOutOf(page);

  // Before the company consents, the lawyer sees nothing of the case.
  await signInAs(page, demoEmail('lawyer2'));
  await page.goto(rcUrl);
  await expect(page.getByRole('heading', { name: '案件が見つかりません' })).toBeVisible();
  await page.goto('/cases');
  await expect(page.getByTestId('case-count')).not.toBeEmpty();
  await expect(page.getByRole('link', { name: '株式会社見本工業' })).toHaveCount(0);
  await signOutOf(page);

  // The company reads the proposal in its workspace and consents.
  await signInAs(page, demoEmail('company.osaka'));
  await page.goto(caseUrl);
  await page.getByRole('link', { name: '再チャレンジ支援' }).click();
  await expect(page.getByText('弁護士 再起 次郎（デモ・担当案件なし）（デモ再起法律事務所）')).toBeVisible();
  await expect(page.getByTestId('rc-package')).toContainText(advice);
  await expect(page.getByTestId('rc-package')).toContainText('見本 一郎');
  await expect(page.getByTestId('consent-state')).toHaveText('まだ同意していません');
  await expectAxeClean(page, 'rechallenge consent (company)');
  await page.getByRole('button', { name: '引継ぎに同意する' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '引継ぎに同意する' }).click();
  await expect(page.getByText('同意しました。弁護士が引継ぎ資料を閲覧できるようになりました')).toBeVisible();
  await expect(page.getByTestId('consent-state')).toContainText('同意済み');
  await page.screenshot({ path: '.tmp/e2e-results/rechallenge-company.png', fullPage: true });
  await signOutOf(page);

  // Now the lawyer sees this one case and its package — not the council's record nor the guarantors page.
  await signInAs(page, demoEmail('lawyer2'));
  await page.goto('/cases');
  await expect(page.getByTestId('case-count')).toHaveText('1件の案件');
  await page.getByRole('link', { name: '株式会社見本工業' }).click();
  await page.getByRole('link', { name: '再チャレンジ支援' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '引継ぎ資料' })).toBeVisible();
  await expect(page.getByTestId('rc-package')).toContainText(advice);
  await expect(page.getByRole('form', { name: '助言を記録' })).toHaveCount(0);
  // The lawyer downloads the packaged document (served as an attachment; the download is audited).
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: `${docTitle}（第1版）をダウンロード` }).click();
  expect((await download).suggestedFilename()).toBe('kariire.pdf');
  await page.screenshot({ path: '.tmp/e2e-results/rechallenge-lawyer.png', fullPage: true });
  await expectAxeClean(page, 'rechallenge package (lawyer)');
  await page.goto(`${caseUrl}/guarantors`);
  await expect(page.getByRole('heading', { name: '案件が見つかりません' })).toBeVisible();
  await signOutOf(page);

  // The PM sees the consent, tracks a guarantor workout and counts consultations against the limit of 3.
  await signInAs(page, demoEmail('pm.osaka'));
  await page.goto(rcUrl);
  await expect(page.getByTestId('rc-consent-status')).toContainText('会社が同意しました');
  const route = page.getByRole('form', { name: '手続を記録' });
  await route.getByRole('combobox', { name: '手続の種類' }).selectOption('gl_standalone');
  await route.getByRole('combobox', { name: '対象の保証人' }).selectOption('見本 一郎');
  await route.getByRole('combobox', { name: '状況' }).selectOption('in_progress');
  await route.getByLabel('着手日').fill('2026-12-01');
  await route.getByRole('button', { name: '手続を記録' }).click();
  await expect(page.getByText('手続を記録しました')).toBeVisible();
  await expect(page.getByText('経営者保証GL 単独型 — 見本 一郎')).toBeVisible();
  await expect(page.getByText(/残存資産の目安: [\d,]+円/)).toBeVisible();

  const consult = page.getByRole('form', { name: '相談を記録' });
  for (const day of ['01', '08', '15']) {
    await consult.getByLabel('相談日').fill(`2026-12-${day}`);
    await consult.getByRole('textbox', { name: '相談料（円）' }).fill('55,000');
    await consult.getByRole('checkbox', { name: '協議会の相談料支援の対象にする' }).check();
    await consult.getByRole('button', { name: '相談を記録' }).click();
    await expect(consult.getByText(/相談を記録しました（相談料の支援 \d \/ 3 回目）/)).toBeVisible();
  }
  await expect(page.getByTestId('rc-fee-support')).toHaveText('相談料の支援: 3 / 3 回を使用（残り 0 回）');
  // With the limit used up, the next consultation is not ticked for fee support by default.
  await expect(consult.getByRole('checkbox', { name: '協議会の相談料支援の対象にする' })).not.toBeChecked();
  await expect(page.getByText('相談料の支援回数の上限に達しました')).toBeVisible();
  // A fourth supported consultation is refused with the reason; recorded as not supported it is accepted.
  await consult.getByLabel('相談日').fill('2026-12-22');
  await consult.getByRole('textbox', { name: '相談料（円）' }).fill('55000');
  await consult.getByRole('checkbox', { name: '協議会の相談料支援の対象にする' }).check();
  await consult.getByRole('button', { name: '相談を記録' }).click();
  await expect(consult.getByText('相談料支援の上限（3回）に達しています。支援対象外として記録してください')).toBeVisible();
  await consult.getByRole('checkbox', { name: '協議会の相談料支援の対象にする' }).uncheck();
  await consult.getByRole('button', { name: '相談を記録' }).click();
  await expect(consult.getByText('相談を記録しました（相談料の支援対象外）。')).toBeVisible();
  await expect(page.getByText('支援対象外', { exact: true })).toBeVisible();
  await expectAxeClean(page, 'rechallenge with consultations (council)');
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: '.tmp/e2e-results/rechallenge-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: '.tmp/e2e-results/rechallenge-council.png', fullPage: true });
  await signOutOf(page);

  // Another council's staff see nothing of it.
  await signInAs(page, demoEmail('pm.tokyo'));
  await page.goto(rcUrl);
  await expect(page.getByRole('heading', { name: '案件が見つかりません' })).toBeVisible();
});
