import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  CASE_EVENTS,
  CASE_STAGES,
  CASE_TRANSITIONS,
  checkTransition,
  stageLabel,
  trackOfStage,
} from './case-workflow';

describe('case workflow', () => {
  it('accepts an intake into desk consultation and declines with the declined outcome', () => {
    const accept = checkTransition('intake', 'accept', {});
    expect(accept).toMatchObject({ ok: true, transition: { to: 'desk_consultation' }, track: null });
    expect(checkTransition('intake', 'decline', {})).toMatchObject({ ok: true, transition: { to: 'closed', outcome: 'declined' } });
  });

  it('refuses a triage without a recorded triage decision, and a second triage once a track has started', () => {
    const first = checkTransition('desk_consultation', 'start_revitalization', {});
    expect(first).toMatchObject({ ok: false, code: 'guard' });
    const ok = checkTransition('desk_consultation', 'start_revitalization', { triageRecorded: true });
    expect(ok).toMatchObject({ ok: true, track: 'revitalization', transition: { to: 'rv_bank_consent' } });
    const second = checkTransition('rv_bank_consent', 'start_earnings_improvement', { triageRecorded: true });
    expect(second).toMatchObject({ ok: false, code: 'wrong_stage' });
    if (!second.ok) expect(second.reasons[0]?.ja).toContain('再生：メイン行の意向確認');
  });

  it('never lets a revitalization team form (bank contact) before the company lifts confidentiality', () => {
    const r = checkTransition('rv_bank_consent', 'rv_form_team', { mainBankAgreedToStart: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons.map((x) => x.en).join()).toMatch(/confidentiality/);
    expect(checkTransition('rv_bank_consent', 'rv_form_team', { mainBankAgreedToStart: true, confidentialityLifted: true }).ok).toBe(true);
  });

  it('lists every unmet guard at once', () => {
    const r = checkTransition('rv_draft_plan', 'rv_submit_to_banks', {});
    expect(r).toMatchObject({ ok: false, code: 'guard' });
    if (!r.ok) expect(r.reasons).toHaveLength(2);
  });

  it('refuses any action on a closed case and unknown events', () => {
    expect(checkTransition('closed', 'withdraw', {})).toMatchObject({ ok: false, code: 'closed' });
    expect(checkTransition('intake', 'teleport', {})).toMatchObject({ ok: false, code: 'unknown_event' });
  });

  it('does not skip stages: every stage after stage 1 is reachable only from its predecessor(s)', () => {
    expect(checkTransition('intake', 'start_revitalization', { triageRecorded: true })).toMatchObject({ ok: false, code: 'wrong_stage' });
    expect(checkTransition('rv_team_formed', 'rv_plan_effective', { allCreditorsConsented: true })).toMatchObject({
      ok: false,
      code: 'wrong_stage',
    });
  });

  it('is well formed: every event has a transition, every stage is reachable, every track stage maps to its track', () => {
    for (const e of CASE_EVENTS) expect(CASE_TRANSITIONS.some((t) => t.event === e)).toBe(true);
    const reachable = new Set(['intake', ...CASE_TRANSITIONS.map((t) => t.to)]);
    for (const s of CASE_STAGES) expect(reachable.has(s)).toBe(true);
    for (const t of CASE_TRANSITIONS) {
      expect(t.from).not.toContain('closed');
      expect(t.to === 'closed').toBe(t.outcome !== undefined);
      // No (stage, event) pair is ambiguous.
      for (const f of t.from) expect(CASE_TRANSITIONS.filter((u) => u.event === t.event && u.from.includes(f))).toHaveLength(1);
    }
    expect(trackOfStage('ei_monitoring')).toBe('earnings_improvement');
    expect(trackOfStage('rc_exit')).toBe('rechallenge');
    expect(trackOfStage('closed')).toBeNull();
    for (const s of CASE_STAGES) expect(stageLabel(s).ja.length).toBeGreaterThan(0);
  });

  it('shows the next transitions with their reasons', () => {
    const next = availableTransitions('desk_consultation', {});
    expect(next.map((n) => n.event)).toEqual(
      expect.arrayContaining([
        'refer',
        'resolve_by_advice',
        'start_earnings_improvement',
        'start_revitalization',
        'start_rechallenge',
        'withdraw',
      ]),
    );
    expect(next.find((n) => n.event === 'withdraw')?.allowed).toBe(true);
    expect(next.find((n) => n.event === 'refer')?.allowed).toBe(false);
  });
});
