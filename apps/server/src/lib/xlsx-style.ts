import type ExcelJS from 'exceljs';

/**
 * Shared look of the workbooks: BIZ UDPゴシック (the universal-design font shipped with Windows and used in the PDF),
 * yen as numbers with `#,##0` and negatives red WITH a minus sign (never colour alone).
 */
export const JAPANESE_FONT = 'BIZ UDPゴシック';
export const YEN_FORMAT = '#,##0;[Red]-#,##0';
export const DECIMAL_FORMAT = '#,##0.00;[Red]-#,##0.00';

export function applyWorkbookStyle(wb: ExcelJS.Workbook): void {
  wb.creator = 'Kasseika';
  wb.company = '中小企業活性化協議会';
  // A fixed date keeps the file reproducible for the same input (the content, not the clock, defines it).
  wb.created = new Date('2000-01-01T00:00:00Z');
  wb.modified = new Date('2000-01-01T00:00:00Z');
}
