import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, expectAxeClean, switchToEnglish, test } from './fixtures';

/** Dispatches a paste of tab-separated text into a cell, as Excel's clipboard would. */
async function pasteInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test('a visitor runs the public quick check and sees the six indicators, 債務償還年数 and the peer radar', async ({ page }) => {
  await page.goto('/tools/quick-check');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('財務かんたん診断（ロカベン6指標）');
  await expectAxeClean(page, 'quick check (ja)');
  await page.getByLabel('業種（同業種との比較）').selectOption('0201');
  // REFERENCE §10.4 in yen; typed with 全角 digits and commas, some pasted from Excel.
  const figures: [string, string, string][] = [
    ['従業員数（人）', '20', '２０'],
    ['売上高', '100,000,000', '１０５，０００，０００'],
    ['営業利益', '3,000,000', '4,000,000'],
    ['減価償却費', '3,000,000', '3,000,000'],
    ['経常利益', '1,900,000', '3,500,000'],
    ['法人税等', '570,000', '1,050,000'],
  ];
  for (const [label, y1, y2] of figures) {
    await page.getByRole('textbox', { name: `1期目 ${label}`, exact: true }).fill(y1);
    await page.getByRole('textbox', { name: `2期目 ${label}`, exact: true }).fill(y2);
  }
  const balance = ['15000000', '12000000', '8000000', '9000000', '60000000', '25000000', '100000000'];
  await pasteInto(page, '1期目 現預金', balance.map((v) => `${v}\t${v}`).join('\r\n'));
  await expect(page.getByRole('textbox', { name: '2期目 総資産', exact: true })).toHaveValue('100000000');
  await page.getByRole('textbox', { name: '1期目 決算日', exact: true }).fill('2025-03-31');
  await page.getByRole('textbox', { name: '2期目 決算日', exact: true }).fill('2026-03-31');
  await expect(page.getByRole('columnheader', { name: '2026年3月期' })).toBeVisible();
  await page.getByRole('button', { name: '診断する' }).click();
  await expect(page.getByRole('heading', { name: '診断結果' })).toBeVisible();
  const results = page.getByRole('table').filter({ hasText: '① 売上高増加率' });
  await expect(results.getByRole('row', { name: /① 売上高増加率/ })).toContainText('5.00%');
  await expect(results.getByRole('row', { name: /③ 労働生産性/ })).toContainText('200 千円/人');
  await expect(results.getByRole('row', { name: /債務償還年数/ })).toContainText('年');
  await expect(page.getByText('合計 17 点 / 30 点')).toBeVisible();
  await expect(page.getByText('参考値（出典未確認）')).toBeVisible();
  await expect(page.getByRole('img', { name: /評点/ })).toBeVisible();
  await results.getByText('計算の過程').first().click();
  await expect(results.getByText('REFERENCE §6.5 ①')).toBeVisible();
  await expectAxeClean(page, 'quick check results (ja)');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quick financial check (ロカベン six indicators)');
  await expectAxeClean(page, 'quick check results (en)');
});

test('a text amount gets an error next to the cell that says what to fix', async ({ page }) => {
  await page.goto('/tools/quick-check');
  await page.getByRole('textbox', { name: '1期目 売上高', exact: true }).fill('たくさん');
  await page.getByRole('button', { name: '診断する' }).click();
  const cell = page.getByRole('textbox', { name: '1期目 売上高', exact: true });
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expect(cell).toHaveAccessibleDescription('数値を入力してください（例: 1,234 や ▲500）');
  await expect(page.getByRole('alert')).toContainText('入力内容を確認してください');
});

