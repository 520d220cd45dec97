import { expect, expectAxeClean, test } from './fixtures';
import { demoEmail, signInAs } from './sign-in';

/**
 * The staff case list and the case history: a PM finds a company by its フリガナ typed in 半角カナ, accepts it from
 * the case page's next steps (which the server computes) and reads the move in the history, filters the list by
 * support track from a bookmarkable URL, and pages through the list with the keyset pager (by keyboard, too).
 * Uses the demo request 日本橋デモ食品(株) (DEMO-13-I002), which no other journey touches, and creates no cases, so
 * the other journeys' lists stay as they expect them.
 */

const TIMELINE_REASON = '面談の日程が決まったため受け付ける（E2E）';

test('a PM searches by フリガナ in 半角カナ, accepts a case and reads its history, filters by track and pages through the list', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, demoEmail('pm.tokyo'));
  await page.goto('/cases');
  await expect(page.getByTestId('case-count')).not.toBeEmpty();

  // Search by フリガナ in half-width katakana: both requests of 日本橋デモ食品 (ニホンバシデモショクヒン), nothing else.
  const searchBox = page.getByRole('searchbox', { name: '企業名・フリガナ・案件番号・法人番号' });
  await searchBox.fill('ﾆﾎﾝﾊﾞｼﾃﾞﾓ');
  await searchBox.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByTestId('case-count')).toHaveText('2件の案件');
  const table = page.getByTestId('case-table');
  await expect(table).toContainText('株式会社日本橋デモ食品');
  await expect(table).toContainText('日本橋デモ食品(株)');
  await expect(table).toContainText('ニホンバシデモショクヒン');
  await expect(table).not.toContainText('株式会社デモ精工');
  await expectAxeClean(page, 'case list (search)');

  // The case page: the next steps come from the server; accepting records who, when, from → to and why.
  await table.getByRole('link', { name: '日本橋デモ食品(株)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('日本橋デモ食品(株)');
  const next = page.getByTestId('next-transitions');
  await expect(next).toContainText('受付（窓口相談へ）');
  // The history is an audited read: it loads when asked.
  await expect(page.getByTestId('case-timeline')).toHaveCount(0);
  await page.getByRole('button', { name: '経過を表示' }).click();
  await expect(page.getByRole('button', { name: '経過を閉じる' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('段階の変更はまだありません。')).toBeVisible();
  await next.getByRole('button', { name: '受付（窓口相談へ）…' }).click();
  await page.getByRole('button', { name: '受付（窓口相談へ）を記録する' }).click();
  await expect(page.getByText('理由を入力してください')).toBeVisible();
  await page.getByRole('textbox', { name: '理由' }).fill(TIMELINE_REASON);
  await page.getByRole('button', { name: '受付（窓口相談へ）を記録する' }).click();
  const timeline = page.getByTestId('case-timeline');
  await expect(timeline).toContainText('受付（窓口相談へ）');
  await expect(timeline).toContainText(/相談受付 → .*窓口相談/);
  await expect(timeline).toContainText(TIMELINE_REASON);
  await expect(timeline).toContainText('東京 統括責任者（デモ）');
  // Now at desk consultation: the tracks wait for the triage decision, and say so.
  await expect(next).toContainText('収益力改善支援を開始');
  await expect(next).toContainText('窓口相談の振り分け判断（理由）が記録されていません');
  await expectAxeClean(page, 'case page with history');

  // Triage into 収益力改善支援 (the desk-consultation API, as its own page does): the history shows the second move.
  // (Let the refetches after the move finish first: leaving the page must not cut a request short.)
  await page.waitForLoadState('networkidle');
  const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const status = await page.evaluate(async (id) => {
    const session = (await (await fetch('/api/v1/auth/session', { headers: { accept: 'application/json' } })).json()) as {
      csrfToken: string;
    };
    const res = await fetch(`/api/v1/cases/${id}/triage`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ decision: 'earnings_improvement', reasons: '収益力の改善が必要（E2E）', expectedStage: 'desk_consultation' }),
    });
    return res.status;
  }, caseId);
  expect(status).toBe(204);
  await page.reload();
  await page.getByRole('button', { name: '経過を表示' }).click();
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').first()).toContainText(/窓口相談 → .*収益力改善：計画策定/);

  // Filter by track: the choice lands in the URL, and the bookmarked URL shows the same list.
  await page.waitForLoadState('networkidle');
  await page.goto('/cases');
  await page.getByRole('combobox', { name: '支援の種類' }).selectOption('earnings_improvement');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page).toHaveURL(/[?&]track=earnings_improvement/);
  await expect(table).toContainText('日本橋デモ食品(株)');
  await expect(table).toContainText('収益力改善支援');
  await expect(table).not.toContainText('有限会社サンプル食品');
  await expect(table).not.toContainText('株式会社日本橋デモ食品');
  const bookmarked = page.url();
  await page.goto('/');
  await page.goto(bookmarked);
  await expect(page.getByRole('combobox', { name: '支援の種類' })).toHaveValue('earnings_improvement');
  await expect(table).toContainText('日本橋デモ食品(株)');
  await expect(table).not.toContainText('有限会社サンプル食品');
  await expectAxeClean(page, 'case list (track filter)');

  // Keyset pages of two rows: older, older again, back to newer — by keyboard — without repeating or skipping a case.
  await page.goto('/cases?pageSize=2');
  await expect(page.getByRole('combobox', { name: '表示件数' })).toHaveValue('2');
  const rowsOf = async () => (await table.locator('tbody tr td:first-child').allTextContents()).map((s) => s.trim());
  await expect(table.locator('tbody tr')).toHaveCount(2);
  const first = await rowsOf();
  await expect(page.getByRole('button', { name: '← 新しい案件' })).toBeDisabled();
  await page.getByRole('button', { name: '古い案件 →' }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect.poll(rowsOf).not.toEqual(first);
  const second = await rowsOf();
  expect(second.filter((r) => first.includes(r))).toEqual([]);
  const newer = page.getByRole('button', { name: '← 新しい案件' });
  await newer.focus();
  await page.keyboard.press('Enter');
  await expect.poll(rowsOf).toEqual(first);
  await expectAxeClean(page, 'case list (pages)');
});
