import { yen } from '@kasseika/domain';
import {
  deriveIncomeStatement,
  emptyBalanceSheet,
  formatYenPlain,
  makeIssue,
  makeStep,
  text,
  type FinancialStatement,
  type Step,
  type ValidationIssue,
} from '@kasseika/finance';
import type { KeyFigures } from '@kasseika/contracts';

/**
 * The public quick check takes key figures, not a full 決算書. They are turned into a statement that carries exactly
 * those figures on the lines the indicators read (the rest goes to "other" lines), so the same engine computes the
 * six ロカベン indicators and 債務償還年数. Issues use paths into `years[i]`.
 *
 * @example
 * statementsFromKeyFigures([{ fiscalYearEnd: '2026-03-31', employees: 20, netSales: 105_000_000, … }]).statements[0]
 */
export function statementsFromKeyFigures(years: readonly KeyFigures[]): {
  statements: FinancialStatement[];
  issues: ValidationIssue[];
  steps: Step[];
} {
  const issues: ValidationIssue[] = [];
  const statements = years.map((k, i): FinancialStatement => {
    const path = ['years', i];
    const namedAssets = k.cashAndDeposits + k.tradeReceivables + k.inventories;
    if (namedAssets > k.totalAssets) {
      issues.push(
        makeIssue([...path, 'totalAssets'], 'TOTAL_ASSETS_TOO_SMALL', {
          ja: `総資産 ${formatYenPlain(k.totalAssets)}円 が 現預金・売上債権・棚卸資産の合計 ${formatYenPlain(namedAssets)}円 より小さくなっています。総資産を確認してください。`,
          en: `Total assets of ¥${formatYenPlain(k.totalAssets)} are less than cash, receivables and inventories together (¥${formatYenPlain(namedAssets)}). Check total assets.`,
        }),
      );
    }
    const namedClaims = k.netAssets + k.tradePayables + k.borrowings;
    if (namedClaims > k.totalAssets) {
      issues.push(
        makeIssue([...path, 'totalAssets'], 'LIABILITIES_EXCEED_TOTAL', {
          ja: `純資産・買入債務・借入金の合計 ${formatYenPlain(namedClaims)}円 が総資産 ${formatYenPlain(k.totalAssets)}円 を超えています。貸借が一致するよう確認してください。`,
          en: `Net assets, trade payables and borrowings together (¥${formatYenPlain(namedClaims)}) exceed total assets of ¥${formatYenPlain(k.totalAssets)}. Check that the figures balance.`,
        }),
      );
    }
    if (k.operatingProfit > k.netSales) {
      issues.push(
        makeIssue([...path, 'operatingProfit'], 'OPERATING_PROFIT_ABOVE_SALES', {
          ja: `営業利益 ${formatYenPlain(k.operatingProfit)}円 が売上高 ${formatYenPlain(k.netSales)}円 を上回っています。`,
          en: `Operating profit of ¥${formatYenPlain(k.operatingProfit)} exceeds net sales of ¥${formatYenPlain(k.netSales)}.`,
        }),
      );
    }
    const month = Number(k.fiscalYearEnd.slice(5, 7));
    const nonOperating = k.ordinaryProfit - k.operatingProfit;
    return {
      fiscalYearEnd: k.fiscalYearEnd,
      fiscalYearEndMonth: month >= 1 && month <= 12 ? month : 1,
      employees: k.employees,
      balanceSheet: {
        ...emptyBalanceSheet(),
        cashAndDeposits: yen(k.cashAndDeposits),
        accountsReceivable: yen(k.tradeReceivables),
        inventories: yen(k.inventories),
        otherCurrentAssets: yen(Math.max(0, k.totalAssets - namedAssets)),
        accountsPayable: yen(k.tradePayables),
        longTermBorrowings: yen(k.borrowings),
        otherCurrentLiabilities: yen(Math.max(0, k.totalAssets - namedClaims)),
        retainedEarnings: yen(k.netAssets),
      },
      incomeStatement: deriveIncomeStatement({
        netSales: yen(k.netSales),
        sellingGeneralAdministrativeExpenses: yen(Math.max(0, k.netSales - k.operatingProfit)),
        depreciationInCostOfSales: yen(k.depreciation),
        ...(nonOperating >= 0 ? { nonOperatingIncome: yen(nonOperating) } : { otherNonOperatingExpenses: yen(-nonOperating) }),
        incomeTaxes: yen(k.incomeTaxes),
      }),
    };
  });
  const steps = [
    makeStep(
      'KEY_FIGURES_TO_STATEMENT',
      text(
        '簡易入力の主要数値から決算書を組み立てて計算（その他流動資産 = 総資産 − 現預金 − 売上債権 − 棚卸資産、その他負債 = 総資産 − 純資産 − 買入債務 − 借入金、借入金はすべて有利子負債）',
        'The key figures were placed in a statement (other current assets = total assets − cash − receivables − inventories; other liabilities = total assets − net assets − payables − borrowings; all borrowings bear interest)',
      ),
      null,
      'none',
    ),
  ];
  return { statements, issues, steps };
}

/** Paths of issues found on statements built from key figures, mapped back to what the visitor typed. */
export function keyFiguresPath(path: readonly (string | number)[]): readonly (string | number)[] {
  if (path[0] === 'years') return path;
  const [index, field] = path;
  if (typeof index !== 'number') return ['years'];
  if (field === 'fiscalYearEnd' || field === 'employees') return ['years', index, field];
  return ['years', index];
}
