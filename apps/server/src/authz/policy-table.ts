import { hasRole, isCaseWorker, staffCouncilOf, type UserActor } from './actor';
import type { Action, ActionResources } from './actions';
import { OUTSIDER_ROLES, RC_PACKAGE_SCOPE } from './roles';

type Rule<A extends Action> = (actor: UserActor, resource: ActionResources[A]) => boolean;

/**
 * Who may do what. Every action has exactly one rule (a missing one is a compile error); anything not allowed here
 * is denied, and anonymous actors are denied before the table is consulted. Row-level security enforces the same
 * boundaries again in the database.
 *
 * @see ../../../../docs/authorization-matrix.md (generated from the permission-matrix test)
 */
export const POLICY_TABLE: { readonly [A in Action]: Rule<A> } = {
  'account.manage': (actor, r) => actor.userId === r.userId,

  'council.members.read': (actor, r) =>
    staffCouncilOf(actor) === r.councilId && hasRole(actor, 'council_admin', 'council_pm', 'council_sm'),
  'council.members.invite': (actor, r) => staffCouncilOf(actor) === r.councilId && hasRole(actor, 'council_admin'),
  'council.members.update': (actor, r) => staffCouncilOf(actor) === r.councilId && hasRole(actor, 'council_admin'),

  // Council case workers list their council's cases; outsiders list the cases granted to them (RLS filters).
  'case.list': (actor, r) => (r === null ? hasRole(actor, ...OUTSIDER_ROLES) : isCaseWorker(actor, r.councilId)),
  'case.create': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.read': (actor, r) => isCaseWorker(actor, r.councilId) || (hasRole(actor, ...OUTSIDER_ROLES) && r.grantScopes.includes('case.read')),
  'case.grants.read': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.grants.manage': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.accessLog.read': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'company_member') && r.grantScopes.includes('case.accessLog')),

  // Documents: staff see all (RLS admits only the classes a grant reaches for outsiders).
  'case.documents.read': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, ...OUTSIDER_ROLES) && r.grantScopes.some((s) => s.startsWith('documents.'))),
  // Outsiders may upload only into classes they themselves can see: the company into `company`, experts into `team` or
  // `company`; banks and lawyers do not upload.
  'case.documents.upload': (actor, r) =>
    isCaseWorker(actor, r.councilId) ||
    (r.grantScopes.includes('documents.upload') &&
      ((hasRole(actor, 'company_member') && r.visibility === 'company') ||
        (hasRole(actor, 'expert') && (r.visibility === 'team' || r.visibility === 'company')))),
  'case.documents.manage': (actor, r) => isCaseWorker(actor, r.councilId),
  // The company's statements: the council, and the company / appointed experts through their grant (RLS agrees).
  'case.statements.read': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'company_member', 'expert') && r.grantScopes.includes('statements.read')),
  'case.statements.write': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'company_member', 'expert') && r.grantScopes.includes('statements.write')),
  // The workflow is the council's: only its case workers move a case or read its internal history (reasons).
  'case.transition': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.timeline.read': (actor, r) => isCaseWorker(actor, r.councilId),
  // Guarantors and their personal assets (経営者保証): the council; the company (its owners' own data) and the lawyer
  // handling a 再チャレンジ through their grant. Banks never see them here (RLS agrees).
  'case.guarantors.read': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'company_member', 'lawyer') && r.grantScopes.includes('guarantors.read')),
  'case.guarantors.write': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'company_member', 'lawyer') && r.grantScopes.includes('guarantors.write')),
  // The council's inbox of verified consultation requests (issue 5): its case workers only.
  'intake.read': (actor, r) => isCaseWorker(actor, r.councilId),
  // Council case work: the council's own material (RLS has no grant policy on these tables). The triage decision is
  // the 統括責任者's (PM) call, or the 補佐's (SM) — REFERENCE §1.3.
  'case.consultation.read': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.consultation.write': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.triage': (actor, r) => isCaseWorker(actor, r.councilId) && hasRole(actor, 'council_pm', 'council_sm'),
  'case.tasks.read': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.tasks.write': (actor, r) => isCaseWorker(actor, r.councilId),
  'council.tasks.read': (actor, r) => isCaseWorker(actor, r.councilId),
  // 収益力改善支援: the council's working material (governance checklist, action plan, plan adoption).
  'case.earnings.read': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.earnings.write': (actor, r) => isCaseWorker(actor, r.councilId),
  // Creditors (issue 7): the council edits the table; target creditors read it (RLS also requires the company's
  // consent in force for their bank). The company alone records and revokes its consents (守秘義務の解除).
  'case.creditors.read': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'bank_officer') && r.grantScopes.includes('creditors.read')),
  'case.creditors.manage': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.confidentiality.read': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'company_member') && r.grantScopes.includes('confidentiality.manage')),
  'case.confidentiality.manage': (actor, r) => hasRole(actor, 'company_member') && r.grantScopes.includes('confidentiality.manage'),
  // Plan versions and consent (issue 7): the council submits; PM/SM comment (意見・助言); target creditors read and
  // answer (RLS also requires the company's consent in force and the bank to be a target creditor).
  'case.plan.read': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'bank_officer') && r.grantScopes.includes('plan.read')),
  'case.plan.submit': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.plan.comment': (actor, r) => staffCouncilOf(actor) === r.councilId && hasRole(actor, 'council_pm', 'council_sm'),
  'case.plan.respond': (actor, r) => hasRole(actor, 'bank_officer') && r.grantScopes.includes('plan.respond'),
  // 再チャレンジ支援: the council's record; the company consents to the lawyer handover package (its own case, live
  // case.read grant); the referred lawyer reads the package through the grant the consent created (RLS agrees).
  'case.rechallenge.read': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.rechallenge.write': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.rechallenge.consent': (actor, r) => hasRole(actor, 'company_member') && r.grantScopes.includes('case.read'),
  'case.rechallenge.package': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'lawyer') && r.grantScopes.includes(RC_PACKAGE_SCOPE)),
  // 再生支援 / プレ再生支援: the council's working material (team, 実態BS, business plan). Appointed experts reach the case
  // through their grant (case, team documents, statements), never these records.
  'case.revitalization.read': (actor, r) => isCaseWorker(actor, r.councilId),
  'case.revitalization.write': (actor, r) => isCaseWorker(actor, r.councilId),
  // バンクミーティング (issue 7): the council schedules and records; invited target creditors read (RLS also requires
  // the company's consent in force and the bank to be invited).
  'case.meetings.read': (actor, r) =>
    isCaseWorker(actor, r.councilId) || (hasRole(actor, 'bank_officer') && r.grantScopes.includes('plan.read')),
  'case.meetings.manage': (actor, r) => isCaseWorker(actor, r.councilId),
};
