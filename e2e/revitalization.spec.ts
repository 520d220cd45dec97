import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test } from './fixtures';
import {
  designSupport,
  draftBusinessPlan,
  enterRealBalanceSheet,
  expectStage,
  inAYearJst,
  invitationLink,
  moveCase,
  nextStep,
  pdf,
  secondBrowser,
} from './revitalization-steps';
import { demoEmail, signInAs, signOutOf } from './sign-in';

/**
 * 再生支援 as a council lives it, one case from its request to the financial-support design, the stage moving only
 * through its guarded transitions (packages/domain/src/cases/case-workflow.ts): the Tokyo PM accepts the demo request
 * of 株式会社日本橋デモ食品 (DEMO-13-I001, which no other journey touches), records the interview and triages it into
 * 再生; forming the team is refused while the company has not lifted confidentiality and no main bank agreed, and
 * nothing changes; the company lifts confidentiality for みずほ, the PM records it as メイン行 with its agreement to
 * start, and the team is formed — a staff member seconded from a creditor bank declares the conflict, a CPA is
 * appointed (a case grant with scope and end date) and accepts, seeing this case only; due diligence starts, the CPA
 * hands in the 財務DD report; the move to the business plan waits for the 実態BS; the plan is drafted, the support
 * designed and the 調査報告書 downloaded; an expert of another case and another council's PM see nothing.
 */

const COMPANY = '株式会社日本橋デモ食品';

/** Sends a case transition as a stale page would (the page offers no button for it), as the signed-in user. */
async function postTransition(page: Page, caseId: string, event: string, expectedStage: string) {
  return page.evaluate(
    async ({ id, event, expectedStage }) => {
      const session = (await (await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' } })).json()) as {
        csrfToken: string;
      };
      const res = await fetch(`/api/v1/cases/${id}/transitions`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ event, expectedStage, reason: '条件を確かめずに進めようとした（E2E）' }),
      });
      return { status: res.status, body: (await res.json()) as { detail?: string } };
    },
    { id: caseId, event, expectedStage },
  );
}

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COMPANY);
}

