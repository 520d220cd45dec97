import type { AppConfig } from './config/env';
import type { Database } from './db/client';
import { createAuditRecorder, type AuditRecorder } from './audit/record-audit-event';
import { createAuthService, type AuthService } from './modules/auth/auth.service';
import { createSessionStatusService, type SessionStatusService } from './modules/auth/session-status';
import { createCasesService, type CasesService } from './modules/cases/cases.service';
import { createInvitationService, type InvitationService } from './modules/auth/invitations.service';
import { createPasskeysService, type PasskeysService } from './modules/auth/passkeys.service';
import { createOidcService, type OidcService } from './modules/auth/oidc.service';
import { createMembersService, type MembersService } from './modules/members/members.service';
import { createDocumentsService, type DocumentsService } from './modules/documents/documents.service';
import { createLocalFileStore } from './providers/storage/file-store';
import { createGuarantorsService, type GuarantorsService } from './modules/guarantors/guarantors.service';
import { loadResidualAssetsRules } from './modules/guarantors/guarantors-rule-data';
import { createFinancialsService, type FinancialsService } from './modules/financials/financials.service';
// council case work (issue 6)
import { DEFAULT_GOVERNANCE_CHECKLIST, DEFAULT_STAGE_CHECKLISTS } from '@kasseika/domain';
import { createConsultationService, triageFactsLoader, type ConsultationService } from './modules/casework/consultation.service';
import { createTasksService, type TasksService } from './modules/casework/tasks.service';
import { createEarningsService, earningsFactsLoader, type EarningsService } from './modules/casework/earnings.service';
import { japaneseHolidays } from './modules/casework/japanese-calendar';
import { loadCalculationRuleData, thresholdTableFor } from './modules/calculations/calculations-rule-data';
import { diagnose } from './modules/calculations/calculations-diagnosis';
import { createCreditorsService, creditorFactsLoader, type CreditorsService } from './modules/creditors/creditors.service';
import { loadFinancialInstitutions } from './modules/creditors/financial-institutions';
import { createPlansService, type PlansService } from './modules/creditors/plans.service';
import { createMeetingsService, type MeetingsService } from './modules/creditors/meetings.service';
import { freezeAgreedPlan, planFactsLoader } from './modules/creditors/plans.workflow';
import { createDirectoryService, type DirectoryService } from './modules/directory/directory.service';
import { createMailer, type Mailer } from './providers/mail/mailer';
import { createPostalLookup, type PostalLookup } from './providers/postal-lookup';
import { createDataKeyStore } from './security/data-key-store';
import { createFieldCipher, type FieldCipher } from './security/field-cipher';
import { loadMasterKey } from './security/master-key';
import { deriveKeys, type DerivedKeys } from './security/secrets';
import { createIntakeService, type IntakeService } from './modules/intake/intake.service';
import { createCalculationsService } from './modules/calculations/calculations.service';
import {
  createRevitalizationService,
  revitalizationFactsLoader,
  type RevitalizationService,
} from './modules/revitalization/revitalization.service';
import { loadForgivenessRequirements } from './modules/revitalization/revitalization-rule-data';
import { loadIntakeData } from './modules/intake/intake-data';
// 再チャレンジ支援 (issue 6)
import { createRechallengeService, rechallengeFactsLoader, type RechallengeService } from './modules/rechallenge/rechallenge.service';
import { loadFeeSupportRules } from './modules/rechallenge/rechallenge-rule-data';

/** Data keys: 0 = platform (identity secrets), 1–47 = the councils. */
export const ALL_DATA_KEY_IDS: readonly number[] = Array.from({ length: 48 }, (_, i) => i);

/** Every long-lived service of the server, built once from configuration and passed down explicitly. */
export interface Services {
  readonly keys: DerivedKeys;
  readonly cipher: FieldCipher;
  readonly audit: AuditRecorder;
  readonly mailer: Mailer;
  readonly postal: PostalLookup;
  readonly directory: DirectoryService;
  readonly auth: AuthService;
  readonly passkeys: PasskeysService;
  readonly oidc: OidcService;
  readonly sessionStatus: SessionStatusService;
  readonly invitations: InvitationService;
  readonly cases: CasesService;
  readonly members: MembersService;
  readonly documents: DocumentsService;
  readonly financials: FinancialsService;
  readonly guarantors: GuarantorsService;
  readonly intake: IntakeService;
  readonly consultation: ConsultationService;
  readonly tasks: TasksService;
  readonly earnings: EarningsService;
  readonly creditors: CreditorsService;
  readonly plans: PlansService;
  readonly meetings: MeetingsService;
  readonly rechallenge: RechallengeService;
  readonly revitalization: RevitalizationService;
  readonly now: () => Date;
}

