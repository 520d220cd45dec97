import { startAuthentication } from '@simplewebauthn/browser';
import {
  acceptedSchema,
  doneSchema,
  invitationAcceptedSchema,
  invitationPreviewSchema,
  passkeyRequestOptionsSchema,
  signInResultSchema,
  type SessionStatus,
} from '@kasseika/contracts';
import type { z } from 'zod';
import { apiPost } from '../../../lib/api';

export function signInWithPassword(body: { email: string; password: string }) {
  return apiPost('/api/v1/auth/sign-in', body, signInResultSchema);
}

export function verifySecondFactor(body: { method: 'totp' | 'recovery_code'; code: string }) {
  return apiPost('/api/v1/auth/second-factor', body, signInResultSchema);
}

/**
 * Signs in with a passkey: as the second factor of a pending sign-in, or without a password. The options are the
 * WebAuthn JSON the server made (validated by the contract), handed to the browser as they are.
 */
export async function signInWithPasskey() {
  const options = await apiPost('/api/v1/auth/passkeys/authentication/options', {}, passkeyRequestOptionsSchema);
  const response = await startAuthentication({ optionsJSON: options });
  return apiPost('/api/v1/auth/passkeys/authentication/verify', { response }, signInResultSchema);
}

export function requestPasswordReset(email: string) {
  return apiPost('/api/v1/auth/password-reset', { email }, acceptedSchema);
}

export function completePasswordReset(body: { token: string; password: string }) {
  return apiPost('/api/v1/auth/password-reset/confirm', body, doneSchema);
}

export function verifyEmail(token: string) {
  return apiPost('/api/v1/auth/email-verification', { token }, doneSchema);
}

export function previewInvitation(token: string) {
  return apiPost('/api/v1/invitations/preview', { token }, invitationPreviewSchema);
}

export function acceptInvitation(body: { token: string; displayName?: string; password?: string }) {
  return apiPost('/api/v1/invitations/accept', body, invitationAcceptedSchema);
}

/** Which page a session state leads to during sign-in. */
export function signInStepPath(state: SessionStatus['state'] | z.infer<typeof signInResultSchema>['state']): string | null {
  if (state === 'pending_mfa') return '/sign-in/verify';
  if (state === 'enrol_mfa') return '/sign-in/enrol';
  return null;
}

/** Reads `#token=…` from the address (links in mails carry tokens in the fragment, never sent to the server). */
export function tokenFromFragment(hash: string): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{20,100})(?:&|$)/.exec(hash);
  return match?.[1] ?? null;
}
