import { useMutation, useQuery } from '@tanstack/react-query';
import {
  indicatorsResponseSchema,
  planResultSchema,
  statementsImportResultSchema,
  type IndicatorsRequest,
  type PlanDocument,
} from '@kasseika/contracts';
import { postForFile, postJson, saveFile, uploadFile } from './finance-client';

/** The public quick check (six ロカベン indicators and 債務償還年数). */
export function useQuickCheck() {
  return useMutation({
    mutationFn: (request: IndicatorsRequest) => postJson('/api/v1/calculations/indicators', request, indicatorsResponseSchema),
  });
}

/** The whole plan, recomputed whenever the (debounced, client-valid) document changes. */
export function usePlan(doc: PlanDocument | null) {
  return useQuery({
    queryKey: ['calculations', 'plan', doc],
    queryFn: ({ signal }) => postJson('/api/v1/calculations/plan', doc, planResultSchema, signal),
    enabled: doc !== null,
    placeholderData: (previous) => previous,
    staleTime: Infinity,
    retry: false,
  });
}

export function useExportPlan() {
  return useMutation({
    mutationFn: async ({ doc, kind }: { doc: PlanDocument; kind: 'xlsx' | 'pdf' }) => {
      const file =
        kind === 'xlsx'
          ? await postForFile('/api/v1/calculations/plan/workbook', doc, 'plan.xlsx')
          : await postForFile('/api/v1/calculations/plan/summary.pdf', doc, 'plan.pdf');
      saveFile(file);
      return file.filename;
    },
  });
}

export function useImportStatements() {
  return useMutation({
    mutationFn: (file: File) => uploadFile('/api/v1/calculations/statements/import', file, statementsImportResultSchema),
  });
}

export const STATEMENTS_TEMPLATE_URL = '/api/v1/calculations/statements/template.xlsx';
