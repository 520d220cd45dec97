import { z } from 'zod';
import {
  councilMemberListSchema,
  councilSlugParamsSchema,
  invitationCreatedSchema,
  inviteCouncilMemberBodySchema,
  membershipParamsSchema,
  updateCouncilMemberBodySchema,
} from '@kasseika/contracts';
import { routesFor } from '../../http/route';
import type { MembersService } from './members.service';

export interface MembersRouteDeps {
  readonly members: MembersService;
}

const route = routesFor<MembersRouteDeps>();

export const membersRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/councils/{councilId}/members',
    operationId: 'listCouncilMembers',
    summary: 'The staff of a council and pending invitations (council admin, PM, SM of that council)',
    tags: ['members'],
    access: { kind: 'signedIn' },
    params: councilSlugParamsSchema,
    success: { status: 200, description: 'Members', schema: councilMemberListSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.members.list(actor, params.councilId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/councils/{councilId}/invitations',
    operationId: 'inviteCouncilMember',
    summary: 'Invite a person to the council’s staff with roles (council admin)',
    tags: ['members'],
    access: { kind: 'signedIn' },
    params: councilSlugParamsSchema,
    body: inviteCouncilMemberBodySchema,
    success: { status: 201, description: 'Invitation mailed', schema: invitationCreatedSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params, body }, { deps, actor }) => deps.members.invite(actor, params.councilId, body),
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/councils/{councilId}/members/{membershipId}',
    operationId: 'updateCouncilMember',
    summary: 'Change a member’s roles, or disable / enable the membership (council admin); takes effect at once',
    tags: ['members'],
    access: { kind: 'signedIn' },
    params: membershipParamsSchema,
    body: updateCouncilMemberBodySchema,
    success: { status: 204, description: 'Updated', schema: z.undefined() },
    problems: [401, 403, 404, 409, 422],
    handler: async ({ params, body }, { deps, actor }) => {
      await deps.members.update(actor, params.councilId, params.membershipId, body);
      return undefined;
    },
  }),
];
