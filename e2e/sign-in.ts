import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { generate } from 'otplib';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../apps/server/src/seed/demo-accounts';
import { expect } from './fixtures';

/**
 * Signing in as the demo accounts, shared by the journeys. A TOTP code is accepted once per account, so the step
 * last used for each account is remembered in a file: it survives Playwright restarting its worker after a
 * failure, and spec files running one after another never replay a code.
 */
const stepsFile = join(tmpdir(), `kasseika-e2e-totp-steps-${process.env.KASSEIKA_E2E_PORT ?? '3210'}.json`);

function lastSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(stepsFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/** The demo account's current TOTP code, waiting for a fresh 30 s step when this one was used already. */
export async function totpFor(email: string): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  if ((lastSteps()[email] ?? -1) >= step) {
    await new Promise((r) => setTimeout(r, (step + 1) * 30_000 - Date.now() + 500));
    step = Math.floor(Date.now() / 30_000);
  }
  writeFileSync(stepsFile, JSON.stringify({ ...lastSteps(), [email]: step }));
  return generate({ secret: DEMO_TOTP_SECRET });
}

export const demoEmail = (local: string) => `${local}@demo.kasseika.jp`;

/** Signs in with password and TOTP through the pages, and waits until the landing page has its data. */
export async function signInAs(page: Page, address: string): Promise<void> {
  // Already on the sign-in page (after signing out): stay, so its own requests are not cut short by a navigation.
  if (new URL(page.url()).pathname !== '/sign-in') await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'メールアドレス', exact: true }).fill(address);
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  await page.getByRole('textbox', { name: '確認コード（6桁）' }).fill(await totpFor(address));
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  if (new URL(page.url()).pathname === '/cases') await expect(page.getByTestId('case-count')).not.toBeEmpty();
}

export async function signOutOf(page: Page): Promise<void> {
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);
  await expect(page.getByText('サインアウトしました')).toBeVisible();
  await page.waitForLoadState('networkidle');
}

/**
 * Accepts an emailed invitation in a fresh browser context (the invitee's own browser): password, TOTP enrolment,
 * recovery codes. Returns the invitee's page, signed in on the case list.
 */
export async function acceptInvitation(browser: Browser, link: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  const url = new URL(link);
  await page.goto(url.pathname + url.hash);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('招待の受諾');
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
  return page;
}
