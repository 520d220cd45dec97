import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, watchForProblems } from './fixtures';
import { signInAs } from './sign-in';

/**
 * Steps of the 再生支援 journey (revitalization.spec.ts) that are forms to fill rather than moves of the case: kept
 * here so that the journey reads as the story of the case.
 */

export const pdf = (text: string) => ({
  name: 'zaimu-dd.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1'),
});

export function inAYearJst(): string {
  const d = new Date(Date.now() + 9 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

export async function invitationLink(page: Page, to: string): Promise<string> {
  const outbox = (await (await page.request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const mail = outbox.items.find((m) => m.to === to);
  const link = /https?:\/\/\S+\/invitations\/accept#token=[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
  expect(link, 'invitation link in the mail').toBeTruthy();
  const url = new URL(link ?? '');
  return url.pathname + url.hash;
}

/** Someone else signed in at the same time, in a browser of their own; `close` also fails on its console problems. */
export async function secondBrowser(browser: Browser, email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context: BrowserContext = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await signInAs(page, email);
  return {
    page,
    close: async () => {
      await page.waitForLoadState('networkidle');
      await context.close();
      expect(problems, `no console errors, exceptions or CSP violations for ${email}`).toEqual([]);
    },
  };
}

/** The stage line of the case page or the 再生支援 page. */
export async function expectStage(page: Page, label: string): Promise<void> {
  await expect(page.getByTestId('case-stage')).toHaveText(`現在の段階: ${label}`);
}

/** One entry of the case page's next steps (the outer list item, not its list of unmet conditions). */
export const nextStep = (page: Page, action: string) =>
  page.getByTestId('next-transitions').locator(':scope > li').filter({ hasText: action });

/** Moves the case from the case page's next steps, with the reason the history keeps. */
export async function moveCase(page: Page, action: string, reason: string, to: string): Promise<void> {
  const step = nextStep(page, action);
  await step.getByRole('button', { name: `${action}…` }).click();
  await step.getByRole('textbox', { name: '理由', exact: true }).fill(reason);
  await step.getByRole('button', { name: `${action}を記録する` }).click();
  await expectStage(page, to);
}

/** The 実態BS: a missing adjustment reason is refused with the engine's message and nothing is saved, then saved. */
export async function enterRealBalanceSheet(page: Page): Promise<void> {
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
}

/** A three-year business plan that turns an ordinary profit in its second year. */
export async function draftBusinessPlan(page: Page): Promise<void> {
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
}

/** Financial-support design: forgiveness needs every configured requirement and the liquidation comparison. */
export async function designSupport(page: Page): Promise<void> {
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
}
