/**
 * @kasseika/domain — the pure rules of Kasseika. No I/O, no clock, no framework: every input is a parameter.
 * Import from the package root only; the list below is the public surface.
 */
export * from './money/yen';
export * from './money/parse-amount';
export * from './text/japanese-text';
export * from './directory/prefectures';
export * from './directory/directory';
export * from './cases/case-workflow';
export * from './intake/corporate-number';
export * from './intake/company-identity';
export * from './intake/self-check';
export * from './cases/triage';
export * from './cases/business-days';
export * from './cases/stage-checklists';
export * from './cases/earnings-improvement';
export * from './creditors/plan-consent';
export * from './cases/case-search';
export * from './cases/rechallenge';
export * from './cases/revitalization';
