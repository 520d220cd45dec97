import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test } from './fixtures';
import { acceptInvitation, demoEmail, signInAs } from './sign-in';

/**
 * バンクミーティング (issue 7): the company consents to share its case with りそな (0010); the council records the
 * creditor, submits plan version 1 and invites the bank; the PM schedules a meeting for the current version; the bank
 * sees it and downloads the materials PDF; the PM records attendance and minutes; the bank reads the minutes. A bank
 * that is not a creditor sees no meeting; a bank without the company's consent does not see the case.
 */

const email = demoEmail;
const signIn = signInAs;

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);
}

/** A JSON call of the signed-in page's session (with its CSRF token): the setup steps the journey does not test. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' } })).json()) as {
        csrfToken: string;
      };
      const res = await fetch(path, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const json: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
      return { status: res.status, json };
    },
    { method, path, body },
  );
}

/** `YYYY-MM-DDTHH:mm` in Japan time, `days` from now. */
const jstLocal = (days: number) => new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 16);

test('the council schedules a bank meeting for the current version; the bank reads the materials and the minutes', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  // The company consents to share its case with りそな (0010).
  await signIn(page, email('company.tokyo'));
  await page.getByRole('link', { name: '株式会社デモ精工' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.waitForLoadState('networkidle');
  expect(
    (await api(page, 'POST', `/api/v1/cases/${caseId}/confidentiality-lifts`, { bankCode: '0010', documentSets: ['plan'] })).status,
  ).toBe(201);
  await signOut(page);

  // The council records the creditor and its loan, submits version 1, and invites the bank.
  await signIn(page, email('pm.tokyo'));
  await page.goto(`/cases/${caseId}`);
  await page.waitForLoadState('networkidle');
  const added = await api(page, 'POST', `/api/v1/cases/${caseId}/creditors`, { bankCode: '0010' });
  expect(added.status).toBe(201);
  const creditorId = (added.json as { items: { id: string; bankCode: string }[] }).items.find((c) => c.bankCode === '0010')?.id ?? '';
  expect(
    (
      await api(page, 'POST', `/api/v1/cases/${caseId}/creditors/${creditorId}/loans`, {
        label: '運転資金',
        balance: 40_000_000,
        annualRatePercent: 1.5,
        monthlyRepayment: 400_000,
      })
    ).status,
  ).toBe(201);
  const plan = await api(page, 'POST', `/api/v1/cases/${caseId}/plan/versions`, {
    title: '再生計画（案）',
    summary: '不採算部門を縮小し、3年で経常黒字化する。',
    supportMeasures: ['reschedule'],
    planYears: 5,
    monthlyRepaymentTotal: 300_000,
    proRataMethod: 'balance',
  });
  expect(plan.status).toBe(201);
  const submitted = (plan.json as { current: { sha256: string; versionNo: number } }).current;
  const sha256 = submitted.sha256;
  // Other journeys may have put versions on this demo case before: the new one is the latest, whatever its number.
  const v = submitted.versionNo;
  const address = `resona.${Date.now()}@example.jp`;
  await page.getByRole('combobox', { name: '案件での立場' }).selectOption('bank');
  await page.getByRole('textbox', { name: '所属先の名称' }).fill('りそな銀行');
  await page.getByRole('textbox', { name: '氏名' }).fill('りそな銀行 融資担当');
  await page.getByRole('textbox', { name: 'メールアドレス' }).fill(address);
  await page.getByRole('textbox', { name: '金融機関コード（4桁）' }).fill('0010');
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(page.getByText(`${address} に招待メールを送りました`, { exact: false })).toBeVisible();
  const outbox = (await (await request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const link = /https?:\/\/\S+\/invitations\/accept#token=[A-Za-z0-9_-]+/.exec(outbox.items.find((m) => m.to === address)?.text ?? '')?.[0];
  expect(link).toBeTruthy();
  const bank = await acceptInvitation(browser, link ?? '', 'bank pass phrase 0010 2026');

  // The PM schedules a meeting (held yesterday) for the current version, from the creditors page.
  await page.goto(`/cases/${caseId}/creditors`);
  await page.getByRole('link', { name: 'バンクミーティング' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('バンクミーティング');
  await expect(page.getByText('バンクミーティングはまだ予定されていません。')).toBeVisible();
  await expect(page.getByText(`最新の第${v}版について、その対象債権者を招集します。`)).toBeVisible();
  const when = jstLocal(-1);
  await page.getByLabel('開催日時（日本時間）').fill(when);
  await page.getByRole('combobox', { name: '形式' }).selectOption('online');
  await page.getByRole('textbox', { name: '場所またはオンライン会議の案内' }).fill('Teams（招待メールを送付）');
  await page.getByRole('textbox', { name: '議題' }).fill('計画案の説明\n質疑応答');
  await page.getByRole('button', { name: '予定する', exact: true }).click();
  await expect(page.getByText('会議を予定しました')).toBeVisible();
  const meeting = page.getByTestId('meeting');
  await expect(meeting).toHaveCount(1);
  await expect(meeting).toContainText(`第${v}版`);
  await expect(meeting).toContainText(sha256);
  await expect(meeting.getByTestId('attendance')).toContainText('りそな（0010）: 未記録');
  await expectAxeClean(page, 'bank meetings (council)');
  await page.screenshot({ path: '.tmp/e2e-results/bank-meetings-council.png', fullPage: true });

  // The bank sees the meeting and downloads the materials PDF.
  await bank.goto(`/cases/${caseId}/meetings`);
  await expect(bank.getByTestId('meeting')).toContainText('計画案の説明');
  await expect(bank.getByRole('button', { name: '予定する' })).toHaveCount(0);
  const download = bank.waitForEvent('download');
  await bank.getByRole('link', { name: '会議資料（PDF）をダウンロード' }).click();
  expect((await download).suggestedFilename()).toMatch(
    new RegExp(`^バンクミーティング資料_DEMO-13-0001_第${v}版_\\d{4}-\\d{2}-\\d{2}\\.pdf$`),
  );
  await expectAxeClean(bank, 'bank meetings (bank)');

  // The PM records attendance and the minutes.
  await page.getByRole('checkbox', { name: 'りそなが出席', exact: true }).check();
  await page.getByRole('textbox', { name: 'りそなの出席者', exact: true }).fill('融資部 山田');
  await page.getByRole('textbox', { name: '議事録' }).fill('計画案を説明した。りそな銀行から資金繰り表の追加提出を求められた。');
  await page.getByRole('button', { name: '記録する', exact: true }).click();
  await expect(page.getByText('出欠と議事録を記録しました')).toBeVisible();
  await expect(page.getByTestId('attendance')).toContainText('出席（融資部 山田）');

  // The bank reads the minutes.
  await bank.reload();
  await expect(bank.getByTestId('minutes')).toHaveText('計画案を説明した。りそな銀行から資金繰り表の追加提出を求められた。');
  await expect(bank.getByText(/記録$/)).toBeVisible();
  // Readable at 360 px.
  await bank.setViewportSize({ width: 360, height: 800 });
  await expectAxeClean(bank, 'bank meetings with minutes at 360 px');
  await bank.screenshot({ path: '.tmp/e2e-results/bank-meetings-bank-360.png', fullPage: true });
  await bank.context().close();

  // The PM schedules a second meeting a week ahead: the invited bank gets an invitation by mail (case reference, JST).
  const place2 = `協議会 第2会議室 ${Date.now()}`;
  const scheduleForm = page.getByRole('form', { name: '会議を予定する' });
  await scheduleForm.getByLabel('開催日時（日本時間）').fill(`${jstLocal(7).slice(0, 10)}T14:00`);
  await scheduleForm.getByRole('combobox', { name: '形式' }).selectOption('in_person');
  await scheduleForm.getByRole('textbox', { name: '場所またはオンライン会議の案内' }).fill(place2);
  await scheduleForm.getByRole('textbox', { name: '議題' }).fill('修正計画案の説明');
  await scheduleForm.getByRole('button', { name: '予定する', exact: true }).click();
  await expect(page.getByText('会議を予定しました')).toBeVisible();
  const second = page.getByTestId('meeting').filter({ hasText: place2 });
  await expect(second).toHaveCount(1);
  const mailsTo = async (subject: string) =>
    ((await (await request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; subject: string; text: string }[] }).items.filter(
      (m) => m.to === address && m.subject.includes(subject) && m.text.includes(place2),
    );
  const invitation = (await mailsTo('バンクミーティングのご案内'))[0];
  expect(invitation?.text).toContain('DEMO-13-0001');
  expect(invitation?.text).toContain('14:00（日本時間）');
  expect(invitation?.text).toContain(`/cases/${caseId}/meetings`);
  expect(invitation?.text).not.toContain('デモ精工');

  // The PM moves it to 16:30 with the keyboard-reachable form; the bank is told of the change.
  await second.getByRole('button', { name: '変更する', exact: true }).click();
  const editForm = second.getByRole('form', { name: '会議を変更する' });
  await expect(editForm.getByRole('heading', { name: '会議を変更する' })).toBeFocused();
  await editForm.getByLabel('開催日時（日本時間）').fill(`${jstLocal(7).slice(0, 10)}T16:30`);
  await expectAxeClean(page, 'bank meetings: changing a meeting');
  await editForm.getByRole('button', { name: '変更を保存する' }).click();
  await expect(second.getByText('会議を変更しました')).toBeVisible();
  await expect(second.getByRole('heading', { level: 3 }).first()).toContainText('16:30');
  await expect.poll(async () => (await mailsTo('日時・場所の変更')).length).toBe(1);
  expect((await mailsTo('日時・場所の変更'))[0]?.text).toMatch(
    /【変更後】\n日時: .*16:30（日本時間）[\s\S]*【変更前】\n日時: .*14:00（日本時間）/,
  );

  // The PM cancels it: a confirmation first (Esc keeps the meeting), then a reason; it stays listed, marked 中止.
  await second.getByRole('button', { name: '中止する', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'このバンクミーティングを中止しますか？' });
  await expect(dialog.getByRole('button', { name: '中止しない' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(second.getByTestId('meeting-cancelled')).toHaveCount(0);
  await second.getByRole('button', { name: '中止する', exact: true }).click();
  await dialog.getByRole('button', { name: '中止する', exact: true }).click();
  await expect(dialog.getByText('中止の理由を入力してください')).toBeVisible();
  await dialog.getByRole('textbox', { name: '中止の理由' }).fill('会社側の資料準備のため延期します。');
  await expectAxeClean(page, 'bank meetings: cancel confirmation');
  await dialog.getByRole('button', { name: '中止する', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(second.getByTestId('meeting-cancelled')).toHaveText('中止');
  await expect(second.getByText('会議を中止しました')).toBeVisible();
  await expect(second.getByRole('heading', { level: 3 }).first()).toBeFocused();
  await expect(second.getByTestId('cancel-reason')).toContainText('会社側の資料準備のため延期します。');
  await expect(second.getByRole('button', { name: '変更する' })).toHaveCount(0);
  await expect(second.getByRole('button', { name: '記録する' })).toHaveCount(0);
  await expect.poll(async () => (await mailsTo('中止のお知らせ')).length).toBe(1);
  expect((await mailsTo('中止のお知らせ'))[0]?.text).not.toContain('資料準備');
  await expectAxeClean(page, 'bank meetings with a cancelled meeting');
  await page.screenshot({ path: '.tmp/e2e-results/bank-meetings-cancelled.png', fullPage: true });
  await signOut(page);

  // デモ銀行 has a grant and the company's consent but is no creditor: no meeting. サンプル信用金庫 (no grant, no consent here): no case.
  await signIn(page, email('bank'));
  await page.goto(`/cases/${caseId}/meetings`);
  await expect(page.getByText('バンクミーティングはまだ予定されていません。')).toBeVisible();
  await expect(page.getByTestId('meeting')).toHaveCount(0);
  await signOut(page);
  await signIn(page, email('bank2'));
  await page.goto(`/cases/${caseId}/meetings`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件が見つかりません');
});
