/** A case as the policy sees it: its council, and the scopes the actor's own grants on it give. */
export interface CaseResource {
  readonly councilId: number;
  readonly caseId: string;
  /** Scopes from the actor's unexpired, unrevoked grants on this case (empty for staff). */
  readonly grantScopes: readonly string[];
}

/** A document action on a case: the case plus the visibility class concerned. */
export interface CaseDocumentResource extends CaseResource {
  readonly visibility: 'council_internal' | 'team' | 'company' | 'creditors';
}

export interface CouncilResource {
  readonly councilId: number;
}

export interface AccountResource {
  readonly userId: string;
}

/**
 * The closed set of actions and the resource each is decided on. A new action is a new key here — and the policy
 * table (policy-table.ts) then fails to compile until it has a rule.
 */
export interface ActionResources {
  'account.manage': AccountResource;
  'council.members.read': CouncilResource;
  'council.members.invite': CouncilResource;
  'council.members.update': CouncilResource;
  'case.list': CouncilResource | null;
  'case.create': CouncilResource;
  'case.read': CaseResource;
  'case.grants.read': CaseResource;
  'case.grants.manage': CaseResource;
  'case.accessLog.read': CaseResource;
  'case.documents.read': CaseResource;
  'case.documents.upload': CaseDocumentResource;
  'case.documents.manage': CaseResource;
  'case.transition': CaseResource;
  'case.statements.read': CaseResource;
  'case.statements.write': CaseResource;
  'case.timeline.read': CaseResource;
  'case.guarantors.read': CaseResource;
  'case.guarantors.write': CaseResource;
  // public consultation intake (issue 5)
  'intake.read': CouncilResource;
  // Council case work (窓口相談, triage, tasks)
  'case.consultation.read': CaseResource;
  'case.consultation.write': CaseResource;
  'case.triage': CaseResource;
  'case.tasks.read': CaseResource;
  'case.tasks.write': CaseResource;
  'council.tasks.read': CouncilResource;
  'case.earnings.read': CaseResource;
  'case.earnings.write': CaseResource;
  // creditors (issue 7)
  'case.creditors.read': CaseResource;
  'case.creditors.manage': CaseResource;
  'case.confidentiality.read': CaseResource;
  'case.confidentiality.manage': CaseResource;
  'case.plan.read': CaseResource;
  'case.plan.submit': CaseResource;
  'case.plan.comment': CaseResource;
  'case.plan.respond': CaseResource;
  // 再チャレンジ支援
  'case.rechallenge.read': CaseResource;
  'case.rechallenge.write': CaseResource;
  'case.rechallenge.consent': CaseResource;
  'case.rechallenge.package': CaseResource;
  // 再生支援 / プレ再生支援
  'case.revitalization.read': CaseResource;
  'case.revitalization.write': CaseResource;
  // バンクミーティング (issue 7)
  'case.meetings.read': CaseResource;
  'case.meetings.manage': CaseResource;
}

export type Action = keyof ActionResources;

export const ACTIONS = [
  'account.manage',
  'council.members.read',
  'council.members.invite',
  'council.members.update',
  'case.list',
  'case.create',
  'case.read',
  'case.grants.read',
  'case.grants.manage',
  'case.accessLog.read',
  'case.documents.read',
  'case.documents.upload',
  'case.documents.manage',
  'case.transition',
  'case.statements.read',
  'case.statements.write',
  'case.timeline.read',
  'case.guarantors.read',
  'case.guarantors.write',
  'intake.read',
  'case.consultation.read',
  'case.consultation.write',
  'case.triage',
  'case.tasks.read',
  'case.tasks.write',
  'council.tasks.read',
  'case.earnings.read',
  'case.earnings.write',
  'case.creditors.read',
  'case.creditors.manage',
  'case.confidentiality.read',
  'case.confidentiality.manage',
  'case.plan.read',
  'case.plan.submit',
  'case.plan.comment',
  'case.plan.respond',
  'case.rechallenge.read',
  'case.rechallenge.write',
  'case.rechallenge.consent',
  'case.rechallenge.package',
  'case.revitalization.read',
  'case.revitalization.write',
  'case.meetings.read',
  'case.meetings.manage',
] as const satisfies readonly Action[];
