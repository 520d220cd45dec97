import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rateLimitCounters } from '../../db/schema';

/** A fixed-window limit: at most `limit` events per `windowMs` for `key`. */
export interface RateRule {
  readonly key: string;
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until the window that blocks ends (0 when allowed). */
  readonly retryAfterSeconds: number;
  readonly blockedBy: string | null;
}

function windowStart(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

async function current(tx: Tx, rule: RateRule, now: Date): Promise<number> {
  const [row] = await tx
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.key, rule.key), eq(rateLimitCounters.windowStart, windowStart(now, rule.windowMs))));
  return row?.count ?? 0;
}

function decision(rules: readonly RateRule[], counts: readonly number[], now: Date): RateDecision {
  for (const [i, rule] of rules.entries()) {
    if ((counts[i] ?? 0) >= rule.limit) {
      const end = windowStart(now, rule.windowMs).getTime() + rule.windowMs;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)),
        blockedBy: rule.key.split(':')[0] ?? rule.key,
      };
    }
  }
  return { allowed: true, retryAfterSeconds: 0, blockedBy: null };
}

/**
 * Counters live in PostgreSQL (shared by every app process; nothing in memory is authoritative). `check` looks
 * without counting; `consume` counts one event for every rule and says whether any limit was already reached.
 * Limits are temporary windows, never a permanent lock-out.
 */
export const rateLimiter = {
  async check(tx: Tx, rules: readonly RateRule[], now: Date): Promise<RateDecision> {
    const counts = await Promise.all(rules.map((r) => current(tx, r, now)));
    return decision(rules, counts, now);
  },

  async consume(tx: Tx, rules: readonly RateRule[], now: Date): Promise<RateDecision> {
    const before: number[] = [];
    for (const rule of rules) {
      const [row] = await tx
        .insert(rateLimitCounters)
        .values({ key: rule.key, windowStart: windowStart(now, rule.windowMs), count: 1 })
        .onConflictDoUpdate({
          target: [rateLimitCounters.key, rateLimitCounters.windowStart],
          set: { count: sql`${rateLimitCounters.count} + 1` },
        })
        .returning({ count: rateLimitCounters.count });
      before.push((row?.count ?? 1) - 1);
    }
    return decision(rules, before, now);
  },

  /** Drops expired windows (called opportunistically). */
  async prune(tx: Tx, now: Date, olderThanMs = 24 * 60 * 60 * 1000): Promise<void> {
    await tx.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, new Date(now.getTime() - olderThanMs)));
  },
};

const MIN = 60 * 1000;

/** The limits of the sign-in, second-factor and reset flows. */
export const LIMITS = {
  /**
   * Every attempt from one address. Generous, because a council office or a bank signs in from behind one shared
   * address (NAT): colleagues signing in successfully must not lock each other out. Guessing is limited by the
   * failure rules below.
   */
  signInPerAddress: (ip: string): RateRule => ({ key: `signin-ip:${ip}`, limit: 300, windowMs: 15 * MIN }),
  /** Failed attempts from one address, across accounts (password spraying). */
  signInFailuresPerAddress: (ip: string): RateRule => ({ key: `signin-ip-failures:${ip}`, limit: 30, windowMs: 15 * MIN }),
  signInFailuresPerAccount: (email: string): RateRule => ({ key: `signin-account:${email}`, limit: 10, windowMs: 15 * MIN }),
  /** A device that has signed in to the account before is limited on its own, so an attacker cannot lock it out. */
  signInFailuresPerDevice: (deviceId: string): RateRule => ({ key: `signin-device:${deviceId}`, limit: 10, windowMs: 15 * MIN }),
  secondFactorPerSession: (sessionId: string): RateRule => ({ key: `mfa-session:${sessionId}`, limit: 5, windowMs: 5 * MIN }),
  secondFactorPerUser: (userId: string): RateRule => ({ key: `mfa-user:${userId}`, limit: 15, windowMs: 60 * MIN }),
  resetPerAddress: (ip: string): RateRule => ({ key: `reset-ip:${ip}`, limit: 10, windowMs: 60 * MIN }),
  resetPerAccount: (email: string): RateRule => ({ key: `reset-account:${email}`, limit: 3, windowMs: 60 * MIN }),
  tokenPerAddress: (ip: string): RateRule => ({ key: `token-ip:${ip}`, limit: 30, windowMs: 15 * MIN }),
} as const;
