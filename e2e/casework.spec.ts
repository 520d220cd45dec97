import type { Page } from '@playwright/test';
import { addBusinessDays } from '../packages/domain/src/cases/business-days';
import { japaneseHolidays, jstDate } from '../apps/server/src/modules/casework/japanese-calendar';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo-accounts';
import { totpFor } from './sign-in';
import { expect, expectAxeClean, test } from './fixtures';

/**
 * Council case work as a PM lives it: the desk consultation of a case (interview, problems and advice, an internal
 * note), tasks with deadlines in business days, the triage into 収益力改善支援, and the council's overdue list —
 * while the company, granted on the same case, sees none of it.
 */

const email = (local: string) => `${local}@demo.kasseika.jp`;

async function signIn(page: Page, address: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'メールアドレス', exact: true }).fill(address);
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  await page.getByRole('textbox', { name: '確認コード（6桁）' }).fill(await totpFor(address));
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  if (new URL(page.url()).pathname === '/cases') await expect(page.getByTestId('case-count')).not.toBeEmpty();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);
}

const jaDate = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tokyo' }).format(new Date(iso));

test('a PM records the desk consultation, adds tasks in business days, triages into 収益力改善 and sees the overdue list; the company sees nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const note = `メイン行との関係が悪化（内部限り）-${Date.now()}`;
  await signIn(page, email('pm.tokyo'));
  await page.goto('/cases');
  await page.getByRole('link', { name: '株式会社デモ精工' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('株式会社デモ精工');
  await expect(page.getByTestId('case-stage')).toContainText('窓口相談');
  const panel = (name: string) => page.getByRole('button', { name, exact: true });
  await panel('窓口相談').click();
  await expect(panel('窓口相談')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('heading', { level: 3, name: '窓口相談' })).toBeVisible();

  // Interview
  const interview = page.getByRole('form', { name: '面談を記録' });
  await interview.getByLabel('面談日').fill('2026-11-20');
  await interview.getByLabel('出席者').fill('代表取締役 デモ太郎、PM');
  await interview.getByLabel('聴取内容').fill('売上が3期連続で減少。借入の返済負担が重い。');
  await interview.getByRole('button', { name: '面談を記録' }).click();
  await expect(page.getByText('面談を記録しました')).toBeVisible();
  await expect(page.getByText('売上が3期連続で減少。借入の返済負担が重い。')).toBeVisible();
  // The interview summary (面談記録) is a PDF attachment.
  const summary = page.waitForEvent('download');
  await page
    .getByRole('link', { name: /の面談記録（PDF）$/ })
    .first()
    .click();
  expect((await summary).suggestedFilename()).toMatch(/^面談記録_.*\.pdf$/);

  // A problem with advice; a bad submit first lists the field error
  const issue = page.getByRole('form', { name: '課題を追加' });
  await issue.getByRole('button', { name: '課題を追加' }).click();
  await expect(issue.getByText('問題点・課題を1〜2000文字で入力してください')).toBeVisible();
  await issue.getByLabel('問題点・課題').fill('返済負担が営業キャッシュフローを上回っている');
  await issue.getByLabel('助言の内容').fill('取引金融機関に返済条件の見直しを相談する準備をする');
  await issue.getByRole('button', { name: '課題を追加' }).click();
  await expect(page.getByText('課題を追加しました')).toBeVisible();
  await expect(page.getByText('返済負担が営業キャッシュフローを上回っている')).toBeVisible();

  // Internal note, keyboard only: focus the field, type, Tab to the button, Enter
  const notes = page.getByRole('form', { name: '内部メモを追加' });
  await notes.getByRole('textbox', { name: 'メモ', exact: true }).focus();
  await page.keyboard.type(note);
  await page.keyboard.press('Tab');
  await expect(notes.getByRole('button', { name: '内部メモを追加' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('内部メモを追加しました')).toBeVisible();
  await expect(page.getByText(note)).toBeVisible();

  // Tasks: a checklist item becomes a task due in its business days (weekends and national holidays skipped)
  await panel('タスクと期限').click();
  const taskForm = page.getByRole('form', { name: 'タスクを追加' });
  await taskForm.getByRole('button', { name: '経営者面談' }).click();
  await expect(taskForm.getByLabel('タスク名')).toHaveValue('経営者面談');
  await taskForm.getByLabel('担当者').selectOption({ label: '東京 職員（デモ）' });
  await taskForm.getByLabel('今日から何営業日後').fill('3');
  await taskForm.getByRole('button', { name: 'タスクを追加' }).click();
  const due = addBusinessDays(jstDate(new Date()), 3, japaneseHolidays);
  await expect(page.getByText(`タスクを追加しました（期限 ${jaDate(due)}）`)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '経営者面談' });
  await expect(row).toContainText(jaDate(due));
  await expect(row).toContainText('あと3営業日');
  await expectAxeClean(page, 'case page with desk consultation and tasks');

  // Triage into 収益力改善支援
  await panel('窓口相談').click();
  const triage = page.getByRole('form', { name: '振り分け判断' });
  await triage.getByRole('combobox', { name: '判断', exact: true }).selectOption('earnings_improvement');
  await triage.getByLabel('判断の理由').fill('本業の収益力は回復可能。収益力改善支援で対応する');
  await triage.getByRole('button', { name: '判断を記録して進める' }).click();
  await expect(page.getByText('判断: 収益力改善支援')).toBeVisible();
  await expect(page.getByTestId('case-stage')).toContainText('収益力改善：計画策定');

  // 収益力改善支援: governance checklist, an action, the plan (1 year with rescheduling), then monitoring
  await panel('収益力改善支援').click();
  await expect(page.getByRole('heading', { level: 3, name: '収益力改善支援' })).toBeVisible();
  const statements = page.getByRole('combobox', { name: /決算書・勘定科目明細を作成し/ });
  await statements.selectOption('partly');
  await expect(page.getByText('東京 統括責任者（デモ） ·').first()).toBeVisible();
  const action = page.getByRole('form', { name: 'アクションを追加' });
  await action.getByLabel('実施内容').fill('商品別の原価計算表を作り、価格改定を検討する');
  await action.getByLabel('担当').fill('経理部長');
  await action.getByLabel('期限').fill('2027-03-31');
  await action.getByRole('button', { name: 'アクションを追加' }).click();
  await expect(page.getByText('アクションを追加しました')).toBeVisible();
  await page.getByRole('combobox', { name: /商品別の原価計算表を作り.*の状況/ }).selectOption('in_progress');
  const plan = page.getByRole('form', { name: '計画を策定する' });
  await plan.getByRole('combobox', { name: '計画期間' }).selectOption('3');
  await plan.getByRole('checkbox', { name: 'リスケジュール等を要請する' }).check();
  await plan.getByLabel('開始日').fill('2027-04-01');
  await plan.getByLabel('計画の概要').fill('原価管理の徹底と不採算商品の価格改定');
  await plan.getByRole('button', { name: '計画を策定する' }).click();
  await expect(plan.getByText('リスケジュール等を要請する場合、計画期間は1年です')).toBeVisible();
  await plan.getByRole('combobox', { name: '計画期間' }).selectOption('1');
  await plan.getByRole('button', { name: '計画を策定する' }).click();
  await expect(page.getByText(/策定済み: 1年/)).toBeVisible();
  await expectAxeClean(page, 'case page with earnings-improvement support');
  const monitoring = page.getByRole('form', { name: 'モニタリングへ移行' });
  await monitoring.getByLabel('移行の理由').fill('計画を策定し、金融機関の同意を得た');
  await monitoring.getByRole('button', { name: 'モニタリングへ移行' }).click();
  await expect(page.getByTestId('case-stage')).toContainText('収益力改善：モニタリング');
  await expect(page.getByText(/策定済み: 1年/)).toBeVisible();

  // The council's overdue list (demo data has an overdue task on 有限会社サンプル食品); in-app navigation
  await page.getByRole('navigation', { name: '現在の位置' }).getByRole('link', { name: '案件一覧' }).click();
  await page.getByRole('link', { name: '期限超過のタスク' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('期限超過のタスク');
  const overdue = page.getByRole('row').filter({ hasText: '金融機関別借入明細の受領' });
  await expect(overdue).toContainText('有限会社サンプル食品');
  await expect(overdue).toContainText('営業日超過');
  await expectAxeClean(page, 'overdue list');
  // Keyboard: Tab to the case link and open it with Enter
  const link = overdue.getByRole('link', { name: '有限会社サンプル食品' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('有限会社サンプル食品');
  await panel('窓口相談').click();
  await expect(page.getByText('主力商品の原材料費が上がり')).toBeVisible();
  await panel('タスクと期限').click();
  await expect(page.getByRole('row').filter({ hasText: '振り分け判断（統括責任者）' })).toBeVisible();
  await signOut(page);

  // The company member of デモ精工: no desk consultation, no note — and the API refuses it
  await signIn(page, email('company.tokyo'));
  await page.getByRole('link', { name: '株式会社デモ精工' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('株式会社デモ精工');
  await expect(page.getByRole('heading', { name: '窓口相談' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '窓口相談' })).toHaveCount(0);
  await expect(page.getByText(note)).toHaveCount(0);
  const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const status = await page.evaluate(async (id) => (await fetch(`/api/v1/cases/${id}/desk-consultation`)).status, caseId);
  expect(status).toBe(403);
});
