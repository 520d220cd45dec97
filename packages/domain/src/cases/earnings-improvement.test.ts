import { describe, expect, it } from 'vitest';
import { checkPlanYears, DEFAULT_GOVERNANCE_CHECKLIST } from './earnings-improvement';

describe('earnings improvement', () => {
  it('allows 1–3 years, and only 1 year when rescheduling is requested (REFERENCE §2)', () => {
    expect(checkPlanYears(3, false)).toEqual({ ok: true });
    expect(checkPlanYears(1, true)).toEqual({ ok: true });
    expect(checkPlanYears(2, true).ok).toBe(false);
    expect(checkPlanYears(0, false).ok).toBe(false);
    expect(checkPlanYears(4, false).ok).toBe(false);
  });

  it('has the three sections of the governance checklist with unique item keys', () => {
    expect(DEFAULT_GOVERNANCE_CHECKLIST.map((s) => s.key)).toEqual(['transparency', 'separation', 'financialBase']);
    const keys = DEFAULT_GOVERNANCE_CHECKLIST.flatMap((s) => s.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
