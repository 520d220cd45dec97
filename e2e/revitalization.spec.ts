import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test } from './fixtures';
import { demoEmail, signInAs, signOutOf } from './sign-in';

/**
 * 再生支援 as a council lives it: a case triaged into 再生, the individual support team formed — a staff member
 * seconded from a creditor bank declares the conflict, a CPA is appointed (a case grant with scope and end date) —
 * the expert accepts and sees this case only and hands in the 財務DD report, an expert of another case and another
 * council's PM see nothing, then the PM enters the 実態BS and drafts the business plan.
 */

const COMPANY = '有限会社サンプル食品';

const pdf = (text: string) => ({
  name: 'zaimu-dd.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1'),
});

function inAYearJst(): string {
  const d = new Date(Date.now() + 9 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

async function invitationLink(page: Page, to: string): Promise<string> {
  const outbox = (await (await page.request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const mail = outbox.items.find((m) => m.to === to);
  const link = /https?:\/\/\S+\/invitations\/accept#token=[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
  expect(link, 'invitation link in the mail').toBeTruthy();
  const url = new URL(link ?? '');
  return url.pathname + url.hash;
}

test('a 再生 case: team with a declared secondee and an appointed expert who sees only this case, DD report, 実態BS and business plan', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signInAs(page, demoEmail('pm.tokyo'));
  await page.goto('/cases');
  await page.getByRole('link', { name: COMPANY }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COMPANY);
  const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';

  // Triage into 再生支援 (desk consultation panel)
  await page.getByRole('button', { name: '窓口相談', exact: true }).click();
  const triage = page.getByRole('form', { name: '振り分け判断' });
  await triage.getByRole('combobox', { name: '判断', exact: true }).selectOption('revitalization');
  await triage.getByLabel('判断の理由').fill('本業は黒字。過剰債務の解消には金融支援が必要で、再生支援で対応する');
  await triage.getByRole('button', { name: '判断を記録して進める' }).click();
  await expect(page.getByTestId('case-stage')).toContainText('再生：メイン行の意向確認');

  // The 再生支援 page
  await page.getByRole('link', { name: '再生支援', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('再生支援');
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
  await staff.getByRole('textbox', { name: /出向元の金融機関/ }).fill('株式会社デモ銀行');
  await staff.getByRole('checkbox', { name: '出向元は相談企業の債権者である' }).check();
  await staff.getByRole('button', { name: '職員をチームに加える' }).click();
  await expect(staff.getByText(/利益相反の有無を申告してください/)).toBeVisible();
  await staff.getByRole('combobox', { name: '利益相反の申告' }).selectOption('has');
  await staff.getByRole('textbox', { name: '利益相反の内容' }).fill('出向元（デモ銀行）はメイン行。審査には関与しない');
  await staff.getByRole('button', { name: '職員をチームに加える' }).click();
  await expect(page.getByText('職員をチームに加えました')).toBeVisible();
  const team = page.getByTestId('rv-team');
  await expect(team).toContainText('出向元（デモ銀行）はメイン行。審査には関与しない');

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
  await signOutOf(page);

  // The CPA accepts, sees this case only, and hands in the 財務DD report (visibility: team)
  await signInAs(page, demoEmail('cpa'));
  await expect(page.getByTestId('case-count')).toHaveText('表示できる案件はありません');
  await page.goto(link);
  await page.getByRole('button', { name: '招待を受け入れる' }).click();
  await expect(page).toHaveURL(/\/cases$/);
  const table = page.getByTestId('case-table');
  await expect(table.getByRole('link', { name: COMPANY })).toBeVisible();
  await expect(page.getByTestId('case-count')).toHaveText('1件の案件');
  await table.getByRole('link', { name: COMPANY }).click();
  await expect(page.getByRole('link', { name: '再生支援', exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: '書類', exact: true }).click();
  const upload = page.getByRole('form', { name: '書類を提出する' });
  await upload.getByRole('combobox', { name: '書類の種類' }).selectOption('financial_dd_report');
  await upload.getByRole('textbox', { name: '書類名' }).fill('財務デューデリジェンス報告書（第1稿）');
  await upload.getByRole('combobox', { name: '公開範囲' }).selectOption('team');
  await upload.getByLabel('ファイル', { exact: true }).setInputFiles(pdf('zaimu dd'));
  await upload.getByRole('button', { name: '提出する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '提出しました' })).toBeVisible();
  await expect(page.getByTestId('document-list')).toContainText('財務デューデリジェンス報告書（第1稿）');
  await page.waitForLoadState('networkidle');
  // The council's own records stay closed to the expert.
  await page.goto(`/cases/${caseId}/revitalization`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件が見つかりません');
  expect(
    await page.evaluate(async (id) => {
      const r = await fetch(`/api/v1/cases/${id}/revitalization`);
      await r.text(); // read to the end: a navigation would otherwise cut the body short
      return r.status;
    }, caseId),
  ).toBe(403);
  await page.goto('/cases');
  await expect(page.getByTestId('case-count')).toHaveText('1件の案件');
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

  // The PM: the DD report is listed; the 実態BS and the business plan
  await signInAs(page, demoEmail('pm.tokyo'));
  await page.goto(`/cases/${caseId}/revitalization`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('再生支援');
  await expect(page.getByTestId('rv-dd-reports')).toContainText('財務デューデリジェンス報告書（第1稿）');
  await expect(page.getByTestId('rv-team').getByRole('row').filter({ hasText: '公認会計士 監査 次郎' })).toContainText('閲覧権限あり');

  const bs = page.getByRole('form', { name: '実態貸借対照表を保存' });
  await bs.getByLabel('基準日').fill('2026-03-31');
  const book = async (line: string, amount: string) => bs.getByRole('textbox', { name: `${line} 簿価`, exact: true }).fill(amount);
  await book('現預金', '10000000');
  await book('売掛金', '20000000');
  await book('棚卸資産', '15000000');
  await book('土地', '30000000');
  await book('買掛金', '12000000');
  await book('短期借入金', '20000000');
  await book('長期借入金', '50000000');
  await book('資本金', '10000000');
  await book('利益剰余金', '-17000000');
  await bs.getByRole('textbox', { name: '棚卸資産 修正額' }).fill('-5000000');
  await bs.getByRole('combobox', { name: '棚卸資産 修正区分' }).selectOption('obsoleteInventory');
  // A missing reason is refused with the engine's message, and nothing is saved.
  await bs.getByRole('button', { name: '実態貸借対照表を保存' }).click();
  await expect(bs.getByText('棚卸資産: 1〜200文字で入力してください')).toBeVisible();
  await expect(page.getByTestId('rv-real-bs-summary')).toHaveCount(0);
  await bs.getByRole('textbox', { name: '棚卸資産 修正理由' }).fill('1年超の滞留在庫');
  await bs.getByRole('textbox', { name: '土地 修正額' }).fill('-8000000');
  await bs.getByRole('combobox', { name: '土地 修正区分' }).selectOption('realEstateFairValue');
  await bs.getByRole('textbox', { name: '土地 修正理由' }).fill('路線価による時価評価');
  await bs.getByRole('button', { name: '実態貸借対照表を保存' }).click();
  await expect(page.getByText('実態貸借対照表を保存しました（第1版）')).toBeVisible();
  const summary = page.getByTestId('rv-real-bs-summary');
  await expect(summary).toContainText('-7,000,000');
  await expect(summary).toContainText('-20,000,000');
  await expect(summary).toContainText('あり（20,000,000円）');
  await expect(page.getByTestId('rv-real-bs').getByRole('row').filter({ hasText: '棚卸資産' })).toContainText('10,000,000');

  const plan = page.getByRole('form', { name: '事業計画を保存' });
  await plan.getByRole('combobox', { name: '計画期間' }).selectOption('3');
  await plan.getByLabel('計画の開始日').fill('2027-04-01');
  await plan.getByRole('textbox', { name: '窮境原因' }).fill('原材料費の高騰に価格転嫁が追いつかず、設備投資の借入負担が重い');
  await plan.getByRole('textbox', { name: '改善施策' }).fill('不採算商品の整理と価格改定、遊休地の売却');
  const figures = [
    ['300000000', '-2000000'],
    ['310000000', '3000000'],
    ['320000000', '6000000'],
  ] as const;
  for (const [i, [sales, profit]] of figures.entries()) {
    await plan.getByRole('textbox', { name: `${i + 1}年目 売上高` }).fill(sales);
    await plan.getByRole('textbox', { name: `${i + 1}年目 経常利益` }).fill(profit);
  }
  await plan.getByRole('button', { name: '事業計画を保存' }).click();
  await expect(page.getByText('事業計画を保存しました（第1版）')).toBeVisible();
  await expect(page.getByTestId('rv-business-plan')).toContainText('経常黒字化: 2年目');
  await expect(page.getByRole('region', { name: /事業計画/ }).first()).toContainText('作成済み');

  // Financial-support design: forgiveness needs every configured requirement and the liquidation comparison
  const design = page.getByRole('form', { name: '金融支援策を保存' });
  await design.getByRole('checkbox', { name: 'リスケジュール（返済条件の変更）' }).check();
  await design.getByRole('checkbox', { name: '債権放棄' }).check();
  await design.getByRole('textbox', { name: '元金据置期間（か月）' }).fill('12');
  await design.getByRole('textbox', { name: '債権放棄額（円）' }).fill('60000000');
  await design.getByRole('button', { name: '金融支援策を保存' }).click();
  await expect(design.getByText(/債権放棄等を求める場合の要件に回答してください（経営者責任、株主責任/)).toBeVisible();
  for (const item of ['経営者責任', '株主責任', '保証人責任', '衡平性', '清算価値保障（経済合理性）'])
    await design.getByRole('combobox', { name: item, exact: true }).selectOption('met');
  await design.getByRole('textbox', { name: '経営者責任 の説明' }).fill('代表者は役員報酬を50%減額し、私財を提供する');
  await design.getByRole('textbox', { name: '清算時の資産価値（円）' }).fill('50000000');
  await design.getByRole('textbox', { name: '優先債権・別除権等（円）' }).fill('30000000');
  await design.getByRole('textbox', { name: '対象債権者の非保全債権（円）' }).fill('100000000');
  await design.getByRole('button', { name: '金融支援策を保存' }).click();
  await expect(page.getByText('金融支援策を保存しました（第1版）')).toBeVisible();
  const saved = page.getByTestId('rv-support-design');
  await expect(saved).toContainText('清算価値保障を満たしています');
  await expect(saved).toContainText('計画による回収率 40.00% ／ 清算配当率 20.00%');
  await expect(saved).toContainText('代表者は役員報酬を50%減額し、私財を提供する');

  // The 調査報告書（案） as a PDF download
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '調査報告書（案）をダウンロード（PDF）' }).click();
  expect((await download).suggestedFilename()).toMatch(/^調査報告書_.+\.pdf$/);
  await expectAxeClean(page, 'revitalization page with 実態BS and business plan');

  // Readable at 360 px (looked at by hand).
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: '.tmp/e2e-results/revitalization-360.png', fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
});
