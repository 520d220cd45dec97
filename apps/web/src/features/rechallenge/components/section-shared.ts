import { useQueryClient } from '@tanstack/react-query';
import { rechallengeKeys } from '../api/rechallenge';

export const CARD = 'rounded-12 border border-line-light bg-surface p-4 md:p-6';

/** Refetches the 再チャレンジ queries of a case after a change. */
export function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: rechallengeKeys.all(caseId) }, { cancelRefetch: false });
}
