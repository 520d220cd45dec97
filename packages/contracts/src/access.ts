import { z } from 'zod';
import { caseOutcomeSchema, caseStageSchema, caseTrackSchema, nextTransitionSchema } from './case-workflow';
import { emailSchema, newPasswordSchema, tokenSchema } from './auth';

/** Roles held per organisation membership (see apps/server/src/authz/roles.ts). */
export const roleSchema = z
  .enum([
    'council_pm',
    'council_sm',
    'council_staff',
    'council_admin',
    'hq_analyst',
    'hq_admin',
    'platform_operator',
    'company_member',
    'expert',
    'bank_officer',
    'lawyer',
  ])
  .meta({ id: 'Role' });

export const councilRoleSchema = z.enum(['council_pm', 'council_sm', 'council_staff', 'council_admin']).meta({ id: 'CouncilRole' });

export const roleInCaseSchema = z.enum(['company', 'expert', 'bank', 'lawyer']).meta({ id: 'RoleInCase' });

export const councilSlugParamsSchema = z.strictObject({ councilId: z.string().regex(/^[a-z]{2,20}$/, 'councilId.format') });

export const displayNameSchema = z.string().trim().min(1, 'displayName.length').max(100, 'displayName.length');

// ── Council members (council admin) ────────────────────────────────────────────

