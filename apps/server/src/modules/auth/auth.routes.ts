import { z } from 'zod';
import {
  acceptedSchema,
  doneSchema,
  emailVerificationBodySchema,
  passwordResetConfirmBodySchema,
  passwordResetRequestBodySchema,
  secondFactorBodySchema,
  sessionIdParamsSchema,
  sessionListSchema,
  sessionStatusSchema,
  signInBodySchema,
  signInResultSchema,
  stepUpBodySchema,
  totpConfirmBodySchema,
  totpConfirmResultSchema,
  totpSetupSchema,
} from '@kasseika/contracts';
import type { FastifyReply } from 'fastify';
import { routesFor } from '../../http/route';
import type { AuthService, SignInStep } from './auth.service';
import { DEVICE_COOKIE, DEVICE_COOKIE_OPTIONS, SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from './cookies';
import type { SessionStatusService } from './session-status';

export interface AuthRouteDeps {
  readonly auth: AuthService;
  readonly sessionStatus: SessionStatusService;
}

const route = routesFor<AuthRouteDeps>();

/** Sets the session cookie of a sign-in step (and the known-device cookie); shared by every sign-in route. */
export function setSessionCookie(reply: FastifyReply, step: SignInStep): void {
  reply.setCookie(SESSION_COOKIE, step.sessionToken, SESSION_COOKIE_OPTIONS);
  if (step.deviceCookie) reply.setCookie(DEVICE_COOKIE, step.deviceCookie, DEVICE_COOKIE_OPTIONS);
}

const emptyBody = z.strictObject({}).optional();

export const authRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/auth/session',
    operationId: 'getSessionStatus',
    summary: 'Who am I: session state, CSRF token, memberships, idle and absolute expiry, abilities',
    tags: ['auth'],
    access: { kind: 'public' },
    success: { status: 200, description: 'The session status (anonymous when not signed in)', schema: sessionStatusSchema },
    problems: [],
    handler: (_input, { deps, req, reply }) => deps.sessionStatus.describe(req.auth, reply.generateCsrf()),
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/sign-in',
    operationId: 'signIn',
    summary: 'Sign in with email and password (step 1 of 2)',
    description:
      'On success a session cookie is set in state pending_mfa (give a second factor) or enrol_mfa (register one first). ' +
      'Wrong credentials answer 401 INVALID_CREDENTIALS without saying which part was wrong. Attempts are rate-limited per ' +
      'client address and per account (a device that signed in before is limited separately, so nobody can lock a user out).',
    tags: ['auth'],
    access: { kind: 'public' },
    body: signInBodySchema,
    success: { status: 200, description: 'Password accepted', schema: signInResultSchema },
    problems: [401, 403, 422],
    handler: async ({ body }, { deps, reply, origin, req }) => {
      const step = await deps.auth.signInWithPassword(body, origin, req.cookies[DEVICE_COOKIE]);
      setSessionCookie(reply, step);
      return { state: step.state, methods: [...step.methods] };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/second-factor',
    operationId: 'verifySecondFactor',
    summary: 'Complete sign-in with a TOTP code or a recovery code (step 2 of 2); the session id rotates',
    tags: ['auth'],
    access: { kind: 'session', states: ['pending_mfa'] },
    body: secondFactorBodySchema,
    success: { status: 200, description: 'Signed in', schema: signInResultSchema },
    problems: [401, 403, 422],
    handler: async ({ body }, { deps, reply, origin, req }) => {
      const step = await deps.auth.verifySecondFactor(req.cookies[SESSION_COOKIE], body, origin);
      setSessionCookie(reply, step);
      return { state: step.state, methods: [] };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/step-up',
    operationId: 'stepUp',
    summary: 'Prove the second factor again before a sensitive change; the session id rotates',
    tags: ['auth'],
    access: { kind: 'signedIn' },
    body: stepUpBodySchema,
    success: { status: 200, description: 'Verified', schema: signInResultSchema },
    problems: [401, 403, 422],
    handler: async ({ body }, { deps, reply, origin, req }) => {
      const step = await deps.auth.stepUp(req.cookies[SESSION_COOKIE], body, origin);
      setSessionCookie(reply, step);
      return { state: step.state, methods: [] };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/session/extend',
    operationId: 'extendSession',
    summary: 'Extend the session (the idle timeout restarts at 30 minutes)',
    tags: ['auth'],
    access: { kind: 'signedIn' },
    body: emptyBody,
    success: { status: 200, description: 'The refreshed session status', schema: sessionStatusSchema },
    problems: [401, 403],
    handler: async (_input, { deps, req, reply }) => {
      const session = await deps.auth.extendSession(req.cookies[SESSION_COOKIE]);
      return deps.sessionStatus.describe({ ...req.auth, session }, reply.generateCsrf());
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/sign-out',
    operationId: 'signOut',
    summary: 'Sign out of this browser',
    tags: ['auth'],
    access: { kind: 'session', states: ['pending_mfa', 'enrol_mfa', 'active'] },
    body: emptyBody,
    success: { status: 200, description: 'Signed out', schema: doneSchema },
    problems: [401, 403],
    handler: async (_input, { deps, reply, origin, session }) => {
      if (session) await deps.auth.signOut(session, origin);
      reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
      return { status: 'done' as const };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/sign-out-everywhere',
    operationId: 'signOutEverywhere',
    summary: 'End every session of the account, on every device',
    tags: ['auth'],
    access: { kind: 'signedIn' },
    body: emptyBody,
    success: { status: 200, description: 'All sessions ended', schema: doneSchema },
    problems: [401, 403],
    handler: async (_input, { deps, reply, origin, session }) => {
      if (session) await deps.auth.signOutEverywhere(session, origin);
      reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_OPTIONS);
      return { status: 'done' as const };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/password-reset',
    operationId: 'requestPasswordReset',
    summary: 'Mail a single-use password-reset link (the answer is the same whether or not the account exists)',
    tags: ['auth'],
    access: { kind: 'public' },
    body: passwordResetRequestBodySchema,
    success: { status: 202, description: 'Accepted', schema: acceptedSchema },
    problems: [403, 422],
    handler: async ({ body }, { deps, origin }) => {
      await deps.auth.requestPasswordReset(body.email, origin);
      return { status: 'accepted' as const };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/password-reset/confirm',
    operationId: 'completePasswordReset',
    summary: 'Set a new password with the emailed token; every session of the account ends',
    tags: ['auth'],
    access: { kind: 'public' },
    body: passwordResetConfirmBodySchema,
    success: { status: 200, description: 'Password changed', schema: doneSchema },
    problems: [403, 422],
    handler: async ({ body }, { deps, origin }) => {
      await deps.auth.completePasswordReset(body, origin);
      return { status: 'done' as const };
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/auth/email-verification',
    operationId: 'verifyEmail',
    summary: 'Confirm an email address with the emailed single-use token',
    tags: ['auth'],
    access: { kind: 'public' },
    body: emailVerificationBodySchema,
    success: { status: 200, description: 'Verified', schema: doneSchema },
    problems: [403, 422],
    handler: async ({ body }, { deps, origin }) => {
      await deps.auth.verifyEmail(body.token, origin);
      return { status: 'done' as const };
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/account/sessions',
    operationId: 'listOwnSessions',
    summary: 'My active sessions (devices)',
    tags: ['account'],
    access: { kind: 'signedIn' },
    success: { status: 200, description: 'Sessions', schema: sessionListSchema },
    problems: [401],
    handler: async (_input, { deps, session }) => ({ items: session ? await deps.auth.listSessions(session) : [] }),
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/account/sessions/{sessionId}',
    operationId: 'revokeOwnSession',
    summary: 'End one of my sessions',
    tags: ['account'],
    access: { kind: 'signedIn' },
    params: sessionIdParamsSchema,
    success: { status: 204, description: 'Ended', schema: z.undefined() },
    problems: [401, 403, 404, 422],
    handler: async ({ params }, { deps, session, origin }) => {
      if (session) await deps.auth.revokeOwnSession(session, params.sessionId, origin);
      return undefined;
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/account/totp/setup',
    operationId: 'startTotpEnrolment',
    summary: 'Start registering an authenticator app: a new secret and its QR code',
    description: 'Allowed while signing in (enrol_mfa) and from account settings; replacing an existing app needs a fresh step-up.',
    tags: ['account'],
    access: { kind: 'session', states: ['enrol_mfa', 'active'] },
    body: emptyBody,
    success: { status: 200, description: 'Secret and QR code', schema: totpSetupSchema },
    problems: [401, 403],
    handler: async (_input, { deps, session }) => {
      if (!session) throw new Error('unreachable: access requires a session');
      return deps.auth.startTotpEnrolment(session);
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/account/totp/confirm',
    operationId: 'confirmTotpEnrolment',
    summary: 'Confirm the authenticator app with a code; returns recovery codes (shown once)',
    tags: ['account'],
    access: { kind: 'session', states: ['enrol_mfa', 'active'] },
    body: totpConfirmBodySchema,
    success: { status: 200, description: 'Registered', schema: totpConfirmResultSchema },
    problems: [401, 403, 409, 422],
    handler: async ({ body }, { deps, req, reply, origin }) => {
      const result = await deps.auth.confirmTotpEnrolment(req.cookies[SESSION_COOKIE], body.code, origin);
      if (result.step) setSessionCookie(reply, result.step);
      return { recoveryCodes: result.recoveryCodes, state: 'active' as const };
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/v1/account/totp',
    operationId: 'removeTotp',
    summary: 'Remove the authenticator app (needs a fresh step-up and a passkey to remain)',
    tags: ['account'],
    access: { kind: 'signedIn' },
    success: { status: 204, description: 'Removed', schema: z.undefined() },
    problems: [401, 403, 409],
    handler: async (_input, { deps, session, origin }) => {
      if (session) await deps.auth.removeTotp(session, origin);
      return undefined;
    },
  }),
];
