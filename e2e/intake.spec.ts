import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { generate } from 'otplib';
import { signInAs } from './sign-in';
import { expect, expectAxeClean, switchToEnglish, test } from './fixtures';

/**
 * The public intake as a new visitor lives it: finding the council of its prefecture, the self-check with the quick
 * financial check, the request form (errors explained, then sent), the verification link from the outbox (a replay
 * refused), and the council: its PM sees the request (and a duplicate flagged) and accepts it; the company sets up
 * its account from the invitation, sees its status, hands in three documents (a disguised file refused) and enters
 * three years of figures through the Excel template and the grid; another council's PM cannot find any of it.
 * Keyboard-only submission of the form.
 */

async function verificationLink(page: Page, to: string): Promise<string> {
  const outbox = (await (await page.request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const mail = outbox.items.find((m) => m.to === to && m.text.includes('/consultation/verify#token='));
  const link = /https?:\/\/\S+\/consultation\/verify#token=[\w.-]+/.exec(mail?.text ?? '')?.[0];
  expect(link, 'verification link in the mail').toBeTruthy();
  const url = new URL(link ?? '');
  return url.pathname + url.hash;
}

interface Company {
  readonly corporateNumber: string;
  readonly name: string;
  readonly kana: string;
  readonly email: string;
}

/** Fills the request form (after the 〒 suggestion fills prefecture and town). */
async function fillRequest(page: Page, c: Company): Promise<void> {
  await page.getByRole('textbox', { name: '法人番号（13桁）' }).fill(c.corporateNumber);
  await page.getByRole('textbox', { name: '会社名（屋号）' }).fill(c.name);
  await page.getByRole('textbox', { name: '会社名のフリガナ' }).fill(c.kana);
  await page.getByRole('textbox', { name: '郵便番号' }).fill('100-0005');
  await page.getByRole('button', { name: 'この住所を入力' }).first().click();
  await expect(page.getByRole('combobox', { name: '都道府県' })).toHaveValue('13');
  const address = page.getByRole('textbox', { name: '市区町村・番地' });
  await address.fill(`${await address.inputValue()}1-2-3`);
  await page.getByRole('combobox', { name: '業種（日本標準産業分類）' }).selectOption('24');
  await page.getByRole('textbox', { name: '従業員数（人）' }).fill('25');
  await page.getByRole('textbox', { name: '資本金（円）' }).fill('10,000,000');
  await page.getByRole('combobox', { name: '決算月' }).selectOption('3');
  await page.getByRole('textbox', { name: '年間売上高（円、直近の決算）' }).fill('３００，０００，０００');
  await page.getByRole('textbox', { name: 'お名前' }).fill('丸の内 花子');
  await page.getByRole('textbox', { name: 'メールアドレス' }).fill(c.email);
  await page.getByRole('textbox', { name: '電話番号' }).fill('03-1234-5678');
  await page.getByRole('textbox', { name: 'ご相談内容（自由記述）' }).fill('返済条件の見直しを相談したい');
  await page.getByRole('checkbox', { name: '個人情報の取扱いに同意します' }).check();
  // The server refuses a form sent within 5 s of opening it (a script, not a person); a test types faster than people.
  await page.waitForTimeout(5500);
}

/** The statements template filled in with three years (oldest first), as a company would in Excel. */
async function filledTemplate(templatePath: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templatePath);
  const sheet = wb.getWorksheet('決算書');
  expect(sheet, 'the template has the sheet 決算書').toBeTruthy();
  // A balanced balance sheet (assets 100,000,000 = liabilities 75,000,000 + net assets 25,000,000), kept every year.
  // Lines left out stay blank (0; 1年以内返済長期借入金 stays absent).
  const bs: Record<string, number> = {
    cashAndDeposits: 15e6,
    accountsReceivable: 12e6,
    inventories: 8e6,
    otherCurrentAssets: 5e6,
    land: 30e6,
    buildings: 20e6,
    otherTangibleFixedAssets: 10e6,
    accountsPayable: 9e6,
    shortTermBorrowings: 10e6,
    otherCurrentLiabilities: 6e6,
    longTermBorrowings: 50e6,
    capitalStock: 10e6,
    retainedEarnings: 15e6,
  };
  const years = [
    { date: '2023-03-31', sales: 280e6 },
    { date: '2024-03-31', sales: 290e6 },
    { date: '2025-03-31', sales: 300e6 },
  ];
  const pl: Record<string, number> = {
    costOfSales: 200e6,
    sellingGeneralAdministrativeExpenses: 70e6,
    personnelCosts: 40e6,
    depreciation: 3e6,
    nonOperatingIncome: 0,
    interestExpense: 1_100_000,
    otherNonOperatingExpenses: 0,
    extraordinaryGains: 0,
    extraordinaryLosses: 0,
    incomeTaxes: 570_000,
  };
  let filled = 0;
  sheet?.eachRow((row) => {
    const key = row.getCell(2).text;
    const [part, line = ''] = key.split('.');
    years.forEach((y, i) => {
      const cell = row.getCell(3 + i);
      if (key === 'fiscalYearEnd') cell.value = y.date;
      else if (key === 'employees') cell.value = 25;
      else if (key === 'incomeStatement.netSales') cell.value = y.sales;
      else if (part === 'incomeStatement' && pl[line] !== undefined) cell.value = pl[line];
      else if (part === 'balanceSheet' && bs[line] !== undefined) cell.value = bs[line];
      else return;
      filled += 1;
    });
  });
  expect(filled, 'template rows found by their keys').toBe(3 * (2 + 13 + 11));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A small real .xlsx (the 試算表) and a CSV (the 資金繰り表), as a company's accounting software exports them. */
async function trialBalanceXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('試算表');
  sheet.addRow(['勘定科目', '借方', '貸方']);
  sheet.addRow(['現金預金', 15_000_000, 0]);
  sheet.addRow(['売上高', 0, 150_000_000]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a visitor finds its council, self-checks, asks, verifies; Tokyo accepts; the company hands in documents and figures; Osaka cannot see it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const first: Company = {
    corporateNumber: '7000012050002',
    name: `丸の内製作所${stamp}`,
    kana: 'マルノウチセイサクショ',
    email: `a.${stamp}@example.jp`,
  };

  // A visitor with no account finds the council of its prefecture from the home page, then the self-check.
  await page.goto('/');
  await page.getByLabel('都道府県を選ぶ').selectOption({ label: '東京都' });
  await page.getByRole('button', { name: 'この都道府県の協議会を見る' }).click();
  await expect(page).toHaveURL(/\/councils\/tokyo$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('東京都中小企業活性化協議会');
  await page.goto('/consultation');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ご相談の前に（セルフチェック）');

  // The optional quick financial check: two years of key figures → the six ロカベン indicators and 債務償還年数,
  // each with the steps of its calculation.
  await page.getByText('決算の数字でも確かめる（任意）').click();
  const figures: [string, string, string][] = [
    ['従業員数（人）', '25', '２５'],
    ['売上高', '290,000,000', '３００，０００，０００'],
    ['営業利益', '6,000,000', '7,000,000'],
    ['減価償却費', '3,000,000', '3,000,000'],
    ['経常利益', '4,900,000', '5,900,000'],
    ['法人税等', '1,470,000', '1,770,000'],
    ['現預金', '15,000,000', '15,000,000'],
    ['売上債権（受取手形＋売掛金）', '12,000,000', '12,000,000'],
    ['棚卸資産', '8,000,000', '8,000,000'],
    ['買入債務（支払手形＋買掛金）', '9,000,000', '9,000,000'],
    ['借入金（短期＋長期＋社債）', '60,000,000', '60,000,000'],
    ['純資産', '25,000,000', '25,000,000'],
    ['総資産', '100,000,000', '100,000,000'],
  ];
  for (const [label, y1, y2] of figures) {
    await page.getByRole('textbox', { name: `1期目 ${label}`, exact: true }).fill(y1);
    await page.getByRole('textbox', { name: `2期目 ${label}`, exact: true }).fill(y2);
  }
  // The dates last: once typed, they name the columns (2025年3月期 …).
  await page.getByRole('textbox', { name: '1期目 決算日', exact: true }).fill('2024-03-31');
  await page.getByRole('textbox', { name: '2期目 決算日', exact: true }).fill('2025-03-31');
  await page.getByRole('button', { name: '診断する' }).click();
  const results = page.getByRole('table').filter({ hasText: '① 売上高増加率' });
  for (const name of [
    '① 売上高増加率（売上持続性）',
    '② 営業利益率（収益性）',
    '③ 労働生産性（生産性）',
    '④ EBITDA有利子負債倍率（健全性）',
    '⑤ 営業運転資本回転期間（効率性）',
    '⑥ 自己資本比率（安全性）',
    '債務償還年数',
  ]) {
    const row = results.getByRole('row', { name: new RegExp(`^${name.replace(/[()（）]/g, '.')}`) });
    await expect(row, name).toHaveCount(1);
    await expect(row.getByText('計算の過程'), `${name}: its explanation`).toBeVisible();
  }
  await expect(results.getByRole('row', { name: /① 売上高増加率/ })).toContainText('3.45%');
  await expect(results.getByRole('row', { name: /債務償還年数/ })).toContainText('年');
  await results
    .getByRole('row', { name: /債務償還年数/ })
    .getByText('計算の過程')
    .click();
  await expectAxeClean(page, 'self-check with the quick financial check');

  // Tick what applies, choose the prefecture, get a recommendation.
  await page.getByRole('checkbox', { name: '事業を継続しつつ金融支援を得て立て直しを図りたい' }).check();
  await page.getByRole('checkbox', { name: '自社の課題・問題点を客観的に把握したい' }).check();
  await page.getByRole('combobox', { name: '会社（本店）の所在地の都道府県' }).selectOption('13');
  await page.getByRole('button', { name: '結果を見る' }).click();
  await expect(page.getByRole('heading', { name: 'おすすめ: 事業再生支援' })).toBeVisible();
  await expect(page.getByText('東京都中小企業活性化協議会（無料の窓口相談から始まります）')).toBeVisible();
  await expect(page.getByText('確定申告書・決算書（直近3期分）')).toBeVisible();
  await expectAxeClean(page, 'self-check');
  await page.getByRole('button', { name: 'この内容で相談を申し込む' }).click();

  // The form: the self-check answers came along; empty required fields are explained in Japanese.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談のお申込み');
  await expect(page.getByRole('checkbox', { name: '事業を継続しつつ金融支援を得て立て直しを図りたい' })).toBeChecked();
  await expectAxeClean(page, 'request form');
  await page.getByRole('textbox', { name: '法人番号（13桁）' }).fill('1000012050002');
  await page.getByRole('button', { name: '確認メールを送る' }).click();
  await expect(page.getByText('入力内容を確認してください', { exact: false })).toBeVisible();
  await expect(page.getByText('法人番号が正しくありません', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('会社名は1〜100文字で入力してください').first()).toBeVisible();
  await expectAxeClean(page, 'request form with errors');
  // An unknown 〒 is said at once (offline postal data), before anything is sent.
  await page.getByRole('textbox', { name: '郵便番号' }).fill('000-0000');
  await expect(page.getByText('この郵便番号は見つかりませんでした')).toBeVisible();
  await fillRequest(page, first);
  await page.getByRole('button', { name: '確認メールを送る' }).click();
  await expect(page.getByText('確認メールを送りました')).toBeVisible();
  await expect(page.getByText('東京都中小企業活性化協議会へのお申込みを受け付けました', { exact: false })).toBeVisible();

  // The link in the outbox confirms the request, once.
  const link = await verificationLink(page, first.email);
  await page.goto(link);
  await expect(page.getByText('お申込みを確定しました')).toBeVisible();
  await expectAxeClean(page, 'verification');
  // Opening the same link again (a replay) is refused with a clear message.
  await page.goto('/');
  await page.goto(link);
  await expect(page.getByText('確認済み', { exact: false }).first()).toBeVisible();

  // A second request for the same company (same 法人番号, other spelling of the name).
  const second: Company = { ...first, name: `㈱丸の内製作所${stamp}`, email: `b.${stamp}@example.jp`, corporateNumber: '7-0000-1205-0002' };
  await page.goto('/consultation/request');
  await fillRequest(page, second);
  await page.getByRole('button', { name: '確認メールを送る' }).click();
  await expect(page.getByText('確認メールを送りました')).toBeVisible();
  await page.goto(await verificationLink(page, second.email));
  await expect(page.getByText('お申込みを確定しました')).toBeVisible();

  // The Tokyo PM sees both, the second flagged as a possible duplicate, and accepts the first.
  await signInAs(page, 'pm.tokyo@demo.kasseika.jp');
  await page.getByRole('link', { name: '相談受付' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談受付');
  const card = (prefix: string) =>
    page.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(`^${prefix.replace(/[()]/g, '\\$&')}`) }) });
  const firstCard = card(first.name);
  const secondCard = card(`(株)丸の内製作所${stamp}`);
  await expect(secondCard.getByText('重複の可能性')).toBeVisible();
  await expectAxeClean(page, 'intake inbox');
  await firstCard.getByRole('textbox', { name: '判断の理由（記録に残ります）' }).fill('窓口相談で状況を伺う');
  await firstCard.getByRole('button', { name: '受け付ける（窓口相談へ）' }).click();
  await expect(page.getByText(`${first.name}のご相談を受け付けました（窓口相談へ）`)).toBeVisible();
  await expect(firstCard).toHaveCount(0);
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);

  // The company sets up its account from the invitation mail and sees its case's status in plain words.
  const outbox = (await (await page.request.get('/api/v1/dev/outbox')).json()) as { items: { to: string; text: string }[] };
  const invitation = /https?:\/\/\S+\/invitations\/accept#token=[A-Za-z0-9_-]+/.exec(
    outbox.items.find((m) => m.to === first.email && m.text.includes('/invitations/accept'))?.text ?? '',
  )?.[0];
  expect(invitation, 'account invitation in the mail').toBeTruthy();
  await page.goto(new URL(invitation ?? '').pathname + new URL(invitation ?? '').hash);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('招待の受諾');
  const password = 'marunouchi e2e pass phrase 2026';
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
  await page.getByRole('link', { name: first.name }).click();
  await expect(page.getByTestId('company-case-status')).toHaveText('窓口相談の段階です。担当者と面談し、状況をお聞きしています。');
  await expectAxeClean(page, 'company case status');
  const casePath = new URL(page.url()).pathname;

  // Three documents handed in (a program disguised as a PDF is refused by its content first).
  await page.getByRole('link', { name: /書類（決算書3期分、試算表、資金繰り表、借入金一覧など）を提出する/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('書類');
  const form = page.getByRole('form', { name: '書類を提出する' });
  const file = form.getByLabel('ファイル', { exact: true });
  await form.getByRole('textbox', { name: '書類名' }).fill('決算書（3期分）');
  await file.setInputFiles({
    name: 'kessan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]),
  });
  await form.getByRole('button', { name: '提出する' }).click();
  await expect(form.getByRole('alert')).toContainText('プログラム');
  await expect(form.getByRole('textbox', { name: '書類名' })).toHaveValue('決算書（3期分）');
  const handIn = async (type: string, title: string, upload: { name: string; mimeType: string; buffer: Buffer }) => {
    await form.getByRole('combobox', { name: '書類の種類' }).selectOption(type);
    await form.getByRole('textbox', { name: '書類名' }).fill(title);
    await file.setInputFiles(upload);
    await form.getByRole('button', { name: '提出する' }).click();
    await expect(page.getByRole('status').filter({ hasText: `「${title}」を提出しました。` })).toBeVisible();
  };
  await handIn('financial_statements', '決算書（3期分）', {
    name: 'kessan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% kessan 3 years\n%%EOF\n', 'latin1'),
  });
  await handIn('trial_balance', '試算表（2025年9月）', {
    name: 'shisanhyo.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await trialBalanceXlsx(),
  });
  await handIn('cash_flow_table', '資金繰り表', {
    name: 'shikinguri.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('月,収入,支出\n2025-10,25000000,24000000\n2025-11,26000000,25500000\n', 'utf8'),
  });
  await expect(page.getByRole('heading', { name: '提出済みの書類（3件）' })).toBeVisible();

  // Three years of figures: the Excel template downloaded, filled in and read back, then checked in the grid.
  await page.goto(casePath);
  await page.getByRole('link', { name: '決算書の数字（3期分）を入力する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('決算書の数字');
  await expect(page.getByTestId('statements-revision')).toHaveText('まだ入力されていません。');
  await expectAxeClean(page, 'statements (company, empty)');
  // A program renamed .xlsx is refused by its content; nothing is read into the grid.
  await page.getByLabel('Excel / CSV から読み込む').setInputFiles({
    name: 'kessan.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0)]),
  });
  await expect(page.getByTestId('statements-import-message')).toContainText('ファイルの中身がこれらの形式ではありません');
  await expect(page.getByRole('textbox', { name: '1期目 売上高', exact: true })).toHaveValue('');
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Excelテンプレートをダウンロード' }).click(),
  ]);
  await page.getByLabel('Excel / CSV から読み込む').setInputFiles({
    name: 'kessan.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await filledTemplate(await template.path()),
  });
  await expect(page.getByTestId('statements-import-message')).toContainText('3期分の数字をファイルから読み込みました');
  const cell = (year: string, line: string) => page.getByRole('textbox', { name: `${year} ${line}`, exact: true });
  await expect(cell('2023年3月期', '売上高')).toHaveValue('280,000,000');
  // A mistyped cell is explained in Japanese next to it; everything typed stays.
  await cell('2025年3月期', '売上高').fill('さんおく');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('alert')).toContainText('1件の入力内容を確認してください');
  await expect(cell('2025年3月期', '売上高')).toHaveAccessibleDescription('数値を入力してください（例: 1,234 や ▲500）');
  await expect(cell('2025年3月期', '売上高')).toHaveValue('さんおく');
  await expect(cell('2024年3月期', '売上高')).toHaveValue('290,000,000');
  await expectAxeClean(page, 'statements with an error');
  // Unsaved typing survives leaving the page (a session timeout and signing in again reloads it the same way).
  await page.reload();
  await expect(page.getByTestId('statements-draft-restored')).toBeVisible();
  await expect(cell('2025年3月期', '売上高')).toHaveValue('さんおく');
  await expect(cell('2024年3月期', '売上高')).toHaveValue('290,000,000');
  await cell('2025年3月期', '売上高').fill('３００，０００，０００');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3期分の決算書を保存しました（第1版）。' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('statements-revision')).toContainText('第1版');
  await expect(page.getByTestId('statements-draft-restored')).toHaveCount(0);
  await expect(cell('2025年3月期', '売上高')).toHaveValue('300,000,000');
  await expect(cell('2023年3月期', '経常利益')).toHaveCount(0); // a subtotal: computed, not typed
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);

  // The Tokyo PM reads the figures the company entered, and its three documents.
  await signInAs(page, 'pm.tokyo@demo.kasseika.jp');
  await page.goto(`${casePath}/statements`);
  await expect(page.getByTestId('statements-revision')).toContainText('第1版');
  await expect(cell('2025年3月期', '売上高')).toHaveValue('300,000,000');
  await expectAxeClean(page, 'statements (PM)');
  await page.goto(`${casePath}/documents`);
  await expect(page.getByRole('heading', { name: '提出済みの書類（3件）' })).toBeVisible();
  await page.getByTestId('account-menu-button').click();
  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/);

  // Osaka's PM does not see it in their inbox nor in their case search.
  await signInAs(page, 'pm.osaka@demo.kasseika.jp');
  await page.goto('/council/intake');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談受付');
  await expect(page.getByText(first.name)).toHaveCount(0);
  await expect(page.getByText(`丸の内製作所${stamp}`, { exact: false })).toHaveCount(0);
  // Nor by searching its cases, nor by the case's own addresses.
  await page.goto(`/cases?q=${encodeURIComponent(`丸の内製作所${stamp}`)}`);
  await expect(page.getByTestId('case-count')).not.toBeEmpty();
  await expect(page.getByRole('link', { name: first.name })).toHaveCount(0);
  for (const path of [casePath, `${casePath}/documents`, `${casePath}/statements`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('案件が見つかりません');
  }
});

