export * from './roles';
export * from './directory';
export * from './cases';
