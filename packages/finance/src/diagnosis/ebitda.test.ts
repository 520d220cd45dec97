import { describe, expect, it } from 'vitest';
import { yen } from '@kasseika/domain';
import { computeEbitda } from './ebitda';

describe('computeEbitda', () => {
  it('EBITDA = operating profit + depreciation: 4,000,000 + 3,000,000 = 7,000,000', () => {
    const r = computeEbitda({ operatingProfit: yen(4_000_000), depreciation: yen(3_000_000) });
    expect(r.value).toBe(7_000_000);
    expect(r.steps.at(-1)?.sourceRef).toBe('REFERENCE §6.3');
  });
  it('can be negative (the caller decides what that means)', () => {
    expect(computeEbitda({ operatingProfit: yen(-5_000_000), depreciation: yen(3_000_000) }).value).toBe(-2_000_000);
  });
});
