import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { sampleCurrentYear } from '../test-support/sample-statements';
import { computeNormalWorkingCapital, workingCapitalInputFromBalanceSheet } from './normal-working-capital';

describe('normal working capital (正常運転資金)', () => {
  it('is receivables + inventories − payables: 12,000,000 + 8,000,000 − 9,000,000 = 11,000,000', () => {
    const r = computeNormalWorkingCapital(workingCapitalInputFromBalanceSheet(sampleCurrentYear().balanceSheet));
    expect(r.value).toBe(11_000_000);
    expect(r.steps.at(-1)?.sourceRef).toBe('REFERENCE §6.2');
  });
  it('keeps negatives by default and floors them only when chosen', () => {
    const input = {
      notesReceivable: yen(1),
      accountsReceivable: yen(2),
      inventories: yen(3),
      notesPayable: yen(4),
      accountsPayable: yen(5),
    };
    expect(computeNormalWorkingCapital(input).value).toBe(-3);
    const floored = computeNormalWorkingCapital(input, { floorAtZero: true });
    expect([floored.value, floored.unflooredValue]).toEqual([0, -3]);
  });
  it('adds back discounted notes only when chosen', () => {
    const input = {
      notesReceivable: yen(1),
      accountsReceivable: yen(2),
      inventories: yen(3),
      notesPayable: yen(0),
      accountsPayable: yen(0),
      discountedAndEndorsedNotes: yen(10),
    };
    expect(computeNormalWorkingCapital(input).value).toBe(6);
    expect(computeNormalWorkingCapital(input, { addBackDiscountedNotes: true }).value).toBe(16);
  });
});
