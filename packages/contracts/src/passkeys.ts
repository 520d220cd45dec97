import { z } from 'zod';

/**
 * Passkeys (WebAuthn). The ceremony options and the authenticator's answers are the JSON forms of the WebAuthn
 * Level 3 dictionaries (`PublicKeyCredentialCreationOptionsJSON`, `RegistrationResponseJSON`, …) as
 * `@simplewebauthn/browser` produces and consumes them. Binary values are base64url strings.
 */
const base64url = (max: number) =>
  z
    .string()
    .max(max, 'passkey.response')
    .regex(/^[A-Za-z0-9_-]*$/, 'passkey.response');

/** A credential id (base64url; at most 1023 bytes by the spec, far fewer in practice). */
export const credentialIdSchema = z
  .string()
  .min(16, 'passkey.id')
  .max(200, 'passkey.id')
  .regex(/^[A-Za-z0-9_-]+$/, 'passkey.id');

const transportSchema = z.string().max(40);

/** What `navigator.credentials.create()` needs (passed to `startRegistration`). Extra members pass through. */
export const passkeyCreationOptionsSchema = z
  .looseObject({
    rp: z.looseObject({ name: z.string(), id: z.string().optional() }),
    user: z.looseObject({ id: z.string(), name: z.string(), displayName: z.string() }),
    challenge: z.string(),
    pubKeyCredParams: z.array(z.looseObject({ type: z.literal('public-key'), alg: z.number().int() })),
    timeout: z.number().int().optional(),
    excludeCredentials: z.array(z.looseObject({ id: z.string(), type: z.literal('public-key') })).optional(),
    authenticatorSelection: z.looseObject({}).optional(),
    attestation: z.string().optional(),
  })
  .meta({ id: 'PasskeyCreationOptions', description: 'PublicKeyCredentialCreationOptionsJSON (WebAuthn Level 3)' });

/** What `navigator.credentials.get()` needs (passed to `startAuthentication`). */
export const passkeyRequestOptionsSchema = z
  .looseObject({
    challenge: z.string(),
    timeout: z.number().int().optional(),
    rpId: z.string().optional(),
    allowCredentials: z.array(z.looseObject({ id: z.string(), type: z.literal('public-key') })).optional(),
    userVerification: z.enum(['required', 'preferred', 'discouraged']).optional(),
  })
  .meta({ id: 'PasskeyRequestOptions', description: 'PublicKeyCredentialRequestOptionsJSON (WebAuthn Level 3)' });

/** The authenticator's answer to a registration (`RegistrationResponseJSON`). */
export const passkeyRegistrationResponseSchema = z
  .looseObject({
    id: credentialIdSchema,
    rawId: credentialIdSchema,
    type: z.literal('public-key'),
    response: z.looseObject({
      clientDataJSON: base64url(4_096),
      attestationObject: base64url(16_384),
      authenticatorData: base64url(8_192).optional(),
      transports: z.array(transportSchema).max(10).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(4_096).optional(),
    }),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    clientExtensionResults: z.looseObject({}),
  })
  .meta({ id: 'PasskeyRegistrationResponse', description: 'RegistrationResponseJSON (WebAuthn Level 3)' });

/** The authenticator's answer to an authentication (`AuthenticationResponseJSON`). */
export const passkeyAuthenticationResponseSchema = z
  .looseObject({
    id: credentialIdSchema,
    rawId: credentialIdSchema,
    type: z.literal('public-key'),
    response: z.looseObject({
      clientDataJSON: base64url(4_096),
      authenticatorData: base64url(8_192),
      signature: base64url(2_048),
      userHandle: base64url(200).optional(),
    }),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    clientExtensionResults: z.looseObject({}),
  })
  .meta({ id: 'PasskeyAuthenticationResponse', description: 'AuthenticationResponseJSON (WebAuthn Level 3)' });

export const passkeyLabelSchema = z.string().trim().min(1, 'passkey.label').max(60, 'passkey.label');

export const passkeyRegistrationBodySchema = z
  .strictObject({ response: passkeyRegistrationResponseSchema, label: passkeyLabelSchema.optional() })
  .meta({ id: 'PasskeyRegistrationBody' });

export const passkeyAuthenticationBodySchema = z
  .strictObject({ response: passkeyAuthenticationResponseSchema })
  .meta({ id: 'PasskeyAuthenticationBody' });

export const passkeySchema = z
  .object({
    id: z.string(),
    label: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    deviceType: z.enum(['singleDevice', 'multiDevice']).meta({ description: 'multiDevice: synced passkey' }),
    backedUp: z.boolean(),
  })
  .meta({ id: 'Passkey' });

export const passkeyListSchema = z.object({ items: z.array(passkeySchema) }).meta({ id: 'PasskeyList' });

export const passkeyRegisteredSchema = z
  .object({
    state: z.literal('active'),
    passkey: passkeySchema,
    recoveryCodes: z.array(z.string()).nullable().meta({
      description: 'New recovery codes when the account had none, e.g. with its first second factor (shown once); otherwise null',
    }),
  })
  .meta({ id: 'PasskeyRegistered' });

export const passkeyIdParamsSchema = z.strictObject({ passkeyId: credentialIdSchema });

export type PasskeyCreationOptions = z.infer<typeof passkeyCreationOptionsSchema>;
export type PasskeyRequestOptions = z.infer<typeof passkeyRequestOptionsSchema>;
export type Passkey = z.infer<typeof passkeySchema>;
