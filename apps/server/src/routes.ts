import type { AnyRoute } from './http/route';
import { directoryRoutes, type DirectoryRouteDeps } from './modules/directory/directory.routes';
import { systemRoutes, type SystemRouteDeps } from './modules/system/system.routes';
import { authRoutes, type AuthRouteDeps } from './modules/auth/auth.routes';
import { calculationsRoutes, type CalculationsRouteDeps } from './modules/calculations/calculations.routes';
import { casesRoutes, type CasesRouteDeps } from './modules/cases/cases.routes';
import { membersRoutes, type MembersRouteDeps } from './modules/members/members.routes';
import { invitationRoutes, type InvitationRouteDeps } from './modules/auth/invitations.routes';
import { devRoutes, type DevRouteDeps } from './modules/dev/dev.routes';
import { documentsRoutes, type DocumentsRouteDeps } from './modules/documents/documents.routes';
import { financialsRoutes, type FinancialsRouteDeps } from './modules/financials/financials.routes';
import { consultationRoutes, type ConsultationRouteDeps } from './modules/casework/consultation.routes';
import { tasksRoutes, type TasksRouteDeps } from './modules/casework/tasks.routes';
import { earningsRoutes, type EarningsRouteDeps } from './modules/casework/earnings.routes';
import { creditorsRoutes, plansRoutes, type CreditorsRouteDeps, type PlansRouteDeps } from './modules/creditors/creditors.routes';
import { revitalizationRoutes, type RevitalizationRouteDeps } from './modules/revitalization/revitalization.routes';
import { passkeyRoutes, type PasskeyRouteDeps } from './modules/auth/passkeys.routes';
import { oidcRoutes, type OidcRouteDeps } from './modules/auth/oidc.routes';
import { guarantorsRoutes, type GuarantorsRouteDeps } from './modules/guarantors/guarantors.routes';
import { intakeRoutes, type IntakeRouteDeps } from './modules/intake/intake.routes';
import { rechallengeRoutes, type RechallengeRouteDeps } from './modules/rechallenge/rechallenge.routes';
import { meetingsRoutes, type MeetingsRouteDeps } from './modules/creditors/meetings.routes';

/** What route handlers may use: the union of every module's declared dependencies. */
export type AppDeps = SystemRouteDeps &
  DirectoryRouteDeps &
  AuthRouteDeps &
  CalculationsRouteDeps &
  CasesRouteDeps &
  MembersRouteDeps &
  InvitationRouteDeps &
  DevRouteDeps &
  DocumentsRouteDeps &
  FinancialsRouteDeps &
  ConsultationRouteDeps &
  TasksRouteDeps &
  EarningsRouteDeps &
  CreditorsRouteDeps &
  PlansRouteDeps &
  PasskeyRouteDeps &
  OidcRouteDeps &
  GuarantorsRouteDeps &
  IntakeRouteDeps &
  RechallengeRouteDeps &
  RevitalizationRouteDeps &
  MeetingsRouteDeps;

/**
 * The route registry: every HTTP route of the API. The OpenAPI document, the permission matrix and the
 * validation sweep tests are all generated from this list, so a route cannot exist without appearing in them.
 */
export const allRoutes: readonly AnyRoute<AppDeps>[] = [
  ...systemRoutes,
  ...directoryRoutes,
  ...authRoutes,
  ...passkeyRoutes,
  ...oidcRoutes,
  ...calculationsRoutes,
  ...casesRoutes,
  ...membersRoutes,
  ...invitationRoutes,
  ...devRoutes,
  ...documentsRoutes,
  ...financialsRoutes,
  ...guarantorsRoutes,
  ...intakeRoutes,
  ...consultationRoutes,
  ...tasksRoutes,
  ...earningsRoutes,
  ...creditorsRoutes,
  ...plansRoutes,
  ...rechallengeRoutes,
  ...revitalizationRoutes,
  ...meetingsRoutes,
];