test('a user builds a 5-year plan by typing and pasting, sees it recompute and the criteria, and exports Excel with the API’s numbers', async ({
  page,
}) => {
  // Many steps, each waiting for a recompute: past 60 s on a loaded machine (seen with a load average of 13).
  test.setTimeout(150_000);
  await page.goto('/tools/plan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('数値計画ワークベンチ');
  await expectAxeClean(page, 'plan workbench (ja, empty)');
  await page.getByLabel('会社名').fill('株式会社みらい製作所');
  // Balance sheet of two years pasted from Excel (現預金 … その他の純資産, blank = 0).
  const bs = [15e6, 0, 12e6, 8e6, 5e6, 30e6, 20e6, 10e6, 0, 0, 0, 0, 9e6, 10e6, '', 6e6, 50e6, 0, 0, 0, 0, 10e6, 15e6, 0];
  await pasteInto(page, '1期目 現預金', bs.map((v) => `${v}\t${v}`).join('\n'));
  // Income statement components (売上高 … 法人税等), typed by pasting too; subtotals are computed.
  const pl1 = [100e6, 67e6, 30e6, 15e6, 3e6, '', 0, 1.1e6, 0, 0, 0, 570_000];
  const pl2 = [105e6, 70e6, 31e6, 15e6, 3e6, '', 500_000, 1e6, 0, 0, 0, 1_050_000];
  await pasteInto(page, '1期目 売上高', pl1.map((v, i) => `${v}\t${pl2[i]}`).join('\n'));
  await page.getByRole('textbox', { name: '1期目 従業員数（人）', exact: true }).fill('20');
  await page.getByRole('textbox', { name: '2期目 従業員数（人）', exact: true }).fill('２０');
  await page.getByRole('textbox', { name: '1期目 決算日', exact: true }).fill('2025-03-31');
  await page.getByRole('textbox', { name: '2期目 決算日', exact: true }).fill('2026/3/31');
  await expect(page.getByRole('row', { name: /^当期純利益/ })).toContainText('2,450,000');

  await page.getByLabel('人件費（年額）').fill('15,000,000');
  await page.getByLabel('その他の固定費（年額）').fill('13,000,000');
  await page.getByLabel('計画成立日（予定）').fill('2026-06-15');
  for (const [n, name, balance, line, rate, method, term] of [
    [1, 'あおば銀行', '10,000,000', 'shortTermBorrowings', '2.4', 'bullet', '120'],
    [2, 'みなと信用金庫', '50,000,000', 'longTermBorrowings', '1.2', 'equalPrincipal', '100'],
  ] as const) {
    await page.getByRole('button', { name: '金融機関を追加' }).click();
    const group = page.getByRole('group', { name: `金融機関${n}` });
    await group.getByLabel('金融機関名').fill(name);
    await group.getByLabel('借入残高').fill(balance);
    await group.getByLabel('区分').selectOption(line);
    await group.getByLabel('年利（%）').fill(rate);
    await group.getByLabel('返済方法').selectOption(method);
    await group.getByLabel('返済回数（か月）').fill(term);
  }
  await page.getByLabel('毎月の返済原資（プロラタ按分する額）').fill('500,000');

  // Live recomputation: every answer of POST /calculations/plan is kept; the last one is what the page shows.
  const answers: Api[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/api/v1/calculations/plan') && r.status() === 200) void r.json().then((body: Api) => answers.push(body));
  });
  await page.getByRole('button', { name: '修正を追加' }).click();
  const adj = page.getByRole('group', { name: '修正1' });
  await adj.getByLabel('修正する科目').selectOption('land');
  await adj.getByLabel('修正区分').selectOption('realEstateFairValue');
  await adj.getByLabel('修正額').fill('▲30,000,000');
  await adj.getByLabel('修正理由').fill('路線価による時価評価');
  await expect(page.getByTestId('plan-status')).toHaveText('計算結果は最新です。', { timeout: 20_000 });
  await expect(page.getByTestId('real-net-assets')).toContainText('-5,000,000');
  await expect(page.getByTestId('criteria-overall')).toHaveText('○ 基準を満たしています');
  await expect(page.getByTestId('checks')).toContainText('すべての整合性チェックに合格');
  await expect(page.getByRole('row', { name: /実質債務超過を概ね5年以内に解消/ })).toContainText('× 未充足');
  await expect.poll(() => answers.length).toBeGreaterThan(0);
  const api = answers.at(-1)!;
  expect(api.realBalanceSheet.realNetAssets).toBe(-5_000_000);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excelで出力（.xlsx）' }).click()]);
  expect(download.suggestedFilename()).toBe('株式会社みらい製作所_数値計画_2026-03基準.xlsx');
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    '損益計画',
    '貸借対照表',
    '資金繰り',
    '金融機関別返済計画',
    '数値基準',
    'プロラタ按分',
    '計算根拠',
  ]);
  const statements = [api.projection.base, ...api.projection.years.map((y) => y.statement)];
  expect(statements).toHaveLength(6);
  const row = (sheet: string, label: string): (number | null)[] | undefined => {
    const found: (number | null)[][] = [];
    wb.getWorksheet(sheet)!.eachRow((r) => {
      if (r.getCell(1).value === label)
        found.push(Array.from({ length: statements.length }, (_, i) => r.getCell(i + 2).value as number | null));
    });
    return found[0];
  };
  for (const [label, key] of [
    ['売上高', 'netSales'],
    ['営業利益', 'operatingProfit'],
    ['経常利益', 'ordinaryProfit'],
    ['支払利息', 'interestExpense'],
    ['当期純利益', 'netIncome'],
  ] as const) {
    expect(row('損益計画', label), label).toEqual(statements.map((s) => s.incomeStatement[key]));
  }
  for (const [label, key] of [
    ['現預金', 'cashAndDeposits'],
    ['長期借入金', 'longTermBorrowings'],
    ['利益剰余金', 'retainedEarnings'],
  ] as const) {
    expect(row('貸借対照表', label), label).toEqual(statements.map((s) => s.balanceSheet[key]));
  }
  expect(row('資金繰り', '期末現預金')?.slice(0, 5)).toEqual(api.projection.years.map((y) => y.cashFlow.closingCash));

  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAxeClean(page, 'plan workbench with results (ja)');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan workbench');
  await expect(page.getByTestId('plan-status')).toHaveText('The results are up to date.', { timeout: 20_000 });
  await expectAxeClean(page, 'plan workbench with results (en)');
});

interface Api {
  realBalanceSheet: { realNetAssets: number };
  projection: { base: Statement; years: { statement: Statement; cashFlow: Record<string, number> }[] };
}

interface Statement {
  incomeStatement: Record<'netSales' | 'operatingProfit' | 'ordinaryProfit' | 'interestExpense' | 'netIncome', number>;
  balanceSheet: Record<'cashAndDeposits' | 'longTermBorrowings' | 'retainedEarnings', number>;
}
