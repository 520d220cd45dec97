import type { APIRequestContext, Page } from '@playwright/test';
import { generate } from 'otplib';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo-accounts';
import { expect, expectAxeClean, switchToEnglish, test } from './fixtures';
import { totpFor } from './sign-in';

/**
 * Identity, access and confidentiality, as users live it: sign-in with a second factor, enrolment of a new staff
 * member from an emailed invitation, passkeys (Chromium's virtual authenticator), what banks and companies can
 * see, the company's "who accessed my case", sessions, the idle warning and a keyboard-only sign-in.
 */

const email = (local: string) => `${local}@demo.kasseika.jp`;
const emailField = (page: Page) => page.getByRole('textbox', { name: 'メールアドレス', exact: true });
const passwordField = (page: Page) => page.getByRole('textbox', { name: 'パスワード', exact: true });
const codeField = (page: Page) => page.getByRole('textbox', { name: '確認コード（6桁）' });

async function signIn(page: Page, address: string): Promise<void> {
  await page.goto('/sign-in');
  await emailField(page).fill(address);
  await passwordField(page).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  await codeField(page).fill(await totpFor(address));
  await page.getByRole('button', { name: '確認する' }).click();
  await expectLanded(page);
}

/** Signed in and the landing page's data has arrived (a navigation now would not cut a request short). */
async function expectLanded(page: Page): Promise<void> {
  await expect(page).not.toHaveURL(/\/sign-in/);
  if (new URL(page.url()).pathname === '/cases') await expect(page.getByTestId('case-count')).not.toBeEmpty();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);
  await expect(page.getByText('サインアウトしました')).toBeVisible();
}