export const councilMemberSchema = z
  .object({
    membershipId: z.string(),
    userId: z.string(),
    displayName: z.string(),
    email: z.string(),
    roles: z.array(councilRoleSchema),
    status: z.enum(['active', 'disabled']),
    joinedAt: z.string(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'CouncilMember' });

export const councilMemberListSchema = z
  .object({
    items: z.array(councilMemberSchema),
    pendingInvitations: z.array(z.object({ email: z.string(), roles: z.array(councilRoleSchema), expiresAt: z.string() })),
    abilities: z.object({ invite: z.boolean() }),
  })
  .meta({ id: 'CouncilMemberList' });

export const inviteCouncilMemberBodySchema = z
  .strictObject({
    email: emailSchema,
    displayName: displayNameSchema,
    roles: z.array(councilRoleSchema).min(1, 'roles.required').max(4),
  })
  .meta({ id: 'InviteCouncilMemberBody' });

export const membershipParamsSchema = z.strictObject({
  councilId: z.string().regex(/^[a-z]{2,20}$/, 'councilId.format'),
  membershipId: z.uuid(),
});

export const updateCouncilMemberBodySchema = z
  .strictObject({
    roles: z.array(councilRoleSchema).min(1, 'roles.required').max(4).optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .refine((b) => b.roles !== undefined || b.status !== undefined, 'update.empty')
  .meta({ id: 'UpdateCouncilMemberBody' });

export const invitationCreatedSchema = z
  .object({ status: z.literal('invited'), email: z.string(), expiresAt: z.string() })
  .meta({ id: 'InvitationCreated' });

// ── Cases (minimal; case work extends them) ────────────────────────────────────

export const caseIdParamsSchema = z.strictObject({ caseId: z.uuid() });

export const caseSummarySchema = z
  .object({
    id: z.string(),
    referenceNo: z.string(),
    companyName: z.string(),
    councilId: z.number().int(),
    councilName: z.string(),
    createdAt: z.string(),
    myRoleInCase: roleInCaseSchema.nullable().meta({ description: 'The caller’s role when they reach the case through a grant' }),
    stage: caseStageSchema,
    track: caseTrackSchema.nullable(),
    outcome: caseOutcomeSchema.nullable(),
    stageChangedAt: z.string(),
  })
  .meta({ id: 'CaseSummary' });

/** An opaque keyset cursor of the case list (base64url; made by the server, only handed back). */
export const caseListCursorSchema = z
  .string()
  .max(200, 'cursor.invalid')
  .regex(/^[A-Za-z0-9_-]+$/, 'cursor.invalid');

export const caseListQuerySchema = z
  .strictObject({
    q: z
      .string()
      .trim()
      .max(100, 'search.tooLong')
      .optional()
      .meta({ description: 'Company name, フリガナ (ひらがな, 全角 or 半角カナ), reference number or the start of a 法人番号' }),
    track: caseTrackSchema.optional(),
    stage: caseStageSchema.optional(),
    assignee: z
      .union([z.literal('me'), z.uuid()])
      .optional()
      .meta({ description: 'Cases with an open task assigned to this case worker (`me`: the caller)' }),
    overdue: z.enum(['true', 'false']).optional().meta({ description: '`true`: only cases with an open task past its due date (JST)' }),
    cursor: caseListCursorSchema.optional().meta({ description: '`nextCursor` or `prevCursor` of a previous page' }),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .meta({ id: 'CaseListQuery' });

/** A case as a row of the (staff) case list. */
export const caseListItemSchema = caseSummarySchema
  .extend({
    companyNameKana: z.string().nullable(),
    corporateNumber: z.string().nullable(),
    overdueTaskCount: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Open tasks past their due date (council staff only; null for outsiders)' }),
  })
  .meta({ id: 'CaseListItem' });

/** The most a list counts: beyond it the list says "1,000 or more" (a count must not slow the page down). */
export const CASE_LIST_COUNT_CAP = 1000;

export const caseListSchema = z
  .object({
    items: z.array(caseListItemSchema),
    total: z.number().int().meta({ description: 'Matching cases, counted up to `CASE_LIST_COUNT_CAP`' }),
    totalCapped: z.boolean().meta({ description: 'There are more matching cases than `total`' }),
    pageSize: z.number().int(),
    nextCursor: caseListCursorSchema.nullable().meta({ description: 'The next (older) page, null on the last' }),
    prevCursor: caseListCursorSchema.nullable().meta({ description: 'The previous (newer) page, null on the first' }),
    assignees: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .meta({ description: 'The council’s case workers, for the assignee filter (empty for outsiders)' }),
    abilities: z.object({ create: z.boolean() }),
  })
  .meta({ id: 'CaseList' });

export const createCaseBodySchema = z
  .strictObject({ companyName: z.string().trim().min(1, 'companyName.length').max(100, 'companyName.length') })
  .meta({ id: 'CreateCaseBody' });

export const caseDetailSchema = caseSummarySchema
  .extend({
    abilities: z.object({
      readGrants: z.boolean(),
      manageGrants: z.boolean(),
      readAccessLog: z.boolean(),
      transition: z.boolean(),
      readTimeline: z.boolean(),
      readGuarantors: z.boolean(),
      readDocuments: z.boolean(),
      readCreditors: z.boolean(),
      readStatements: z.boolean(),
    }),
    nextTransitions: z
      .array(nextTransitionSchema)
      .meta({ description: 'What may happen next (only for those who may move the case; empty otherwise)' }),
  })
  .meta({ id: 'CaseDetail' });

export const caseGrantSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    displayName: z.string(),
    email: z.string(),
    organizationName: z.string().nullable(),
    roleInCase: roleInCaseSchema,
    scopes: z.array(z.string()),
    grantedAt: z.string(),
    grantedBy: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseGrant' });

export const caseGrantListSchema = z
  .object({
    items: z.array(caseGrantSchema),
    pendingInvitations: z.array(z.object({ email: z.string(), roleInCase: roleInCaseSchema, expiresAt: z.string() })),
  })
  .meta({ id: 'CaseGrantList' });

/**
 * Invite an outsider to a case: a company member, an appointed expert (認定支援機関), a bank officer (a target
 * creditor, after the company's consent) or a lawyer. The organisation is named by id (existing) or created.
 */
export const inviteToCaseBodySchema = z
  .strictObject({
    email: emailSchema,
    displayName: displayNameSchema,
    roleInCase: roleInCaseSchema,
    organizationName: z.string().trim().min(1, 'organizationName.length').max(200, 'organizationName.length'),
    /** 金融機関コード for banks (4 digits). */
    bankCode: z
      .string()
      .regex(/^\d{4}$/, 'bankCode.format')
      .optional(),
    expiresAt: z.iso.date().optional().meta({ description: 'Grant end date (inclusive, JST); none = until revoked' }),
  })
  .meta({ id: 'InviteToCaseBody' });

export const grantParamsSchema = z.strictObject({ caseId: z.uuid(), grantId: z.uuid() });

export const revokeGrantBodySchema = z
  .strictObject({ reason: z.string().trim().min(1, 'reason.required').max(500, 'reason.required') })
  .meta({ id: 'RevokeGrantBody' });

export const accessLogEntrySchema = z
  .object({
    at: z.string(),
    eventType: z.string(),
    actorLabel: z.string().nullable(),
    actorRoles: z.array(z.string()),
    outcome: z.enum(['success', 'denied', 'failure']),
  })
  .meta({ id: 'AccessLogEntry' });

export const accessLogSchema = z.object({ items: z.array(accessLogEntrySchema) }).meta({ id: 'AccessLog' });

// ── Accepting an invitation ────────────────────────────────────────────────────

export const invitationTokenBodySchema = z.strictObject({ token: tokenSchema }).meta({ id: 'InvitationTokenBody' });

export const invitationPreviewSchema = z
  .object({
    email: z.string(),
    displayName: z.string(),
    organizationName: z.string(),
    roles: z.array(roleSchema),
    inviter: z.string(),
    caseReferenceNo: z.string().nullable(),
    expiresAt: z.string(),
    accountExists: z.boolean().meta({ description: 'true: sign in as this email first, then accept' }),
  })
  .meta({ id: 'InvitationPreview' });

export const acceptInvitationBodySchema = z
  .strictObject({
    token: tokenSchema,
    displayName: displayNameSchema.optional(),
    password: newPasswordSchema.optional(),
  })
  .meta({ id: 'AcceptInvitationBody' });

export const invitationAcceptedSchema = z
  .object({ state: z.enum(['enrol_mfa', 'pending_mfa', 'active']) })
  .meta({ id: 'InvitationAccepted', description: 'The session state after accepting: new accounts register a second factor next' });

export type CouncilMemberList = z.infer<typeof councilMemberListSchema>;
export type CaseList = z.infer<typeof caseListSchema>;
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export type CaseListItem = z.infer<typeof caseListItemSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CaseGrantList = z.infer<typeof caseGrantListSchema>;
export type AccessLog = z.infer<typeof accessLogSchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
