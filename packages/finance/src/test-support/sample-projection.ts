import { yen } from '@kasseika/domain';
import type { ProjectionInput } from '../projection/projection-input';
import { sampleCurrentYear } from './sample-statements';

/**
 * Test fixture: the §10.4-style company (base year ending 2026-03-31) with a 5-year plan.
 * Loans: ST1 = short-term ¥10,000,000 rolled over (bullet, 120 months, 2.4 %: interest 20,000 a month);
 * LT1 = long-term ¥50,000,000, equal principal over 100 months at 1.2 % (500,000 a month; interest of month k =
 * 50,000 − 500 × (k − 1)). Depreciation: buildings 20,000,000 over 20 years (1,000,000), other tangible 10,000,000
 * over 5 years (2,000,000). Drivers: growth 3 %, cost of sales 66 %, personnel 15,000,000, other fixed SG&A
 * 13,000,000, tax 30 %.
 */
export function sampleProjectionInput(): ProjectionInput {
  return {
    base: sampleCurrentYear(),
    drivers: {
      horizonYears: 5,
      salesGrowth: 0.03,
      costOfSalesRatio: 0.66,
      personnelCosts: yen(15_000_000),
      otherFixedSga: yen(13_000_000),
      taxRate: 0.3,
      existingDepreciation: {
        buildings: { kind: 'straightLine', remainingLifeYears: 20 },
        otherTangible: { kind: 'straightLine', remainingLifeYears: 5 },
      },
      loans: [
        {
          id: 'ST1',
          creditorId: 'BANK-A',
          line: 'shortTermBorrowings',
          schedule: {
            principal: yen(10_000_000),
            firstPaymentMonth: '2026-04',
            termMonths: 120,
            graceMonths: 0,
            annualRate: 0.024,
            interestConvention: 'monthlyRate',
            method: { kind: 'bullet' },
          },
        },
        {
          id: 'LT1',
          creditorId: 'BANK-B',
          line: 'longTermBorrowings',
          schedule: {
            principal: yen(50_000_000),
            firstPaymentMonth: '2026-04',
            termMonths: 100,
            graceMonths: 0,
            annualRate: 0.012,
            interestConvention: 'monthlyRate',
            method: { kind: 'equalPrincipal' },
          },
        },
      ],
    },
  };
}
