import { z } from 'zod';

/** Email as typed (全角 allowed; the server normalises), checked for shape only. */
export const emailSchema = z
  .string()
  .trim()
  .min(3, 'email.format')
  .max(254, 'email.format')
  .refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.normalize('NFKC')), 'email.format')
  .meta({ example: 'taro@example.jp' });

export const newPasswordSchema = z.string().min(1, 'password.required').max(1024, 'password.length');

export const signInBodySchema = z
  .strictObject({ email: emailSchema, password: z.string().min(1, 'password.required').max(1024, 'password.required') })
  .meta({ id: 'SignInBody' });

export const secondFactorMethodSchema = z.enum(['totp', 'passkey', 'recovery_code']);

export const signInResultSchema = z
  .object({
    state: z.enum(['pending_mfa', 'enrol_mfa', 'active']).meta({
      description: 'pending_mfa: give a second factor; enrol_mfa: register one first; active: signed in',
    }),
    methods: z.array(secondFactorMethodSchema),
  })
  .meta({ id: 'SignInResult' });

export const secondFactorBodySchema = z
  .strictObject({
    method: z.enum(['totp', 'recovery_code']),
    code: z.string().trim().min(6, 'code.format').max(20, 'code.format'),
  })
  .meta({ id: 'SecondFactorBody' });

export const stepUpBodySchema = z
  .strictObject({ code: z.string().trim().min(6, 'code.format').max(10, 'code.format') })
  .meta({ id: 'StepUpBody' });

export const membershipSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    organizationKind: z.enum(['council', 'hq', 'platform', 'company', 'expert_firm', 'bank', 'law_firm']),
    organizationName: z.string(),
    councilId: z.number().int().nullable(),
    councilSlug: z.string().nullable(),
    roles: z.array(z.string()),
  })
  .meta({ id: 'Membership' });

export const sessionStatusSchema = z
  .object({
    state: z.enum(['anonymous', 'pending_mfa', 'enrol_mfa', 'active']),
    csrfToken: z.string().meta({ description: 'Send as X-CSRF-Token with every POST, PUT, PATCH and DELETE' }),
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), locale: z.enum(['ja', 'en']) }).nullable(),
    memberships: z.array(membershipSchema),
    activeMembershipId: z.string().nullable(),
    idleExpiresAt: z.string().nullable(),
    absoluteExpiresAt: z.string().nullable(),
    idleTimeoutSeconds: z.number().int(),
    warnBeforeSeconds: z.number().int(),
    secondFactor: z.object({ totpEnabled: z.boolean(), passkeys: z.number().int(), recoveryCodesRemaining: z.number().int() }).nullable(),
    abilities: z.record(z.string(), z.boolean()).meta({ description: 'What the caller may do (from the server policy table)' }),
  })
  .meta({ id: 'SessionStatus' });

export const totpSetupSchema = z
  .object({
    secret: z.string().meta({ description: 'Base32 secret for manual entry' }),
    otpauthUrl: z.string(),
    qrSvg: z.string().meta({ description: 'QR code of otpauthUrl as SVG markup' }),
  })
  .meta({ id: 'TotpSetup' });

export const totpConfirmBodySchema = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'code.format'),
  })
  .meta({ id: 'TotpConfirmBody' });

export const totpConfirmResultSchema = z
  .object({
    recoveryCodes: z.array(z.string()).meta({ description: 'Shown once; each works once' }),
    state: z.enum(['enrol_mfa', 'active']),
  })
  .meta({ id: 'TotpConfirmResult' });

export const sessionListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        createdAt: z.string(),
        lastSeenAt: z.string(),
        ip: z.string().nullable(),
        userAgent: z.string().nullable(),
        current: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'SessionList' });

export const sessionIdParamsSchema = z.strictObject({ sessionId: z.uuid() });

export const passwordResetRequestBodySchema = z.strictObject({ email: emailSchema }).meta({ id: 'PasswordResetRequestBody' });

export const tokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, 'token.format');

export const passwordResetConfirmBodySchema = z
  .strictObject({ token: tokenSchema, password: newPasswordSchema })
  .meta({ id: 'PasswordResetConfirmBody' });

export const emailVerificationBodySchema = z.strictObject({ token: tokenSchema }).meta({ id: 'EmailVerificationBody' });

export const acceptedSchema = z.object({ status: z.literal('accepted') }).meta({ id: 'Accepted' });
export const doneSchema = z.object({ status: z.literal('done') }).meta({ id: 'Done' });

export type SessionStatus = z.infer<typeof sessionStatusSchema>;
export type Membership = z.infer<typeof membershipSchema>;
