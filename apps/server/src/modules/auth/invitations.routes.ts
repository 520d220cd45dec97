import {
  acceptInvitationBodySchema,
  invitationAcceptedSchema,
  invitationPreviewSchema,
  invitationTokenBodySchema,
} from '@kasseika/contracts';
import { routesFor } from '../../http/route';
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from './cookies';
import type { InvitationService } from './invitations.service';

export interface InvitationRouteDeps {
  readonly invitations: InvitationService;
}

const route = routesFor<InvitationRouteDeps>();

export const invitationRoutes = [
  route({
    method: 'POST',
    path: '/api/v1/invitations/preview',
    operationId: 'previewInvitation',
    summary: 'What an invitation is for (by its emailed token, sent in the body, never in the URL)',
    tags: ['invitations'],
    access: { kind: 'public' },
    body: invitationTokenBodySchema,
    success: { status: 200, description: 'The invitation', schema: invitationPreviewSchema },
    problems: [403, 422],
    handler: ({ body }, { deps }) => deps.invitations.preview(body.token),
  }),
  route({
    method: 'POST',
    path: '/api/v1/invitations/accept',
    operationId: 'acceptInvitation',
    summary: 'Accept: a new account (name and password) or, signed in, add the membership to my account',
    description: 'A new account is signed in at once in state enrol_mfa: it registers its second factor next.',
    tags: ['invitations'],
    access: { kind: 'public' },
    body: acceptInvitationBodySchema,
    success: { status: 200, description: 'Accepted', schema: invitationAcceptedSchema },
    problems: [401, 403, 422],
    handler: async ({ body }, { deps, actor, origin, reply }) => {
      const result = await deps.invitations.accept(body, actor.kind === 'user' ? actor.userId : null, origin);
      if (result.step) reply.setCookie(SESSION_COOKIE, result.step.sessionToken, SESSION_COOKIE_OPTIONS);
      return { state: result.state };
    },
  }),
];
