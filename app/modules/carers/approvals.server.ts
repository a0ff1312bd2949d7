import type { Tx } from '~/lib/db.server';
import { dueDate } from '~/lib/deadlines';

export type ApprovalTermsInput = {
  approvalType: string;
  numberOfChildren: number;
  minAge: number;
  maxAge: number;
  placementKinds: readonly string[];
  specialisms: readonly string[];
  namedChildren: readonly string[];
};

/**
 * The approval record an ADM decision creates (DOMAIN.md §4.1), with its first clocks: the first review within 12
 * months and the Training, Support and Development Standards within 12 months, or 18 for kinship carers (§4.3–4.4).
 * Runs inside the pipeline writer's transaction, so the approval exists exactly when the stage says "approved".
 */
export async function recordApproval(
  tx: Tx,
  approval: {
    householdId: string;
    councilId: string;
    approvedOn: string;
    route: string;
    supervisingWorkerId: string | null;
    terms: ApprovalTermsInput;
    decidedById: string;
  },
) {
  const kinship = approval.route === 'kinship';
  const firstReviewDueOn = dueDate('firstReview', approval.approvedOn);
  return tx.approval.create({
    data: {
      householdId: approval.householdId,
      councilId: approval.councilId,
      approvalType: approval.terms.approvalType,
      approvedOn: approval.approvedOn,
      supervisingWorkerId: approval.supervisingWorkerId,
      firstReviewDueOn,
      nextReviewDueOn: firstReviewDueOn,
      tsdDueOn: dueDate('tsd', approval.approvedOn, { kinship }),
      terms: {
        create: {
          effectiveFrom: approval.approvedOn,
          numberOfChildren: approval.terms.numberOfChildren,
          minAge: approval.terms.minAge,
          maxAge: approval.terms.maxAge,
          placementKinds: approval.terms.placementKinds.join(','),
          specialisms: approval.terms.specialisms.length > 0 ? approval.terms.specialisms.join(',') : null,
          namedChildren: approval.terms.namedChildren.length > 0 ? approval.terms.namedChildren.join(',') : null,
          createdById: approval.decidedById,
        },
      },
    },
    select: { id: true },
  });
}
