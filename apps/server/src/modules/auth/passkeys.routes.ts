import { z } from 'zod';
import {
  passkeyAuthenticationBodySchema,
  passkeyCreationOptionsSchema,
  passkeyIdParamsSchema,
  passkeyListSchema,
  passkeyRegisteredSchema,
  passkeyRegistrationBodySchema,
  passkeyRequestOptionsSchema,
  signInResultSchema,
} from '@kasseika/contracts';
import type { FastifyReply } from 'fastify';
import { routesFor } from '../../http/route';
import type { SignInStep } from './auth-kit';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_OPTIONS,
  SESSION_COOKIE,
  SESSION_COOKIE_OPTIONS,
  SHORT_COOKIE_OPTIONS,
  WEBAUTHN_COOKIE,
} from './cookies';
import { CHALLENGE_TTL_MS, type PasskeysService } from './passkeys.service';

export interface PasskeyRouteDeps {
  readonly passkeys: PasskeysService;
}

const route = routesFor<PasskeyRouteDeps>();

const CHALLENGE_COOKIE_OPTIONS = { ...SHORT_COOKIE_OPTIONS, maxAge: CHALLENGE_TTL_MS / 1000 };
const emptyBody = z.strictObject({}).optional();

function setSessionCookie(reply: FastifyReply, step: SignInStep): void {
  reply.setCookie(SESSION_COOKIE, step.sessionToken, SESSION_COOKIE_OPTIONS);
  if (step.deviceCookie) reply.setCookie(DEVICE_COOKIE, step.deviceCookie, DEVICE_COOKIE_OPTIONS);
}

function requireSession<T>(session: T | null): T {
  if (!session) throw new Error('unreachable: access requires a session');
  return session;
}

const ceremonyNote =
  'The challenge travels in a signed HttpOnly cookie valid for 5 minutes and is single-use: the first verification ' +
  'attempt consumes it, whatever its outcome.';

