import { useQuery } from '@tanstack/react-query';
import { councilMemberListSchema, invitationCreatedSchema } from '@kasseika/contracts';
import { apiGet, apiPatch, apiPost } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

export type CouncilRole = 'council_pm' | 'council_sm' | 'council_staff' | 'council_admin';
export const COUNCIL_ROLES: readonly CouncilRole[] = ['council_pm', 'council_sm', 'council_staff', 'council_admin'];

export const memberKeys = { list: (slug: string) => [PRIVATE, 'members', slug] as const };

const base = (slug: string) => `/api/v1/councils/${encodeURIComponent(slug)}`;

export function useCouncilMembers(slug: string) {
  return useQuery({
    queryKey: memberKeys.list(slug),
    queryFn: () => apiGet(`${base(slug)}/members`, councilMemberListSchema),
  });
}

export function inviteMember(slug: string, body: { email: string; displayName: string; roles: CouncilRole[] }) {
  return apiPost(`${base(slug)}/invitations`, body, invitationCreatedSchema);
}

export function updateMember(slug: string, membershipId: string, body: { roles?: CouncilRole[]; status?: 'active' | 'disabled' }) {
  return apiPatch(`${base(slug)}/members/${encodeURIComponent(membershipId)}`, body);
}
