export * from './roles';
export * from './directory';
export * from './identity';
export * from './cases';
export * from './audit';
export * from './documents';
export * from './financials';
export * from './creditors';
