/**
 * @kasseika/contracts — the one contract between server and web app. zod schemas here are the source of the
 * OpenAPI 3.1 document (`/api/openapi.json`) and of the web app's form validation.
 */
export * from './problem';
export * from './validation-messages';
export * from './directory';
export * from './health';
export * from './auth';
export * from './access';
export * from './documents';
export * from './passkeys';
export * from './oidc';
export * from './calculations';
export * from './case-workflow';
export * from './financials';
export * from './guarantors';
export * from './intake';
export * from './casework';
export * from './earnings-improvement';
export * from './creditors';
export * from './rechallenge';
export * from './revitalization';
export * from './bank-meetings';
