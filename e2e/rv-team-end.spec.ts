import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test } from './fixtures';
import { demoEmail, signInAs, signOutOf } from './sign-in';

/**
 * Ending an expert's appointment in the 再生支援 team (ADR 0022): the PM confirms in a dialog with the date, 解任 or
 * 任期終了 and the reason; the row then reads 終了 with who and when, and the outstanding invitation is withdrawn.
 * Works on a case of its own (created here), never on the demo cases the other journeys use.
 */

const COMPANY = '株式会社選任終了テスト（E2E）';

async function api(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' } })).json()) as {
        csrfToken: string;
      };
      const res = await fetch(url, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, url, body },
  );
}

test('a PM ends an expert’s appointment after confirming; the team shows it as ended and the invitation is withdrawn', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, demoEmail('pm.tokyo'));
  const created = await api(page, 'POST', '/api/v1/cases', { companyName: COMPANY });
  expect(created.status).toBe(201);
  const caseId = (created.json as { id: string }).id;
  const triage = await api(page, 'POST', `/api/v1/cases/${caseId}/triage`, {
    decision: 'revitalization',
    reasons: '過剰債務の解消に金融支援が必要（E2E）',
    expectedStage: 'desk_consultation',
  });
  expect(triage.status).toBe(204);
  const email = `end-${Date.now()}@audit.example.jp`;
  const appointed = await api(page, 'POST', `/api/v1/cases/${caseId}/revitalization/team/experts`, {
    email,
    displayName: '診断士 終了 花子',
    organizationName: 'E2E経営研究所',
    qualification: 'sme_consultant',
    duty: 'business_dd',
    scopes: ['case.read', 'documents.team'],
    expiresOn: '2099-12-31',
    conflict: { hasConflict: false },
  });
  expect(appointed.status).toBe(201);

  await page.goto(`/cases/${caseId}/revitalization`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('再生支援');
  const row = page.getByTestId('rv-team').getByRole('row').filter({ hasText: '診断士 終了 花子' });
  await expect(row).toContainText('招待中（未受諾）');

  // The confirmation: cancelling changes nothing.
  await row.getByRole('button', { name: '診断士 終了 花子 の選任を終了' }).click();
  let dialog = page.getByRole('alertdialog', { name: '診断士 終了 花子 の選任を終了しますか' });
  await expect(dialog).toContainText('案件閲覧権限はただちに取り消され');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('招待中（未受諾）');

  // Without a kind and a reason it is refused in the dialog; then ended.
  await row.getByRole('button', { name: '診断士 終了 花子 の選任を終了' }).click();
  dialog = page.getByRole('alertdialog', { name: '診断士 終了 花子 の選任を終了しますか' });
  await dialog.getByRole('button', { name: '選任を終了する' }).click();
  await expect(dialog.getByText('終了の理由を1〜1000文字で入力してください')).toBeVisible();
  await expect(dialog.getByText('終了の種類（解任・任期終了）を選んでください')).toBeVisible();
  await expectAxeClean(page, 'end-of-appointment dialog');
  await dialog.getByRole('combobox', { name: '終了の種類' }).selectOption('dismissed');
  await dialog.getByRole('textbox', { name: '終了の理由' }).fill('利益相反のおそれが判明したため（E2E）');
  await dialog.getByRole('button', { name: '選任を終了する' }).click();
  await expect(page.getByText('診断士 終了 花子 の選任を終了しました')).toBeVisible();
  await expect(row).toContainText('終了');
  await expect(row).toContainText('解任');
  await expect(row).toContainText('利益相反のおそれが判明したため（E2E）');
  await expect(row).toContainText('東京 統括責任者（デモ）');
  await expect(row.getByRole('button')).toHaveCount(0);
  await expectAxeClean(page, 'team with an ended appointment');
  await page.getByTestId('rv-team').screenshot({ path: '.tmp/e2e-results/rv-team-ended.png' });

  // The invitation can no longer be accepted: it is gone from the case's pending invitations.
  const grants = await api(page, 'GET', `/api/v1/cases/${caseId}/grants`);
  expect((grants.json as { pendingInvitations: { email: string }[] }).pendingInvitations.map((p) => p.email)).not.toContain(email);
  await page.waitForLoadState('networkidle');
  await signOutOf(page);
});
