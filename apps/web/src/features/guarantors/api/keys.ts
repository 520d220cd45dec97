import { PRIVATE } from '../../../lib/private-query';

/** Query key of a case's guarantors (private: dropped from the cache at sign-out). */
export const caseGuaranteesKey = (caseId: string) => [PRIVATE, 'cases', 'detail', caseId, 'guarantors'] as const;
