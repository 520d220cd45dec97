import { useQuery } from '@tanstack/react-query';
import {
  consultationFormSchema,
  consultationReceiptSchema,
  consultationVerifiedSchema,
  intakeInboxSchema,
  postalAddressListSchema,
  type ConsultationRequestBody,
} from '@kasseika/contracts';
import { apiGet, apiPost, toQueryString } from '../../../lib/api';
import { PRIVATE } from '../../../lib/private-query';

export const intakeKeys = {
  form: ['consultation-form'] as const,
  inbox: (slug: string) => [PRIVATE, 'intake', slug] as const,
};

/** The form's choices and a fresh signed form token (refetched when the token is refused). */
export function useConsultationForm() {
  return useQuery({
    queryKey: intakeKeys.form,
    queryFn: () => apiGet('/api/v1/consultation-requests/form', consultationFormSchema),
    staleTime: Infinity,
  });
}

export function lookUpAddress(postalCode: string) {
  return apiGet(`/api/v1/consultation-requests/addresses${toQueryString({ postalCode })}`, postalAddressListSchema);
}

export function submitConsultation(body: ConsultationRequestBody) {
  return apiPost('/api/v1/consultation-requests', body, consultationReceiptSchema);
}

export function verifyConsultation(token: string) {
  return apiPost('/api/v1/consultation-requests/verify', { token }, consultationVerifiedSchema);
}

export function useIntakeInbox(slug: string) {
  return useQuery({
    queryKey: intakeKeys.inbox(slug),
    queryFn: () => apiGet(`/api/v1/councils/${encodeURIComponent(slug)}/intake`, intakeInboxSchema),
  });
}
