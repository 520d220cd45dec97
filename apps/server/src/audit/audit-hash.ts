import { hmacHex } from '../security/secrets';

/** The fields covered by the chain HMAC, in a fixed order (canonical JSON of an array). */
export interface ChainedFields {
  readonly chain: number;
  readonly seq: number;
  readonly occurredAt: string;
  readonly eventType: string;
  readonly outcome: string;
  readonly actorUserId: string | null;
  readonly actorLabel: string | null;
  readonly actorRoles: readonly string[];
  readonly councilId: number | null;
  readonly caseId: string | null;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly details: unknown;
}

/** JSON with object keys sorted, so the same content always hashes the same after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const GENESIS_HASH = '0'.repeat(64);

/** hash_n = HMAC(key, hash_{n-1} ‖ canonical(fields_n)). */
export function chainHash(key: Buffer, prevHash: string, f: ChainedFields): string {
  const payload = canonicalJson([
    f.chain,
    f.seq,
    f.occurredAt,
    f.eventType,
    f.outcome,
    f.actorUserId,
    f.actorLabel,
    [...f.actorRoles],
    f.councilId,
    f.caseId,
    f.targetType,
    f.targetId,
    f.ip,
    f.requestId,
    f.details,
  ]);
  return hmacHex(key, `${prevHash}\n${payload}`);
}
