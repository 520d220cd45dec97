/**
 * @kasseika/finance — the financial engine. Pure functions; every result carries its explanation steps.
 * Import from the package root only; this list is the public surface.
 */

// Explanations and validation
export * from './explain/step';
export * from './validation/issue';

// Money and calendar helpers of this package
export * from './money/exact-fraction';
export * from './money/allocate-by-weights';
export * from './calendar/fiscal-calendar';

// 1. Statements
export * from './statements/financial-statement';
export * from './statements/statement-builder';
export * from './statements/balance-sheet-totals';
export * from './statements/validate-statements';

// 2. Diagnosis
export * from './diagnosis/interest-bearing-debt';
export * from './diagnosis/normal-working-capital';
export * from './diagnosis/ebitda';
export * from './diagnosis/equity-ratio';
export * from './diagnosis/debt-repayment-years';
export * from './diagnosis/locaben-thresholds';
export * from './diagnosis/locaben-indicators';
export * from './diagnosis/locaben-score';

// 3. 実態貸借対照表
export * from './real-balance-sheet/real-balance-sheet';

// 4. Integrated projection
export * from './projection/projection-input';
export * from './projection/fixed-asset-plan';
export * from './projection/projection-result';
export * from './projection/projection-checks';
export * from './projection/projection-steps';
export * from './projection/build-projection';
export * from './projection/scenarios';
export * from './projection/sensitivity';

// 5. Numeric criteria
export * from './criteria/criteria-rules';
export * from './criteria/check-numeric-criteria';

// 6. Pro-rata
export * from './pro-rata/security-coverage';
export * from './pro-rata/pro-rata';

// 7. Repayment schedules
export * from './schedules/repayment-schedule';
export * from './schedules/annual-repayment-summary';
export * from './schedules/pro-rata-schedules';

// 8. Subsidy arithmetic
export * from './subsidy/subsidy-rules';
export * from './subsidy/compute-subsidy';

// 9. Guarantee-debt workouts (経営者保証GL)
export * from './guarantees/residual-assets';