export const passkeyRoutes = [
  route({
    method: 'POST',
    path: '/api/v1/auth/passkeys/authentication/options',
    operationId: 'startPasskeySignIn',
    summary: 'Start signing in with a passkey: as the second factor of a pending sign-in, or without a password',
    description:
      'With a pending sign-in (after the password) of an account that has passkeys, only those are allowed. Otherwise any ' +
      'discoverable passkey of this site may answer and must verify the user (PIN or biometrics). ' +
      ceremonyNote,
    tags: ['auth'],
    access: { kind: 'public' },
    body: emptyBody,
    success: { status: 200, description: 'Options for navigator.credentials.get()', schema: passkeyRequestOptionsSchema },
    problems: [403, 409],
    handler: async (_input, { deps, reply, session }) => {
      const { options, cookie } = await deps.passkeys.authenticationOptions(session);
      reply.setCookie(WEBAUTHN_COOKIE, cookie, CHALLENGE_COOKIE_OPTIONS);
      return options;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/passkeys/authentication/verify',
    operationId: 'finishPasskeySignIn',
    summary: 'Finish signing in with a passkey; the session id rotates',
    description: 'Attempts are rate-limited per sign-in, per account and per client address. ' + ceremonyNote,
    tags: ['auth'],
    access: { kind: 'public' },
    body: passkeyAuthenticationBodySchema,
    success: { status: 200, description: 'Signed in', schema: signInResultSchema },
    problems: [401, 403, 422],
    handler: async ({ body }, { deps, req, reply, origin }) => {
      reply.clearCookie(WEBAUTHN_COOKIE, CHALLENGE_COOKIE_OPTIONS);
      const step = await deps.passkeys.verifyAuthentication(
        req.cookies[SESSION_COOKIE],
        req.cookies[WEBAUTHN_COOKIE],
        body.response,
        origin,
      );
      setSessionCookie(reply, step);
      return { state: step.state, methods: [] };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/step-up/passkey/options',
    operationId: 'startPasskeyStepUp',
    summary: 'Start proving the second factor again with a passkey (before a sensitive change)',
    description: ceremonyNote,
    tags: ['auth'],
    access: { kind: 'signedIn' },
    body: emptyBody,
    success: { status: 200, description: 'Options for navigator.credentials.get()', schema: passkeyRequestOptionsSchema },
    problems: [401, 403, 409],
    handler: async (_input, { deps, reply, session }) => {
      const { options, cookie } = await deps.passkeys.stepUpOptions(requireSession(session));
      reply.setCookie(WEBAUTHN_COOKIE, cookie, CHALLENGE_COOKIE_OPTIONS);
      return options;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/step-up/passkey/verify',
    operationId: 'finishPasskeyStepUp',
    summary: 'Finish the passkey step-up; the session id rotates and sensitive changes are allowed for 10 minutes',
    tags: ['auth'],
    access: { kind: 'signedIn' },
    body: passkeyAuthenticationBodySchema,
    success: { status: 200, description: 'Verified', schema: signInResultSchema },
    problems: [401, 403, 422],
    handler: async ({ body }, { deps, req, reply, origin }) => {
      reply.clearCookie(WEBAUTHN_COOKIE, CHALLENGE_COOKIE_OPTIONS);
      const step = await deps.passkeys.verifyStepUp(req.cookies[SESSION_COOKIE], req.cookies[WEBAUTHN_COOKIE], body.response, origin);
      setSessionCookie(reply, step);
      return { state: step.state, methods: [] };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/account/passkeys/registration/options',
    operationId: 'startPasskeyRegistration',
    summary: 'Start registering a passkey (while enrolling a second factor, or from account settings)',
    description: 'Adding a passkey to an account that already has a second factor needs a fresh step-up. ' + ceremonyNote,
    tags: ['account'],
    access: { kind: 'session', states: ['enrol_mfa', 'active'] },
    body: emptyBody,
    success: { status: 200, description: 'Options for navigator.credentials.create()', schema: passkeyCreationOptionsSchema },
    problems: [401, 403],
    handler: async (_input, { deps, reply, session }) => {
      const { options, cookie } = await deps.passkeys.registrationOptions(requireSession(session));
      reply.setCookie(WEBAUTHN_COOKIE, cookie, CHALLENGE_COOKIE_OPTIONS);
      return options;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/account/passkeys/registration/verify',
    operationId: 'finishPasskeyRegistration',
    summary: 'Store the new passkey; while enrolling, the sign-in completes (the session id rotates)',
    description: 'The first second factor of an account comes with recovery codes, shown once.',
    tags: ['account'],
    access: { kind: 'session', states: ['enrol_mfa', 'active'] },
    body: passkeyRegistrationBodySchema,
    success: { status: 201, description: 'Registered', schema: passkeyRegisteredSchema },
    problems: [401, 403, 409, 422],
    handler: async ({ body }, { deps, req, reply, origin }) => {
      reply.clearCookie(WEBAUTHN_COOKIE, CHALLENGE_COOKIE_OPTIONS);
      const result = await deps.passkeys.verifyRegistration(
        req.cookies[SESSION_COOKIE],
        req.cookies[WEBAUTHN_COOKIE],
        { response: body.response, label: body.label },
        origin,
      );
      if (result.step) setSessionCookie(reply, result.step);
      return { state: 'active' as const, passkey: result.passkey, recoveryCodes: result.recoveryCodes };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/account/passkeys',
    operationId: 'listPasskeys',
    summary: 'My passkeys',
    tags: ['account'],
    access: { kind: 'signedIn' },
    success: { status: 200, description: 'Passkeys, oldest first', schema: passkeyListSchema },
    problems: [401],
    handler: async (_input, { deps, session }) => ({ items: await deps.passkeys.list(requireSession(session)) }),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/account/passkeys/{passkeyId}',
    operationId: 'removePasskey',
    summary: 'Remove one of my passkeys (needs a fresh step-up; the last second factor cannot be removed)',
    tags: ['account'],
    access: { kind: 'signedIn' },
    params: passkeyIdParamsSchema,
    success: { status: 204, description: 'Removed', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params }, { deps, session, origin }) => {
      await deps.passkeys.remove(requireSession(session), params.passkeyId, origin);
      return undefined;
    },
  }),
];
