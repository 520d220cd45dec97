import type { CaseStage } from '@kasseika/domain';
import type { Tx } from '../../db/client';
import type { CaseRow } from './cases.repository';

/**
 * What a transition hook learns about a recorded move: the case as it was before the move, the event, the stages,
 * the moment, the (decrypted) reason and who moved it.
 */
export interface CaseTransitionNotice {
  readonly row: CaseRow;
  readonly event: string;
  readonly from: CaseStage;
  readonly to: CaseStage;
  readonly at: Date;
  readonly reason: string;
  readonly actorUserId: string;
}

/**
 * Work another module does in the same transaction when a case moves (ADR 0011): the intake module mails the
 * requester on accept/decline, the plans module freezes the agreed plan on 成立. A hook that throws rolls the move
 * back.
 */
export type CaseTransitionHook = (tx: Tx, notice: CaseTransitionNotice) => Promise<void>;
