import {
  consultationFormSchema,
  consultationReceiptSchema,
  consultationRequestBodySchema,
  consultationVerifiedSchema,
  councilSlugParamsSchema,
  intakeInboxSchema,
  verifyConsultationBodySchema,
  postalAddressListSchema,
  postalAddressQuerySchema,
} from '@kasseika/contracts';
import { routesFor } from '../../http/route';
import type { IntakeService } from './intake.service';

export interface IntakeRouteDeps {
  readonly intake: IntakeService;
}

const route = routesFor<IntakeRouteDeps>();

/** Per client address: a person sends one request, maybe a second after a correction; scripts are cut off. */
const SUBMIT_RATE_LIMIT = { max: 10, timeWindow: '15 minutes' };
const VERIFY_RATE_LIMIT = { max: 20, timeWindow: '15 minutes' };

export const intakeRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/consultation-requests/form',
    operationId: 'getConsultationForm',
    summary: 'A fresh signed form token and the choices of the consultation request form (public)',
    description:
      'The token carries its issue time: a request sent sooner than `minimumFillSeconds` after it, or a day later, is refused with a field issue on `formToken` (the form asks for a new token and keeps what was typed).',
    tags: ['intake'],
    access: { kind: 'public' },
    success: { status: 200, description: 'Form token, industries (日本標準産業分類), checklists', schema: consultationFormSchema },
    problems: [],
    handler: (_input, { deps }) => Promise.resolve(deps.intake.form()),
  }),
  route({
    method: 'GET',
    path: '/api/v1/consultation-requests/addresses',
    operationId: 'lookUpPostalAddress',
    summary: '〒 → 住所 candidates for the request form, from the bundled offline postal data (public)',
    description: 'An empty list means the code is not in the bundled data (ADR 0006); the request form then asks to check it.',
    tags: ['intake'],
    access: { kind: 'public' },
    query: postalAddressQuerySchema,
    success: { status: 200, description: 'Prefecture, city and town candidates', schema: postalAddressListSchema },
    problems: [422],
    handler: ({ query }, { deps }) => Promise.resolve(deps.intake.addresses(query.postalCode)),
  }),
  route({
    method: 'POST',
    path: '/api/v1/consultation-requests',
    operationId: 'submitConsultationRequest',
    summary: 'Send a consultation request to the council of the company’s prefecture (public; email verification follows)',
    description:
      'Every field issue comes back at once (422) and nothing is stored. On success the request waits for the requester to open the verification link mailed to them (48 hours); only then does the council see it. Abuse control: signed form token with a minimum fill time, a honeypot field (`website`) and a rate limit per client address.',
    tags: ['intake'],
    access: { kind: 'public' },
    rateLimit: SUBMIT_RATE_LIMIT,
    body: consultationRequestBodySchema,
    success: { status: 202, description: 'Stored; the verification mail is on its way', schema: consultationReceiptSchema },
    problems: [422],
    handler: ({ body }, { deps, actor }) => deps.intake.submit(actor, body),
  }),
  route({
    method: 'POST',
    path: '/api/v1/consultation-requests/verify',
    operationId: 'verifyConsultationRequest',
    summary: 'Confirm a consultation request with the mailed token (single use): the council receives it as a case at intake',
    tags: ['intake'],
    access: { kind: 'public' },
    rateLimit: VERIFY_RATE_LIMIT,
    body: verifyConsultationBodySchema,
    success: {
      status: 200,
      description: 'Confirmed; case created, acknowledgement and account invitation mailed',
      schema: consultationVerifiedSchema,
    },
    problems: [422],
    handler: ({ body }, { deps, actor }) => deps.intake.verify(actor, body.token),
  }),
  route({
    method: 'GET',
    path: '/api/v1/councils/{councilId}/intake',
    operationId: 'listIntakeInbox',
    summary: 'The council’s verified consultation requests awaiting a decision, with possible duplicates (its case workers)',
    tags: ['intake'],
    access: { kind: 'signedIn' },
    params: councilSlugParamsSchema,
    success: { status: 200, description: 'Requests at intake, oldest first', schema: intakeInboxSchema },
    problems: [401, 403, 404, 422],
    handler: ({ params }, { deps, actor }) => deps.intake.inbox(actor, params.councilId),
  }),
];
