import { yen, type Yen } from '@kasseika/domain';
import { makeStep, text, type Step } from '../explain/step';

/**
 * Simplified SME EBITDA = 営業利益 + 減価償却費 (the form ロカベン uses).
 *
 * @example
 * computeEbitda({ operatingProfit: yen(4_000_000), depreciation: yen(3_000_000) }).value // 7000000
 * @see REFERENCE §6.3
 */
export function computeEbitda(input: { operatingProfit: Yen; depreciation: Yen }): { value: Yen; steps: Step[] } {
  const value = yen(input.operatingProfit + input.depreciation);
  return {
    value,
    steps: [
      makeStep('OPERATING_PROFIT', text('営業利益', 'Operating profit'), input.operatingProfit, 'yen'),
      makeStep('DEPRECIATION', text('減価償却費', 'Depreciation'), input.depreciation, 'yen'),
      makeStep('EBITDA', text('EBITDA（営業利益 + 減価償却費）', 'EBITDA (operating profit + depreciation)'), value, 'yen', {
        formula: text('営業利益 + 減価償却費', 'Operating profit + depreciation'),
        sourceRef: 'REFERENCE §6.3',
      }),
    ],
  };
}
