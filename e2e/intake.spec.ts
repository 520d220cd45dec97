import type { Locator, Page } from '@playwright/test';
import { generate } from 'otplib';
import { signInAs } from './sign-in';
import { expect, expectAxeClean, switchToEnglish, test } from './fixtures';

/**
 * The public intake as a new visitor lives it: the self-check, the request form (errors explained, then sent), the
 * verification link from the outbox, and the council: its PM sees the request (and a duplicate flagged) and accepts
 * it; the company sets up its account from the invitation and sees its status; another council's PM cannot find it.
 * Keyboard-only submission of the form.
 */

async function verificationLink(page: Page, to: string): Promise<string> {
  const outbox = (await (await page.request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const mail = outbox.items.find((m) => m.to === to && m.text.includes('/consultation/verify#token='));
  const link = /https?:\/\/\S+\/consultation\/verify#token=[\w.-]+/.exec(mail?.text ?? '')?.[0];
  expect(link, 'verification link in the mail').toBeTruthy();
  const url = new URL(link ?? '');
  return url.pathname + url.hash;
}

interface Company {
  readonly corporateNumber: string;
  readonly name: string;
  readonly kana: string;
  readonly email: string;
}

/** Fills the request form (after the 〒 suggestion fills prefecture and town). */
async function fillRequest(page: Page, c: Company): Promise<void> {
  await page.getByRole('textbox', { name: '法人番号（13桁）' }).fill(c.corporateNumber);
  await page.getByRole('textbox', { name: '会社名（屋号）' }).fill(c.name);
  await page.getByRole('textbox', { name: '会社名のフリガナ' }).fill(c.kana);
  await page.getByRole('textbox', { name: '郵便番号' }).fill('100-0005');
  await page.getByRole('button', { name: 'この住所を入力' }).first().click();
  await expect(page.getByRole('combobox', { name: '都道府県' })).toHaveValue('13');
  const address = page.getByRole('textbox', { name: '市区町村・番地' });
  await address.fill(`${await address.inputValue()}1-2-3`);
  await page.getByRole('combobox', { name: '業種（日本標準産業分類）' }).selectOption('24');
  await page.getByRole('textbox', { name: '従業員数（人）' }).fill('25');
  await page.getByRole('textbox', { name: '資本金（円）' }).fill('10,000,000');
  await page.getByRole('combobox', { name: '決算月' }).selectOption('3');
  await page.getByRole('textbox', { name: '年間売上高（円、直近の決算）' }).fill('３００，０００，０００');
  await page.getByRole('textbox', { name: 'お名前' }).fill('丸の内 花子');
  await page.getByRole('textbox', { name: 'メールアドレス' }).fill(c.email);
  await page.getByRole('textbox', { name: '電話番号' }).fill('03-1234-5678');
  await page.getByRole('textbox', { name: 'ご相談内容（自由記述）' }).fill('返済条件の見直しを相談したい');
  await page.getByRole('checkbox', { name: '個人情報の取扱いに同意します' }).check();
  // The server refuses a form sent within 5 s of opening it (a script, not a person); a test types faster than people.
  await page.waitForTimeout(5500);
}

test('a visitor self-checks, asks, verifies; the Tokyo PM sees it with a duplicate flag and accepts; Osaka cannot see it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const first: Company = {
    corporateNumber: '7000012050002',
    name: `丸の内製作所${stamp}`,
    kana: 'マルノウチセイサクショ',
    email: `a.${stamp}@example.jp`,
  };

  // Self-check: tick what applies, choose the prefecture, get a recommendation.
  await page.goto('/consultation');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ご相談の前に（セルフチェック）');
  await page.getByRole('checkbox', { name: '事業を継続しつつ金融支援を得て立て直しを図りたい' }).check();
  await page.getByRole('checkbox', { name: '自社の課題・問題点を客観的に把握したい' }).check();
  await page.getByRole('combobox', { name: '会社（本店）の所在地の都道府県' }).selectOption('13');
  await page.getByRole('button', { name: '結果を見る' }).click();
  await expect(page.getByRole('heading', { name: 'おすすめ: 事業再生支援' })).toBeVisible();
  await expect(page.getByText('東京都中小企業活性化協議会（無料の窓口相談から始まります）')).toBeVisible();
  await expect(page.getByText('確定申告書・決算書（直近3期分）')).toBeVisible();
  await expectAxeClean(page, 'self-check');
  await page.getByRole('button', { name: 'この内容で相談を申し込む' }).click();

  // The form: the self-check answers came along; empty required fields are explained in Japanese.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談のお申込み');
  await expect(page.getByRole('checkbox', { name: '事業を継続しつつ金融支援を得て立て直しを図りたい' })).toBeChecked();
  await expectAxeClean(page, 'request form');
  await page.getByRole('textbox', { name: '法人番号（13桁）' }).fill('1000012050002');
  await page.getByRole('button', { name: '確認メールを送る' }).click();
  await expect(page.getByText('入力内容を確認してください', { exact: false })).toBeVisible();
  await expect(page.getByText('法人番号が正しくありません', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('会社名は1〜100文字で入力してください').first()).toBeVisible();
  await expectAxeClean(page, 'request form with errors');
  await fillRequest(page, first);
  await page.getByRole('button', { name: '確認メールを送る' }).click();
  await expect(page.getByText('確認メールを送りました')).toBeVisible();
  await expect(page.getByText('東京都中小企業活性化協議会へのお申込みを受け付けました', { exact: false })).toBeVisible();

  // The link in the outbox confirms the request, once.
  const link = await verificationLink(page, first.email);
  await page.goto(link);
  await expect(page.getByText('お申込みを確定しました')).toBeVisible();
  await expectAxeClean(page, 'verification');

  // A second request for the same company (same 法人番号, other spelling of the name).
  const second: Company = { ...first, name: `㈱丸の内製作所${stamp}`, email: `b.${stamp}@example.jp`, corporateNumber: '7-0000-1205-0002' };
  await page.goto('/consultation/request');
  await fillRequest(page, second);
  await page.getByRole('button', { name: '確認メールを送る' }).click();
  await expect(page.getByText('確認メールを送りました')).toBeVisible();
  await page.goto(await verificationLink(page, second.email));
  await expect(page.getByText('お申込みを確定しました')).toBeVisible();

  // The Tokyo PM sees both, the second flagged as a possible duplicate, and accepts the first.
  await signInAs(page, 'pm.tokyo@demo.kasseika.jp');
  await page.getByRole('link', { name: '相談受付' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談受付');
  const card = (prefix: string) =>
    page.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(`^${prefix.replace(/[()]/g, '\\$&')}`) }) });
  const firstCard = card(first.name);
  const secondCard = card(`(株)丸の内製作所${stamp}`);
  await expect(secondCard.getByText('重複の可能性')).toBeVisible();
  await expectAxeClean(page, 'intake inbox');
  await firstCard.getByRole('textbox', { name: '判断の理由（記録に残ります）' }).fill('窓口相談で状況を伺う');
  await firstCard.getByRole('button', { name: '受け付ける（窓口相談へ）' }).click();
  await expect(page.getByText(`${first.name}のご相談を受け付けました（窓口相談へ）`)).toBeVisible();
  await expect(firstCard).toHaveCount(0);
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);

  // The company sets up its account from the invitation mail and sees its case's status in plain words.
  const outbox = (await (await page.request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const invitation = /https?:\/\/\S+\/invitations\/accept#token=[A-Za-z0-9_-]+/.exec(
    outbox.items.find((m) => m.to === first.email && m.text.includes('/invitations/accept'))?.text ?? '',
  )?.[0];
  expect(invitation, 'account invitation in the mail').toBeTruthy();
  await page.goto(new URL(invitation ?? '').pathname + new URL(invitation ?? '').hash);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('招待の受諾');
  const password = 'marunouchi e2e pass phrase 2026';
  await page.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill(password);
  await page.getByRole('textbox', { name: '新しいパスワード（確認）' }).fill(password);
  await page.getByRole('button', { name: 'アカウントを作成して次へ' }).click();
  await expect(page).toHaveURL(/\/sign-in\/enrol/);
  await page.getByRole('button', { name: '認証アプリを設定する' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await page.getByRole('textbox', { name: '確認コード（6桁）' }).fill(await generate({ secret }));
  await page.getByRole('button', { name: '確認して登録' }).click();
  await page.getByRole('checkbox', { name: 'リカバリーコードを安全な場所に保存しました' }).check();
  await page.getByRole('button', { name: '保存しました — 利用を開始する' }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await page.getByRole('link', { name: first.name }).click();
  await expect(page.getByTestId('company-case-status')).toHaveText('窓口相談の段階です。担当者と面談し、状況をお聞きしています。');
  await expectAxeClean(page, 'company case status');
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);

  // Osaka's PM does not see it in their inbox nor in their case search.
  await signInAs(page, 'pm.osaka@demo.kasseika.jp');
  await page.goto('/council/intake');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談受付');
  await expect(page.getByText(first.name)).toHaveCount(0);
  await expect(page.getByText(`丸の内製作所${stamp}`, { exact: false })).toHaveCount(0);
});

/** Presses Tab until the target has focus (keyboard-only navigation). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the field with Tab');
}

test('the request form can be filled and sent with the keyboard only', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  await page.goto('/consultation/request');
  await expect(page.getByRole('textbox', { name: '会社名（屋号）' })).toBeVisible();
  const type = async (name: string, text: string) => {
    await tabTo(page, page.getByRole('textbox', { name, exact: true }));
    await page.keyboard.type(text);
  };
  const choose = async (name: string, value: string) => {
    const select = page.getByRole('combobox', { name, exact: true });
    await tabTo(page, select);
    // A focused <select> changes with the arrow keys / typed characters; selectOption stands in for that choice.
    await select.selectOption(value);
  };
  await type('会社名（屋号）', `キーボード商店${stamp}`);
  await type('会社名のフリガナ', 'きーぼーどしょうてん');
  await type('郵便番号', '1000005');
  await choose('都道府県', '13');
  await type('市区町村・番地', '千代田区丸の内1-1');
  await choose('業種（日本標準産業分類）', '58');
  await type('従業員数（人）', '3');
  await choose('決算月', '12');
  await type('年間売上高（円、直近の決算）', '40000000');
  await type('お名前', 'キー 太郎');
  await type('メールアドレス', `kb.${stamp}@example.jp`);
  await type('電話番号', '0312345678');
  await tabTo(page, page.getByRole('checkbox', { name: '個人情報の取扱いに同意します' }));
  await page.keyboard.press('Space');
  await page.waitForTimeout(5500); // the minimum fill time (see fillRequest)
  await tabTo(page, page.getByRole('button', { name: '確認メールを送る' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('確認メールを送りました')).toBeVisible();
});

test('the self-check and the request form are complete in English', async ({ page }) => {
  await page.goto('/consultation');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Before you ask (self-check)');
  await page.getByRole('checkbox', { name: 'If recovery is not possible, I want support for a fresh start' }).check();
  await page.getByRole('button', { name: 'See the result' }).click();
  await expect(page.getByRole('heading', { name: 'Suggested: Re-challenge support' })).toBeVisible();
  await expectAxeClean(page, 'self-check (English)');
  await page.getByRole('button', { name: 'Ask for a consultation with these answers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask for a consultation');
  await page.getByRole('button', { name: 'Send the confirmation mail' }).click();
  await expect(page.getByText('Enter the 7-digit postal code (e.g. 100-0005)').first()).toBeVisible();
  await expectAxeClean(page, 'request form with errors (English)');
});