export function createServices(config: AppConfig, database: Database, now: () => Date = () => new Date()): Services {
  const keys = deriveKeys(loadMasterKey({ configured: config.masterKey, env: config.env, devKeyFile: config.devMasterKeyFile }));
  const cipher = createFieldCipher(keys.keyEncryptionKey, createDataKeyStore(database.db));
  const audit = createAuditRecorder(keys.auditChainKey, now);
  const mailer = createMailer({ db: database.db, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const postal = createPostalLookup();
  const invitations = createInvitationService({ db: database.db, audit, mailer, publicUrl: config.publicUrl, now });
  const intake = createIntakeService({
    db: database.db,
    audit,
    mailer,
    cipher,
    postal,
    invitations,
    data: loadIntakeData(),
    formKey: keys.cookieSigningKey,
    publicUrl: config.publicUrl,
    now,
  });
  const rules = loadCalculationRuleData();
  const cases = createCasesService({
    db: database.db,
    audit,
    invitations,
    cipher,
    facts: [
      triageFactsLoader,
      earningsFactsLoader,
      creditorFactsLoader,
      planFactsLoader,
      rechallengeFactsLoader,
      revitalizationFactsLoader(now),
    ],
    now,
    onTransition: [intake.transitionListener, freezeAgreedPlan],
  });
  return {
    keys,
    cipher,
    audit,
    mailer,
    postal,
    now,
    directory: createDirectoryService({ db: database.db, postal }),
    auth: createAuthService({ db: database.db, audit, mailer, cipher, cookieKey: keys.cookieSigningKey, publicUrl: config.publicUrl, now }),
    oidc: createOidcService({
      db: database.db,
      audit,
      mailer,
      cipher,
      cookieKey: keys.cookieSigningKey,
      publicUrl: config.publicUrl,
      now,
      oidc: config.oidc,
    }),
    passkeys: createPasskeysService({
      db: database.db,
      audit,
      mailer,
      cipher,
      cookieKey: keys.cookieSigningKey,
      publicUrl: config.publicUrl,
      now,
    }),
    sessionStatus: createSessionStatusService(database.db),
    invitations,
    intake,
    guarantors: createGuarantorsService({ db: database.db, audit, cipher, rules: loadResidualAssetsRules(), now }),
    cases,
    members: createMembersService({ db: database.db, audit, invitations, now }),
    financials: createFinancialsService({ db: database.db, audit, cipher, now }),
    creditors: createCreditorsService({ db: database.db, audit, institutions: loadFinancialInstitutions(), now }),
    plans: createPlansService({ db: database.db, audit, cipher, mailer, publicUrl: config.publicUrl, now }),
    meetings: createMeetingsService({ db: database.db, audit, cipher, mailer, publicUrl: config.publicUrl, now }),
    documents: createDocumentsService({ db: database.db, audit, cipher, files: createLocalFileStore(config.filesDir), now }),
    consultation: createConsultationService({
      db: database.db,
      audit,
      cipher,
      cases,
      // Diagnosis of the case's statements against the threshold table in force at the latest year end.
      diagnose: (statements) => diagnose(statements, thresholdTableFor(rules, statements.at(-1)?.fiscalYearEnd ?? ''), {}).years,
      now,
    }),
    tasks: createTasksService({
      db: database.db,
      audit,
      mailer,
      holidays: japaneseHolidays,
      checklists: DEFAULT_STAGE_CHECKLISTS,
      publicUrl: config.publicUrl,
      now,
    }),
    earnings: createEarningsService({ db: database.db, audit, cipher, governance: DEFAULT_GOVERNANCE_CHECKLIST, now }),
    rechallenge: createRechallengeService({
      db: database.db,
      audit,
      cipher,
      feeRules: loadFeeSupportRules(),
      // The package snapshot reads the case's documents, guarantors and statements through their own services.
      documents: createDocumentsService({ db: database.db, audit, cipher, files: createLocalFileStore(config.filesDir), now }),
      guarantors: createGuarantorsService({ db: database.db, audit, cipher, rules: loadResidualAssetsRules(), now }),
      financials: createFinancialsService({ db: database.db, audit, cipher, now }),
      now,
    }),
    revitalization: createRevitalizationService({
      db: database.db,
      audit,
      cipher,
      invitations,
      calculations: createCalculationsService({ rules }),
      requirements: loadForgivenessRequirements(),
      now,
    }),
  };
}