async function openRevitalization(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}/revitalization`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('再生支援');
}

test('a 再生 case moves from the request through its guarded stages: bank consent, team with an expert who sees only this case, DD, 実態BS, business plan and support design', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);

  // 受付: the Tokyo PM accepts the request from the intake inbox.
  await signInAs(page, demoEmail('pm.tokyo'));
  await page.getByRole('link', { name: '相談受付' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談受付');
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(`^${COMPANY}`) }) });
  await card.getByRole('textbox', { name: '判断の理由（記録に残ります）' }).fill('返済負担の相談。窓口相談で状況を伺う');
  await card.getByRole('button', { name: '受け付ける（窓口相談へ）' }).click();
  await expect(page.getByText(`${COMPANY}のご相談を受け付けました（窓口相談へ）`)).toBeVisible();
  await expect(card).toHaveCount(0);
  await page.goto('/cases');
  await page.getByTestId('case-table').getByRole('link', { name: COMPANY, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COMPANY);
  const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expectStage(page, '窓口相談');

  // 窓口相談: the interview, then the triage into 再生支援 with its reasons.
  await page.getByRole('button', { name: '窓口相談', exact: true }).click();
  const interview = page.getByRole('form', { name: '面談を記録' });
  await interview.getByLabel('面談日').fill('2026-11-20');
  await interview.getByLabel('出席者').fill('代表取締役 日本橋一郎、経理担当、PM');
  await interview.getByLabel('聴取内容').fill('原材料高で2期連続の営業赤字。来春から約定返済が重くなり、金融支援が必要。');
  await interview.getByRole('button', { name: '面談を記録' }).click();
  await expect(page.getByText('面談を記録しました')).toBeVisible();
  const triage = page.getByRole('form', { name: '振り分け判断' });
  await triage.getByRole('combobox', { name: '判断', exact: true }).selectOption('revitalization');
  await triage.getByLabel('判断の理由').fill('本業は黒字化が見込める。過剰債務の解消には金融支援が必要で、再生支援で対応する');
  await triage.getByRole('button', { name: '判断を記録して進める' }).click();
  await expectStage(page, '再生：メイン行の意向確認');

  // Forming the team is refused, with every reason, while the company has not lifted confidentiality and no main bank
  // has agreed: no button on the page, and the server refuses the move outright — nothing changes.
  const formTeam = nextStep(page, '個別支援チームを組成');
  await expect(formTeam).toContainText('条件を満たしていません');
  await expect(formTeam).toContainText('会社が守秘義務を解除していません（金融機関への接触前に必要です）');
  await expect(formTeam).toContainText('メイン行の支援開始への同意が記録されていません');
  await expect(formTeam.getByRole('button')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  const refused = await postTransition(page, caseId, 'rv_form_team', 'rv_bank_consent');
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toBe(
    '会社が守秘義務を解除していません（金融機関への接触前に必要です）。メイン行の支援開始への同意が記録されていません',
  );
  await page.reload();
  await expectStage(page, '再生：メイン行の意向確認');
  await page.getByRole('button', { name: '経過を表示' }).click();
  const timeline = page.getByTestId('case-timeline');
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').first()).toContainText(/窓口相談 → .*再生：メイン行の意向確認/);
  await expect(timeline).not.toContainText('個別支援チームを組成');
  await expectAxeClean(page, 'case page with a refused move');

  // The company, signed in at the same time, lifts confidentiality for みずほ (0001).
  const company = await secondBrowser(browser, demoEmail('company3.tokyo'));
  await company.page.getByRole('link', { name: COMPANY, exact: true }).click();
  await expect(company.page.getByTestId('company-case-status')).toHaveText('協議会の支援が進んでいます（事業再生支援）。');
  await expect(company.page.getByTestId('next-transitions')).toHaveCount(0);
  await company.page.getByRole('link', { name: '債権者と計画' }).click();
  await expect(company.page.getByRole('heading', { level: 1 })).toHaveText('債権者と計画');
  await company.page.getByRole('textbox', { name: '金融機関コード（4桁）' }).fill('0001');
  await company.page.getByRole('button', { name: '同意する', exact: true }).click();
  await expect(company.page.getByText('同意を記録しました')).toBeVisible();
  await expect(company.page.getByTestId('lift-list')).toContainText('（0001）');
  await company.close();

  // Confidentiality alone is not enough: the main bank's agreement is still missing.
  await page.reload();
  await expect(formTeam).not.toContainText('会社が守秘義務を解除していません');
  await expect(formTeam).toContainText('メイン行の支援開始への同意が記録されていません');

  // The PM adds みずほ as メイン行 with the date it agreed to start support.
  await page.getByRole('link', { name: '債権者と計画' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '債権者と借入の編集' })).toBeVisible();
  await page.getByRole('textbox', { name: '金融機関名または金融機関コード' }).fill('0001');
  await page.getByRole('button', { name: '検索する' }).click();
  await expect(page.getByTestId('bank-hits')).toContainText('みずほ（0001）');
  await page.getByRole('button', { name: 'みずほ を債権者に追加する' }).click();
  await expect(page.getByText('みずほ を債権者に追加しました')).toBeVisible();
  const bank = page.getByTestId('creditor-0001');
  await bank.getByRole('checkbox', { name: 'メイン行' }).click();
  await expect(bank.getByRole('checkbox', { name: 'メイン行' })).toBeChecked();
  await expect(page.getByTestId('creditor-table')).toContainText('みずほ（0001） · メイン行');
  await bank.getByLabel('メイン行が再生支援の開始に同意した日').fill('2026-11-24');
  await bank.getByRole('button', { name: '同意日を保存する' }).click();
  await expect(page.getByText('みずほ の開始への同意を記録しました')).toBeVisible();

  // The team is formed from the case page; due diligence then waits for an appointed expert.
  await page.waitForLoadState('networkidle');
  await openCase(page, caseId);
  await moveCase(page, '個別支援チームを組成', 'みずほ（メイン行）が11月24日に再生支援の開始に同意', '再生：個別支援チーム');
  await expect(nextStep(page, 'デューデリジェンスを開始')).toContainText('外部専門家がチームに選任されていません');

  // The 再生支援 page: the team's make-up
  await page.getByRole('link', { name: '再生支援', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('再生支援');
  await expectStage(page, '再生：個別支援チーム');
  const teamSection = page.getByRole('region', { name: /個別支援チーム/ });
  await expect(teamSection).toContainText('未作成');
  const profile = page.getByRole('form', { name: 'チーム体制' });
  await profile.getByRole('combobox', { name: 'チームの類型' }).selectOption('conventional');
  await profile.getByRole('checkbox', { name: '債権放棄等が見込まれる' }).check();
  await profile.getByRole('button', { name: 'チーム体制を保存' }).click();
  await expect(page.getByText('チーム体制を保存しました')).toBeVisible();
  await expect(page.getByText('従来型のチームには財務DD・事業DDを行う外部専門家が必要です')).toBeVisible();

  // A PM seconded from a creditor bank: the declaration is required, then recorded
  const staff = page.getByRole('form', { name: '職員をチームに加える' });
  await staff.getByRole('combobox', { name: '職員' }).selectOption({ label: '東京 統括責任者（デモ）' });
  await staff.getByRole('combobox', { name: 'チームでの役割' }).selectOption('pm');
  await staff.getByRole('textbox', { name: /出向元の金融機関/ }).fill('株式会社みずほ銀行');
  await staff.getByRole('checkbox', { name: '出向元は相談企業の債権者である' }).check();
  await staff.getByRole('button', { name: '職員をチームに加える' }).click();
  await expect(staff.getByText(/利益相反の有無を申告してください/)).toBeVisible();
  await staff.getByRole('combobox', { name: '利益相反の申告' }).selectOption('has');
  await staff.getByRole('textbox', { name: '利益相反の内容' }).fill('出向元（みずほ銀行）はメイン行。審査には関与しない');
  await staff.getByRole('button', { name: '職員をチームに加える' }).click();
  await expect(page.getByText('職員をチームに加えました')).toBeVisible();
  const team = page.getByTestId('rv-team');
  await expect(team).toContainText('出向元（みずほ銀行）はメイン行。審査には関与しない');

  // Appoint the CPA: a case grant with scope and end date, after a declaration
  const expertForm = page.getByRole('form', { name: '外部専門家を選任' });
  await expertForm.getByRole('textbox', { name: '専門家の氏名' }).fill('公認会計士 監査 次郎');
  await expertForm.getByRole('textbox', { name: '専門家のメールアドレス' }).fill(demoEmail('cpa'));
  await expertForm.getByRole('textbox', { name: '所属（事務所名）' }).fill('デモ監査法人');
  await expertForm.getByRole('combobox', { name: '資格' }).selectOption('cpa');
  await expertForm.getByRole('combobox', { name: '担当' }).selectOption('financial_dd');
  await expertForm.getByLabel('選任の期限').fill(inAYearJst());
  await expertForm.getByRole('button', { name: '外部専門家を選任' }).click();
  await expect(expertForm.getByText('利益相反の有無を申告してください')).toBeVisible();
  await expertForm.getByRole('combobox', { name: '利益相反の申告' }).selectOption('none');
  await expertForm.getByRole('button', { name: '外部専門家を選任' }).click();
  await expect(page.getByText(`${demoEmail('cpa')} を選任し、招待メールを送りました`)).toBeVisible();
  await expect(team.getByRole('row').filter({ hasText: '公認会計士 監査 次郎' })).toContainText('招待中（未受諾）');
  await expect(teamSection).toContainText('作成済み');
  await expectAxeClean(page, 'revitalization page with the team');
  const link = await invitationLink(page, demoEmail('cpa'));

  // The CPA, in a browser of their own, accepts and sees this case only.
  const cpa = await secondBrowser(browser, demoEmail('cpa'));
  await expect(cpa.page.getByTestId('case-count')).toHaveText('表示できる案件はありません');
  await cpa.page.goto(link);
  await cpa.page.getByRole('button', { name: '招待を受け入れる' }).click();
  await expect(cpa.page).toHaveURL(/\/cases$/);
  const table = cpa.page.getByTestId('case-table');
  await expect(table.getByRole('link', { name: COMPANY, exact: true })).toBeVisible();
  await expect(cpa.page.getByTestId('case-count')).toHaveText('1件の案件');

  // Due diligence starts.
  await page.waitForLoadState('networkidle');
  await openCase(page, caseId);
  await moveCase(page, 'デューデリジェンスを開始', '公認会計士（財務DD）を選任し、受諾された', '再生：デューデリジェンス');
  // The business plan waits for the 実態BS.
  await expect(nextStep(page, '事業計画の策定へ')).toContainText('実態貸借対照表がまだ作成されていません');
  await expect(nextStep(page, '事業計画の策定へ').getByRole('button')).toHaveCount(0);

  // The CPA hands in the 財務DD report (visibility: team); the council's own records stay closed to them.
  await table.getByRole('link', { name: COMPANY, exact: true }).click();
  await expect(cpa.page.getByRole('link', { name: '再生支援', exact: true })).toHaveCount(0);
  await cpa.page.getByRole('link', { name: '書類', exact: true }).click();
  const upload = cpa.page.getByRole('form', { name: '書類を提出する' });
  await upload.getByRole('combobox', { name: '書類の種類' }).selectOption('financial_dd_report');
  await upload.getByRole('textbox', { name: '書類名' }).fill('財務デューデリジェンス報告書（第1稿）');
  await upload.getByRole('combobox', { name: '公開範囲' }).selectOption('team');
  await upload.getByLabel('ファイル', { exact: true }).setInputFiles(pdf('zaimu dd'));
  await upload.getByRole('button', { name: '提出する' }).click();
  await expect(cpa.page.getByRole('status').filter({ hasText: '提出しました' })).toBeVisible();
  await expect(cpa.page.getByTestId('document-list')).toContainText('財務デューデリジェンス報告書（第1稿）');
  await cpa.page.waitForLoadState('networkidle');
  await cpa.page.goto(`/cases/${caseId}/revitalization`);
  await expect(cpa.page.getByRole('heading', { level: 1 })).toHaveText('案件が見つかりません');
  expect(
    await cpa.page.evaluate(async (id) => {
      const r = await fetch(`/api/v1/cases/${id}/revitalization`);
      await r.text(); // read to the end: a navigation would otherwise cut the body short
      return r.status;
    }, caseId),
  ).toBe(403);
  await cpa.page.goto('/cases');
  await expect(cpa.page.getByTestId('case-count')).toHaveText('1件の案件');
  await cpa.close();

  // The PM: the DD report is listed; the 実態BS opens the way to the business plan.
  await openRevitalization(page, caseId);
  await expectStage(page, '再生：デューデリジェンス');
  await expect(page.getByTestId('rv-dd-reports')).toContainText('財務デューデリジェンス報告書（第1稿）');
  await expect(page.getByTestId('rv-team').getByRole('row').filter({ hasText: '公認会計士 監査 次郎' })).toContainText('閲覧権限あり');
  await enterRealBalanceSheet(page);
  await page.waitForLoadState('networkidle');
  await openCase(page, caseId);
  await moveCase(page, '事業計画の策定へ', '実態貸借対照表（第1版）が完成', '再生：事業計画');
  await expect(nextStep(page, '金融支援策の検討へ')).toContainText('事業計画がまだ作成されていません');

  // The business plan, then the financial-support design.
  await openRevitalization(page, caseId);
  await expectStage(page, '再生：事業計画');
  await draftBusinessPlan(page);
  await page.waitForLoadState('networkidle');
  await openCase(page, caseId);
  await moveCase(page, '金融支援策の検討へ', '事業計画（第1版）を策定', '再生：金融支援策');
  await page.getByRole('button', { name: '経過を表示' }).click();
  await expect(timeline.getByRole('listitem')).toHaveCount(6);
  await expect(timeline.getByRole('listitem').first()).toContainText(/再生：事業計画 → .*再生：金融支援策/);
  await openRevitalization(page, caseId);
  await expectStage(page, '再生：金融支援策');
  await designSupport(page);

  // The 調査報告書（案） as a PDF download
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '調査報告書（案）をダウンロード（PDF）' }).click();
  expect((await download).suggestedFilename()).toMatch(/^調査報告書_.+\.pdf$/);
  await expectAxeClean(page, 'revitalization page with 実態BS and business plan');

  // Readable at 360 px (looked at by hand).
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: '.tmp/e2e-results/revitalization-360.png', fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 720 });
  await signOutOf(page);

  // An expert of another case, and another council's PM: nothing of this case
  for (const who of ['expert', 'pm.osaka']) {
    await signInAs(page, demoEmail(who));
    await page.goto('/cases');
    await expect(page.getByTestId('case-count')).not.toBeEmpty();
    await expect(page.getByRole('link', { name: COMPANY })).toHaveCount(0);
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件が見つかりません');
    expect(
      await page.evaluate(async (id) => {
        const r = await fetch(`/api/v1/cases/${id}/revitalization`);
        await r.text(); // read to the end: a navigation would otherwise cut the body short
        return r.status;
      }, caseId),
    ).toBe(404);
    await page.goto('/cases');
    await expect(page.getByTestId('case-count')).not.toBeEmpty();
    await signOutOf(page);
  }
});
