/**
 * Contracts of the finance calculators (`POST /api/v1/calculations/...`): requests mirror the inputs of
 * `@kasseika/finance`, responses its results with their explanation steps. Money is integer yen.
 */
export * from './calculations/common';
export * from './calculations/statements';
export * from './calculations/inputs';
export * from './calculations/results';
export * from './calculations/plan';
