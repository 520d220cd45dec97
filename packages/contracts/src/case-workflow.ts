import { z } from 'zod';
import { CASE_EVENTS, CASE_OUTCOMES, CASE_STAGES, CASE_TRACKS } from '@kasseika/domain';
import { localizedTextSchema } from './problem';

export const caseStageSchema = z.enum(CASE_STAGES).meta({ id: 'CaseStage', description: 'Workflow stage (REFERENCE §1.4)' });
export const caseTrackSchema = z.enum(CASE_TRACKS).meta({ id: 'CaseTrack' });
export const caseOutcomeSchema = z.enum(CASE_OUTCOMES).meta({ id: 'CaseOutcome' });
export const caseEventSchema = z.enum(CASE_EVENTS).meta({ id: 'CaseEvent' });

/** A transition the case could take next, with whether its guards hold now (computed by the server). */
export const nextTransitionSchema = z
  .object({
    event: caseEventSchema,
    to: caseStageSchema,
    label: localizedTextSchema,
    allowed: z.boolean(),
    reasons: z.array(localizedTextSchema).meta({ description: 'Why it is not allowed yet (empty when allowed)' }),
  })
  .meta({ id: 'NextTransition' });

export const transitionBodySchema = z
  .strictObject({
    event: z.string().trim().min(1, 'event.required').max(60, 'event.required'),
    /** The stage the user saw; a case that moved meanwhile is refused (409) instead of acted on twice. */
    expectedStage: caseStageSchema,
    reason: z.string().trim().min(1, 'transitionReason.length').max(2000, 'transitionReason.length'),
  })
  .meta({ id: 'TransitionBody' });

export const caseTransitionSchema = z
  .object({
    id: z.string(),
    event: z.string(),
    fromStage: caseStageSchema,
    toStage: caseStageSchema,
    actorName: z.string().nullable(),
    reason: z.string(),
    at: z.string(),
  })
  .meta({ id: 'CaseTransition' });

export const caseTransitionListSchema = z
  .object({ items: z.array(caseTransitionSchema) })
  .meta({ id: 'CaseTransitionList', description: 'Workflow history, oldest first' });

export type NextTransition = z.infer<typeof nextTransitionSchema>;
export type TransitionBody = z.infer<typeof transitionBodySchema>;
export type CaseTransitionList = z.infer<typeof caseTransitionListSchema>;
