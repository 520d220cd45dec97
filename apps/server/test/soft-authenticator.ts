import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A software WebAuthn authenticator for tests: real ES256 (P-256) keys from node:crypto, CBOR and COSE encoded by
 * hand, attestation 'none', assertion signatures over authenticatorData ‖ SHA-256(clientDataJSON) exactly as the
 * WebAuthn Level 3 specification (§6.1, §6.5, §8.7) describes. It plays the browser's part too (clientDataJSON).
 */

type Cbor = number | string | Uint8Array | readonly Cbor[] | Map<Cbor, Cbor>;

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

/** Minimal canonical CBOR (RFC 8949): integers, text, bytes, arrays and maps — what WebAuthn needs. */
export function cborEncode(v: Cbor): Buffer {
  if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (typeof v === 'string') {
    const bytes = Buffer.from(v, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), Buffer.from(v)]);
  if (v instanceof Map) {
    const parts: Buffer[] = [head(5, v.size)];
    for (const [k, val] of v) parts.push(cborEncode(k), cborEncode(val));
    return Buffer.concat(parts);
  }
  return Buffer.concat([head(4, v.length), ...v.map(cborEncode)]);
}

const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();
const b64u = (data: Buffer): string => data.toString('base64url');

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface SoftCredential {
  readonly id: Buffer;
  readonly privateKey: KeyObject;
  readonly cosePublicKey: Buffer;
  readonly rpId: string;
  /** The user handle the RP gave at registration (base64url), for discoverable credentials. */
  readonly userHandle: string;
  counter: number;
}

export interface CreationOptionsLike {
  readonly challenge: string;
  readonly rp: { readonly id?: string | undefined };
  readonly user: { readonly id: string };
}

export interface RequestOptionsLike {
  readonly challenge: string;
  readonly rpId?: string | undefined;
  readonly allowCredentials?: readonly { readonly id: string }[] | undefined;
}

export interface CeremonyTweaks {
  /** The origin the "browser" reports (default: the authenticator's origin). */
  readonly origin?: string;
  /** User verification performed (default true). */
  readonly userVerified?: boolean;
  /** Flip a bit of the signature. */
  readonly corruptSignature?: boolean;
  /** Leave the user handle out of the assertion. */
  readonly withoutUserHandle?: boolean;
}

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];

  /**
   * @param origin the origin the "browser" reports
   * @param options.counting false: a signature counter that stays 0, as synced passkeys report (replays are then
   *   caught by the single-use challenge only)
   */
  constructor(
    readonly origin: string,
    private readonly options: { counting?: boolean } = {},
  ) {}

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** navigator.credentials.create() with attestation 'none'. Returns RegistrationResponseJSON. */
  register(options: CreationOptionsLike, tweaks: CeremonyTweaks = {}) {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    if (!jwk.x || !jwk.y) throw new Error('no EC coordinates');
    // COSE_Key (RFC 9053): kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
    const cosePublicKey = cborEncode(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x, 'base64url')],
        [-3, Buffer.from(jwk.y, 'base64url')],
      ]),
    );
    const id = randomBytes(32);
    const flags = FLAG_UP | FLAG_AT | (tweaks.userVerified === false ? 0 : FLAG_UV);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([flags]), Buffer.alloc(4), Buffer.alloc(16), idLength, id, cosePublicKey]);
    const attestationObject = cborEncode(
      new Map<Cbor, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    const credential: SoftCredential = { id, privateKey, cosePublicKey, rpId, userHandle: options.user.id, counter: 0 };
    this.credentials.push(credential);
    return {
      id: b64u(id),
      rawId: b64u(id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64u(this.clientData('webauthn.create', options.challenge, tweaks.origin ?? this.origin)),
        attestationObject: b64u(attestationObject),
        transports: ['internal'],
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get(). Uses the given credential, else the first allowed (or any) one. */
  authenticate(options: RequestOptionsLike, tweaks: CeremonyTweaks & { credential?: SoftCredential } = {}) {
    const allowed = options.allowCredentials?.map((c) => c.id);
    const credential = tweaks.credential ?? this.credentials.find((c) => !allowed || allowed.length === 0 || allowed.includes(b64u(c.id)));
    if (!credential) throw new Error('no matching credential (NotAllowedError)');
    if (this.options.counting !== false) credential.counter += 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    const flags = FLAG_UP | (tweaks.userVerified === false ? 0 : FLAG_UV);
    const authData = Buffer.concat([sha256(options.rpId ?? credential.rpId), Buffer.from([flags]), counter]);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, tweaks.origin ?? this.origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    if (tweaks.corruptSignature) signature[signature.length - 1] = (signature[signature.length - 1] ?? 0) ^ 0x01;
    return {
      id: b64u(credential.id),
      rawId: b64u(credential.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64u(clientDataJSON),
        authenticatorData: b64u(authData),
        signature: b64u(signature),
        ...(tweaks.withoutUserHandle ? {} : { userHandle: credential.userHandle }),
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }
}
