import { queryOptions, useQuery } from '@tanstack/react-query';
import { startAuthentication, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import {
  doneSchema,
  passkeyCreationOptionsSchema,
  passkeyListSchema,
  passkeyRegisteredSchema,
  passkeyRequestOptionsSchema,
  sessionListSchema,
  signInResultSchema,
  totpConfirmResultSchema,
  totpSetupSchema,
} from '@kasseika/contracts';
import { apiDelete, apiGet, apiPost } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

export const accountKeys = {
  sessions: [PRIVATE, 'account', 'sessions'] as const,
  passkeys: [PRIVATE, 'account', 'passkeys'] as const,
};

export function sessionsQueryOptions() {
  return queryOptions({
    queryKey: accountKeys.sessions,
    queryFn: () => apiGet('/api/v1/account/sessions', sessionListSchema),
  });
}

export function useOwnSessions() {
  return useQuery(sessionsQueryOptions());
}

export function passkeysQueryOptions() {
  return queryOptions({
    queryKey: accountKeys.passkeys,
    queryFn: () => apiGet('/api/v1/account/passkeys', passkeyListSchema),
  });
}

export function usePasskeys() {
  return useQuery(passkeysQueryOptions());
}

export function revokeSession(sessionId: string) {
  return apiDelete(`/api/v1/account/sessions/${encodeURIComponent(sessionId)}`);
}

export function signOutEverywhere() {
  return apiPost('/api/v1/auth/sign-out-everywhere', {}, doneSchema);
}

export function startTotpSetup() {
  return apiPost('/api/v1/account/totp/setup', {}, totpSetupSchema);
}

export function confirmTotp(code: string) {
  return apiPost('/api/v1/account/totp/confirm', { code }, totpConfirmResultSchema);
}

export function removeTotp() {
  return apiDelete('/api/v1/account/totp');
}

/** Registers a passkey on this device: server options → the browser's create() → the server verifies and stores it. */
export async function registerPasskey(label: string) {
  const options = await apiPost('/api/v1/account/passkeys/registration/options', {}, passkeyCreationOptionsSchema);
  const response = await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
  return apiPost('/api/v1/account/passkeys/registration/verify', { response, label }, passkeyRegisteredSchema);
}

export function removePasskey(id: string) {
  return apiDelete(`/api/v1/account/passkeys/${encodeURIComponent(id)}`);
}

export function stepUpWithCode(code: string) {
  return apiPost('/api/v1/auth/step-up', { code }, signInResultSchema);
}

export async function stepUpWithPasskey() {
  const options = await apiPost('/api/v1/auth/step-up/passkey/options', {}, passkeyRequestOptionsSchema);
  const response = await startAuthentication({ optionsJSON: options });
  return apiPost('/api/v1/auth/step-up/passkey/verify', { response }, signInResultSchema);
}