/** Presses Tab until the target has focus (keyboard-only navigation). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the field with Tab');
}

test('the request form can be filled and sent with the keyboard only', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  await page.goto('/consultation/request');
  await expect(page.getByRole('textbox', { name: '会社名（屋号）' })).toBeVisible();
  const type = async (name: string, text: string) => {
    await tabTo(page, page.getByRole('textbox', { name, exact: true }));
    await page.keyboard.type(text);
  };
  const choose = async (name: string, value: string) => {
    const select = page.getByRole('combobox', { name, exact: true });
    await tabTo(page, select);
    // A focused <select> changes with the arrow keys / typed characters; selectOption stands in for that choice.
    await select.selectOption(value);
  };
  await type('会社名（屋号）', `キーボード商店${stamp}`);
  await type('会社名のフリガナ', 'きーぼーどしょうてん');
  await type('郵便番号', '1000005');
  await choose('都道府県', '13');
  await type('市区町村・番地', '千代田区丸の内1-1');
  await choose('業種（日本標準産業分類）', '58');
  await type('従業員数（人）', '3');
  await choose('決算月', '12');
  await type('年間売上高（円、直近の決算）', '40000000');
  await type('お名前', 'キー 太郎');
  await type('メールアドレス', `kb.${stamp}@example.jp`);
  await type('電話番号', '0312345678');
  await tabTo(page, page.getByRole('checkbox', { name: '個人情報の取扱いに同意します' }));
  await page.keyboard.press('Space');
  await page.waitForTimeout(5500); // the minimum fill time (see fillRequest)
  await tabTo(page, page.getByRole('button', { name: '確認メールを送る' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('確認メールを送りました')).toBeVisible();
});

test('the self-check and the request form are complete in English', async ({ page }) => {
  await page.goto('/consultation');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Before you ask (self-check)');
  await page.getByRole('checkbox', { name: 'If recovery is not possible, I want support for a fresh start' }).check();
  await page.getByRole('button', { name: 'See the result' }).click();
  await expect(page.getByRole('heading', { name: 'Suggested: Re-challenge support' })).toBeVisible();
  await expectAxeClean(page, 'self-check (English)');
  await page.getByRole('button', { name: 'Ask for a consultation with these answers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask for a consultation');
  await page.getByRole('button', { name: 'Send the confirmation mail' }).click();
  await expect(page.getByText('Enter the 7-digit postal code (e.g. 100-0005)').first()).toBeVisible();
  await expectAxeClean(page, 'request form with errors (English)');
});
