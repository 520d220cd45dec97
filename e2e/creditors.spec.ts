import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test } from './fixtures';
import { acceptInvitation, demoEmail, signInAs } from './sign-in';

/**
 * Creditor coordination as the people involved live it (issue 7): the company lifts confidentiality for three banks;
 * the council invites them; they accept; two consent to version 1; the plan changes and their consents are void;
 * all three consent to version 2; the plan takes effect. A bank invited to a different case and a bank without the
 * company's consent see nothing.
 */

const email = demoEmail;
const signIn = signInAs;

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);
}

test('three banks consent after the company lifts confidentiality; a new version voids consents; unanimity makes the plan effective', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  // The company consents, per bank, to share its case.
  await signIn(page, email('company2.tokyo'));
  await page.getByRole('link', { name: '株式会社デモ再生' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.getByRole('link', { name: '債権者と計画' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('債権者と計画');
  await expect(page.getByText('まだ同意した金融機関はありません。')).toBeVisible();
  await expectAxeClean(page, 'creditors page (company)');
  for (const code of ['0001', '0005', '0009']) {
    await page.getByRole('textbox', { name: '金融機関コード（4桁）' }).fill(code);
    await page.getByRole('button', { name: '同意する', exact: true }).click();
    await expect(page.getByText('同意を記録しました')).toBeVisible();
    await expect(page.getByTestId('lift-list')).toContainText(`（${code}）`);
  }
  await expect(page.getByTestId('lift-list').getByRole('listitem')).toHaveCount(3);
  await signOut(page);

  // The council invites the three banks (a bank without consent is refused).
  await signIn(page, email('pm.tokyo'));
  await page.goto(`/cases/${caseId}`);
  const invite = async (code: string, org: string, address: string) => {
    await page.getByRole('combobox', { name: '案件での立場' }).selectOption('bank');
    await page.getByRole('textbox', { name: '所属先の名称' }).fill(org);
    await page.getByRole('textbox', { name: '氏名' }).fill(`${org} 融資担当`);
    await page.getByRole('textbox', { name: 'メールアドレス' }).fill(address);
    await page.getByRole('textbox', { name: '金融機関コード（4桁）' }).fill(code);
    await page.getByRole('button', { name: '招待メールを送る' }).click();
  };
  const stamp = Date.now();
  await invite('9902', 'サンプル信用金庫', `nolift.${stamp}@example.jp`);
  await expect(page.getByText('会社がこの金融機関への守秘義務の解除に同意していません。同意の後で招待できます')).toBeVisible();
  const banks = [
    { code: '0001', org: 'みずほ銀行', address: `mizuho.${stamp}@example.jp` },
    { code: '0005', org: '三菱UFJ銀行', address: `mufg.${stamp}@example.jp` },
    { code: '0009', org: '三井住友銀行', address: `smbc.${stamp}@example.jp` },
  ];
  for (const b of banks) {
    await invite(b.code, b.org, b.address);
    await expect(page.getByText(`${b.address} に招待メールを送りました`, { exact: false })).toBeVisible();
  }
  const outbox = (await (await request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const bankPages: Page[] = [];
  for (const b of banks) {
    const mail = outbox.items.find((m) => m.to === b.address);
    const link = /https?:\/\/\S+\/invitations\/accept#token=[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
    expect(link, `invitation for ${b.address}`).toBeTruthy();
    bankPages.push(await acceptInvitation(browser, link ?? '', `bank pass phrase ${b.code} 2026`));
  }

  // The council submits version 1.
  await page.getByRole('link', { name: '債権者と計画' }).click();
  await expect(page.getByTestId('creditor-table')).toContainText('三井住友（0009）');
  await page.getByRole('textbox', { name: '表題' }).fill('再生計画（案）');
  await page.getByRole('textbox', { name: '計画の概要' }).fill('不採算部門を縮小し、3年で経常黒字化する。');
  await page.getByRole('textbox', { name: '月額返済の総額（円）' }).fill('1000000');
  await page.getByRole('button', { name: 'この内容で新しい版を提示する' }).click();
  await expect(page.getByText('新しい版を提示しました')).toBeVisible();
  await expect(page.getByTestId('current-version')).toContainText('第1版: 再生計画（案）');
  await expect(page.getByTestId('consent-summary')).toHaveText('未同意の対象債権者: 3行');
  await expectAxeClean(page, 'creditors page (council)');

  // Two banks consent to version 1.
  const consent = async (p: Page, n: number) => {
    await p.goto(`/cases/${caseId}/creditors`);
    await expect(p.getByTestId('current-version')).toContainText(`第${n}版`);
    await p.getByRole('button', { name: `第${n}版に同意する` }).click();
    await expect(p.getByText(`第${n}版への同意を記録しました`)).toBeVisible();
    await expect(p.getByTestId('consent-list')).toContainText('同意済み');
  };
  await consent(bankPages[0]!, 1);
  await expectAxeClean(bankPages[0]!, 'creditors page (bank)');
  // A bank sees only its own answer.
  await expect(bankPages[0]!.getByTestId('consent-list').getByRole('listitem')).toHaveCount(1);
  // The bank's 同意書 names the version; it downloads as a PDF.
  const download = bankPages[0]!.waitForEvent('download');
  await bankPages[0]!.getByRole('link', { name: 'みずほ の同意書（PDF）' }).click();
  expect((await download).suggestedFilename()).toMatch(/^同意書_DEMO-13-0003_第1版_0001\.pdf$/);
  await consent(bankPages[1]!, 1);
  await page.reload();
  await expect(page.getByTestId('consent-summary')).toHaveText('未同意の対象債権者: 1行');

  // The plan changes: version 2 voids the consents.
  await page.getByRole('textbox', { name: '計画の概要' }).fill('不採算部門を縮小し、役員報酬を減額して3年で経常黒字化する。');
  await page.getByRole('button', { name: 'この内容で新しい版を提示する' }).click();
  await expect(page.getByTestId('current-version')).toContainText('第2版');
  await expect(page.getByTestId('consent-summary')).toHaveText('未同意の対象債権者: 3行');

  // All three consent to version 2; the council records that the plan takes effect.
  for (const p of bankPages) await consent(p, 2);
  await page.reload();
  await expect(page.getByTestId('consent-summary')).toHaveText('全ての対象債権者がこの版に同意しています');
  await page.getByRole('textbox', { name: '記録する理由' }).fill('全対象債権者の同意（第2版）');
  await page.getByRole('button', { name: '計画成立として記録する' }).click();
  await expect(page.getByText('計画が成立しました（第2版をモニタリングの基準として固定）')).toBeVisible();
  // The case has moved on: the action is gone once the case detail has been read again.
  await expect(page.getByRole('button', { name: '計画成立として記録する' })).toHaveCount(0);
  await expectAxeClean(page, 'plan effective');
  for (const p of bankPages) await p.context().close();
  await signOut(page);

  // A bank invited to a different case, and a bank without the company's consent, see nothing.
  for (const who of ['bank', 'bank2']) {
    await signIn(page, email(who));
    await page.goto(`/cases/${caseId}/creditors`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件が見つかりません');
    await page.goto('/cases');
    await expect(page.getByTestId('case-count')).not.toBeEmpty();
    await expect(page.getByText('DEMO-13-0003')).toHaveCount(0);
    await signOut(page);
  }
});

test('keyboard only: the company consents to share with a bank and revokes it', async ({ page }) => {
  await signIn(page, email('company2.tokyo'));
  await page.getByRole('link', { name: '株式会社デモ再生' }).click();
  await page.getByRole('link', { name: '債権者と計画' }).click();
  const field = page.getByRole('textbox', { name: '金融機関コード（4桁）' });
  await field.focus();
  await page.keyboard.type('0010');
  await page.keyboard.press('Enter');
  await expect(page.getByText('同意を記録しました')).toBeVisible();
  const revoke = page.getByRole('button', { name: 'りそな への同意を撤回する' });
  await expect(revoke).toBeEnabled();
  await revoke.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('りそな への同意を撤回しました')).toBeVisible();
  await expectAxeClean(page, 'creditors page after revoking');
});
