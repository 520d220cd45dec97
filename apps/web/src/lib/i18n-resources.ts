/** Translation resources: Japanese is the source language; English must be complete (locales.test.ts). */
import jaCommon from '../locales/ja/common.json';
import jaHome from '../locales/ja/home.json';
import jaDirectory from '../locales/ja/directory.json';
import enCommon from '../locales/en/common.json';
import enHome from '../locales/en/home.json';
import enDirectory from '../locales/en/directory.json';
import jaFinance from '../locales/ja/finance.json';
import enFinance from '../locales/en/finance.json';
import jaAuth from '../locales/ja/auth.json';
import enAuth from '../locales/en/auth.json';
import jaAccount from '../locales/ja/account.json';
import enAccount from '../locales/en/account.json';
import jaCases from '../locales/ja/cases.json';
import enCases from '../locales/en/cases.json';
import jaMembers from '../locales/ja/members.json';
import enMembers from '../locales/en/members.json';
import jaGuarantors from '../locales/ja/guarantors.json';
import enGuarantors from '../locales/en/guarantors.json';
import jaRevitalization from '../locales/ja/revitalization.json';
import enRevitalization from '../locales/en/revitalization.json';
import jaDocuments from '../locales/ja/documents.json';
import enDocuments from '../locales/en/documents.json';
import jaIntake from '../locales/ja/intake.json';
import enIntake from '../locales/en/intake.json';
import jaCasework from '../locales/ja/casework.json';
import enCasework from '../locales/en/casework.json';
import jaCreditors from '../locales/ja/creditors.json';
import enCreditors from '../locales/en/creditors.json';
import jaStatements from '../locales/ja/statements.json';
import enStatements from '../locales/en/statements.json';
import jaRechallenge from '../locales/ja/rechallenge.json';
import enRechallenge from '../locales/en/rechallenge.json';
import jaMeetings from '../locales/ja/meetings.json';
import enMeetings from '../locales/en/meetings.json';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  ja: {
    common: jaCommon,
    home: jaHome,
    directory: jaDirectory,
    finance: jaFinance,
    auth: jaAuth,
    account: jaAccount,
    cases: jaCases,
    members: jaMembers,
    guarantors: jaGuarantors,
    documents: jaDocuments,
    intake: jaIntake,
    casework: jaCasework,
    creditors: jaCreditors,
    statements: jaStatements,
    rechallenge: jaRechallenge,
    revitalization: jaRevitalization,
    meetings: jaMeetings,
  },
  en: {
    common: enCommon,
    home: enHome,
    directory: enDirectory,
    finance: enFinance,
    auth: enAuth,
    account: enAccount,
    cases: enCases,
    members: enMembers,
    guarantors: enGuarantors,
    documents: enDocuments,
    intake: enIntake,
    casework: enCasework,
    creditors: enCreditors,
    statements: enStatements,
    rechallenge: enRechallenge,
    revitalization: enRevitalization,
    meetings: enMeetings,
  },
} as const;