/** The id of a case as its council sees it (list → detail page URL). */
async function caseIdOf(page: Page, companyName: string): Promise<string> {
  await page.goto('/cases');
  await page.getByRole('link', { name: companyName }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

/** Signs a second session in through the API (as another device would). */
async function signInByApi(request: APIRequestContext, address: string): Promise<void> {
  const csrf = async () => ((await (await request.get('/api/v1/auth/session')).json()) as { csrfToken: string }).csrfToken;
  const first = await request.post('/api/v1/auth/sign-in', {
    headers: { 'x-csrf-token': await csrf() },
    data: { email: address, password: DEMO_PASSWORD },
  });
  expect(first.status()).toBe(200);
  const second = await request.post('/api/v1/auth/second-factor', {
    headers: { 'x-csrf-token': await csrf() },
    data: { method: 'totp', code: await totpFor(address) },
  });
  expect(second.status()).toBe(200);
}

test('a PM signs in with password and TOTP, sees only Tokyo cases; wrong password and reused codes are explained', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // An Osaka case id, as Osaka's PM sees it (in a separate browser).
  const osaka = await browser.newContext();
  const osakaPage = await osaka.newPage();
  await signIn(osakaPage, email('pm.osaka'));
  const osakaCaseId = await caseIdOf(osakaPage, '株式会社見本工業');
  await osaka.close();

  await page.goto('/cases');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcases/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('サインイン');
  await expectAxeClean(page, 'sign-in');

  await emailField(page).fill(email('pm.tokyo'));
  await passwordField(page).fill('not the password');
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('メールアドレスまたはパスワードが正しくありません');
  await expect(emailField(page)).toHaveValue(email('pm.tokyo'));
  await expect(passwordField(page)).toBeFocused();
  await expectAxeClean(page, 'sign-in with an error');

  await passwordField(page).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify\?next=%2Fcases/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2段階認証');
  await expectAxeClean(page, 'second factor');
  await codeField(page).fill('000000');
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page.getByText(/確認コードが正しくないか、有効期限が切れています/)).toBeVisible();
  await expect(codeField(page)).toHaveAttribute('aria-invalid', 'true');
  const code = await totpFor(email('pm.tokyo'));
  await codeField(page).fill(code);
  await page.getByRole('button', { name: '確認する' }).click();

  // Back where the user wanted to go: the Tokyo cases only.
  await expect(page).toHaveURL(/\/cases$/);
  // Three demo cases (DEMO-13-0003 is the creditor-coordination case) and the two demo consultation requests awaiting a
  // decision (intake, seed/demo-intake.ts).
  await expect(page.getByTestId('case-count')).toHaveText('5件の案件');
  const table = page.getByTestId('case-table');
  await expect(table).toContainText('DEMO-13-0001');
  await expect(table).toContainText('DEMO-13-0002');
  await expect(table).not.toContainText('DEMO-27');
  await expect(page.getByTestId('account-menu-button')).toContainText('東京 統括責任者（デモ）');
  await expect(page.getByTestId('account-menu-button')).toContainText('東京都中小企業活性化協議会');
  await expectAxeClean(page, 'cases');

  await page.getByRole('searchbox', { name: '企業名・フリガナ・案件番号・法人番号' }).fill('見本工業');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page.getByTestId('case-count')).toHaveText('「見本工業」に一致する案件はありません');

  // Opening a case: an empty name is explained, then the new case opens.
  await page.getByRole('button', { name: '新しい案件' }).click();
  await page.getByRole('button', { name: '案件を作成' }).click();
  await expect(page.getByText('会社名は1〜100文字で入力してください')).toBeVisible();
  await page.getByRole('textbox', { name: '相談企業の名称' }).fill('株式会社イーツーイー工業');
  await page.getByRole('button', { name: '案件を作成' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('株式会社イーツーイー工業');
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);

  await page.goto(`/cases/${osakaCaseId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件が見つかりません');
  await expectAxeClean(page, 'case not found');

  // Sign out and try the same code again: refused, with the reason.
  await signOut(page);
  await expect(emailField(page)).toHaveValue('');
  await emailField(page).fill(email('pm.tokyo'));
  await passwordField(page).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await codeField(page).fill(code);
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page.getByText(/同じコードは一度しか使えません/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/verify/);

  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-step verification');
  await expectAxeClean(page, 'second factor (en)');
});

test('a council admin invites a staff member, who accepts, sets a password, enrols TOTP and lands signed in', async ({ page, request }) => {
  test.setTimeout(120_000);
  const invitee = `new.staff.${Date.now()}@demo.kasseika.jp`;
  await signIn(page, email('admin.tokyo'));
  await page.getByRole('navigation', { name: '業務メニュー' }).getByRole('link', { name: '協議会メンバー' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('協議会メンバー');
  await expect(page.getByTestId('member-table')).toContainText('staff.tokyo@demo.kasseika.jp');
  await expectAxeClean(page, 'council members');

  // Roles: add SM to the staff member, then take it away again.
  const staffRow = page.getByTestId('member-table').getByRole('row').filter({ hasText: 'staff.tokyo@demo.kasseika.jp' });
  await page.getByRole('button', { name: '東京 職員（デモ） さんの役割を変更' }).click();
  const rolesDialog = page.getByRole('dialog', { name: '東京 職員（デモ） さんの役割' });
  await rolesDialog.getByRole('checkbox', { name: '統括責任者補佐（SM）' }).check();
  await expectAxeClean(page, 'roles dialog');
  await rolesDialog.getByRole('button', { name: '保存する' }).click();
  await expect(staffRow).toContainText('統括責任者補佐（SM）、職員');
  await page.getByRole('button', { name: '東京 職員（デモ） さんの役割を変更' }).click();
  await rolesDialog.getByRole('checkbox', { name: '統括責任者補佐（SM）' }).uncheck();
  await rolesDialog.getByRole('checkbox', { name: '職員' }).uncheck();
  await rolesDialog.getByRole('button', { name: '保存する' }).click();
  await expect(rolesDialog.getByText('役割を1つ以上選んでください')).toBeVisible();
  await rolesDialog.getByRole('checkbox', { name: '職員' }).check();
  await rolesDialog.getByRole('button', { name: '保存する' }).click();
  await expect(rolesDialog).toBeHidden();
  await expect(staffRow.getByRole('cell').nth(0)).toHaveText('職員');
  // Disable, then enable again.
  await page.getByRole('button', { name: '東京 職員（デモ） さんを無効にする' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '無効にする' }).click();
  await expect(page.getByText('東京 職員（デモ） さんを無効にしました')).toBeVisible();
  await expect(staffRow.getByRole('cell').nth(1)).toContainText('無効');
  await page.getByRole('button', { name: '東京 職員（デモ） さんを有効にする' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '有効にする' }).click();
  await expect(page.getByText('東京 職員（デモ） さんを有効にしました')).toBeVisible();
  await expect(staffRow.getByRole('cell').nth(1)).toContainText('有効');

  // A bad address is explained next to the field and what was typed stays.
  await page.getByRole('textbox', { name: '氏名' }).fill('新任 職員（テスト）');
  await page.getByRole('textbox', { name: 'メールアドレス' }).fill('new.staff@');
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(page.getByText('メールアドレスを正しい形式で入力してください（例: taro@example.jp）')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '氏名' })).toHaveValue('新任 職員（テスト）');
  await page.getByRole('textbox', { name: 'メールアドレス' }).fill(invitee);
  await expect(page.getByRole('checkbox', { name: '職員' })).toBeChecked();
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(page.getByText(`${invitee} に招待メールを送りました`)).toBeVisible();
  await expect(page.getByTestId('pending-invitations')).toContainText(invitee);

  const outbox = (await (await request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const mail = outbox.items.find((m) => m.to === invitee);
  const link = /https?:\/\/\S+\/invitations\/accept#token=[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
  expect(link, 'invitation link in the mail').toBeTruthy();
  await signOut(page);

  await page.goto(new URL(link ?? '').pathname + new URL(link ?? '').hash);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('招待の受諾');
  await expect(page.getByText('東京都中小企業活性化協議会', { exact: true })).toBeVisible();
  // The token left the address bar at once.
  await expect(page).toHaveURL(/\/invitations\/accept$/);
  await expect(page.getByRole('textbox', { name: '氏名' })).toHaveValue('新任 職員（テスト）');
  await expectAxeClean(page, 'accept invitation');
  await page.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill('short');
  await page.getByRole('textbox', { name: '新しいパスワード（確認）' }).fill('short');
  await page.getByRole('button', { name: 'アカウントを作成して次へ' }).click();
  await expect(page.getByText('パスワードは12文字以上128文字以内で設定してください')).toBeVisible();
  const password = 'kasseika e2e pass phrase 2026';
  await page.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill(password);
  await page.getByRole('textbox', { name: '新しいパスワード（確認）' }).fill(password);
  await page.getByRole('button', { name: 'アカウントを作成して次へ' }).click();

  await expect(page).toHaveURL(/\/sign-in\/enrol/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2段階認証の設定');
  await expectAxeClean(page, 'enrolment choice');
  await page.getByRole('button', { name: '認証アプリを設定する' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByRole('img', { name: /QRコード/ })).toBeVisible();
  await expectAxeClean(page, 'TOTP enrolment');
  await codeField(page).fill(await generate({ secret }));
  await page.getByRole('button', { name: '確認して登録' }).click();

  await expect(page.getByRole('heading', { name: 'リカバリーコード' })).toBeVisible();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await expectAxeClean(page, 'recovery codes');
  await page.getByRole('button', { name: '保存しました — 利用を開始する' }).click();
  await expect(page.getByText('保存したことを確認して、チェックを入れてください')).toBeVisible();
  await page.getByRole('checkbox', { name: 'リカバリーコードを安全な場所に保存しました' }).check();
  await page.getByRole('button', { name: '保存しました — 利用を開始する' }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByTestId('account-menu-button')).toContainText('新任 職員（テスト）');
  await expect(page.getByTestId('case-table')).toContainText('DEMO-13-0001');
  await expect(page.getByTestId('case-table')).not.toContainText('DEMO-27');
});

test('a staff member registers a passkey, then signs in with it without a password', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await signIn(page, email('staff.tokyo'));
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('アカウント設定');
  await expectAxeClean(page, 'account');
  await page.getByRole('button', { name: 'パスキーを追加' }).click();
  await page.getByRole('textbox', { name: 'パスキーの名前' }).fill('業務用PC（e2e）');
  await page.getByRole('button', { name: 'この端末でパスキーを登録' }).click();
  // The account had no recovery codes yet: its new ones are shown once.
  await expect(page.getByRole('heading', { name: 'リカバリーコード' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'リカバリーコードを安全な場所に保存しました' }).check();
  await page.getByRole('button', { name: '保存しました — 設定に戻る' }).click();
  await expect(page.getByTestId('passkey-list')).toContainText('業務用PC（e2e）');
  await expect(page.getByTestId('recovery-remaining')).toHaveText('残り 10 個');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]?.isResidentCredential).toBe(true);
  await expectAxeClean(page, 'account with a passkey');

  await signOut(page);
  await page.getByRole('button', { name: 'パスキーでサインイン' }).click();
  await expect(page).toHaveURL(/\/cases$/);
  await expectLanded(page);
  await expect(page.getByTestId('account-menu-button')).toContainText('東京 職員（デモ）');
  await page.goto('/account');
  await expect(page.getByTestId('passkey-list')).toContainText('最終利用');
  await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
});

test('bank officers see only the cases granted to them', async ({ page }) => {
  await signIn(page, email('bank'));
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByTestId('case-count')).toHaveText('1件の案件');
  await expect(page.getByTestId('case-table')).toContainText('DEMO-13-0001');
  await expect(page.getByTestId('case-table')).toContainText('金融機関');
  await page.getByRole('link', { name: '株式会社デモ精工' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('株式会社デモ精工');
  await expect(page.getByText('この案件の関係者情報は、協議会が管理しています')).toBeVisible();
  await expectAxeClean(page, 'case detail (bank)');
  await signOut(page);

  await signIn(page, email('bank2'));
  await expect(page.getByTestId('case-count')).toHaveText('表示できる案件はありません');
  await expect(page.getByText('参加している案件はまだありません')).toBeVisible();
  await expect(page.getByTestId('case-table')).toHaveCount(0);
  await expectAxeClean(page, 'cases (no grants)');
});

test('the company sees who accessed its case, including the PM’s view; staff see the team', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, email('pm.tokyo'));
  await page.goto('/cases');
  await page.getByRole('link', { name: '株式会社デモ精工' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('株式会社デモ精工');
  await expect(page.getByTestId('grant-list')).toContainText('デモ銀行 融資担当（デモ）');
  await expectAxeClean(page, 'case detail (staff)');
  await signOut(page);

  await signIn(page, email('company.tokyo'));
  await expect(page.getByTestId('case-count')).toHaveText('1件の案件');
  await page.getByRole('link', { name: '株式会社デモ精工' }).click();
  await page.getByRole('link', { name: '誰が閲覧したか' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('誰が閲覧したか');
  const pmRow = page.getByTestId('access-log').getByRole('row').filter({ hasText: '東京 統括責任者（デモ）' }).first();
  await expect(pmRow).toContainText('案件を閲覧');
  await expect(pmRow).toContainText('統括責任者（PM）');
  await expect(pmRow).toContainText('成功');
  await expect(pmRow).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  await expectAxeClean(page, 'access log (company)');
});

test('council staff invite a bank to a case and revoke a lawyer’s access with a reason', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, email('pm.osaka'));
  await page.getByRole('link', { name: '株式会社見本工業' }).click();
  await expect(page.getByTestId('grant-list')).toContainText('弁護士 法務 花子（デモ）');

  await page.getByRole('combobox', { name: '案件での立場' }).selectOption('bank');
  await page.getByRole('textbox', { name: '所属先の名称' }).fill('株式会社イーツーイー銀行');
  await page.getByRole('textbox', { name: '氏名' }).fill('融資 担当（テスト）');
  const banker = `banker.${Date.now()}@example.jp`;
  await page.getByRole('textbox', { name: 'メールアドレス' }).fill(banker);
  await page.getByRole('textbox', { name: '金融機関コード（4桁）' }).fill('12a');
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(page.getByText('金融機関コードは4桁の数字で入力してください')).toBeVisible();
  // A bank the company has not consented to share the case with cannot be invited (REFERENCE §1.3).
  await page.getByRole('textbox', { name: '金融機関コード（4桁）' }).fill('9977');
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(page.getByText('会社がこの金融機関への守秘義務の解除に同意していません。同意の後で招待できます')).toBeVisible();
  // The demo company consented for 三井住友 (0009).
  await page.getByRole('textbox', { name: '金融機関コード（4桁）' }).fill('0009');
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(page.getByText(`${banker} に招待メールを送りました`)).toBeVisible();
  await expect(page.getByText(`${banker}（金融機関）`)).toBeVisible();
  await expectAxeClean(page, 'case team with an invitation');

  await page.getByRole('button', { name: '弁護士 法務 花子（デモ） のアクセスを取り消す' }).click();
  const dialog = page.getByRole('alertdialog', { name: /のアクセスを取り消しますか/ });
  await dialog.getByRole('button', { name: '取り消す' }).click();
  await expect(dialog.getByText('理由を500文字以内で入力してください')).toBeVisible();
  await expectAxeClean(page, 'revoke dialog');
  await dialog.getByRole('textbox', { name: '取り消しの理由' }).fill('支援の終了（e2e）');
  await dialog.getByRole('button', { name: '取り消す' }).click();
  await expect(page.getByText('弁護士 法務 花子（デモ） さんのアクセスを取り消しました')).toBeVisible();
  await expect(page.getByTestId('grant-list')).not.toContainText('弁護士 法務 花子（デモ）');
  await expect(page.getByText('取り消し済みのアクセス（1件）')).toBeVisible();
});

test('the account page lists sessions and signs out everywhere (a refused CSRF token is renewed once)', async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page, email('sm.tokyo'));
  await signInByApi(request, email('sm.tokyo'));
  await page.goto('/account');
  const sessions = page.getByTestId('session-list').getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'この端末' })).toHaveCount(1);
  await expect(sessions.filter({ hasNotText: 'この端末' }).getByRole('button', { name: 'このセッションを終了' })).toBeVisible();

  // The CSRF secret cookie is gone (e.g. cleared by the browser): the first POST is refused, the app renews it.
  await page.context().clearCookies({ name: '__Host-kasseika.csrf' });
  await page.getByRole('button', { name: 'すべての端末からサインアウト' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'すべての端末からサインアウトしますか？' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'キャンセル' })).toBeFocused();
  await expectAxeClean(page, 'sign out everywhere dialog');
  await dialog.getByRole('button', { name: 'すべての端末からサインアウト' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOutEverywhere/);
  await expect(page.getByText('すべての端末からサインアウトしました')).toBeVisible();
  const other = (await (await request.get('/api/v1/auth/session')).json()) as { state: string };
  expect(other.state).toBe('anonymous');
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount/);
});

test('the idle warning appears before the timeout, extends the session, and a timeout keeps the email', async ({ page }) => {
  await page.clock.install();
  await signIn(page, email('sm.osaka'));
  await expect(page).toHaveURL(/\/cases$/);
  const warning = page.getByRole('alertdialog', { name: 'まもなく自動的にサインアウトします' });
  await page.clock.fastForward('20:00');
  await expect(warning).toBeHidden();
  await page.clock.fastForward('05:00');
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('button', { name: '延長する' })).toBeFocused();
  await expect(page.getByTestId('idle-countdown')).toHaveText(/^[0-4]:\d{2}$/);
  // Tab stays inside the dialog.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(warning.getByRole('button', { name: '延長する' })).toBeFocused();
  await expectAxeClean(page, 'idle warning');
  const extended = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/session/extend') && r.status() === 200);
  await warning.getByRole('button', { name: '延長する' }).click();
  await extended;
  await expect(warning).toBeHidden();
  await page.clock.fastForward('20:00');
  await expect(warning).toBeHidden();

  // No answer this time: signed out, with a polite message, back to the page after signing in, email kept.
  await page.clock.fastForward('05:00');
  await expect(warning).toBeVisible();
  await page.clock.fastForward('05:00');
  await expect(page).toHaveURL(/\/sign-in\?reason=idle&next=%2Fcases/);
  await expect(page.getByText('一定時間操作がなかったため、安全のため自動的にサインアウトしました')).toBeVisible();
  await expect(emailField(page)).toHaveValue(email('sm.osaka'));
});

test('a failed sign-in at the OpenID Connect provider is explained on the sign-in page', async ({ page }) => {
  // The server sends the browser back here with a code (never the provider's own text).
  await page.goto('/sign-in?oidc=no_account');
  await expect(page.getByRole('alert')).toContainText('このメールアドレスの利用者登録がありません');
  // No provider is configured in this environment: no provider button.
  await expect(page.getByRole('link', { name: /でサインイン$/ })).toHaveCount(0);
  await expectAxeClean(page, 'sign-in with an OpenID Connect error');
});

test('keyboard only: sign in with Tab and Enter', async ({ page }) => {
  await page.goto('/sign-in');
  const focus = async (target: ReturnType<Page['getByRole']>) => {
    for (let i = 0; i < 25 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
  };
  await focus(emailField(page));
  await page.keyboard.type(email('staff.osaka'));
  await page.keyboard.press('Tab');
  await expect(passwordField(page)).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await focus(codeField(page));
  await page.keyboard.type(await totpFor(email('staff.osaka')));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // The account menu opens and closes from the keyboard.
  await focus(page.getByTestId('account-menu-button'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'アカウント設定' }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('account-menu-button')).toBeFocused();
  await expect(page.getByTestId('account-menu-button')).toHaveAttribute('aria-expanded', 'false');
});

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the sign-in, cases, case and account pages fit the screen', async ({ page }) => {
    const fits = async (label: string) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
      await expectAxeClean(page, `${label} at 360px`);
    };
    await page.goto('/sign-in');
    await fits('sign-in');
    await signIn(page, email('expert'));
    await expect(page.getByTestId('case-count')).toHaveText('1件の案件');
    await fits('cases');
    await page.getByRole('link', { name: '株式会社デモ精工' }).click();
    await fits('case detail');
    await page.getByRole('navigation', { name: '業務メニュー' }).getByRole('link', { name: 'アカウント設定' }).click();
    await expect(page.getByTestId('session-list')).toBeVisible();
    await fits('account');
  });
});
