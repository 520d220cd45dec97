/**
 * Every kind of audit event, closed and typed (SCREAMING_SNAKE, past tense). Adding a kind means adding it here;
 * the SME's access log and the staff views translate these codes.
 */
export const AUDIT_EVENT_TYPES = [
  // identity
  'SIGN_IN_SUCCEEDED',
  'SIGN_IN_FAILED',
  'MFA_SUCCEEDED',
  'MFA_FAILED',
  'SIGNED_OUT',
  'SIGNED_OUT_EVERYWHERE',
  'SESSION_REVOKED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET_COMPLETED',
  'PASSWORD_CHANGED',
  'EMAIL_VERIFIED',
  'TOTP_ENROLLED',
  'TOTP_REMOVED',
  'RECOVERY_CODE_USED',
  'PASSKEY_REGISTERED',
  'PASSKEY_REMOVED',
  'OIDC_SIGN_IN_SUCCEEDED',
  'RATE_LIMITED',
  // access administration
  'INVITATION_CREATED',
  'INVITATION_ACCEPTED',
  'MEMBERSHIP_ROLES_CHANGED',
  'USER_DISABLED',
  'USER_ENABLED',
  'CASE_GRANT_CREATED',
  'CASE_GRANT_REVOKED',
  // authorisation
  'ACCESS_DENIED',
  // case data
  'CASE_CREATED',
  'CASE_VIEWED',
  'CASE_LIST_VIEWED',
  'CASE_ACCESS_LOG_VIEWED',
  'EXPORT_CREATED',
  'DOCUMENT_UPLOADED',
  'DOCUMENT_DOWNLOADED',
  'DOCUMENT_VISIBILITY_CHANGED',
  'CASE_TRANSITIONED',
  'CASE_TIMELINE_VIEWED',
  'CASE_STATEMENTS_VIEWED',
  'CASE_STATEMENTS_SAVED',
  // public consultation intake (issue 5)
  'CONSULTATION_REQUESTED',
  'CONSULTATION_VERIFIED',
  'INTAKE_INBOX_VIEWED',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Event kinds that are reads of confidential case data (shown to the company as "who accessed my case"). */
export const CASE_ACCESS_EVENT_TYPES: readonly AuditEventType[] = [
  'CASE_VIEWED',
  'CASE_ACCESS_LOG_VIEWED',
  'EXPORT_CREATED',
  'CASE_GRANT_CREATED',
  'CASE_GRANT_REVOKED',
  'DOCUMENT_UPLOADED',
  'DOCUMENT_DOWNLOADED',
  'CASE_TIMELINE_VIEWED',
  'CASE_STATEMENTS_VIEWED',
  'CASE_STATEMENTS_SAVED',
];
